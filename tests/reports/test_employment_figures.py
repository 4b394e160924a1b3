"""Employment's report figures equal the values worked out by hand from a known dataset: what
programme persons were doing 6, 12 and 24 months after takeover (those whose date fell in the
period), IGUs started and completed, and measures started by kind. Another municipality's
rows and rows outside the period never count."""

from datetime import date
from functools import partial

import pytest

from employment.models import Employer
from employment.reports import employment_report_section
from integration_portal.reports.registry import Period, report_section_keys
from tests.employment.factories import EmployerFactory, IguFactory, MeasureFactory
from tests.factories import HouseholdFactory, PersonFactory
from tests.reports.sections import bar_values, figure_values

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("labels_in_english")]

H1 = Period(start=date(2026, 1, 1), end=date(2026, 6, 30))
TODAY = date(2026, 8, 1)
# The takeovers whose points fall in H1: 6 months, 1 Jul–31 Dec 2025; 12 months,
# 1 Jan–30 Jun 2025; 24 months, 1 Jan–30 Jun 2024.


def person(municipality, takeover=None, **fields):
    fields = {"birth_date": date(1990, 3, 1), "residence_basis": "asylum_refugee", **fields}
    return PersonFactory(household=HouseholdFactory(municipality=municipality),
                         takeover_date=takeover, **fields)


def employer_of(who):
    """One employer per municipality for every IGU (the factory's CVR numbers repeat)."""
    municipality = who.household.municipality
    return (Employer.objects.filter(municipality=municipality).first()
            or EmployerFactory(municipality=municipality))


def happened(who, category, starts, ends=None, outcome="", factory=MeasureFactory):
    """A measure that actually ran from `starts` to `ends` (None: still running)."""
    if factory is IguFactory:
        factory = partial(IguFactory, employer=employer_of(who))
    return factory(person=who, category=category, status="ended" if ends else "active",
                   starts_on=starts, ends_on=ends, actual_starts_on=starts,
                   actual_ends_on=ends, outcome=outcome)


@pytest.fixture
def dataset(municipality, other_municipality):
    # 6 months in H1
    a = person(municipality, date(2025, 8, 15))     # 15 Feb 2026: in a job
    happened(a, "ordinary_job", date(2026, 1, 1))
    b = person(municipality, date(2025, 12, 31))    # 30 Jun 2026, the last day: internship
    happened(b, "company_internship", date(2026, 6, 1))
    # 12 months in H1
    c = person(municipality, date(2025, 6, 30))     # 30 Jun 2026: in IGU (6 months: 30 Dec)
    happened(c, "igu", date(2026, 3, 1), factory=IguFactory)
    person(municipality, date(2025, 1, 10))         # 10 Jan 2026: nothing
    k = person(municipality, date(2025, 5, 1))      # 1 May 2026: only a planned job -> none
    MeasureFactory(person=k, category="ordinary_job", status="planned",
                   starts_on=date(2026, 4, 1), ends_on=None)
    # 24 months in H1
    e = person(municipality, date(2024, 3, 1))      # 1 Mar 2026: in education
    happened(e, "education", date(2025, 9, 1))
    # the takeover set by hand (15 Jun 2024) wins over the computed one (31 Aug 2024)
    person(municipality, date(2024, 8, 31), takeover_date_override=date(2024, 6, 15))
    # Not counted: no point in H1, not in the programme, or another municipality's
    j = person(municipality, date(2026, 1, 15))     # 6 months: 15 Jul 2026
    happened(j, "small_job", date(2026, 7, 1))
    person(municipality, date(2024, 12, 15))        # 6, 12, 24: Jun 25, Dec 25, Dec 26
    person(municipality, date(2025, 9, 1), birth_date=date(2010, 5, 1), relation="child")
    person(municipality, date(2025, 9, 1), residence_basis="other_immigrant")
    vejen = person(other_municipality, date(2025, 8, 15))
    happened(vejen, "ordinary_job", date(2026, 1, 1))

    # IGUs of persons with no takeover date (outside the outcomes)
    happened(person(municipality), "igu", date(2026, 2, 1), date(2026, 5, 31),
             outcome="dropped_out", factory=IguFactory)
    happened(person(municipality), "igu", date(2024, 5, 1), date(2026, 4, 30),
             outcome="completed", factory=IguFactory)
    happened(person(municipality), "igu", date(2024, 7, 1), date(2026, 6, 10),
             outcome="hired", factory=IguFactory)
    happened(person(municipality), "igu", date(2024, 7, 5), date(2026, 7, 5),
             outcome="completed", factory=IguFactory)
    planned = person(municipality)
    IguFactory(person=planned, employer=employer_of(planned), starts_on=date(2026, 3, 1))
    happened(person(other_municipality), "igu", date(2026, 2, 1), date(2026, 3, 1),
             outcome="completed", factory=IguFactory)


def test_outcomes_at_6_12_and_24_months(municipality, dataset):
    section = employment_report_section(municipality, H1, today=TODAY)
    values = figure_values(section)

    # 6 months: a (job), b (other measure) = 2 -> 50.0 % each
    assert values["outcome_persons_6_months"] == 2
    assert bar_values(section, "outcome_6_months") == {
        "job": 50.0, "education": 0.0, "igu": 0.0, "other_measure": 50.0, "none": 0.0}
    # 12 months: c (IGU), d (none), k (none: a planned job counts for nothing) = 3
    # -> IGU 1/3 = 33.3 %, none 2/3 = 66.7 %
    assert values["outcome_persons_12_months"] == 3
    assert bar_values(section, "outcome_12_months") == {
        "job": 0.0, "education": 0.0, "igu": 33.3, "other_measure": 0.0, "none": 66.7}
    # 24 months: e (education), f (none, by the takeover set by hand) = 2 -> 50.0 % each
    assert values["outcome_persons_24_months"] == 2
    assert bar_values(section, "outcome_24_months") == {
        "job": 0.0, "education": 50.0, "igu": 0.0, "other_measure": 0.0, "none": 50.0}


def test_the_outcome_table_holds_counts_and_shares(municipality, dataset):
    section = employment_report_section(municipality, H1, today=TODAY)

    table = next(t for t in section.tables if t.key == "outcomes")
    assert [str(column) for column in table.columns] == [
        "Outcome", "6 months: persons", "6 months: share", "12 months: persons",
        "12 months: share", "24 months: persons", "24 months: share"]
    rows = {str(row[0]): row[1:] for row in table.rows}
    assert rows["Job"] == (1, 50.0, 0, 0.0, 0, 0.0)
    assert rows["IGU"] == (0, 0.0, 1, 33.3, 0, 0.0)
    assert rows["Education"] == (0, 0.0, 0, 0.0, 1, 50.0)
    assert rows["Other measure"] == (1, 50.0, 0, 0.0, 0, 0.0)
    assert rows["None"] == (0, 0.0, 2, 66.7, 1, 50.0)


def test_igus_started_and_completed(municipality, dataset):
    section = employment_report_section(municipality, H1, today=TODAY)
    values = figure_values(section)

    # started in H1: c's (1 Mar) and the dropped-out one (1 Feb) = 2; the planned one and
    # Vejen's do not count
    assert values["igu_started"] == 2
    # completed in H1: the one ended 30 Apr = 1 (5 Jul is after H1; Vejen's does not count)
    assert values["igu_completed"] == 1
    # ended otherwise in H1: dropped out (31 May), hired (10 Jun) = 2
    assert values["igu_ended_otherwise"] == 2


def test_measures_started_by_kind(municipality, dataset):
    section = employment_report_section(municipality, H1, today=TODAY)

    # started in H1: a's job (1 Jan), b's internship (1 Jun), c's IGU (1 Mar), the
    # dropped-out IGU (1 Feb); not e's education (Sep 2025), j's small job (Jul), k's
    # planned job, the planned IGU or Vejen's
    started = bar_values(section, "measures_started_by_category")
    assert {kind: count for kind, count in started.items() if count} == {
        "ordinary_job": 1, "company_internship": 1, "igu": 2}
    assert len(started) == 11  # every kind has a bar
    assert figure_values(section)["measures_started"] == 1 + 1 + 2


def test_a_point_still_ahead_is_not_counted(municipality, dataset):
    # given the whole year 2026 seen on 1 March: a's 6 months (15 Feb) have passed,
    # b's (30 Jun) have not
    year = Period(start=date(2026, 1, 1), end=date(2026, 12, 31))

    section = employment_report_section(municipality, year, today=date(2026, 3, 1))

    # then 6 months: a only (j's 15 Jul is ahead too) -> job 100.0 %
    assert figure_values(section)["outcome_persons_6_months"] == 1
    assert bar_values(section, "outcome_6_months")["job"] == 100.0


def test_without_data_the_shares_are_none_and_counts_zero(municipality):
    section = employment_report_section(municipality, H1, today=TODAY)

    values = figure_values(section)
    assert values["outcome_persons_6_months"] == 0
    assert set(bar_values(section, "outcome_6_months").values()) == {None}
    assert values["igu_started"] == 0
    assert values["igu_completed"] == 0


def test_the_queries_do_not_grow_with_the_data(municipality, django_assert_max_num_queries):
    def persons(count):
        for n in range(count):
            who = person(municipality, date(2025, 7 + n % 6, 10))
            happened(who, ("ordinary_job", "igu", "education")[n % 3], date(2026, 1, 5),
                     factory=IguFactory if n % 3 == 1 else MeasureFactory)

    persons(3)
    with django_assert_max_num_queries(4):
        employment_report_section(municipality, H1, today=TODAY)

    persons(30)
    with django_assert_max_num_queries(4):
        employment_report_section(municipality, H1, today=TODAY)


def test_the_section_is_registered():
    assert "employment" in report_section_keys()
