"""An e-mail that fails is tried again later, up to five times, and is never lost."""

from smtplib import SMTPException, SMTPRecipientsRefused, SMTPServerDisconnected

import pytest
from django.core.mail.backends.locmem import EmailBackend

from integration_portal.notifications.models import EmailStatus
from integration_portal.notifications.services import MAX_EMAIL_ATTEMPTS, notification_emails_send
from integration_portal.notifications.tasks import (
    NotificationEmailsDeferred,
    notification_emails_send_task,
)
from tests.factories import UserFactory
from tests.notifications.factories import NotificationFactory

pytestmark = pytest.mark.django_db

real_send_messages = EmailBackend.send_messages


def _fail_with(monkeypatch, error: Exception, *, only_to: str | None = None) -> None:
    def send_messages(backend, messages):
        if only_to is None or any(only_to in message.to for message in messages):
            raise error
        return real_send_messages(backend, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", send_messages)


def test_a_failed_email_stays_pending_and_a_later_run_sends_it(
    caseworker, mailoutbox, monkeypatch
):
    # given a mail server that fails
    notification = NotificationFactory(recipient=caseworker)
    _fail_with(monkeypatch, SMTPException("451 try again later"))

    # when
    run = notification_emails_send()

    # then
    assert (run.sent, run.failed, run.deferred) == (0, 1, True)
    notification.refresh_from_db()
    assert (notification.email_status, notification.email_attempts) == (EmailStatus.PENDING, 1)

    # when the server is back and the sender runs again
    monkeypatch.undo()
    notification_emails_send()

    # then
    assert len(mailoutbox) == 1
    notification.refresh_from_db()
    assert (notification.email_status, notification.email_attempts) == (EmailStatus.SENT, 2)


def test_a_server_failure_stops_the_run_without_spending_the_others_attempts(
    caseworker, monkeypatch
):
    # given
    first, second, third = NotificationFactory.create_batch(3, recipient=caseworker)
    _fail_with(monkeypatch, SMTPServerDisconnected("Connection unexpectedly closed"))

    # when
    run = notification_emails_send()

    # then only the first was tried
    assert run.failed == 1
    for notification, attempts in ((first, 1), (second, 0), (third, 0)):
        notification.refresh_from_db()
        assert (notification.email_status, notification.email_attempts) == (
            EmailStatus.PENDING, attempts
        )


def test_a_refused_address_does_not_hold_up_the_others(caseworker, mailoutbox, monkeypatch):
    # given
    refused = UserFactory(municipality=caseworker.municipality, caseworker=True)
    NotificationFactory(recipient=refused)
    NotificationFactory(recipient=caseworker)
    _fail_with(monkeypatch, SMTPRecipientsRefused({refused.email: (550, b"No such user")}),
               only_to=refused.email)

    # when
    run = notification_emails_send()

    # then
    assert (run.sent, run.failed) == (1, 1)
    assert [email.to for email in mailoutbox] == [[caseworker.email]]


def test_an_email_is_given_up_after_five_attempts(caseworker, mailoutbox, monkeypatch):
    # given a notification that has failed four times
    notification = NotificationFactory(recipient=caseworker, email_attempts=MAX_EMAIL_ATTEMPTS - 1)
    _fail_with(monkeypatch, SMTPException("554 rejected"))

    # when it fails a fifth time
    notification_emails_send()

    # then
    notification.refresh_from_db()
    assert (notification.email_status, notification.email_attempts) == (EmailStatus.FAILED, 5)

    # and a later run does not try it again
    monkeypatch.undo()
    notification_emails_send()
    assert mailoutbox == []


def test_the_task_asks_celery_to_retry_when_an_email_failed(caseworker, monkeypatch):
    # given
    NotificationFactory(recipient=caseworker)
    _fail_with(monkeypatch, ConnectionRefusedError("mail server down"))

    # when / then: called directly, Celery's autoretry raises the error it would retry on
    with pytest.raises(NotificationEmailsDeferred):
        notification_emails_send_task()
    assert NotificationEmailsDeferred in notification_emails_send_task.autoretry_for
