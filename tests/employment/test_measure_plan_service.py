"""`measure_plan`: what can never be right is refused and nothing is saved; a breach of the
rules in force on the start date is a warning that holds the plan back until every warning
has a reason, and the reasons are kept with the rules they were given against."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from employment.models import EmploymentRuleSet, Measure, RuleAcknowledgement
from employment.services.measures import RuleWarnings, measure_plan
from integration_portal.audit.models import AuditEvent
from reception.services import case_trail
from tests.employment.factories import (
    DanishEducationFactory,
    EmployerFactory,
    MeasureFactory,
    measure_type,
)
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db

START = date(2026, 9, 1)
SEEDED = date(2024, 7, 1)  # the national rules seeded by employment's migration 0003


@pytest.fixture
def person(municipality, caseworker):
    household = HouseholdFactory(municipality=municipality, caseworker=caseworker)
    return PersonFactory(household=household, birth_date=date(1995, 5, 1),
                         residence_basis="asylum_refugee")


def plan(actor, person, category, **values):
    defaults = {"starts_on": START, "hours_per_week": Decimal("20"),
                "employer_name": "Lejre Bageri"}
    return measure_plan(actor=actor, person=person, measure_type=measure_type(category),
                        **{**defaults, **values})


def measure_audits():
    return AuditEvent.objects.filter(object_type="employment.measure")


# --- Refused: nothing is saved -------------------------------------------------------------


def test_an_end_before_the_start_is_refused_and_nothing_is_saved(caseworker, person):
    # when
    with pytest.raises(ValidationError) as refused:
        plan(caseworker, person, "company_internship", ends_on=date(2026, 8, 31))

    # then
    assert refused.value.message_dict == {"ends_on": ["The end is before the start."]}
    assert not Measure.objects.exists()
    assert not measure_audits().exists()


def test_two_overlapping_measures_of_the_same_kind_are_refused(caseworker, person):
    # given: an internship from 1 September to 30 November
    MeasureFactory(person=person, category="company_internship", starts_on=START)

    # when: another starts on its last day
    with pytest.raises(ValidationError) as refused:
        plan(caseworker, person, "company_internship", starts_on=date(2026, 11, 30),
             hours_per_week=Decimal("5"))

    # then
    assert list(refused.value.message_dict) == ["starts_on"]
    assert "two measures of the same kind cannot overlap" in refused.value.messages[0]
    assert Measure.objects.count() == 1


def test_a_measure_of_the_same_kind_starting_the_day_after_is_allowed(caseworker, person):
    MeasureFactory(person=person, category="company_internship", starts_on=START)

    measure = plan(caseworker, person, "company_internship", starts_on=date(2026, 12, 1))

    assert measure.pk and measure.ends_on == date(2027, 3, 1)


def test_a_cancelled_measure_of_the_same_kind_does_not_block(caseworker, person):
    MeasureFactory(person=person, category="company_internship", starts_on=START,
                   status="cancelled")

    assert plan(caseworker, person, "company_internship").pk


def test_more_than_37_hours_with_measures_and_danish_lessons_is_refused(caseworker, person):
    # given: a 20-hour internship and 10 hours of Danish a week
    MeasureFactory(person=person, category="company_internship", starts_on=START,
                   hours_per_week=Decimal("20"))
    DanishEducationFactory(person=person, referred_on=date(2026, 8, 1),
                           hours_per_week=Decimal("10"))

    # when: a small job of 8 hours in the same weeks
    with pytest.raises(ValidationError) as refused:
        plan(caseworker, person, "small_job", starts_on=date(2026, 10, 1),
             ends_on=date(2026, 10, 31), hours_per_week=Decimal("8"))

    # then
    assert refused.value.message_dict == {"hours_per_week": [
        "With the person's other measures and Danish lessons in the same period that is "
        "38.0 hours a week: at most 37.0 are allowed."]}
    assert Measure.objects.count() == 1


def test_exactly_37_hours_in_all_is_allowed(caseworker, person):
    MeasureFactory(person=person, category="company_internship", starts_on=START,
                   hours_per_week=Decimal("20"))
    DanishEducationFactory(person=person, referred_on=date(2026, 8, 1),
                           hours_per_week=Decimal("10"))

    measure = plan(caseworker, person, "small_job", starts_on=date(2026, 10, 1),
                   ends_on=date(2026, 10, 31), hours_per_week=Decimal("7"))

    assert measure.pk


# --- Warnings --------------------------------------------------------------------------------


def test_a_breach_raises_warnings_and_saves_nothing(caseworker, person):
    # given: a person of 55
    person.birth_date = date(1971, 1, 1)
    person.save(update_fields=["birth_date"])

    # when
    with pytest.raises(RuleWarnings) as warned:
        plan(caseworker, person, "igu", hours_per_week=Decimal("20"))

    # then
    assert [b.code for b in warned.value.breaches] == ["igu_max_age", "igu_hours"]
    assert not Measure.objects.exists()
    assert not RuleAcknowledgement.objects.exists()
    assert not measure_audits().exists()


def test_a_blank_reason_is_no_reason(caseworker, person):
    with pytest.raises(RuleWarnings):
        plan(caseworker, person, "igu", hours_per_week=Decimal("20"),
             acknowledgements={"igu_hours": "   "})

    assert not Measure.objects.exists()


def test_with_a_reason_for_each_warning_the_measure_is_saved_with_them(caseworker, person):
    # given
    person.birth_date = date(1971, 1, 1)
    person.save(update_fields=["birth_date"])
    seeded = EmploymentRuleSet.objects.get(municipality=None, effective_from=SEEDED)

    # when
    measure = plan(caseworker, person, "igu", hours_per_week=Decimal("20"), acknowledgements={
        "igu_max_age": " Agreed with the job centre. ",
        "igu_hours": "Part-time because of a disability.",
        "wage_subsidy_length": "Not a breach: ignored.",
    })

    # then
    assert measure.rule_set == seeded
    acknowledgements = list(measure.acknowledgements.order_by("code"))
    assert [(a.code, a.reason, a.rule_set, a.acknowledged_by) for a in acknowledgements] == [
        ("igu_hours", "Part-time because of a disability.", seeded, caseworker),
        ("igu_max_age", "Agreed with the job centre.", seeded, caseworker),
    ]
    assert acknowledgements[0].message == (
        "The internship part of an IGU is at least 25 hours a week on average.")
    assert acknowledgements[1].message == (
        "The person is 55 at the start; IGU is for persons under 50.")


# --- Defaults and the rules used -------------------------------------------------------------


def test_an_igu_without_an_end_gets_24_months(caseworker, person):
    measure = plan(caseworker, person, "igu", hours_per_week=Decimal("30"))

    assert measure.ends_on == date(2028, 8, 31)
    assert measure.acknowledgements.count() == 0


def test_a_job_without_an_end_stays_open(caseworker, person):
    measure = plan(caseworker, person, "ordinary_job", hours_per_week=Decimal("30"))

    assert measure.ends_on is None


def test_the_municipalitys_own_rules_apply_from_their_date(caseworker, person, municipality):
    # given: the municipality allows 9 months of private wage subsidy from 1 September
    ours = EmploymentRuleSet.objects.create(municipality=municipality, effective_from=START,
                                            wage_subsidy_private_max_months=9)
    employer = EmployerFactory(municipality=municipality, is_public=False)

    # when: one starts on the day, without an end
    measure = plan(caseworker, person, "wage_subsidy_private", employer=employer)

    # then: 9 months, checked against the municipality's rules
    assert (measure.ends_on, measure.rule_set) == (date(2027, 5, 31), ours)

    # and a day earlier the national 6 months apply
    other = PersonFactory(household=person.household, birth_date=date(1990, 1, 1))
    with pytest.raises(RuleWarnings) as warned:
        plan(caseworker, other, "wage_subsidy_private", employer=employer,
             starts_on=date(2026, 8, 31), ends_on=date(2027, 5, 30))
    assert [b.code for b in warned.value.breaches] == ["wage_subsidy_length"]


def test_planning_is_audited_on_the_case(caseworker, person):
    # given
    person.birth_date = date(1971, 1, 1)
    person.save(update_fields=["birth_date"])

    # when
    measure = plan(caseworker, person, "igu", hours_per_week=Decimal("30"),
                   acknowledgements={"igu_max_age": "Agreed with the job centre."})

    # then
    event = measure_audits().get()
    assert (event.action, event.object_id, event.actor, event.municipality_id, event.trail) == (
        "create", str(measure.pk), caseworker, person.household.municipality_id,
        case_trail(person.household_id))
    assert event.summary == "Measure planned past rule warnings: igu_max_age"


# --- Who may plan --------------------------------------------------------------------------


def test_another_municipalitys_caseworker_may_not_plan(other_caseworker, person):
    with pytest.raises(PermissionError):
        plan(other_caseworker, person, "company_internship")

    assert not Measure.objects.exists()


def test_a_manager_reads_cases_but_may_not_plan(manager, person):
    with pytest.raises(PermissionError):
        plan(manager, person, "company_internship")
