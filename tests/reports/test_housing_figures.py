"""Housing's report figures equal the values worked out by hand from a known dataset.

The period is the second quarter of 2026 (1 April to 30 June, both days included).
"""

import datetime

import pytest
from django.urls import reverse

from housing.models import Placement, Quota
from housing.reports import build
from integration_portal.reports.registry import Period, report_section_keys
from tests.factories import HouseholdFactory, PersonFactory
from tests.housing.factories import HousingUnitFactory
from tests.reports.sections import bar_values, figure_values, section_chart

pytestmark = pytest.mark.django_db

D = datetime.date
PERIOD = Period(start=D(2026, 4, 1), end=D(2026, 6, 30))


def _case(municipality, *, arrival, persons=(), reference=None):
    """A case arrived on `arrival` with one person per residence basis in `persons`."""
    household = HouseholdFactory(municipality=municipality, status="arrived",
                                 arrival_date=arrival)
    for basis in persons:
        PersonFactory(household=household, residence_basis=basis, birth_date=D(1990, 1, 1))
    return household


def _lives(household, unit, *, persons, starts_on, ends_on=None, status="active"):
    return Placement.objects.create(household=household, unit=unit,
                                    is_permanent=unit.kind == "permanent", status=status,
                                    starts_on=starts_on, ends_on=ends_on, persons=persons)


@pytest.fixture
def dataset(municipality, other_municipality):
    asylum, quota_refugee, reunified, ukrainian = (
        "asylum_refugee", "quota_refugee", "family_reunified", "ukrainian_special_act")
    Quota.objects.create(municipality=municipality, year=2026, category="refugees", persons=20)
    # Not this report's: last year's quota, and another municipality's.
    Quota.objects.create(municipality=municipality, year=2025, category="refugees", persons=99)
    Quota.objects.create(municipality=other_municipality, year=2026, category="refugees",
                         persons=50)

    h1 = _case(municipality, arrival=D(2026, 1, 10), persons=[asylum] * 3)
    h2 = _case(municipality, arrival=D(2026, 4, 5), persons=[quota_refugee] * 2 + [reunified])
    h3 = _case(municipality, arrival=D(2026, 6, 30), persons=[ukrainian] * 2)
    _case(municipality, arrival=D(2026, 7, 1), persons=[asylum] * 4)  # after the period
    h5 = _case(municipality, arrival=D(2025, 12, 31), persons=[asylum] * 2)  # last year
    # Cases without persons on them: they count in the homes, not in the arrivals.
    h6 = _case(municipality, arrival=D(2026, 3, 1))
    h7 = _case(municipality, arrival=None)
    h8 = _case(municipality, arrival=D(2026, 5, 1))
    h9 = _case(municipality, arrival=D(2026, 5, 1))
    h10 = _case(municipality, arrival=D(2026, 6, 1))
    h11 = _case(municipality, arrival=D(2026, 3, 1))

    t1 = HousingUnitFactory(municipality=municipality, kind="temporary", capacity=10)
    t2 = HousingUnitFactory(municipality=municipality, kind="shared_room", capacity=10)
    p1, p2, p3 = (HousingUnitFactory(municipality=municipality, kind="permanent", capacity=8)
                  for _ in range(3))

    # h1: temporary from its arrival, first permanent home on 20 April (in the period).
    _lives(h1, t1, persons=3, starts_on=D(2026, 1, 10), ends_on=D(2026, 4, 20), status="ended")
    _lives(h1, p1, persons=3, starts_on=D(2026, 4, 20))
    # h2: still in temporary housing.
    _lives(h2, t1, persons=3, starts_on=D(2026, 4, 5))
    # h3: moved into temporary housing on the period's last day.
    _lives(h3, t2, persons=2, starts_on=D(2026, 6, 30))
    # h5: its first permanent home was in February; the move to another in May is not a first.
    _lives(h5, t2, persons=2, starts_on=D(2025, 12, 31), ends_on=D(2026, 2, 1), status="ended")
    _lives(h5, p2, persons=2, starts_on=D(2026, 2, 1), ends_on=D(2026, 5, 15), status="ended")
    _lives(h5, p3, persons=2, starts_on=D(2026, 5, 15))
    # h6: straight into a permanent home on 10 June.
    _lives(h6, p2, persons=4, starts_on=D(2026, 6, 10))
    # h7: no arrival date: a move, but no waiting time.
    _lives(h7, p1, persons=2, starts_on=D(2026, 5, 5))
    # h8: reserved, never moved in; h9: cancelled.
    _lives(h8, p3, persons=5, starts_on=D(2026, 6, 1), status="reserved")
    _lives(h9, t2, persons=3, starts_on=D(2026, 5, 1), status="cancelled")
    # h10: temporary over the period's end, permanent only after it.
    _lives(h10, t1, persons=1, starts_on=D(2026, 6, 1), ends_on=D(2026, 7, 2), status="ended")
    _lives(h10, p1, persons=1, starts_on=D(2026, 7, 2))
    # h11: moved out on the period's last day (the move-out day is not lived in).
    _lives(h11, t2, persons=2, starts_on=D(2026, 3, 1), ends_on=D(2026, 6, 30), status="ended")

    # Another municipality's arrivals and homes.
    other = _case(other_municipality, arrival=D(2026, 5, 1), persons=[asylum] * 5)
    _lives(other, HousingUnitFactory(municipality=other_municipality, kind="permanent"),
           persons=4, starts_on=D(2026, 5, 1))
    other_temporary = _case(other_municipality, arrival=D(2026, 5, 1))
    _lives(other_temporary, HousingUnitFactory(municipality=other_municipality), persons=3,
           starts_on=D(2026, 5, 1))


def test_every_housing_figure_equals_the_value_worked_out_by_hand(municipality, dataset):
    # when
    section = build(municipality, PERIOD)

    # then
    assert section.key == "housing"
    assert figure_values(section) == {
        # The 2026 quota; last year's 99 and the other municipality's 50 are not it.
        "quota_refugees": 20,
        # h1's 3 asylum refugees (January) + h2's 2 quota refugees (April) = 5; h2's
        # family-reunified person counts against no quota; h5 arrived in 2025, the 4 of
        # 1 July after the period, the other municipality's 5 elsewhere.
        "arrived_refugees": 5,
        "arrived_refugees_share_of_quota": 25,  # 100 * 5 / 20
        "quota_ukrainian": None,  # none set
        "arrived_ukrainian": 2,  # h3, arrived on the period's last day
        "arrived_ukrainian_share_of_quota": None,  # no quota to be a share of
        # On 30 June: h2 3 (t1) + h3 2 (t2, moved in that day) + h10 1 (t1 until 2 July) = 6;
        # h11 moved out that day, h9's reservation was cancelled.
        "persons_in_temporary_housing": 6,
        # On 30 June: h1 3 (p1) + h5 2 (p3) + h6 4 (p2) + h7 2 (p1) = 11; h8 never moved in.
        "persons_in_permanent_homes": 11,
        # First permanent homes dated 1 April–30 June: h1 (20 April), h6 (10 June), h7
        # (5 May) = 3; h5's first was in February, h10's is on 2 July.
        "households_moved_into_permanent_home": 3,
        # h1: 10 January → 20 April = 21 + 28 + 31 + 20 = 100 days;
        # h6: 1 March → 10 June = 31 + 30 + 31 + 9 = 101 days; h7 has no arrival date.
        # The median of (100, 101) = 100.5.
        "median_days_to_permanent_home": 100.5,
    }


def test_the_arrivals_charts_add_up_month_by_month_against_the_quota(municipality, dataset):
    # when
    section = build(municipality, PERIOD)

    # then January to June of the period's year, added up: 3 in January, +2 in April
    refugees = section_chart(section, "arrivals_refugees")
    bars = bar_values(section, "arrivals_refugees")
    assert bars == {"2026-01": 3, "2026-02": 3, "2026-03": 3, "2026-04": 5, "2026-05": 5,
                    "2026-06": 5}
    assert refugees.reference == 20
    ukrainians = section_chart(section, "arrivals_ukrainian")
    bars = bar_values(section, "arrivals_ukrainian")
    assert bars == {"2026-01": 0, "2026-02": 0, "2026-03": 0, "2026-04": 0, "2026-05": 0,
                    "2026-06": 2}
    assert ukrainians.reference is None
    # and the last month's total is the year's figure
    figures = figure_values(section)
    assert (bars["2026-06"], refugees.bars[-1].value) == (
        figures["arrived_ukrainian"], figures["arrived_refugees"])


def test_the_homes_chart_shows_temporary_against_permanent(municipality, dataset):
    bars = bar_values(build(municipality, PERIOD), "persons_housed")

    assert bars == {"temporary": 6, "permanent": 11}


def test_a_period_across_new_year_is_measured_against_the_new_years_quota(
        municipality, dataset):
    # when the period runs from December 2025 to January 2026
    section = build(municipality, Period(start=D(2025, 12, 1), end=D(2026, 1, 31)))

    # then the 2026 quota, and only January 2026's arrivals (h1's 3; h5's 31 December is 2025)
    figures = figure_values(section)
    assert (figures["quota_refugees"], figures["arrived_refugees"]) == (20, 3)
    bars = bar_values(section, "arrivals_refugees")
    assert bars == {"2026-01": 3}


def test_without_data_the_median_and_shares_cannot_be_computed(municipality):
    # when nothing has happened in the municipality
    figures = figure_values(build(municipality, PERIOD))

    # then counts are 0, but a median or a share of nothing is None, not 0
    assert figures["median_days_to_permanent_home"] is None
    assert figures["arrived_refugees_share_of_quota"] is None
    assert figures["quota_refugees"] is None
    assert (figures["households_moved_into_permanent_home"],
            figures["persons_in_temporary_housing"], figures["arrived_refugees"]) == (0, 0, 0)


def test_the_builder_costs_the_same_queries_for_any_amount_of_data(
        municipality, other_municipality, django_assert_max_num_queries):
    # given a little data
    unit = HousingUnitFactory(municipality=municipality, kind="permanent", capacity=100)

    def add_cases(count):
        for _ in range(count):
            household = _case(municipality, arrival=D(2026, 4, 2), persons=["asylum_refugee"])
            _lives(household, unit, persons=1, starts_on=D(2026, 5, 2))

    add_cases(2)
    with django_assert_max_num_queries(5) as few:
        build(municipality, PERIOD)

    # when there is ten times as much
    add_cases(20)
    with django_assert_max_num_queries(5) as many:
        section = build(municipality, PERIOD)

    # then
    assert len(many.captured_queries) == len(few.captured_queries)
    assert figure_values(section)["households_moved_into_permanent_home"] == 22


def test_the_section_is_registered_for_the_report():
    assert "housing" in report_section_keys()


def test_the_managers_start_page_shows_the_quota_against_arrivals(client, manager,
                                                                  municipality, dataset):
    # given
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(manager)

    # when
    response = client.get(reverse("manager_home"), {"start": "2026-04-01", "end": "2026-06-30"})

    # then the section and its quota chart are on the page, built by housing's builder
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="report-housing-heading"' in page
    assert "arrivals in 2026 against the quota" in page
