"""The welcome letter task may run any number of times: one letter, one e-mail, at most."""

from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.utils import timezone

from integration_portal.audit.models import AuditEvent
from integration_portal.letters.models import LetterKind
from reception import letters as letter_services
from reception.letters import welcome_letter_deliver
from reception.models import Letter, LetterChannel, LetterStatus

pytestmark = pytest.mark.django_db


def test_running_twice_sends_one_email_and_keeps_one_letter(arrived_household):
    # given the letter was delivered
    first = welcome_letter_deliver(household_id=arrived_household.pk)
    events = AuditEvent.objects.count()

    # when the task runs again
    second = welcome_letter_deliver(household_id=arrived_household.pk)

    # then nothing more happens
    assert len(mail.outbox) == 1
    assert Letter.objects.filter(household=arrived_household).count() == 1
    assert (second.pk, second.pdf.name, second.sent_at) == (first.pk, first.pdf.name, first.sent_at)
    assert AuditEvent.objects.count() == events


def existing_letter(household, status: str) -> Letter:
    """A letter left by an earlier run that stopped after reaching `status`."""
    letter = Letter(household=household, kind=LetterKind.WELCOME, languages=["da", "ar"],
                    channel=LetterChannel.EMAIL, status=status)
    if status != LetterStatus.PENDING:
        letter.pdf.save("x.pdf", ContentFile(b"%PDF-1.7 earlier run"), save=False)
        letter.rendered_at = timezone.now()
    letter.save()
    return letter


def test_a_letter_left_pending_is_rendered_and_sent_once(arrived_household):
    # given an earlier run created the letter and died before rendering it
    letter = existing_letter(arrived_household, LetterStatus.PENDING)

    # when
    result = welcome_letter_deliver(household_id=arrived_household.pk)

    # then this run renders and sends that same letter
    assert result.pk == letter.pk
    assert result.status == LetterStatus.SENT
    assert len(mail.outbox) == 1
    with result.pdf.open("rb") as pdf:
        assert pdf.read().startswith(b"%PDF-")


def test_a_letter_left_rendered_is_sent_without_rendering_it_again(arrived_household):
    # given an earlier run rendered the letter and died before sending it
    letter = existing_letter(arrived_household, LetterStatus.RENDERED)

    # when
    result = welcome_letter_deliver(household_id=arrived_household.pk)

    # then the earlier run's PDF is the one sent
    assert (result.status, result.pdf.name) == (LetterStatus.SENT, letter.pdf.name)
    [(_, content, _)] = mail.outbox[0].attachments
    assert content == b"%PDF-1.7 earlier run"


@pytest.mark.parametrize("status", [
    LetterStatus.SENT, LetterStatus.AWAITING_PRINT, LetterStatus.PRINTED,
])
def test_a_delivered_letter_is_left_alone(arrived_household, status):
    # given
    letter = existing_letter(arrived_household, status)

    # when
    result = welcome_letter_deliver(household_id=arrived_household.pk)

    # then
    assert mail.outbox == []
    assert (result.pk, result.status, result.pdf.name) == (letter.pk, status, letter.pdf.name)
    assert Letter.objects.count() == 1


def test_a_run_that_loses_the_race_to_create_the_letter_leaves_it_to_the_winner(
    arrived_household, monkeypatch
):
    # given another run inserts the letter just after this run found none
    real_addressees = letter_services.letter_addressees
    winner = {}

    def other_run_creates_the_letter(**kwargs):
        winner["letter"] = existing_letter(arrived_household, LetterStatus.PENDING)
        return real_addressees(**kwargs)

    monkeypatch.setattr(letter_services, "letter_addressees", other_run_creates_the_letter)

    # when
    result = welcome_letter_deliver(household_id=arrived_household.pk)

    # then the database refused this run's letter, and this run did nothing more
    assert result is None
    assert list(Letter.objects.all()) == [winner["letter"]]
    assert Letter.objects.get().status == LetterStatus.PENDING
    assert mail.outbox == []


def test_when_sending_fails_the_retry_sends_it(arrived_household, monkeypatch):
    # given the mail server is down for the first attempt
    real_send = EmailMessage.send
    attempts = []

    def flaky_send(message, *args, **kwargs):
        attempts.append(message)
        if len(attempts) == 1:
            raise SMTPServerDisconnected("connection lost")
        return real_send(message, *args, **kwargs)

    monkeypatch.setattr(EmailMessage, "send", flaky_send)

    # when the first run fails
    with pytest.raises(SMTPServerDisconnected):
        welcome_letter_deliver(household_id=arrived_household.pk)

    # then the letter is rendered but not marked as sent
    letter = Letter.objects.get()
    assert (letter.status, letter.sent_at) == (LetterStatus.RENDERED, None)

    # and when the task's retry runs, it is sent, once
    welcome_letter_deliver(household_id=arrived_household.pk)
    assert len(mail.outbox) == 1
    assert Letter.objects.get().status == LetterStatus.SENT
