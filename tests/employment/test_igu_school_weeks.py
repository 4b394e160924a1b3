"""Planning an IGU's school weeks: kept by their Monday, inside the IGU, each once; marked
held or missed once they have begun; only a planned week can be taken out again."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from employment.models import IguSchoolWeek
from employment.services.igu import school_week_add, school_week_remove, school_week_set_status
from integration_portal.audit.models import AuditEvent
from reception.services import case_trail
from tests.employment.factories import IguFactory, MeasureFactory
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

# A Tuesday: the IGU runs from Tuesday 1 September 2026 to Thursday 31 August 2028.
START = datetime.date(2026, 9, 1)


@pytest.fixture
def igu(household):
    return IguFactory(person=PersonFactory(household=household), starts_on=START)


def test_any_day_of_the_week_gives_the_week_starting_on_its_monday(igu, caseworker):
    # when a Thursday is given
    week = school_week_add(measure=igu, actor=caseworker, week_starts_on=datetime.date(2026, 10, 8),
                           school=" AMU Vestsjælland ")

    # then the week is kept by its Monday, planned, and the change is on the case's trail
    week.refresh_from_db()
    assert (week.week_starts_on, week.status, week.school) == (
        datetime.date(2026, 10, 5), "planned", "AMU Vestsjælland")
    event = AuditEvent.objects.get(object_type="employment.iguschoolweek")
    assert (event.trail, event.summary) == (case_trail(igu.household_id),
                                            "IGU school week planned")


@pytest.mark.parametrize("day", [
    # The Monday of the first week is the day before the IGU starts.
    datetime.date(2026, 9, 3),
    datetime.date(2026, 8, 24),
    # The Monday after the last day.
    datetime.date(2028, 9, 4),
])
def test_a_week_outside_the_igu_is_refused(igu, caseworker, day):
    # when / then
    with pytest.raises(ValidationError) as refused:
        school_week_add(measure=igu, actor=caseworker, week_starts_on=day)
    assert "is outside the IGU, which runs from" in refused.value.message_dict[
        "week_starts_on"][0]
    assert not IguSchoolWeek.objects.exists()


def test_the_last_week_that_starts_inside_the_igu_is_accepted(igu, caseworker):
    # when the Monday is 28 August 2028, three days before the end
    week = school_week_add(measure=igu, actor=caseworker, week_starts_on=datetime.date(2028, 8, 31))

    # then
    assert week.week_starts_on == datetime.date(2028, 8, 28)


def test_the_same_week_twice_is_refused_with_its_number(igu, caseworker):
    # given
    school_week_add(measure=igu, actor=caseworker, week_starts_on=datetime.date(2026, 10, 5))

    # when another day of the same week is given
    with pytest.raises(ValidationError) as refused:
        school_week_add(measure=igu, actor=caseworker, week_starts_on=datetime.date(2026, 10, 9))

    # then
    assert refused.value.message_dict["week_starts_on"] == [
        "The week starting 10/05/2026 (week 41) is already in the plan."]
    assert IguSchoolWeek.objects.count() == 1


def test_only_an_igu_has_school_weeks(household, caseworker):
    # given a company internship
    internship = MeasureFactory(person=PersonFactory(household=household), starts_on=START)

    # when / then
    with pytest.raises(ValidationError, match="Only an IGU"):
        school_week_add(measure=internship, actor=caseworker,
                        week_starts_on=datetime.date(2026, 10, 5))


@pytest.mark.parametrize("status", ["cancelled", "ended", "draft"])
def test_weeks_are_planned_only_while_the_igu_is_planned_or_running(household, caseworker,
                                                                     status):
    # given
    igu = IguFactory(person=PersonFactory(household=household), starts_on=START, status=status)

    # when / then
    with pytest.raises(ValidationError, match="Only a planned or running IGU"):
        school_week_add(measure=igu, actor=caseworker, week_starts_on=datetime.date(2026, 10, 5))


def test_another_municipality_cannot_plan_a_week(igu, other_caseworker, manager):
    for actor in (other_caseworker, manager):
        with pytest.raises(PermissionError):
            school_week_add(measure=igu, actor=actor, week_starts_on=datetime.date(2026, 10, 5))
    assert not IguSchoolWeek.objects.exists()


def test_a_week_that_has_begun_is_marked_held_or_missed(igu, caseworker):
    # given
    week = school_week_add(measure=igu, actor=caseworker, week_starts_on=datetime.date(2026, 10, 5))

    # when
    school_week_set_status(week=week, actor=caseworker, status="missed", note=" Ill all week ")

    # then
    week.refresh_from_db()
    assert (week.status, week.note) == ("missed", "Ill all week")


def test_a_week_ahead_cannot_be_held_yet(household, caseworker):
    # given an IGU whose weeks are all in the future
    start = timezone.localdate() + datetime.timedelta(days=14)
    igu = IguFactory(person=PersonFactory(household=household), starts_on=start)
    week = school_week_add(measure=igu, actor=caseworker,
                           week_starts_on=start + datetime.timedelta(days=7))

    # when / then
    with pytest.raises(ValidationError) as refused:
        school_week_set_status(week=week, actor=caseworker, status="held")
    assert "has not begun: it can only be planned" in refused.value.message_dict["status"][0]
    week.refresh_from_db()
    assert week.status == "planned"


def test_a_planned_week_is_removed_but_a_held_one_stays(igu, caseworker):
    # given
    planned = school_week_add(measure=igu, actor=caseworker,
                              week_starts_on=datetime.date(2026, 10, 5))
    held = school_week_add(measure=igu, actor=caseworker,
                           week_starts_on=datetime.date(2026, 10, 12))
    school_week_set_status(week=held, actor=caseworker, status="held")

    # when
    school_week_remove(week=planned, actor=caseworker)
    with pytest.raises(ValidationError, match="Only a planned school week can be removed"):
        school_week_remove(week=held, actor=caseworker)

    # then
    assert list(IguSchoolWeek.objects.values_list("week_starts_on", flat=True)) == [
        datetime.date(2026, 10, 12)]
