"""The employment rules, checked against a planned measure — pure functions, no database.

`check_measure` returns the breaches of the rules in force (an `EmploymentRuleSet`): each is
a warning the caseworker may go past with a reason, because the rules change faster than
software (domain.md §7). What can never be right — an end before the start, two measures of
the same kind at once, more hours than a week holds — is refused by the services instead.

Periods are inclusive of both ends: a 6-month wage subsidy from 1 March ends on 31 August,
and 24 months of IGU from 1 August 2026 end on 31 July 2028.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from django.utils import formats
from django.utils.translation import gettext as _

from employment.models.kinds import MeasureCategory
from integration_portal.core.formats import short_date
from integration_portal.rules.calendar import add_months

if TYPE_CHECKING:
    from employment.models import DanishEducation, EmploymentRuleSet, Measure

ONE_DAY = timedelta(days=1)
INTERNSHIPS = (MeasureCategory.COMPANY_INTERNSHIP, MeasureCategory.LANGUAGE_INTERNSHIP)


@dataclass(frozen=True)
class Breach:
    code: str
    message: str


@dataclass(frozen=True)
class PlannedMeasure:
    """What the rules look at: the measure as planned and the facts about its person."""

    category: str
    starts_on: date
    ends_on: date | None
    hours_per_week: Decimal | None
    birth_date: date
    residence_basis: str
    # The first registered address in Denmark (the CPR registration), when known.
    registered_since: date | None = None
    employer_is_public: bool | None = None
    # The person has another IGU (planned, running or ended): one IGU per person.
    has_other_igu: bool = False
    has_other_special_upskilling: bool = False
    # Days the end moved for leave or illness (an IGU's recorded extensions).
    extension_days: int = 0


def months_end(starts_on: date, months: int) -> date:
    """The last day of a period of `months` calendar months starting on `starts_on`: the day
    before the same day `months` later.

    When that month has no such day (from 31 January, one month on), the period runs to the
    end of that month (28 or 29 February), the way a birthday on 29 February comes on
    1 March (`age_on`). Subtracting a day from `add_months`, which clamps to the month's end,
    would end it a day early on 27 February.
    """
    anniversary = add_months(starts_on, months)
    if anniversary.day < starts_on.day:
        return anniversary
    return anniversary - ONE_DAY


def weeks_end(starts_on: date, weeks: int) -> date:
    return starts_on + timedelta(weeks=weeks) - ONE_DAY


def age_on(birth_date: date, day: date) -> int:
    years = day.year - birth_date.year
    return years - ((day.month, day.day) < (birth_date.month, birth_date.day))


def standard_end(rules: EmploymentRuleSet, category: str, starts_on: date) -> date | None:
    """The end a measure of this category has when nothing else is said; None for open-ended
    ones (a job, an education)."""
    match category:
        case MeasureCategory.IGU:
            return months_end(starts_on, rules.igu_months)
        case MeasureCategory.COMPANY_INTERNSHIP | MeasureCategory.LANGUAGE_INTERNSHIP:
            return weeks_end(starts_on, rules.internship_weeks)
        case MeasureCategory.WAGE_SUBSIDY_PRIVATE:
            return months_end(starts_on, rules.wage_subsidy_private_max_months)
        case MeasureCategory.WAGE_SUBSIDY_PUBLIC:
            return months_end(starts_on, rules.wage_subsidy_public_max_months)
        case MeasureCategory.SPECIAL_UPSKILLING:
            return months_end(starts_on, rules.special_upskilling_max_months)
    return None


def _hours(value: Decimal) -> str:
    # "25" rather than the "25.0" a value read from the database would give; "24,5" stays.
    return formats.number_format(value, decimal_pos=0 if value == int(value) else 1)


def check_measure(rules: EmploymentRuleSet, planned: PlannedMeasure) -> list[Breach]:
    match planned.category:
        case MeasureCategory.IGU:
            return _check_igu(rules, planned)
        case MeasureCategory.WAGE_SUBSIDY_PRIVATE | MeasureCategory.WAGE_SUBSIDY_PUBLIC:
            return _check_wage_subsidy(rules, planned)
        case MeasureCategory.COMPANY_INTERNSHIP | MeasureCategory.LANGUAGE_INTERNSHIP:
            return _check_internship(rules, planned)
        case MeasureCategory.SPECIAL_UPSKILLING:
            return _check_special_upskilling(rules, planned)
    return []


def _check_igu(rules: EmploymentRuleSet, planned: PlannedMeasure) -> list[Breach]:
    breaches = []
    start = planned.starts_on
    age = age_on(planned.birth_date, start)
    if age < rules.igu_min_age:
        breaches.append(Breach("igu_min_age", _(
            "The person is %(age)d at the start; IGU is for persons aged %(min)d or over.")
            % {"age": age, "min": rules.igu_min_age}))
    if age > rules.igu_max_age:
        breaches.append(Breach("igu_max_age", _(
            "The person is %(age)d at the start; IGU is for persons under %(limit)d.")
            % {"age": age, "limit": rules.igu_max_age + 1}))
    if planned.residence_basis not in rules.igu_residence_bases:
        breaches.append(Breach("igu_residence_basis", _(
            "The person's residence basis does not give access to IGU.")))
    if planned.registered_since is not None:
        limit = add_months(planned.registered_since, 12 * rules.igu_max_years_registered)
        if start > limit:
            breaches.append(Breach("igu_registered_years", _(
                "The person has had a registered address in Denmark since %(since)s: more "
                "than %(years)d years at the start.")
                % {"since": short_date(planned.registered_since),
                   "years": rules.igu_max_years_registered}))
    if rules.igu_last_start_on is not None and start > rules.igu_last_start_on:
        breaches.append(Breach("igu_scheme_ended", _(
            "IGU courses must start by %(last)s.") % {"last": short_date(rules.igu_last_start_on)}))
    if planned.ends_on is not None:
        expected = months_end(start, rules.igu_months) + timedelta(days=planned.extension_days)
        if planned.ends_on != expected:
            breaches.append(Breach("igu_length", _(
                "An IGU lasts %(months)d months: from %(start)s it ends on %(expected)s.")
                % {"months": rules.igu_months, "start": short_date(start),
                   "expected": short_date(expected)}))
    if planned.hours_per_week is not None and planned.hours_per_week < rules.igu_min_hours_per_week:
        breaches.append(Breach("igu_hours", _(
            "The internship part of an IGU is at least %(hours)s hours a week on average.")
            % {"hours": _hours(rules.igu_min_hours_per_week)}))
    if planned.has_other_igu:
        breaches.append(Breach("igu_one_per_person", _(
            "The person already has an IGU: each person can have one.")))
    return breaches


def _check_wage_subsidy(rules: EmploymentRuleSet, planned: PlannedMeasure) -> list[Breach]:
    breaches = []
    public = planned.category == MeasureCategory.WAGE_SUBSIDY_PUBLIC
    months = (rules.wage_subsidy_public_max_months if public
              else rules.wage_subsidy_private_max_months)
    if planned.ends_on is not None and planned.ends_on > months_end(planned.starts_on, months):
        message = (_("Wage subsidy with a public employer lasts at most %(months)d months.")
                   if public else
                   _("Wage subsidy with a private employer lasts at most %(months)d months."))
        breaches.append(Breach("wage_subsidy_length", message % {"months": months}))
    if planned.employer_is_public is not None and planned.employer_is_public != public:
        breaches.append(Breach("wage_subsidy_employer", _(
            "The employer is public, but the wage subsidy is for a private employer.")
            if planned.employer_is_public else _(
            "The employer is private, but the wage subsidy is for a public employer.")))
    return breaches


def _check_internship(rules: EmploymentRuleSet, planned: PlannedMeasure) -> list[Breach]:
    if planned.ends_on is None:
        return []
    weeks, extension = rules.internship_weeks, rules.internship_extension_weeks
    if planned.ends_on > weeks_end(planned.starts_on, weeks + extension):
        return [Breach("internship_length", _(
            "An internship lasts at most %(weeks)d weeks, extension included.")
            % {"weeks": weeks + extension})]
    if planned.ends_on > weeks_end(planned.starts_on, weeks):
        return [Breach("internship_extension", _(
            "An internship lasts %(weeks)d weeks; a longer one is an extension of up to "
            "%(extension)d weeks that must be justified.")
            % {"weeks": weeks, "extension": extension})]
    return []


def _check_special_upskilling(rules: EmploymentRuleSet, planned: PlannedMeasure) -> list[Breach]:
    breaches = []
    months = rules.special_upskilling_max_months
    if planned.ends_on is not None and planned.ends_on > months_end(planned.starts_on, months):
        breaches.append(Breach("special_upskilling_length", _(
            "A special upskilling course lasts at most %(months)d months.")
            % {"months": months}))
    if planned.has_other_special_upskilling:
        breaches.append(Breach("special_upskilling_once", _(
            "The person has had a special upskilling course: it is offered once only.")))
    return breaches


@dataclass(frozen=True)
class WeeklyLoad:
    """Hours a week taken by something that runs from `starts_on` to `ends_on` (None: on)."""

    starts_on: date
    ends_on: date | None
    hours_per_week: Decimal

    @classmethod
    def of_measure(cls, measure: Measure) -> WeeklyLoad:
        return cls(measure.starts_on, measure.ends_on, measure.hours_per_week)

    @classmethod
    def of_education(cls, education: DanishEducation) -> WeeklyLoad:
        # Counted from the referral until the first lesson: the hours are kept free for it.
        return cls(education.starts_on or education.referred_on, education.ends_on,
                   education.hours_per_week)


def hours_total(value: Decimal | None) -> str:
    """Hours a week in a refusal, with one decimal ("37,5")."""
    return formats.number_format(value or 0, decimal_pos=1)


def peak_weekly_hours(loads: Iterable[WeeklyLoad], *, starts_on: date,
                      ends_on: date | None) -> Decimal:
    """The most hours a week the loads add up to on any day of [starts_on, ends_on].

    The sum only changes where a load starts, so it is enough to add up on the first day of
    the period and on each start inside it.
    """
    loads = [load for load in loads
             if (ends_on is None or load.starts_on <= ends_on)
             and (load.ends_on is None or load.ends_on >= starts_on)]
    days = {starts_on} | {load.starts_on for load in loads if load.starts_on > starts_on}
    peak = Decimal(0)
    for day in days:
        total = sum((load.hours_per_week for load in loads
                     if load.starts_on <= day and (load.ends_on is None or load.ends_on >= day)),
                    Decimal(0))
        peak = max(peak, total)
    return peak
