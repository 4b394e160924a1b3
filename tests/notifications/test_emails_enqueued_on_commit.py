"""Storing new notifications sends their e-mails through Celery once the data is committed."""

import pytest

from integration_portal.notifications.models import Notification
from integration_portal.notifications.services import notifications_create_many
from tests.notifications.helpers import tasks_run_eagerly

pytestmark = pytest.mark.django_db


def test_new_notifications_are_emailed_after_commit(
    caseworker, mailoutbox, django_capture_on_commit_callbacks
):
    # given
    notification = Notification(
        municipality=caseworker.municipality, recipient=caseworker,
        subject_key="reception.milestone:1", stage="warning",
        title="Deadline 05.03.2026: Test (case T-1)", url="/cases/1/",
    )

    # when
    with tasks_run_eagerly(), django_capture_on_commit_callbacks(execute=True):
        notifications_create_many(notifications=[notification])
        # then nothing is sent before the commit
        assert mailoutbox == []

    # then
    assert [email.to for email in mailoutbox] == [[caseworker.email]]
