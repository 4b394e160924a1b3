import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import translation

from tests.factories import MunicipalityFactory, UserFactory
from tests.volunteers.factories import TaskFactory, VolunteerProfileFactory
from volunteers.models import Task
from volunteers.services import task_claim


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="SQLite serialises all writers, so it cannot show a real race; "
                           "run with DATABASE_URL pointing at PostgreSQL.")
@pytest.mark.django_db(transaction=True)
def test_two_volunteers_claiming_at_once_exactly_one_wins():
    # given one open task and two approved volunteers
    municipality = MunicipalityFactory(name="Lejre", code="350", slug="lejre")
    task = TaskFactory(municipality=municipality)
    volunteers = [
        VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True)).user
        for _ in range(2)
    ]
    barrier = threading.Barrier(len(volunteers))
    outcomes: dict[int, str] = {}

    def claim(volunteer):
        # The active language is per thread: read the messages in English here too.
        with translation.override("en"):
            try:
                # Each thread has its own connection; both load the task while it is open.
                mine = Task.objects.get(pk=task.pk)
                barrier.wait(timeout=10)
                task_claim(task=mine, volunteer=volunteer)
                outcomes[volunteer.pk] = "won"
            except ValidationError as error:
                outcomes[volunteer.pk] = " ".join(error.messages)
            finally:
                connections.close_all()

    # when both claim at the same moment
    threads = [threading.Thread(target=claim, args=(v,)) for v in volunteers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    # then exactly one got it, and the other was told it was just taken
    assert sorted(outcomes.values()) == [
        "This task was just taken by another volunteer.", "won"]
    winner = next(pk for pk, outcome in outcomes.items() if outcome == "won")
    task.refresh_from_db()
    assert task.status == "claimed"
    assert task.claimed_by_id == winner
