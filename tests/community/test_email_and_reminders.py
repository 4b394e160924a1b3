"""The association is e-mailed once per referral, and the caseworker is reminded once when
the follow-up date comes."""

import datetime

import pytest
from django.conf import settings
from django.utils import timezone

from community import services
from community.reminders import referral_follow_up_scan
from community.tasks import referral_email_sweep_task, referral_email_task
from integration_portal.notifications.models import Notification

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def referral(parent, club, caseworker):
    services.consent_record(person=parent, actor=caseworker, items=["first_name", "phone"],
                            given_on=TODAY, recorded_how="signed_form")
    return services.referral_create(person=parent, association=club, actor=caseworker,
                                    referred_on=TODAY - datetime.timedelta(days=30),
                                    follow_up_on=TODAY - datetime.timedelta(days=2))


def test_running_the_email_task_twice_sends_one_email(referral, mailoutbox):
    # when the task runs twice (a redelivered message, a sweep)
    referral_email_task.apply(args=[referral.pk])
    referral_email_task.apply(args=[referral.pk])

    # then
    assert len(mailoutbox) == 1
    assert "Amina" in mailoutbox[0].body and "Haddad" not in mailoutbox[0].body


def test_a_failed_send_gives_the_claim_back(referral, monkeypatch, mailoutbox):
    # given a mail server that fails once
    def fail(self, *args, **kwargs):
        raise OSError("mail server away")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", fail)
    with pytest.raises(OSError):
        services.referral_email_send(referral_id=referral.pk)
    referral.refresh_from_db()
    assert referral.emailed_at is None

    # when it is back, the retry sends it
    monkeypatch.undo()
    assert services.referral_email_send(referral_id=referral.pk) is True


def test_an_association_without_an_address_gets_no_email(referral, mailoutbox):
    type(referral.association).objects.filter(pk=referral.association_id).update(email="")
    assert services.referral_email_send(referral_id=referral.pk) is False
    assert mailoutbox == []


def test_the_sweep_enqueues_the_referrals_still_waiting(referral, monkeypatch):
    # given a referral made an hour ago whose e-mail never went
    type(referral).objects.filter(pk=referral.pk).update(
        created_at=timezone.now() - datetime.timedelta(hours=1))
    sent = []
    monkeypatch.setattr(referral_email_task, "delay", sent.append)

    # when / then
    assert referral_email_sweep_task() == 1
    assert sent == [referral.pk]


def test_the_follow_up_scan_reminds_the_caseworker_once_without_a_name(referral, caseworker):
    # when the scan runs twice
    assert referral_follow_up_scan(today=TODAY) == 1
    assert referral_follow_up_scan(today=TODAY) == 0

    # then one notification, to the case's caseworker, naming no person
    [notification] = Notification.objects.all()
    assert notification.recipient == caseworker
    assert notification.stage == "overdue"
    assert "LEJ-2026-00042" in notification.title and "Hvalsø IF" in notification.title
    assert "Amina" not in notification.title and "Haddad" not in notification.title
    assert notification.url == f"/community/referrals/{referral.pk}/follow-up/"


def test_a_moved_follow_up_reminds_again_and_a_closed_one_never(referral, caseworker):
    # given a reminder sent, then the follow-up moved to today
    referral_follow_up_scan(today=TODAY)
    services.referral_follow_up(referral=referral, actor=caseworker, status="contacted",
                                follow_up_on=TODAY)

    # when / then it reminds again on the new date
    assert referral_follow_up_scan(today=TODAY) == 1

    # and once closed, never again
    services.referral_follow_up(referral=referral, actor=caseworker, status="declined")
    assert referral_follow_up_scan(today=TODAY + datetime.timedelta(days=30)) == 0


def test_the_scans_are_on_beats_schedule():
    entry = settings.CELERY_BEAT_SCHEDULE["community-referral-follow-up-scan"]
    assert entry["task"] == "community.tasks.referral_follow_up_scan_task"
    assert settings.CELERY_BEAT_SCHEDULE["community-referral-email-sweep"]["task"] == (
        "community.tasks.referral_email_sweep_task")
