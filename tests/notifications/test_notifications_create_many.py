"""`notifications_create_many` stores each (subject, stage, recipient) once and wakes the
e-mail sender only when something is new."""

import pytest
from django.core.exceptions import ValidationError

from integration_portal.notifications import services
from integration_portal.notifications.models import Notification, NotificationStage
from integration_portal.notifications.services import notifications_create_many
from integration_portal.notifications.tasks import notification_emails_send_task
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _notification(recipient, *, subject="reception.milestone:1", stage=NotificationStage.WARNING):
    return Notification(
        municipality=recipient.municipality, recipient=recipient, subject_key=subject,
        stage=stage, title="Deadline 05.03.2026: Test (case T-1)", url="/cases/1/",
    )


def test_new_notifications_are_stored_and_counted(caseworker, manager):
    # when
    created = notifications_create_many(
        notifications=[_notification(caseworker), _notification(manager)]
    )

    # then
    assert created == 2
    assert set(Notification.objects.values_list("recipient", "email_status", "read_at")) == {
        (caseworker.pk, "pending", None), (manager.pk, "pending", None),
    }


def test_the_same_subject_stage_and_recipient_is_stored_only_once(caseworker):
    # given
    notifications_create_many(notifications=[_notification(caseworker)])

    # when the same notification is offered again, in one call twice over
    created = notifications_create_many(
        notifications=[_notification(caseworker), _notification(caseworker)]
    )

    # then
    assert created == 0
    assert Notification.objects.count() == 1


def test_another_stage_or_recipient_of_the_same_subject_is_new(caseworker):
    # given
    colleague = UserFactory(municipality=caseworker.municipality, caseworker=True)
    notifications_create_many(notifications=[_notification(caseworker)])

    # when
    created = notifications_create_many(notifications=[
        _notification(caseworker, stage=NotificationStage.OVERDUE),
        _notification(colleague),
    ])

    # then
    assert created == 2
    assert Notification.objects.count() == 3


def test_a_concurrent_run_that_stored_it_first_causes_no_error(caseworker, monkeypatch):
    # given another run stored the notification after this run looked for existing ones
    notifications_create_many(notifications=[_notification(caseworker)])
    monkeypatch.setattr(services, "_existing_keys", lambda notifications: set())

    # when
    notifications_create_many(notifications=[_notification(caseworker)])

    # then the constraint, with ON CONFLICT DO NOTHING, kept it to one row
    assert Notification.objects.count() == 1


def test_emails_are_enqueued_on_commit_only_when_something_is_new(
    caseworker, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks() as first:
        notifications_create_many(notifications=[_notification(caseworker)])
    with django_capture_on_commit_callbacks() as second:
        notifications_create_many(notifications=[_notification(caseworker)])

    # then
    assert first == [notification_emails_send_task.delay]
    assert second == []


def test_an_invalid_notification_stores_nothing(caseworker):
    # given one valid notification and one with an over-long title
    too_long = _notification(caseworker, subject="reception.milestone:2")
    too_long.title = "x" * 201

    # when / then
    with pytest.raises(ValidationError):
        notifications_create_many(notifications=[_notification(caseworker), too_long])
    assert not Notification.objects.exists()
