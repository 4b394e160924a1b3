"""Each programme person's status 6, 12 and 24 months after takeover, read from the measures
that had actually started and not ended on the day: a job beats IGU beats education beats
any other measure; none is "none"; a date still ahead is "not yet"."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from employment.selectors.outcomes import Outcome, outcomes_for_persons, person_outcomes
from tests.employment.factories import EmployerFactory, MeasureFactory
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db

TAKEOVER = datetime.date(2025, 1, 15)
AT_6 = datetime.date(2025, 7, 15)
AT_12 = datetime.date(2026, 1, 15)
AT_24 = datetime.date(2027, 1, 15)
TODAY = datetime.date(2026, 11, 22)
DAY = datetime.timedelta(days=1)


def programme_person(municipality, **kwargs):
    fields = {"birth_date": datetime.date(1990, 3, 1), "residence_basis": "asylum_refugee",
              "takeover_date": TAKEOVER, **kwargs}
    return PersonFactory(household=HouseholdFactory(municipality=municipality), **fields)


@pytest.fixture
def person(municipality):
    return programme_person(municipality)


def happened(person, category, *, starts, ends=None, status=None, **kwargs):
    """A measure that actually ran from `starts` to `ends` (None: still running)."""
    return MeasureFactory(person=person, category=category,
                          status=status or ("ended" if ends else "active"),
                          starts_on=starts, ends_on=ends, actual_starts_on=starts,
                          actual_ends_on=ends, **kwargs)


def kinds(person, today=TODAY):
    return [outcome.kind for outcome in person_outcomes(person=person, today=today)]


def test_the_dates_are_calendar_months_after_the_takeover(person):
    outcomes = person_outcomes(person=person, today=TODAY)

    assert [(o.months, o.on) for o in outcomes] == [(6, AT_6), (12, AT_12), (24, AT_24)]


def test_a_takeover_at_a_months_end_keeps_to_the_months_end(municipality):
    person = programme_person(municipality, takeover_date=datetime.date(2025, 8, 31))

    outcomes = person_outcomes(person=person, today=TODAY)

    assert outcomes[0].on == datetime.date(2026, 2, 28)


def test_without_measures_the_past_dates_are_none_and_the_future_not_yet(person):
    assert kinds(person) == ["none", "none", None]


def test_a_date_that_is_today_is_counted(person):
    assert kinds(person, today=AT_12) == ["none", "none", None]
    assert kinds(person, today=AT_12 - DAY) == ["none", None, None]


@pytest.mark.parametrize(("category", "kind"), [
    ("ordinary_job", "job"), ("small_job", "job"), ("igu", "igu"),
    ("education", "education"), ("company_internship", "other_measure"),
    ("language_internship", "other_measure"), ("wage_subsidy_private", "other_measure"),
    ("job_training", "other_measure"), ("special_upskilling", "other_measure"),
])
def test_each_kind_of_measure_gives_its_outcome(person, category, kind):
    # given a measure that ran over the 6-month date only
    measure = happened(person, category, starts=AT_6 - 30 * DAY, ends=AT_6 + 30 * DAY)

    outcomes = person_outcomes(person=person, today=TODAY)

    assert [o.kind for o in outcomes] == [kind, "none", None]
    assert outcomes[0].measure == measure
    assert outcomes[1].measure is None


@pytest.mark.parametrize(("categories", "winner"), [
    (["education", "igu", "ordinary_job"], "ordinary_job"),
    (["education", "igu"], "igu"),
    (["company_internship", "education"], "education"),
    (["company_internship", "small_job"], "small_job"),
])
def test_a_job_beats_igu_beats_education_beats_other_measures(municipality, categories, winner):
    person = programme_person(municipality)
    measures = {category: happened(person, category, starts=AT_12 - 60 * DAY)
                for category in categories}

    outcome = person_outcomes(person=person, today=TODAY)[1]

    assert outcome.measure == measures[winner]


def test_a_measure_that_ended_the_day_before_does_not_count(person):
    happened(person, "ordinary_job", starts=AT_6 - 90 * DAY, ends=AT_6 - DAY)

    assert kinds(person)[0] == "none"


def test_a_measure_that_ends_on_the_day_counts(person):
    happened(person, "ordinary_job", starts=AT_6 - 90 * DAY, ends=AT_6)

    assert kinds(person)[0] == "job"


def test_a_measure_that_starts_on_the_day_counts(person):
    happened(person, "igu", starts=AT_6)

    assert kinds(person) == ["igu", "igu", None]


def test_a_measure_that_starts_the_day_after_does_not_count(person):
    happened(person, "igu", starts=AT_6 + DAY)

    assert kinds(person) == ["none", "igu", None]


def test_the_actual_period_counts_not_the_planned_one(person):
    # given a job planned from well before the date, that actually began the day after
    MeasureFactory(person=person, category="ordinary_job", status="active",
                   starts_on=AT_6 - 30 * DAY, ends_on=None, actual_starts_on=AT_6 + DAY)

    assert kinds(person)[0] == "none"


@pytest.mark.parametrize("status", ["planned", "draft", "cancelled"])
def test_measures_that_did_not_happen_do_not_count(person, status):
    # given a measure planned over the dates (with dates as if it had run)
    happened(person, "ordinary_job", starts=TAKEOVER, status=status)

    assert kinds(person) == ["none", "none", None]


def test_another_persons_measures_do_not_count(person, municipality):
    happened(PersonFactory(household=person.household, relation="spouse",
                           takeover_date=TAKEOVER), "ordinary_job", starts=TAKEOVER)

    assert kinds(person) == ["none", "none", None]


# --- Who is in the programme ------------------------------------------------------------------


def test_a_person_without_a_takeover_date_has_no_outcomes(municipality):
    assert person_outcomes(person=programme_person(municipality, takeover_date=None),
                           today=TODAY) == []


def test_the_takeover_date_set_by_hand_is_used(municipality):
    person = programme_person(municipality, takeover_date=None,
                              takeover_date_override=datetime.date(2025, 2, 3))

    assert person_outcomes(person=person, today=TODAY)[0].on == datetime.date(2025, 8, 3)


def test_a_person_under_18_at_takeover_has_no_outcomes(municipality):
    child = programme_person(municipality, birth_date=datetime.date(2007, 1, 16))

    assert person_outcomes(person=child, today=TODAY) == []


def test_a_person_who_turns_18_on_the_takeover_day_is_in_the_programme(municipality):
    adult = programme_person(municipality, birth_date=datetime.date(2007, 1, 15))

    assert len(person_outcomes(person=adult, today=TODAY)) == 3


def test_another_immigrant_has_no_outcomes(municipality):
    immigrant = programme_person(municipality, residence_basis="other_immigrant")

    assert person_outcomes(person=immigrant, today=TODAY) == []


@pytest.mark.parametrize("basis", ["quota_refugee", "family_reunified", "ukrainian_special_act"])
def test_refugees_family_reunified_and_ukrainians_are_in_the_programme(municipality, basis):
    assert len(person_outcomes(person=programme_person(municipality, residence_basis=basis),
                               today=TODAY)) == 3


def test_many_persons_leave_out_those_outside_the_programme(municipality):
    inside = programme_person(municipality)
    outside = programme_person(municipality, residence_basis="other_immigrant")

    outcomes = outcomes_for_persons(persons=[inside, outside], today=TODAY)

    assert list(outcomes) == [inside.pk]


def test_the_query_count_does_not_grow_with_the_persons(municipality,
                                                        django_assert_num_queries):
    employer = EmployerFactory(municipality=municipality)

    def persons(count):
        made = []
        for n in range(count):
            person = programme_person(municipality)
            happened(person, ["ordinary_job", "igu", "education"][n % 3],
                     starts=TAKEOVER + n * DAY, employer=employer)
            made.append(person)
        return made

    few, many = persons(2), persons(25)

    with django_assert_num_queries(1):
        first = outcomes_for_persons(persons=few, today=TODAY)
    with django_assert_num_queries(1):
        second = outcomes_for_persons(persons=many, today=TODAY)
    # the measures come with their kind and employer: reading them costs nothing more
    with django_assert_num_queries(0):
        shown = [(o.kind_label, str(o.measure.measure_type), o.measure.employer_display)
                 for result in (first, second) for outcomes in result.values()
                 for o in outcomes if o.measure]
    assert len(shown) == 2 * 27


def test_no_query_when_every_date_is_ahead(person, django_assert_num_queries):
    with django_assert_num_queries(0):
        outcomes = person_outcomes(person=person, today=TAKEOVER)

    assert [o.kind for o in outcomes] == [None, None, None]


# --- The person page's table -----------------------------------------------------------------


def test_the_table_shows_the_status_with_the_measure_and_not_yet(person):
    employer = EmployerFactory(municipality=person.household.municipality, name="Lejre Bageri")
    happened(person, "ordinary_job", starts=AT_12 - 10 * DAY, employer=employer)

    with translation.override("en"):
        html = render_to_string("employment/_outcomes.html", {
            "outcomes": person_outcomes(person=person, today=TODAY)})

    assert "6 months" in html and "12 months" in html and "24 months" in html
    assert "None" in html
    assert "Job: Ordinary job, Lejre Bageri" in html
    assert "Not yet" in html
    assert f'<time datetime="{AT_24.isoformat()}">' in html
    assert "<caption" in html and 'scope="col"' in html


def test_the_table_says_when_the_person_is_not_in_the_programme():
    with translation.override("en"):
        html = render_to_string("employment/_outcomes.html", {"outcomes": []})

    assert "not in the introduction programme" in html


def test_an_outcome_not_yet_has_no_label():
    assert Outcome(months=6, on=AT_6, kind=None).kind_label == ""
