"""A home is never over its capacity, even when two caseworkers place households at the same
moment (PostgreSQL: SQLite serialises all writers, so it cannot show a real race)."""

import datetime
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, connections, transaction
from django.utils import timezone, translation

from housing import services
from housing.models import HousingUnit, Placement
from tests.factories import MunicipalityFactory, UserFactory
from tests.housing.conftest import family
from tests.housing.factories import HousingUnitFactory

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="SQLite serialises all writers, so it cannot show a real race; "
                              "run with DATABASE_URL pointing at PostgreSQL."),
    pytest.mark.django_db(transaction=True),
]

TODAY = timezone.localdate()


def race(*jobs):
    """Run the jobs in threads that start together; their outcomes, in order."""
    barrier = threading.Barrier(len(jobs))
    outcomes = [None] * len(jobs)

    def run(index, job):
        # The active language is per thread: read the messages in English here too.
        with translation.override("en"):
            try:
                outcomes[index] = job(barrier)
            except (ValidationError, IntegrityError) as error:
                outcomes[index] = error
            finally:
                connections.close_all()

    threads = [threading.Thread(target=run, args=(i, job)) for i, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes


@pytest.fixture
def lejre():
    return MunicipalityFactory(name="Lejre", code="350", slug="lejre")


def test_two_reservations_for_the_last_places_at_once_exactly_one_wins(lejre):
    # given a home for 4 and two families of 3, each with its caseworker
    home = HousingUnitFactory(municipality=lejre, capacity=4, rooms=3)
    families = [family(lejre, children_ages=(8,)), family(lejre, children_ages=(5,))]
    caseworkers = [UserFactory(municipality=lejre, caseworker=True) for _ in families]

    def reserve(household, caseworker):
        def job(barrier):
            # Each thread has its own connection and has loaded the home while it was free.
            mine = HousingUnit.objects.get(pk=home.pk)
            barrier.wait(timeout=10)
            return services.placement_reserve(household=household, unit=mine,
                                              actor=caseworker, starts_on=TODAY)
        return job

    # when both reserve at the same moment
    outcomes = race(*(reserve(h, c) for h, c in zip(families, caseworkers, strict=True)))

    # then one got it and the other was told the home is full
    won = [o for o in outcomes if isinstance(o, Placement)]
    lost = [o for o in outcomes if isinstance(o, ValidationError)]
    assert len(won) == 1 and len(lost) == 1, outcomes
    assert lost[0].messages == [
        "The home is full for those dates: 3 of its 4 places are taken, and the household is "
        "3 persons. Choose other dates or another home."]
    assert Placement.objects.filter(unit=home).count() == 1


def test_the_database_refuses_an_overfull_home_whoever_writes(lejre):
    # given a home for 4 with 3 persons placed through the service
    home = HousingUnitFactory(municipality=lejre, capacity=4, rooms=3)
    caseworker = UserFactory(municipality=lejre, caseworker=True)
    services.placement_reserve(household=family(lejre, children_ages=(8,)), unit=home,
                               actor=caseworker, starts_on=TODAY)

    # when a write bypasses the services
    with pytest.raises(IntegrityError, match="capacity is 4"), transaction.atomic():
        Placement.objects.create(household=family(lejre), unit=home, is_permanent=False,
                                 starts_on=TODAY + datetime.timedelta(days=5), persons=2)

    # then only a placement that fits is accepted: after the others have moved out
    Placement.objects.create(household=family(lejre), unit=home, is_permanent=False,
                             starts_on=TODAY + datetime.timedelta(days=5), persons=1)
    assert Placement.objects.filter(unit=home).count() == 2


def test_two_raw_writes_at_once_are_checked_one_after_the_other(lejre):
    # given an empty home for 4 and two families of 3
    home = HousingUnitFactory(municipality=lejre, capacity=4, rooms=3)
    families = [family(lejre, children_ages=(8,)), family(lejre, children_ages=(5,))]

    def insert(household):
        def job(barrier):
            with transaction.atomic():
                barrier.wait(timeout=10)
                return Placement.objects.create(household=household, unit=home,
                                                is_permanent=False, starts_on=TODAY, persons=3)
        return job

    # when both are written directly at the same moment
    outcomes = race(*(insert(h) for h in families))

    # then the trigger let one in and refused the other
    assert sorted(type(o).__name__ for o in outcomes) == ["IntegrityError", "Placement"], outcomes
    assert Placement.objects.filter(unit=home).count() == 1
