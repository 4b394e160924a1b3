"""The private employer's IGU bonus becomes two milestones on the person: 6 months after the
start and at the end. They follow the IGU: extended, they move; cancelled, they go."""

import datetime
from decimal import Decimal

import pytest

from employment.kinds import IGU_BONUS_FINAL, IGU_BONUS_FIRST
from employment.services.igu import interruption_record
from employment.services.measures import measure_cancel, measure_plan
from reception.models import Milestone
from tests.employment.factories import EmployerFactory, measure_type
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 9, 1)
# 24 months from 1 September 2026, both ends included.
END = datetime.date(2028, 8, 31)


@pytest.fixture
def person(household):
    return PersonFactory(household=household, birth_date=datetime.date(1990, 5, 1),
                         residence_basis="asylum_refugee")


def plan_igu(person, caseworker, *, public=False):
    employer = EmployerFactory(municipality=person.household.municipality, is_public=public)
    return measure_plan(actor=caseworker, person=person, measure_type=measure_type("igu"),
                        starts_on=START, hours_per_week=Decimal("30"), employer=employer)


def bonus_dates(person):
    return dict(Milestone.objects.filter(person=person, kind__in=(IGU_BONUS_FIRST,
                                                                  IGU_BONUS_FINAL))
                .values_list("kind", "due_date"))


def test_an_igu_with_a_private_employer_gives_the_two_bonus_milestones(person, caseworker):
    # when
    measure = plan_igu(person, caseworker)

    # then
    assert measure.ends_on == END
    assert bonus_dates(person) == {IGU_BONUS_FIRST: datetime.date(2027, 3, 1),
                                   IGU_BONUS_FINAL: END}


def test_an_igu_with_a_public_employer_gives_no_bonus_milestones(person, caseworker):
    # when
    plan_igu(person, caseworker, public=True)

    # then
    assert bonus_dates(person) == {}


def test_the_final_bonus_moves_when_the_igu_is_extended_for_ten_weeks_of_illness(
        person, caseworker):
    # given
    measure = plan_igu(person, caseworker)

    # when ten weeks of illness extend the IGU
    interruption_record(measure=measure, actor=caseworker, reason="illness",
                        starts_on=datetime.date(2027, 1, 4), ends_on=datetime.date(2027, 3, 14),
                        extend=True)

    # then the end and the final bonus move by 70 days; the first bonus stays
    new_end = END + datetime.timedelta(days=70)
    measure.refresh_from_db()
    assert measure.ends_on == new_end
    assert bonus_dates(person) == {IGU_BONUS_FIRST: datetime.date(2027, 3, 1),
                                   IGU_BONUS_FINAL: new_end}


def test_the_bonus_milestones_go_when_the_igu_is_cancelled_before_it_starts(person, caseworker):
    # given
    measure = plan_igu(person, caseworker)
    assert len(bonus_dates(person)) == 2

    # when
    measure_cancel(actor=caseworker, measure=measure, reason="The employer withdrew.")

    # then
    assert bonus_dates(person) == {}
