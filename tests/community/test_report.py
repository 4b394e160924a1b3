"""Community's section of the managers' report equals the figures worked out by hand.

The period is the second quarter of 2026 (1 April to 30 June, both days included).
"""

import datetime

import pytest

from community.models import Referral
from community.reports import build
from integration_portal.reports.registry import Period, report_section_keys
from tests.community.factories import AssociationFactory, ConsentFactory
from tests.factories import HouseholdFactory, PersonFactory
from tests.reports.sections import bar_values, figure_values

pytestmark = pytest.mark.django_db

D = datetime.date
PERIOD = Period(start=D(2026, 4, 1), end=D(2026, 6, 30))
EARLY = D(2026, 1, 10)  # when a consent was given, unless a test says otherwise


def _person(municipality, recorder, *, given_on=EARLY, withdrawn_on=None):
    """A person of a case of `municipality` with a consent given on `given_on`."""
    household = HouseholdFactory(municipality=municipality, status="arrived")
    person = PersonFactory(household=household)
    consent = ConsentFactory(person=person, given_on=given_on, withdrawn_on=withdrawn_on,
                             recorded_by=recorder)
    return person, consent


def _referral(person, consent, association, *, referred_on, status="referred",
              follow_up_on=None, closed_on=None):
    return Referral.objects.create(
        municipality_id=person.household.municipality_id, household=person.household,
        person=person, association=association, consent=consent, referred_on=referred_on,
        status=status, follow_up_on=follow_up_on, closed_on=closed_on,
        referred_by=consent.recorded_by)


@pytest.fixture
def world(municipality, other_municipality, caseworker, other_caseworker):
    club = AssociationFactory(municipality=municipality)
    ada, ada_consent = _person(municipality, caseworker)
    bo, bo_consent = _person(municipality, caseworker, given_on=D(2026, 6, 30))
    # Withdrawn after the period: in force on its last day; withdrawn in it: not.
    _person(municipality, caseworker, withdrawn_on=D(2026, 7, 1))
    _person(municipality, caseworker, withdrawn_on=D(2026, 6, 30))
    # Given after the period.
    _person(municipality, caseworker, given_on=D(2026, 7, 1))

    # Made in the period: 2 started, 1 declined, 1 stopped, 1 contacted, 1 referred.
    _referral(ada, ada_consent, club, referred_on=D(2026, 4, 1), status="started",
              closed_on=D(2026, 5, 1))
    _referral(ada, ada_consent, club, referred_on=D(2026, 4, 20), status="started",
              closed_on=D(2026, 5, 20))
    _referral(ada, ada_consent, club, referred_on=D(2026, 5, 1), status="declined",
              closed_on=D(2026, 5, 2))
    _referral(ada, ada_consent, club, referred_on=D(2026, 5, 2), status="stopped",
              closed_on=D(2026, 5, 3))
    # Open, follow-up passed on the last day: overdue.
    _referral(ada, ada_consent, club, referred_on=D(2026, 5, 5), status="contacted",
              follow_up_on=D(2026, 6, 29))
    # Open, follow-up on the last day itself: due, not overdue.
    _referral(bo, bo_consent, club, referred_on=D(2026, 6, 30), follow_up_on=D(2026, 6, 30))
    # Made before the period, still open with its follow-up passed: overdue, not "made".
    _referral(ada, ada_consent, club, referred_on=D(2026, 3, 1), follow_up_on=D(2026, 3, 29))
    # Made after the period: neither.
    _referral(ada, ada_consent, club, referred_on=D(2026, 7, 2), follow_up_on=D(2026, 7, 30))

    # Another municipality's: a consent and an overdue referral made in the period.
    other_club = AssociationFactory(municipality=other_municipality)
    cy, cy_consent = _person(other_municipality, other_caseworker)
    _referral(cy, cy_consent, other_club, referred_on=D(2026, 4, 2),
              follow_up_on=D(2026, 4, 30))


def test_the_figures_are_those_worked_out_by_hand(world, municipality):
    # when
    section = build(municipality, PERIOD)

    # then
    figures = figure_values(section)
    assert figures["referrals_made"] == 6
    assert figures["referrals_started"] == 2
    assert figures["referrals_started_share"] == 33.3
    assert figures["consents_in_force"] == 3  # ada, bo, withdrawn after the period
    assert figures["referral_follow_ups_overdue"] == 2
    assert bar_values(section, "referrals_by_status") == {
        "referred": 1, "contacted": 1, "started": 2, "declined": 1, "stopped": 1}


def test_another_municipality_sees_only_its_own(world, other_municipality):
    # when
    figures = figure_values(build(other_municipality, PERIOD))

    # then
    assert figures["referrals_made"] == 1
    assert figures["referrals_started"] == 0
    assert figures["referrals_started_share"] == 0
    assert figures["consents_in_force"] == 1
    assert figures["referral_follow_ups_overdue"] == 1


def test_with_no_referrals_the_share_is_none(municipality):
    # when
    figures = figure_values(build(municipality, PERIOD))

    # then
    assert figures["referrals_started_share"] is None
    assert (figures["referrals_made"], figures["consents_in_force"],
            figures["referral_follow_ups_overdue"]) == (0, 0, 0)


def test_the_builder_costs_the_same_queries_for_any_amount_of_data(
        municipality, caseworker, django_assert_max_num_queries):
    # given a little data
    club = AssociationFactory(municipality=municipality)

    def add_referrals(count):
        for _ in range(count):
            person, consent = _person(municipality, caseworker)
            _referral(person, consent, club, referred_on=D(2026, 5, 1),
                      follow_up_on=D(2026, 5, 29))

    add_referrals(2)
    with django_assert_max_num_queries(3) as few:
        build(municipality, PERIOD)

    # when there is ten times as much
    add_referrals(20)
    with django_assert_max_num_queries(3) as many:
        section = build(municipality, PERIOD)

    # then
    assert len(many.captured_queries) == len(few.captured_queries)
    figures = figure_values(section)
    assert (figures["referrals_made"], figures["consents_in_force"],
            figures["referral_follow_ups_overdue"]) == (22, 22, 22)


def test_the_section_is_registered_for_the_report():
    assert "community" in report_section_keys()
