"""Each pending notification is e-mailed once: bilingual plain text with a link, no more."""

from datetime import timedelta

import pytest
from django.utils import timezone

from integration_portal.notifications.models import EmailStatus
from integration_portal.notifications.services import notification_emails_send
from tests.notifications.factories import NotificationFactory

pytestmark = pytest.mark.django_db


def test_a_pending_notification_is_emailed_to_its_recipient(caseworker, mailoutbox):
    # given
    notification = NotificationFactory(
        recipient=caseworker, title="Deadline 05.03.2026: Test & check (case LEJ-2026-0004)",
        url="/cases/7/",
    )

    # when
    run = notification_emails_send()

    # then
    assert (run.sent, run.failed) == (1, 0)
    [email] = mailoutbox
    assert email.to == [caseworker.email]
    assert email.subject == (
        "Integrationsportalen: Deadline 05.03.2026: Test & check (case LEJ-2026-0004)"
    )
    assert "Test & check (case LEJ-2026-0004)" in email.body  # plain text: not HTML-escaped
    assert "/cases/7/" in email.body
    assert "/notifications/" in email.body
    assert "Du har fået en påmindelse" in email.body
    assert "You have a new reminder in the Integration Portal" in email.body
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.SENT
    assert notification.email_attempts == 1
    assert notification.emailed_at is not None


def test_a_sent_notification_is_not_emailed_again(caseworker, mailoutbox):
    # given
    NotificationFactory(recipient=caseworker)
    notification_emails_send()

    # when
    run = notification_emails_send()

    # then
    assert run.sent == 0
    assert len(mailoutbox) == 1


def test_every_pending_notification_is_sent_across_batches(caseworker, mailoutbox):
    # given
    NotificationFactory.create_batch(5, recipient=caseworker)

    # when
    run = notification_emails_send(batch_size=2)

    # then
    assert run.sent == 5
    assert len(mailoutbox) == 5


def test_a_deactivated_recipient_gets_no_email(caseworker, mailoutbox):
    # given
    notification = NotificationFactory(recipient=caseworker)
    caseworker.is_active = False
    caseworker.save()

    # when
    notification_emails_send()

    # then
    assert mailoutbox == []
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.PENDING


def test_an_email_claimed_by_another_worker_is_left_to_it(caseworker, mailoutbox):
    # given another worker claimed the notification a minute ago
    notification = NotificationFactory(recipient=caseworker)
    type(notification).objects.filter(pk=notification.pk).update(
        email_status=EmailStatus.SENDING,
        email_claimed_at=timezone.now() - timedelta(minutes=1),
    )

    # when
    notification_emails_send()

    # then
    assert mailoutbox == []
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.SENDING


def test_an_email_abandoned_by_a_dead_worker_is_sent(caseworker, mailoutbox):
    # given a worker claimed the notification an hour ago and never finished
    notification = NotificationFactory(recipient=caseworker)
    type(notification).objects.filter(pk=notification.pk).update(
        email_status=EmailStatus.SENDING,
        email_claimed_at=timezone.now() - timedelta(hours=1),
    )

    # when
    notification_emails_send()

    # then
    assert len(mailoutbox) == 1
    notification.refresh_from_db()
    assert notification.email_status == EmailStatus.SENT
