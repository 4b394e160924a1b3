"""Scoring on hand-built examples: the numbers and the reasons a caseworker reads."""

import datetime
from decimal import Decimal

from housing.matching import (
    Needs,
    PlacePoint,
    distance_score,
    rank_units,
    size_score,
    spread_score,
)
from housing.models import HousingUnit, PlacementGuideline

START = datetime.date(2026, 12, 1)
# About 0.9 km and 3.0 km north of (55.6000, 11.9700): 1° latitude is 111.2 km.
HOME_LAT, HOME_LON = 55.6000, 11.9700


def unit(pk, *, lat=HOME_LAT, lon=HOME_LON, rooms=3, capacity=4, town="Lejre", area="",
         kind="permanent", rent="6000"):
    return HousingUnit(
        pk=pk, address=f"Vej {pk}", postcode="4320", town=town, area=area,
        latitude=Decimal(str(lat)), longitude=Decimal(str(lon)), kind=kind, rooms=rooms,
        size_m2=80, rent_dkk=Decimal(rent), capacity=capacity, step_free=False,
        landlord_kind="housing_association", landlord_name="Boligselskabet",
        available_from=datetime.date(2026, 1, 1),
    )


def north(km):
    return HOME_LAT + km / 111.2


def rank(units, needs, places=(), guideline=None, loads=None, area_counts=None):
    return rank_units(units=units, needs=needs, guideline=guideline or PlacementGuideline(),
                      places=list(places), loads=loads or {}, area_counts=area_counts or {},
                      permanent=True, starts_on=START, ends_on=None)


def texts(ranked_unit):
    return [criterion.text for criterion in ranked_unit.criteria]


FAMILY = Needs(persons=3, ages=(40, 38, 8), languages=frozenset({"ar"}), household_id=1)


def test_the_breakdown_reads_like_a_caseworker_would_say_it():
    # given a family with a child of 8 (school and SFO age) and a school 0.9 km away
    places = [PlacePoint("school", north(0.9), HOME_LON),
              PlacePoint("sfo", north(0.9), HOME_LON),
              PlacePoint("shop", north(0.3), HOME_LON),
              PlacePoint("stop", north(0.2), HOME_LON)]

    # when
    result = rank([unit(1)], FAMILY, places)

    # then
    assert texts(result.ranked[0]) == [
        "school 0.9 km", "SFO 0.9 km", "shop 0.3 km", "bus stop 0.2 km",
        "network: none registered for this household",
        "fits: 3 rooms for 3 persons", "no other households placed in Lejre",
    ]


def test_a_home_nearer_the_school_ranks_first():
    # given two homes, one 0.9 km and one 3 km from the only school
    places = [PlacePoint("school", north(0.9), HOME_LON)]
    near, far = unit(1), unit(2, lat=HOME_LAT - 2.1 / 111.2)

    # when
    result = rank([far, near], FAMILY, places)

    # then
    assert [item.unit.pk for item in result.ranked] == [1, 2]
    assert texts(result.ranked[1])[0] == "school 3.0 km"
    assert result.ranked[0].score > result.ranked[1].score


def test_school_and_daycare_count_only_for_children_of_those_ages():
    # given a couple without children and places of every kind
    couple = Needs(persons=2, ages=(30, 29))
    places = [PlacePoint("school", north(5), HOME_LON), PlacePoint("daycare", north(5), HOME_LON),
              PlacePoint("shop", north(0.5), HOME_LON)]

    # when
    codes = [c.code for c in rank([unit(1)], couple, places).ranked[0].criteria]

    # then school and daycare do not count, neither for nor against
    assert "school" not in codes
    assert "daycare" not in codes
    assert "shop" in codes


def test_a_toddler_and_a_pupil_need_daycare_and_sfo_and_the_farther_counts():
    # given children of 3 and 7: daycare 0.4 km, SFO 2.0 km away
    needs = Needs(persons=4, ages=(35, 33, 7, 3))
    places = [PlacePoint("daycare", north(0.4), HOME_LON), PlacePoint("sfo", north(2.0), HOME_LON),
              PlacePoint("school", north(2.0), HOME_LON)]

    # when
    criteria = {c.code: c for c in rank([unit(1)], needs, places).ranked[0].criteria}

    # then
    assert criteria["daycare"].text == "daycare 0.4 km, SFO 2.0 km"
    assert criteria["daycare"].km == criteria["school"].km


def test_the_spread_term_holds_back_an_area_where_households_already_live():
    # given two equal homes, one in Hvalsø where 2 households are placed already
    guideline = PlacementGuideline(spread_full_at=4)

    # when
    result = rank([unit(1, town="Hvalsø"), unit(2, town="Osted")], FAMILY,
                  guideline=guideline, area_counts={"Hvalsø": 2})

    # then Osted comes first and the reason is given
    assert [item.unit.pk for item in result.ranked] == [2, 1]
    spread = next(c for c in result.ranked[1].criteria if c.code == "spread")
    assert spread.score == 0.5
    assert spread.text == "2 households already placed in Hvalsø"


def test_the_area_of_a_town_spreads_on_its_own():
    # given a home in a district of a town
    result = rank([unit(1, town="Hvalsø", area="Hvalsø Nord")], FAMILY,
                  area_counts={"Hvalsø": 3})

    # then the households in the rest of the town do not count against it
    spread = next(c for c in result.ranked[0].criteria if c.code == "spread")
    assert spread.score == 1.0


def test_a_much_larger_home_than_needed_scores_lower_on_size():
    # given a single adult and a 5-room home
    single = Needs(persons=1, ages=(30,))

    # when
    size = next(c for c in rank([unit(1, rooms=5)], single).ranked[0].criteria
                if c.code == "size")

    # then
    assert size.score == 0.25
    assert size.text == "larger than needed: 5 rooms for 1 person"


def test_network_is_the_household_own_relatives_or_a_community_of_its_language():
    # given the household's relatives 1.5 km away, another household's relatives next door,
    # and a Ukrainian community next door
    places = [
        PlacePoint("relatives", north(1.5), HOME_LON, household_id=1),
        PlacePoint("relatives", north(0.1), HOME_LON, household_id=2),
        PlacePoint("community", north(0.1), HOME_LON, languages=frozenset({"uk"})),
    ]

    # when
    network = next(c for c in rank([unit(1)], FAMILY, places).ranked[0].criteria
                   if c.code == "network")

    # then only their own relatives count
    assert network.text == "network (relatives) 1.5 km"


def test_the_score_is_the_weighted_share_of_full_points():
    # given only two criteria that apply: shop at 3 km (half points between 1 and 5 km)
    # with weight 2, and size (full) with weight 3; the rest weighted 0
    guideline = PlacementGuideline(weight_school=0, weight_daycare=0, weight_transport=0,
                                   weight_network=0, weight_spread=0, weight_shop=2,
                                   weight_size=3)
    places = [PlacePoint("shop", north(3.0), HOME_LON)]

    # when
    item = rank([unit(1)], FAMILY, places, guideline=guideline).ranked[0]

    # then (2 * 0.5 + 3 * 1) / 5 = 80 %
    assert item.score == 80


def test_ties_go_to_the_cheaper_home():
    result = rank([unit(1, rent="7000"), unit(2, rent="5000")], FAMILY)

    assert [item.unit.pk for item in result.ranked] == [2, 1]


def test_distance_size_and_spread_curves():
    assert distance_score(0.5, good_km=1, max_km=5) == 1.0
    assert distance_score(3.0, good_km=1, max_km=5) == 0.5
    assert distance_score(7.0, good_km=1, max_km=5) == 0.0
    assert size_score(rooms=4, persons=3) == 1.0
    assert size_score(rooms=6, persons=3) == 0.5
    assert spread_score(households_in_area=0, full_at=4) == 1.0
    assert spread_score(households_in_area=9, full_at=4) == 0.0
