"""The welcome letter task calls the delivery service with a household id and retries only
transient failures."""

from smtplib import SMTPServerDisconnected

import pytest
from django.core import mail
from django.db import OperationalError

from reception.models import LetterStatus
from reception.tasks import letters as letter_tasks
from reception.tasks import welcome_letter_task

pytestmark = pytest.mark.django_db


def test_the_task_delivers_the_letter(arrived_household):
    # when
    result = welcome_letter_task.apply(args=[arrived_household.pk])

    # then
    assert result.successful()
    assert len(mail.outbox) == 1
    assert arrived_household.letters.get().status == LetterStatus.SENT


def test_the_task_is_acknowledged_only_after_it_ran():
    assert welcome_letter_task.acks_late is True
    assert welcome_letter_task.name == "reception.tasks.letters.welcome_letter_task"


@pytest.mark.parametrize("error", [
    SMTPServerDisconnected("mail server away"), OperationalError("database away"),
])
def test_a_transient_failure_is_retried(monkeypatch, error):
    # given a delivery that fails once
    calls = []

    def deliver(*, household_id):
        calls.append(household_id)
        if len(calls) == 1:
            raise error

    monkeypatch.setattr(letter_tasks, "welcome_letter_deliver", deliver)

    # when (run eagerly, a retry runs at once)
    welcome_letter_task.apply(args=[42])

    # then
    assert calls == [42, 42]


def test_a_bug_is_not_retried(monkeypatch):
    calls = []

    def deliver(*, household_id):
        calls.append(household_id)
        raise ValueError("bad data")

    monkeypatch.setattr(letter_tasks, "welcome_letter_deliver", deliver)

    result = welcome_letter_task.apply(args=[42])

    assert result.failed()
    assert calls == [42]


def test_retries_are_bounded():
    assert 0 < welcome_letter_task.max_retries <= 10
