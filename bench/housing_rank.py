"""Rank 2,000 homes for one household and print the time (target: under 200 ms).

    .venv/bin/python bench/housing_rank.py [--homes 2000] [--runs 7]

Without DATABASE_URL the script makes a throwaway SQLite database in a temporary directory
(migrating it takes a little while) and deletes it afterwards. With DATABASE_URL it uses that
(migrated) database inside a transaction it rolls back, so nothing is left behind.

It times two things: the whole matching as the page runs it (the queries for homes, their
occupancy, places and the households per area, then the scoring), and the scoring alone.
"""

from __future__ import annotations

import argparse
import datetime
import random
import statistics
from decimal import Decimal

from common import rolled_back, setup_django, timed

TOWNS = [  # Lejre municipality's towns: (name, postcode, latitude, longitude)
    ("Lejre", "4320", 55.6046, 11.9747), ("Hvalsø", "4330", 55.5932, 11.8608),
    ("Kirke Hyllinge", "4070", 55.7006, 11.9493), ("Osted", "4320", 55.5628, 11.9490),
    ("Gevninge", "4000", 55.6298, 12.0010), ("Kirke Såby", "4060", 55.6499, 11.8744),
]


def build(homes: int, rng: random.Random):
    """A municipality with `homes` homes, places, placements and one family of four."""
    from housing.models import HousingUnit, Place, Placement
    from integration_portal.accounts.models import Municipality
    from reception.models import Household, Person

    today = datetime.date.today()
    municipality = Municipality.objects.create(name="Benchkommune", code="999",
                                               slug="benchkommune")

    def near(lat, lon, km):
        return (Decimal(f"{lat + rng.uniform(-km, km) / 111.2:.6f}"),
                Decimal(f"{lon + rng.uniform(-km, km) / 63.0:.6f}"))

    units = []
    for n in range(homes):
        name, postcode, lat, lon = TOWNS[n % len(TOWNS)]
        latitude, longitude = near(lat, lon, 2.0)
        rooms = rng.choice([1, 2, 2, 3, 3, 4, 5])
        units.append(HousingUnit(
            municipality=municipality, address=f"Benchvej {n + 1}", postcode=postcode, town=name,
            latitude=latitude, longitude=longitude,
            kind="permanent", rooms=rooms, size_m2=20 + rooms * 22,
            rent_dkk=Decimal(4000 + rooms * 1300), capacity=rooms + 1,
            step_free=rng.random() < 0.3, landlord_kind="municipality",
            available_from=today - datetime.timedelta(days=rng.randint(-30, 300)),
            deprived_area=rng.random() < 0.03,
        ))
    units = HousingUnit.objects.bulk_create(units, batch_size=500)
    places = []
    for name, _, lat, lon in TOWNS:
        for kind, count in (("school", 2), ("daycare", 3), ("sfo", 2), ("shop", 4),
                            ("stop", 8), ("station", 1), ("community", 1)):
            for n in range(count):
                latitude, longitude = near(lat, lon, 1.5)
                places.append(Place(municipality=municipality, kind=kind,
                                    name=f"{kind} {name} {n}", latitude=latitude,
                                    longitude=longitude, languages=["ar"] if kind == "community"
                                    else []))
    Place.objects.bulk_create(places)
    # Others live in a quarter of the homes: some of them are full, the rest count for spread.
    others = Household.objects.bulk_create(
        Household(municipality=municipality, reference=f"BENCH-{n:05d}", status="arrived")
        for n in range(homes // 4))
    Placement.objects.bulk_create(
        (Placement(household=household, unit=unit, is_permanent=unit.kind == "permanent",
                   status="active", starts_on=today - datetime.timedelta(days=30),
                   persons=rng.randint(1, unit.capacity))
         for household, unit in zip(others, rng.sample(units, len(others)), strict=True)),
        batch_size=500)
    family = Household.objects.create(municipality=municipality, reference="BENCH-FAMILY",
                                      status="arrived", arrival_date=today)
    for relation, born in (("applicant", 1985), ("spouse", 1987), ("child", today.year - 8),
                           ("child", today.year - 3)):
        Person.objects.create(household=family, relation=relation, first_name="Bench",
                              last_name=relation, birth_date=datetime.date(born, 1, 1),
                              residence_basis="asylum_refugee", languages=["ar"])
    return family


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--homes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    throwaway = setup_django("housing-bench-")

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from housing import selectors
    from housing.matching import rank_units
    from housing.models import HousingUnit

    translation.activate("en")
    with rolled_back(throwaway):
        print(f"Building {args.homes} homes …", flush=True)
        family = build(args.homes, random.Random(2026))
        starts_on = datetime.date.today() + datetime.timedelta(days=7)

        def match():
            return selectors.match_for_household(
                household=family, permanent=True, starts_on=starts_on, ends_on=None)
        with CaptureQueriesContext(connection) as queries:
            match()
        match_times, matched = timed(match, args.runs)

        # The scoring alone, with the homes and places already loaded.
        needs = selectors.household_needs(household=family, on=starts_on)
        units = list(HousingUnit.objects.filter(municipality=family.municipality)
                     .select_related("private_host"))
        places = selectors.place_points(family.municipality_id)
        guideline = selectors.guideline_for(family.municipality_id)

        def score_all():
            return rank_units(units=units, needs=needs, guideline=guideline, places=places,
                              loads={}, area_counts={}, permanent=True,
                              starts_on=starts_on, ends_on=None)
        score_times, scored = timed(score_all, args.runs)

    print(f"\nDatabase: {connection.vendor}; {args.homes} homes, a family of four "
          f"(children 3 and 8); {args.runs} runs each.")
    considered = len(matched.ranked) + len(matched.excluded)
    print(f"match_for_household, queries and scoring ({considered} homes considered, "
          f"{len(matched.ranked)} ranked, {len(matched.excluded)} ruled out, "
          f"{len(queries.captured_queries)} queries): median "
          f"{statistics.median(match_times):.1f} ms, best {min(match_times):.1f} ms")
    print(f"rank_units alone ({len(units)} homes, {len(scored.ranked)} ranked, "
          f"{len(scored.excluded)} ruled out): median {statistics.median(score_times):.1f} ms, "
          f"best {min(score_times):.1f} ms")
    worst = max(statistics.median(match_times), statistics.median(score_times))
    print(f"\nTarget under 200 ms: {'met' if worst < 200 else 'NOT met'} "
          f"(slowest median {worst:.1f} ms).")


if __name__ == "__main__":
    main()
