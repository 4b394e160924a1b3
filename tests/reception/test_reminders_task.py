"""Beat runs the scan every morning with today's Danish date, and the task wakes the e-mail
sender even when nothing new is due, so that e-mails left from a failed run go out."""

from datetime import UTC, date, datetime

import pytest
from celery.schedules import crontab
from django.conf import settings

from integration_portal.celery import app
from reception.tasks import reminders as reminder_tasks
from reception.tasks.reminders import reminder_scan_task
from tests.notifications.factories import NotificationFactory
from tests.notifications.helpers import tasks_run_eagerly

pytestmark = pytest.mark.django_db


def test_the_scan_runs_every_morning_at_a_quarter_past_six_danish_time():
    # given
    entry = settings.CELERY_BEAT_SCHEDULE["reminder-scan"]
    app.loader.import_default_modules()  # what a worker does at start-up

    # then
    assert entry["task"] in app.tasks
    assert entry["schedule"] == crontab(hour=6, minute=15)
    assert app.conf.timezone == "Europe/Copenhagen"


def test_the_task_scans_with_todays_date_in_denmark(monkeypatch):
    # given 23:30 UTC on 1 March, which is already 2 March in Copenhagen
    scanned = []
    monkeypatch.setattr(reminder_tasks, "reminder_scan", lambda **kwargs: scanned.append(kwargs))
    monkeypatch.setattr("django.utils.timezone.now",
                        lambda: datetime(2026, 3, 1, 23, 30, tzinfo=UTC))

    # when
    reminder_scan_task()

    # then
    assert scanned == [{"today": date(2026, 3, 2)}]


def test_the_task_sends_emails_left_over_from_an_earlier_run(
    caseworker, mailoutbox, django_capture_on_commit_callbacks
):
    # given a notification whose e-mail failed yesterday, and nothing new due today
    NotificationFactory(recipient=caseworker, email_attempts=1)

    # when
    with tasks_run_eagerly(), django_capture_on_commit_callbacks(execute=True):
        reminder_scan_task()

    # then
    assert [email.to for email in mailoutbox] == [[caseworker.email]]
