"""A worker killed in the middle of a task leaves no duplicate and no gap: the task is
acknowledged only when it is done (acks late), so Redis gives it to the next worker after the
visibility timeout, and the task is idempotent, so doing it again finishes the work once.

Runs real workers against a private redis-server; the first worker is made to stop at a known
point (see WORKER_BOOT) and is killed there with SIGKILL.
"""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from integration_portal.notifications.models import Notification
from reception import services
from reception.models import Letter
from reception.tasks.reminders import reminder_scan_task
from tests.core.broker_processes import (
    VISIBILITY_TIMEOUT,
    announced_household,
    broker,
    private_redis,
    running_worker,
    wait_for,
)
from tests.factories import HouseholdFactory, MilestoneFactory

__all__ = ["broker", "private_redis"]  # fixtures

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_a_worker_killed_while_rendering_a_welcome_letter_leaves_exactly_one_letter(
    broker, municipality, caseworker, tmp_path
):
    # given a worker that will stop half-way through the letter, after creating its row
    with running_worker(broker.url, tmp_path, OUTBOX_TEST_PAUSE="letter_render") as first:
        household = announced_household(municipality, caseworker, language="uk",
                                        first_name="Olena", last_name="Kovalenko", born=1979)
        # (sends the letter's task to the private Redis when it commits)
        services.household_mark_arrived(household=household, actor=caseworker,
                                        arrival_date=timezone.localdate())

        # when the worker is killed while it renders the letter
        first.wait_until_paused()
        first.kill()

    # then the letter was begun, not finished
    assert list(Letter.objects.filter(household=household).values_list("status", flat=True)) \
        == ["pending"]

    # when a new worker starts once the message is visible again
    time.sleep(VISIBILITY_TIMEOUT + 1)
    with running_worker(broker.url, tmp_path):
        wait_for(lambda: Letter.objects.filter(household=household,
                                               status="awaiting_print").exists(),
                 90, "the welcome letter to be finished")
        time.sleep(1)  # a second delivery, had there been one, would have had time to run

    # then there is exactly one letter, finished
    letter = Letter.objects.get(household=household)
    assert letter.status == "awaiting_print"
    assert letter.pdf.read(5) == b"%PDF-"


def test_a_worker_killed_in_the_middle_of_the_reminder_scan_leaves_no_gap_or_duplicate(
    broker, municipality, caseworker, tmp_path
):
    # given ten deadlines tomorrow, scanned four at a time
    tomorrow = timezone.localdate() + timedelta(days=1)
    milestones = [
        MilestoneFactory(household=HouseholdFactory(municipality=municipality,
                                                    caseworker=caseworker),
                         due_date=tomorrow)
        for _ in range(10)
    ]
    scan = {"OUTBOX_TEST_SCAN_BATCH": "4"}

    # when the worker is killed after the first batch is stored
    with running_worker(broker.url, tmp_path, OUTBOX_TEST_PAUSE="scan_after_first_batch",
                        **scan) as first:
        reminder_scan_task.delay()
        first.wait_until_paused()
        first.kill()

    # then the scan was half done
    assert Notification.objects.count() == 4

    # when a new worker starts once the message is visible again
    time.sleep(VISIBILITY_TIMEOUT + 1)
    with running_worker(broker.url, tmp_path, **scan):
        wait_for(lambda: Notification.objects.count() >= 10, 90, "the scan to finish")
        time.sleep(1)

    # then every deadline is notified exactly once
    keys = sorted(Notification.objects.values_list("subject_key", flat=True))
    assert keys == sorted(f"reception.milestone:{milestone.pk}" for milestone in milestones)
    assert set(Notification.objects.values_list("recipient", flat=True)) == {caseworker.pk}
