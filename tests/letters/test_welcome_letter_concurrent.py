"""Several workers running the welcome letter task for the same household at the same moment
send one e-mail and leave one letter — whether they race to create the letter or to send it."""

import threading
from importlib import import_module

import pytest
from django.apps import apps
from django.core import mail
from django.core.files.base import ContentFile
from django.db import connection
from django.utils import timezone

from integration_portal.letters.models import LetterKind
from reception.letters import welcome_letter_deliver
from reception.models import Letter, LetterChannel, LetterStatus

pytestmark = pytest.mark.django_db(transaction=True)
seed = import_module("integration_portal.letters.migrations.0002_seed_national_welcome_texts")

RUNS = 3


def run_concurrently(household_id: int) -> tuple[list, list]:
    """Start RUNS deliveries at the same moment, each with its own database connection."""
    start = threading.Barrier(RUNS)
    results, errors = [], []

    def run():
        try:
            start.wait()
            results.append(welcome_letter_deliver(household_id=household_id))
        except Exception as error:  # reported by the caller's assertion
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(RUNS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results, errors


@pytest.fixture(autouse=True)
def national_texts():
    # An earlier transactional test's flush may have removed the texts seeded by migration.
    seed.seed_welcome_texts(apps, None)


def test_runs_racing_to_create_the_letter_send_one_email(arrived_household):
    # when
    results, errors = run_concurrently(arrived_household.pk)

    # then
    assert errors == []
    assert len(mail.outbox) == 1
    letter = Letter.objects.get()
    assert letter.status == LetterStatus.SENT
    assert {result.pk for result in results if result is not None} == {letter.pk}


def test_runs_racing_to_send_a_rendered_letter_send_one_email(arrived_household):
    # given a letter rendered by an earlier run
    letter = Letter(household=arrived_household, kind=LetterKind.WELCOME,
                    languages=["da", "ar"], channel=LetterChannel.EMAIL,
                    status=LetterStatus.RENDERED, rendered_at=timezone.now())
    letter.pdf.save("x.pdf", ContentFile(b"%PDF-1.7 rendered"), save=True)

    # when
    results, errors = run_concurrently(arrived_household.pk)

    # then
    assert errors == []
    assert len(mail.outbox) == 1
    assert Letter.objects.get().status == LetterStatus.SENT
    assert [result.status for result in results] == [LetterStatus.SENT] * RUNS
