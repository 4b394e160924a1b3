"""The worker carries out approvals; a daily sweep picks up the ones whose enqueue was lost."""

import datetime

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.utils import timezone

from integration_portal.celery import app
from integration_portal.retention.models import DecisionStatus, RetentionDecision
from integration_portal.retention.services import retention_approve
from integration_portal.retention.tasks import retention_anonymise_task, retention_sweep_task
from reception.models import Person
from tests.notifications.helpers import tasks_run_eagerly
from tests.retention.helpers import closed_case, period

pytestmark = pytest.mark.django_db


def test_the_sweep_runs_every_night():
    entry = settings.CELERY_BEAT_SCHEDULE["retention-sweep"]
    app.loader.import_default_modules()
    assert entry["task"] in app.tasks
    assert entry["schedule"] == crontab(hour=2, minute=40)


def test_the_sweep_carries_out_approvals_whose_enqueue_was_lost(municipality, manager):
    # given an approval made twenty minutes ago whose task never ran (no on-commit here)
    period(municipality, years=1)
    case = closed_case(municipality, closed_on=datetime.date(2020, 1, 1), first_name="Amal")
    [decision] = retention_approve(municipality=municipality, case_ids=[case.pk],
                                   reason="Kassation", actor=manager)
    RetentionDecision.objects.filter(pk=decision.pk).update(
        approved_at=timezone.now() - datetime.timedelta(minutes=20))

    # when
    with tasks_run_eagerly():
        enqueued = retention_sweep_task()
        again = retention_sweep_task()

    # then
    assert (enqueued, again) == (1, 0)
    assert RetentionDecision.objects.get().status == DecisionStatus.DONE
    assert Person.objects.get(household=case).first_name == ""


def test_the_task_takes_an_id_and_is_safe_to_retry():
    assert retention_anonymise_task.acks_late is True
    assert retention_anonymise_task(0) is False
