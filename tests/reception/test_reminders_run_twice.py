"""The scan is safe to run twice: the second run creates nothing and sends no e-mail."""

from datetime import date

import pytest

from integration_portal.notifications.models import Notification
from reception.reminders import reminder_scan
from tests.factories import HouseholdFactory, MilestoneFactory
from tests.notifications.helpers import tasks_run_eagerly

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 2)


def test_a_second_run_creates_nothing_and_sends_no_second_email(
    caseworker, manager, mailoutbox, django_capture_on_commit_callbacks
):
    # given one deadline soon and one passed
    household = HouseholdFactory(municipality=caseworker.municipality, caseworker=caseworker)
    MilestoneFactory(household=household, kind="programme_start", due_date=date(2026, 3, 4))
    MilestoneFactory(household=household, kind="danish_referral", due_date=date(2026, 2, 27))
    with tasks_run_eagerly(), django_capture_on_commit_callbacks(execute=True):
        first = reminder_scan(today=TODAY)
    assert first.notifications_created == 3  # warning: caseworker; overdue: caseworker, manager
    assert sorted(email.to[0] for email in mailoutbox) == sorted(
        [caseworker.email, caseworker.email, manager.email]
    )

    # when the scan runs again the same day
    with tasks_run_eagerly(), django_capture_on_commit_callbacks(execute=True):
        second = reminder_scan(today=TODAY)

    # then
    assert second.notifications_created == 0
    assert Notification.objects.count() == 3
    assert len(mailoutbox) == 3
