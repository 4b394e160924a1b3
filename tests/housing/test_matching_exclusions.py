"""Hard rules: a home that breaks one is not ranked but listed with every reason."""

import datetime
from decimal import Decimal

from housing.matching import Needs, rank_units
from housing.models import HousingUnit, PlacementGuideline, PrivateHost

START = datetime.date(2026, 12, 1)


def unit(pk=1, **overrides):
    values = dict(
        pk=pk, address=f"Vej {pk}", postcode="4320", town="Lejre", area="",
        latitude=Decimal("55.6"), longitude=Decimal("11.97"), kind="temporary", rooms=3,
        size_m2=80, rent_dkk=Decimal("5000"), capacity=6, step_free=False,
        landlord_kind="municipality", landlord_name="",
        available_from=datetime.date(2026, 1, 1), deprived_area=False,
    )
    values.update(overrides)
    return HousingUnit(**values)


def reasons(home, needs, *, permanent=False, guideline=None, loads=None, ends_on=None):
    result = rank_units(units=[home], needs=needs, guideline=guideline or PlacementGuideline(),
                        places=[], loads=loads or {}, area_counts={}, permanent=permanent,
                        starts_on=START, ends_on=ends_on)
    assert len(result.ranked) + len(result.excluded) == 1
    return [reason.text for item in result.excluded for reason in item.reasons]


FIVE = Needs(persons=5, ages=(40, 38, 12, 9, 4))
SINGLE = Needs(persons=1, ages=(24,))


def test_too_few_rooms_for_the_household():
    # given 2 rooms, at most 2 persons per room, and a household of 5
    assert reasons(unit(rooms=2), FIVE) == ["too small: 2 rooms for 5 persons"]


def test_more_persons_than_the_capacity():
    assert reasons(unit(rooms=4, capacity=4), FIVE) == [
        "too small: room for 4 persons, the household is 5"]


def test_full_for_the_dates_counts_the_persons_already_placed():
    # given 6 places of which 3 are taken in the period
    assert reasons(unit(rooms=4, capacity=6), FIVE, loads={1: 3}) == [
        "full for these dates: 3 of 6 places taken"]


def test_a_home_with_room_for_the_persons_already_placed_and_these_is_ranked():
    assert reasons(unit(rooms=4, capacity=8), FIVE, loads={1: 3}) == []


def test_temporary_housing_is_never_in_a_deprived_area():
    assert reasons(unit(deprived_area=True), SINGLE) == [
        "in a deprived area: not allowed as temporary housing (INL § 12)"]


def test_a_permanent_home_in_a_deprived_area_is_ranked_unless_the_guideline_excludes_it():
    home = unit(kind="permanent", deprived_area=True)

    assert reasons(home, SINGLE, permanent=True) == []
    assert reasons(home, SINGLE, permanent=True,
                   guideline=PlacementGuideline(exclude_deprived_for_permanent=True)) == [
        "in a deprived area: excluded by the placement guidelines"]


def test_step_free_need_excludes_homes_with_steps_when_the_guideline_says_so():
    needs = Needs(persons=1, ages=(70,), step_free=True)

    assert reasons(unit(step_free=False), needs) == [
        "not step-free, and the household needs step-free access"]
    assert reasons(unit(step_free=True), needs) == []


def test_step_free_need_is_shown_when_the_guideline_only_weighs_it():
    # given a guideline that does not make step-free access a must
    needs = Needs(persons=1, ages=(70,), step_free=True)
    result = rank_units(units=[unit()], needs=needs,
                        guideline=PlacementGuideline(step_free_required=False), places=[],
                        loads={}, area_counts={}, permanent=False, starts_on=START, ends_on=None)

    # then the home is ranked, and the missing step-free access is in its reasons
    assert [c.text for c in result.ranked[0].criteria][-1] == (
        "not step-free, and the household needs step-free access")


def test_a_shared_room_is_only_for_a_single_adult():
    room = unit(kind="shared_room", rooms=1, capacity=2)

    assert reasons(room, SINGLE) == []
    assert reasons(room, Needs(persons=1, ages=(16,))) == [
        "a shared room is only for a single adult"]
    assert reasons(room, Needs(persons=2, ages=(30, 30))) == [
        "a shared room is only for a single adult"]


def test_a_home_available_later_or_not_for_the_whole_stay():
    later = unit(available_from=datetime.date(2027, 1, 1))
    ends_early = unit(available_until=datetime.date(2027, 2, 1))

    assert reasons(later, SINGLE) == ["available only from 01/01/2027"]
    assert reasons(ends_early, SINGLE, ends_on=datetime.date(2027, 6, 1)) == [
        "available only until 02/01/2027"]
    assert reasons(ends_early, SINGLE, ends_on=datetime.date(2027, 1, 1)) == []


def test_private_lodging_needs_a_host_agreement_covering_the_stay():
    host = PrivateHost(name="Vært", agreement_signed_on=datetime.date(2026, 1, 1),
                       agreement_ends_on=datetime.date(2027, 1, 31))
    lodging = unit(kind="private_lodging", landlord_kind="private_host", private_host=host)
    unsigned = unit(kind="private_lodging", landlord_kind="private_host",
                    private_host=PrivateHost(name="Vært"))

    assert reasons(lodging, SINGLE, ends_on=datetime.date(2027, 1, 1)) == []
    assert reasons(lodging, SINGLE, ends_on=datetime.date(2027, 6, 1)) == [
        "the host's agreement ends on 01/31/2027"]
    assert reasons(unsigned, SINGLE) == ["no signed agreement with the host for these dates"]


def test_every_reason_is_listed_not_only_the_first():
    home = unit(rooms=2, deprived_area=True, step_free=False)
    needs = Needs(persons=5, ages=(40, 38, 12, 9, 4), step_free=True)

    assert reasons(home, needs) == [
        "too small: 2 rooms for 5 persons",
        "in a deprived area: not allowed as temporary housing (INL § 12)",
        "not step-free, and the household needs step-free access",
    ]
