"""Reception's report figures equal the values worked out by hand from a known dataset:
arrivals, open cases by status, the programme-start deadline and the overdue milestones per
caseworker. Another municipality's rows and rows outside the period never count."""

from datetime import date

import pytest

from integration_portal.reports.registry import Period, report_section_keys
from reception.reports import reception_report_section
from tests.factories import HouseholdFactory, MilestoneFactory, PersonFactory, UserFactory
from tests.reports.sections import bar_values, figure_values

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("labels_in_english")]

Q1 = Period(start=date(2026, 1, 1), end=date(2026, 3, 31))
TODAY = date(2026, 5, 15)  # after the period: overdue is counted on 31 March


def household(municipality, *, arrived=None, persons=0, status="arrived", caseworker=None):
    case = HouseholdFactory(municipality=municipality, arrival_date=arrived, status=status,
                            caseworker=caseworker)
    members = [PersonFactory(household=case) for _ in range(persons)]
    return case, members


def milestone(person, due, done=None, kind="programme_start"):
    return MilestoneFactory(household=person.household, person=person, kind=kind,
                            due_date=due, done_on=done)


@pytest.fixture
def anne(municipality):
    return UserFactory(municipality=municipality, caseworker=True, full_name="Anne Andersen")


@pytest.fixture
def bo(municipality):
    return UserFactory(municipality=municipality, caseworker=True, full_name="Bo Bech")


@pytest.fixture
def dataset(municipality, other_municipality, anne, bo):
    # Arrivals. In Q1: H1 (10 Jan, 3 persons), H2 (25 Jan, 1), H3 (31 Mar, the last day, 2).
    # Outside: H4 (31 Dec 2025), H5 (1 Apr), H8 (Nov 2025); H6, H7 announced, not arrived.
    h1, (p1a, p1b, p1c) = household(municipality, arrived=date(2026, 1, 10), persons=3,
                                    status="in_programme", caseworker=anne)
    h2, (p2,) = household(municipality, arrived=date(2026, 1, 25), persons=1, caseworker=bo)
    h3, (p3a, _p3b) = household(municipality, arrived=date(2026, 3, 31), persons=2,
                                status="closed")
    h4, (p4a, p4b) = household(municipality, arrived=date(2025, 12, 31), persons=2,
                               status="in_programme", caseworker=anne)
    h5, (p5,) = household(municipality, arrived=date(2026, 4, 1), persons=1)
    h6, _ = household(municipality, status="announced", caseworker=bo)
    household(municipality, status="announced", persons=1)
    household(municipality, arrived=date(2025, 11, 1), persons=1, status="in_programme")
    # Another municipality's arrival in Q1, with an open start and an overdue milestone.
    _, (vejen_person,) = household(
        other_municipality, arrived=date(2026, 2, 10), persons=1,
        caseworker=UserFactory(municipality=other_municipality, caseworker=True))
    milestone(vejen_person, date(2026, 2, 1))
    milestone(vejen_person, date(2026, 1, 15), kind="danish_referral")

    # Programme starts due in Q1.
    p1a.takeover_date = p1b.takeover_date = date(2026, 1, 12)
    p2.takeover_date, p2.takeover_date_override = date(2026, 2, 1), date(2026, 1, 26)
    for person in (p1a, p1b, p2):
        person.save()
    milestone(p1a, date(2026, 2, 10), done=date(2026, 2, 5))   # on time, 24 days
    milestone(p1b, date(2026, 2, 10), done=date(2026, 2, 10))  # on time (the day), 29 days
    milestone(p2, date(2026, 2, 25), done=date(2026, 3, 6))    # late, 39 days (override)
    milestone(p4a, date(2026, 1, 5))                           # open and overdue
    milestone(p3a, date(2026, 3, 31))                          # open, but the case is closed
    milestone(p1c, date(2026, 3, 20), done=date(2026, 4, 20))  # late; no takeover date
    # Programme starts due outside Q1.
    milestone(p4b, date(2025, 12, 31), done=date(2026, 4, 10))
    milestone(p5, date(2026, 4, 1))

    # Other milestones, for the overdue list on 31 March.
    milestone(p1a, date(2026, 2, 10), kind="contract_and_declaration")   # Anne, overdue
    MilestoneFactory(household=h6, person=None, kind="permanent_home",
                     due_date=date(2026, 3, 1))                          # Bo, overdue
    milestone(p2, date(2026, 3, 31), kind="danish_referral")             # due on the day: not
    milestone(p5, date(2026, 2, 15), kind="danish_referral")             # no caseworker
    milestone(p5, date(2026, 3, 10), kind="contract_and_declaration")    # no caseworker
    return {"h1": h1, "h2": h2, "h3": h3, "h4": h4, "h5": h5}


def test_arrivals_in_the_period(municipality, dataset):
    section = reception_report_section(municipality, Q1, today=TODAY)

    # households: H1, H2, H3 = 3; persons: 3 + 1 + 2 = 6
    assert figure_values(section)["arrived_households"] == 3
    assert figure_values(section)["arrived_persons"] == 6
    # persons per month: January 3 + 1 = 4, February 0 (Vejen's does not count), March 2
    assert bar_values(section, "arrivals_per_month") == {"2026-01": 4, "2026-02": 0, "2026-03": 2}


def test_open_cases_by_status_today(municipality, dataset):
    section = reception_report_section(municipality, Q1, today=TODAY)

    # announced: H6, H7 = 2; arrived: H2, H5 = 2 (Vejen's does not count);
    # in programme: H1, H4, H8 = 3; the closed H3 is not shown
    assert bar_values(section, "open_cases_by_status") == {
        "announced": 2, "arrived": 2, "in_programme": 3}
    assert figure_values(section)["open_cases"] == 2 + 2 + 3


def test_programme_start_deadline_compliance(municipality, dataset):
    section = reception_report_section(municipality, Q1, today=TODAY)
    values = figure_values(section)

    # due in Q1: p1a, p1b, p2, p4a, p3a, p1c = 6 (Vejen's and those due outside Q1 do not)
    assert values["programme_starts_due"] == 6
    # on time: p1a (5 Feb <= 10 Feb), p1b (10 Feb <= 10 Feb) = 2
    assert values["programme_starts_on_time"] == 2
    # late: p2 (6 Mar > 25 Feb), p1c (20 Apr > 20 Mar) = 2
    assert values["programme_starts_late"] == 2
    # open and overdue: p4a = 1 (p3a's case is closed: no one's deadline any more)
    assert values["programme_starts_overdue_open"] == 1
    # share: on time 2 of judged 2 + 2 + 1 = 5 -> 40.0 %
    assert values["programme_starts_on_time_share"] == 40.0
    # days from takeover to start: p1a 12 Jan -> 5 Feb = 24, p1b 12 Jan -> 10 Feb = 29,
    # p2 26 Jan (set by hand, beats 1 Feb) -> 6 Mar = 39; p1c has no takeover date.
    # median of 24, 29, 39 = 29
    assert values["programme_start_median_days"] == 29


def test_overdue_milestones_per_caseworker_on_the_periods_last_day(municipality, dataset):
    section = reception_report_section(municipality, Q1, today=TODAY)

    # On 31 Mar, overdue = due before 31 Mar and not done by then, on cases not closed:
    # Anne: p4a's start (5 Jan), p1c's start (20 Mar, done only 20 Apr), p4b's start
    #       (31 Dec 2025, done only 10 Apr), p1a's contract (10 Feb) = 4, oldest 31 Dec 2025
    # no caseworker: p5's referral (15 Feb) and contract (10 Mar) = 2, oldest 15 Feb
    # Bo: H6's permanent home (1 Mar) = 1 (p2's referral is due on 31 Mar itself: not yet)
    # not: p3a's (closed case), Vejen's, and the starts done by 31 Mar
    table = next(t for t in section.tables if t.key == "overdue_milestones_by_caseworker")
    assert table.rows == (
        ("Anne Andersen", 4, date(2025, 12, 31)),
        ("No caseworker", 2, date(2026, 2, 15)),
        ("Bo Bech", 1, date(2026, 3, 1)),
    )
    bars = next(c for c in section.charts if c.key == "overdue_milestones_by_caseworker").bars
    assert [(bar.label, bar.value) for bar in bars] == [
        ("Anne Andersen", 4), ("No caseworker", 2), ("Bo Bech", 1)]
    assert bars[1].key == "none"
    assert figure_values(section)["overdue_milestones"] == 4 + 2 + 1


def test_while_the_period_runs_on_overdue_is_counted_today_and_future_starts_wait(
        municipality, anne):
    # given a year's period on 25 March, one start due yesterday and one due tomorrow
    year = Period(start=date(2026, 1, 1), end=date(2026, 12, 31))
    today = date(2026, 3, 25)
    _, (first, second) = household(municipality, arrived=date(2026, 2, 20), persons=2,
                                   caseworker=anne)
    milestone(first, date(2026, 3, 24))
    milestone(second, date(2026, 3, 26))

    # when
    section = reception_report_section(municipality, year, today=today)

    # then only yesterday's counts, as overdue and as the one judged start (0 of 1 on time)
    values = figure_values(section)
    assert values["programme_starts_due"] == 2
    assert values["programme_starts_overdue_open"] == 1
    assert values["programme_starts_on_time_share"] == 0.0
    assert values["overdue_milestones"] == 1
    # and with no start yet, the median cannot be computed: None, not 0
    assert values["programme_start_median_days"] is None
    # the chart has a bar for every month of the period
    assert len(bar_values(section, "arrivals_per_month")) == 12


def test_without_data_a_share_or_median_is_none_and_counts_are_zero(municipality):
    section = reception_report_section(municipality, Q1, today=TODAY)

    values = figure_values(section)
    assert values["programme_starts_on_time_share"] is None
    assert values["programme_start_median_days"] is None
    assert values["arrived_households"] == 0
    assert values["overdue_milestones"] == 0
    assert section.tables[0].rows == ()


def test_the_queries_do_not_grow_with_the_data(municipality, anne, bo,
                                                django_assert_max_num_queries):
    def cases(count):
        for n in range(count):
            _, (person,) = household(municipality, arrived=date(2026, 1 + n % 3, 10),
                                        persons=1, caseworker=(anne, bo, None)[n % 3])
            milestone(person, date(2026, 2, 1), done=date(2026, 2, 3) if n % 2 else None)
            milestone(person, date(2026, 2, 1), kind="danish_referral")

    cases(3)
    with django_assert_max_num_queries(4):
        reception_report_section(municipality, Q1, today=TODAY)

    cases(30)
    with django_assert_max_num_queries(4):
        reception_report_section(municipality, Q1, today=TODAY)


def test_the_section_is_registered():
    assert "reception" in report_section_keys()
