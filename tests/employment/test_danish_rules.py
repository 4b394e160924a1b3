"""What a Danish education may not be: dates ahead (they are facts), more hours a week with
the person's measures than the rules allow, or a status that contradicts its dates. A refusal
names the field and saves nothing."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from employment.models import DanishEducation, DanishTestResult, EmploymentRuleSet
from employment.services import danish as services
from tests.employment.factories import DanishEducationFactory, MeasureFactory
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def person(municipality, caseworker):
    return PersonFactory(household=HouseholdFactory(municipality=municipality,
                                                    caseworker=caseworker))


def create(person, actor, **overrides):
    fields = {"provider": "Sprogcenter Roskilde", "track": "DU2", "module": 1,
              "referred_on": TODAY - 20 * DAY, **overrides}
    return services.danish_education_create(person=person, actor=actor, **fields)


def refusal(call) -> dict:
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.message_dict


# --- Dates are facts --------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["referred_on", "starts_on"])
def test_a_date_ahead_is_refused(person, caseworker, field):
    # when the referral or the first lesson is dated tomorrow
    errors = refusal(lambda: create(person, caseworker, **{field: TODAY + DAY}))

    # then
    assert errors[field] == ["The date cannot be in the future."]
    assert not DanishEducation.objects.exists()


def test_today_is_not_ahead(person, caseworker):
    education = create(person, caseworker, referred_on=TODAY, starts_on=TODAY)

    assert (education.referred_on, education.starts_on) == (TODAY, TODAY)


def test_an_end_ahead_is_refused(person, caseworker):
    education = create(person, caseworker, starts_on=TODAY - 10 * DAY)

    errors = refusal(lambda: services.danish_education_update(
        education=education, actor=caseworker, status="completed", ends_on=TODAY + DAY))

    assert errors["ends_on"] == ["The date cannot be in the future."]
    education.refresh_from_db()
    assert (education.status, education.ends_on) == ("active", None)


def test_a_test_passed_tomorrow_is_refused(person, caseworker):
    education = DanishEducationFactory(person=person)

    errors = refusal(lambda: services.danish_test_add(
        education=education, actor=caseworker, test="PD2", passed_on=TODAY + DAY))

    assert errors["passed_on"] == ["The date cannot be in the future."]
    assert not DanishTestResult.objects.exists()


def test_a_passed_test_is_recorded(person, caseworker):
    education = DanishEducationFactory(person=person)

    result = services.danish_test_add(education=education, actor=caseworker, test="module",
                                      module=2, passed_on=TODAY, grade=" 7 ")

    assert (result.education, result.test, result.module, result.grade) == (
        education, "module", 2, "7")


def test_a_module_test_names_its_module(person, caseworker):
    education = DanishEducationFactory(person=person)

    errors = refusal(lambda: services.danish_test_add(
        education=education, actor=caseworker, test="module", passed_on=TODAY))

    assert errors["module"] == ["Enter the module the test ends."]


def test_the_start_cannot_come_before_the_referral(person, caseworker):
    errors = refusal(lambda: create(person, caseworker, referred_on=TODAY - 5 * DAY,
                                    starts_on=TODAY - 6 * DAY))

    assert errors["starts_on"] == ["The start is before the referral."]


# --- Status and dates agree ----------------------------------------------------------------


def test_a_completed_education_has_an_end(person, caseworker):
    education = create(person, caseworker, starts_on=TODAY - 10 * DAY)

    errors = refusal(lambda: services.danish_education_update(
        education=education, actor=caseworker, status="completed"))

    assert errors["ends_on"] == ["Enter the date the education was completed."]


def test_an_education_attending_has_started(person, caseworker):
    education = create(person, caseworker)

    errors = refusal(lambda: services.danish_education_update(
        education=education, actor=caseworker, status="active"))

    assert errors["starts_on"] == ["Enter the date of the first lesson: the person has started."]


def test_an_end_needs_a_status_that_ended(person, caseworker):
    education = create(person, caseworker, starts_on=TODAY - 10 * DAY)

    errors = refusal(lambda: services.danish_education_update(
        education=education, actor=caseworker, ends_on=TODAY))

    assert errors["status"] == [
        "An education with an end date is completed or stopped: choose which."]


def test_a_referral_stopped_before_any_lesson_needs_no_dates(person, caseworker):
    education = create(person, caseworker)

    education = services.danish_education_update(education=education, actor=caseworker,
                                                  status="stopped", note="Flyttet")

    assert (education.status, education.ends_on, education.note) == ("stopped", None, "Flyttet")


# --- Hours a week with the person's measures -------------------------------------------------


def measure(person, *, hours, status="active", starts_on=TODAY - 30 * DAY,
            ends_on=TODAY + 60 * DAY, **kwargs):
    return MeasureFactory(person=person, status=status, starts_on=starts_on, ends_on=ends_on,
                          hours_per_week=Decimal(hours), **kwargs)


def test_lessons_that_take_the_week_over_37_hours_are_refused(person, caseworker):
    # given a running internship of 30 hours a week
    measure(person, hours="30")

    # when 10 hours of lessons a week are recorded in the same period
    errors = refusal(lambda: create(person, caseworker, starts_on=TODAY - 10 * DAY,
                                    hours_per_week=Decimal("10")))

    # then
    assert errors["hours_per_week"] == [
        "With the person's measures and other Danish lessons in the same period that is "
        "40.0 hours a week: at most 37.0 are allowed."]
    assert not DanishEducation.objects.exists()


def test_lessons_up_to_the_limit_are_allowed(person, caseworker):
    measure(person, hours="30")

    education = create(person, caseworker, starts_on=TODAY - 10 * DAY,
                       hours_per_week=Decimal("7"))

    assert education.hours_per_week == Decimal("7")


def test_a_planned_measure_counts_from_its_start(person, caseworker):
    # given an internship planned to start next month
    measure(person, hours="30", status="planned", starts_on=TODAY + 30 * DAY,
            ends_on=TODAY + 120 * DAY)

    # then lessons running on from today collide with it
    errors = refusal(lambda: create(person, caseworker, hours_per_week=Decimal("10")))

    assert "40.0 hours a week" in errors["hours_per_week"][0]


@pytest.mark.parametrize("status", ["draft", "ended", "cancelled"])
def test_measures_no_longer_or_not_yet_live_do_not_count(person, caseworker, status):
    measure(person, hours="30", status=status)

    education = create(person, caseworker, hours_per_week=Decimal("10"))

    assert education.pk is not None


def test_a_measure_that_ended_before_the_lessons_does_not_count(person, caseworker):
    measure(person, hours="30", starts_on=TODAY - 100 * DAY, ends_on=TODAY - 21 * DAY)

    education = create(person, caseworker, referred_on=TODAY - 20 * DAY,
                       hours_per_week=Decimal("10"))

    assert education.pk is not None


def test_another_persons_measures_do_not_count(person, caseworker):
    measure(PersonFactory(household=person.household, relation="spouse"), hours="30")

    assert create(person, caseworker, hours_per_week=Decimal("10")).pk is not None


def test_the_municipalitys_own_limit_applies(person, caseworker, municipality):
    # given Lejre's own rules: 30 hours a week in all
    national = EmploymentRuleSet.objects.national().order_by("-effective_from").first()
    EmploymentRuleSet.objects.create(municipality=municipality,
                                     effective_from=national.effective_from,
                                     max_hours_per_week=30)
    measure(person, hours="25")

    errors = refusal(lambda: create(person, caseworker, hours_per_week=Decimal("6")))

    assert errors["hours_per_week"][0].endswith("at most 30.0 are allowed.")


def test_raising_the_hours_later_is_checked_too(person, caseworker):
    measure(person, hours="30")
    education = create(person, caseworker, starts_on=TODAY - 10 * DAY,
                       hours_per_week=Decimal("5"))

    errors = refusal(lambda: services.danish_education_update(
        education=education, actor=caseworker, hours_per_week=Decimal("12")))

    assert "42.0 hours a week" in errors["hours_per_week"][0]
    education.refresh_from_db()
    assert education.hours_per_week == Decimal("5")


def test_a_paused_education_does_not_count(person, caseworker):
    # given lessons paused while a full-time internship runs
    measure(person, hours="30")
    education = DanishEducationFactory(person=person, referred_on=TODAY - 20 * DAY,
                                       starts_on=TODAY - 10 * DAY, status="paused",
                                       hours_per_week=Decimal("5"))

    education = services.danish_education_update(education=education, actor=caseworker,
                                                  hours_per_week=Decimal("15"))

    assert education.hours_per_week == Decimal("15")


# --- Who may write ---------------------------------------------------------------------------


def test_another_municipalitys_caseworker_cannot_record(person, other_caseworker):
    with pytest.raises(PermissionError):
        create(person, other_caseworker)
    assert not DanishEducation.objects.exists()


def test_a_manager_cannot_record(person, manager):
    with pytest.raises(PermissionError):
        create(person, manager)


def test_unknown_fields_are_refused(person, caseworker):
    education = DanishEducationFactory(person=person)

    with pytest.raises(TypeError):
        services.danish_education_update(education=education, actor=caseworker, person=None)
