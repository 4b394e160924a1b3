"""Children's section of the managers' report equals the figures worked out by hand.

The period is the second quarter of 2026 (1 April to 30 June, both days included).
"""

import datetime

import pytest

from children.reports import build
from integration_portal.reports.registry import Period, report_section_keys
from tests.children.factories import ChildPlacementFactory, InstitutionFactory
from tests.factories import HouseholdFactory, MilestoneFactory, PersonFactory
from tests.reports.sections import bar_values, figure_values

pytestmark = pytest.mark.django_db

D = datetime.date
PERIOD = Period(start=D(2026, 4, 1), end=D(2026, 6, 30))
EARLY = D(2026, 1, 5)  # when a place was requested, unless a test says otherwise


def _case(municipality, *, arrival):
    return HouseholdFactory(municipality=municipality, status="arrived", arrival_date=arrival)


def _child(household, born):
    return PersonFactory(household=household, relation="child", birth_date=born)


def _place(person, institution, *, kind, status, starts_on=None, ends_on=None,
           requested_on=EARLY):
    return ChildPlacementFactory(person=person, institution=institution, kind=kind,
                                 status=status, starts_on=starts_on, ends_on=ends_on,
                                 requested_on=requested_on)


@pytest.fixture
def world(municipality, other_municipality):
    daycare = InstitutionFactory(municipality=municipality, kind="daycare")
    school = InstitutionFactory(municipality=municipality, kind="school")

    h1 = _case(municipality, arrival=D(2026, 3, 1))
    c1 = _child(h1, D(2020, 5, 1))
    _place(c1, daycare, kind="daycare", status="ended", starts_on=D(2026, 3, 10),
           ends_on=D(2026, 4, 14))
    _place(c1, school, kind="school", status="started", starts_on=D(2026, 4, 15))  # 45 days
    c2 = _child(h1, D(2023, 1, 1))
    _place(c2, daycare, kind="daycare", status="requested", requested_on=D(2026, 5, 1))
    c3 = _child(h1, D(2019, 1, 1))  # offered and accepted, but starts after the period
    _place(c3, school, kind="reception_class", status="started", starts_on=D(2026, 7, 10),
           requested_on=D(2026, 6, 1))
    c4 = _child(h1, D(2021, 1, 1))
    _place(c4, daycare, kind="daycare", status="ended", requested_on=D(2026, 4, 1))  # withdrawn
    _place(c4, school, kind="sfo", status="started", starts_on=D(2026, 6, 30))
    _place(c4, school, kind="school", status="requested")
    c5 = _child(h1, D(2008, 7, 1))  # 17 on the last day, 18 the day after
    _place(c5, school, kind="school", status="started", starts_on=D(2026, 1, 10))
    adult = _child(h1, D(2008, 6, 30))  # 18 on the last day
    _place(adult, school, kind="school", status="started", starts_on=D(2026, 1, 10))
    # A place requested after the period does not wait in it.
    c9 = _child(h1, D(2022, 3, 3))
    _place(c9, daycare, kind="daycare", status="requested", requested_on=D(2026, 7, 1))

    h2 = _case(municipality, arrival=D(2026, 5, 1))
    c6 = _child(h2, D(2018, 2, 2))  # 20 days, ended the day before the last
    _place(c6, school, kind="school", status="ended", starts_on=D(2026, 5, 21),
           ends_on=D(2026, 6, 29))
    c7 = _child(h2, D(2017, 1, 1))  # 31 days; waits for a later school but has a place
    _place(c7, school, kind="reception_class", status="started", starts_on=D(2026, 6, 1))
    _place(c7, school, kind="school", status="offered", requested_on=D(2026, 6, 15))

    h3 = _case(municipality, arrival=None)
    c8 = _child(h3, D(2016, 6, 6))
    _place(c8, school, kind="school", status="started", starts_on=D(2026, 4, 10))

    # School-start milestones: met on time, late, on the due day; outside the period; open.
    for person, due, done in ((c1, D(2026, 4, 30), D(2026, 4, 20)),
                              (c6, D(2026, 5, 1), D(2026, 5, 10)),
                              (c7, D(2026, 6, 30), D(2026, 6, 30)),
                              (c8, D(2026, 3, 1), D(2026, 3, 30)),
                              (c3, D(2026, 5, 1), None)):
        MilestoneFactory(household=person.household, person=person, kind="school_start",
                         due_date=due, done_on=done)
    MilestoneFactory(household=h1, person=c2, kind="daycare_start", due_date=D(2026, 6, 1),
                     done_on=D(2026, 5, 1))

    # Another municipality's child: in a school place, started in the period, on time.
    other = _case(other_municipality, arrival=D(2026, 4, 1))
    other_child = _child(other, D(2015, 1, 1))
    _place(other_child, InstitutionFactory(municipality=other_municipality, kind="school"),
           kind="school", status="started", starts_on=D(2026, 5, 1))
    _place(_child(other, D(2020, 1, 1)), InstitutionFactory(municipality=other_municipality),
           kind="daycare", status="requested")
    MilestoneFactory(household=other, person=other_child, kind="school_start",
                     due_date=D(2026, 5, 5), done_on=D(2026, 5, 1))


def test_the_figures_are_those_worked_out_by_hand(world, municipality):
    # when
    section = build(municipality, PERIOD)

    # then
    figures = figure_values(section)
    assert figures["children_in_place"] == 5  # c1, c4, c5, c7, c8
    assert figures["children_waiting_for_place"] == 2  # c2, c3
    assert figures["child_places_started"] == 5
    assert figures["median_days_to_school"] == 31  # 20, 31, 45
    assert figures["school_start_on_time"] == 2
    assert figures["school_start_late"] == 1
    assert figures["school_start_on_time_share"] == 66.7
    assert bar_values(section, "child_places_started_by_kind") == {
        "daycare": 0, "international_preschool": 0, "sfo": 1, "school": 3,
        "reception_class": 1}


def test_another_municipality_sees_only_its_own(world, other_municipality):
    # when
    figures = figure_values(build(other_municipality, PERIOD))

    # then
    assert figures["children_in_place"] == 1
    assert figures["children_waiting_for_place"] == 1
    assert figures["child_places_started"] == 1
    assert figures["median_days_to_school"] == 30
    assert (figures["school_start_on_time"], figures["school_start_late"]) == (1, 0)


def test_with_nothing_to_count_a_median_or_share_is_none(municipality):
    # when
    figures = figure_values(build(municipality, PERIOD))

    # then
    assert figures["median_days_to_school"] is None
    assert figures["school_start_on_time_share"] is None
    assert (figures["children_in_place"], figures["children_waiting_for_place"],
            figures["child_places_started"]) == (0, 0, 0)


def test_the_builder_costs_the_same_queries_for_any_amount_of_data(
        municipality, django_assert_max_num_queries):
    # given a little data
    school = InstitutionFactory(municipality=municipality, kind="school")

    def add_children(count):
        for _ in range(count):
            household = _case(municipality, arrival=D(2026, 4, 2))
            child = _child(household, D(2016, 1, 1))
            _place(child, school, kind="school", status="started", starts_on=D(2026, 5, 2))
            _place(_child(household, D(2022, 1, 1)), school, kind="daycare",
                   status="requested")
            MilestoneFactory(household=household, person=child, kind="school_start",
                             due_date=D(2026, 5, 1), done_on=D(2026, 5, 2))

    add_children(2)
    with django_assert_max_num_queries(4) as few:
        build(municipality, PERIOD)

    # when there is ten times as much
    add_children(20)
    with django_assert_max_num_queries(4) as many:
        section = build(municipality, PERIOD)

    # then
    assert len(many.captured_queries) == len(few.captured_queries)
    figures = figure_values(section)
    assert (figures["children_in_place"], figures["children_waiting_for_place"],
            figures["school_start_late"]) == (22, 22, 22)


def test_the_section_is_registered_for_the_report():
    assert "children" in report_section_keys()
