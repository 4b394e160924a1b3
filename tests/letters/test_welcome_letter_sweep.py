"""A periodic sweep enqueues the welcome letters that were never delivered, page by page."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from reception.models import LetterStatus
from reception.tasks import letters as letter_tasks
from tests.factories import HouseholdFactory
from tests.letters.factories import LetterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def enqueued(monkeypatch) -> list[int]:
    sent: list[int] = []
    monkeypatch.setattr(letter_tasks.welcome_letter_task, "delay", sent.append)
    return sent


def arrived(municipality, *, minutes_ago: int = 60, status: str = "arrived"):
    return HouseholdFactory(
        municipality=municipality, status=status, arrival_date=date(2026, 3, 2),
        status_changed_at=timezone.now() - timedelta(minutes=minutes_ago),
    )


def test_households_without_a_delivered_letter_are_enqueued(municipality, enqueued):
    # given
    no_letter = arrived(municipality)
    pending = arrived(municipality)
    LetterFactory(household=pending, status=LetterStatus.PENDING, pdf="")
    rendered = arrived(municipality)
    LetterFactory(household=rendered, status=LetterStatus.RENDERED)
    for status in (LetterStatus.SENT, LetterStatus.AWAITING_PRINT, LetterStatus.PRINTED):
        LetterFactory(household=arrived(municipality), status=status)

    # when
    count = letter_tasks.welcome_letter_sweep_task()

    # then
    assert sorted(enqueued) == sorted([no_letter.pk, pending.pk, rendered.pk])
    assert count == 3


def test_households_not_arrived_closed_or_just_arrived_are_left_alone(municipality, enqueued):
    # given
    HouseholdFactory(municipality=municipality, status="announced")
    arrived(municipality, status="closed")
    arrived(municipality, minutes_ago=5)  # its own task is still on it

    # when
    letter_tasks.welcome_letter_sweep_task()

    # then
    assert enqueued == []


def test_the_sweep_pages_through_the_households(municipality, enqueued, monkeypatch):
    # given more households than fit in a batch
    monkeypatch.setattr(letter_tasks, "SWEEP_BATCH_SIZE", 2)
    households = [arrived(municipality) for _ in range(5)]

    # when
    letter_tasks.welcome_letter_sweep_task()

    # then each is enqueued once
    assert enqueued == [household.pk for household in households]
