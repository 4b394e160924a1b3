"""Outcomes at 6, 12 and 24 months for 5,000 programme persons, and one person's employment
page query count; prints the time (target: under 500 ms for all).

    .venv/bin/python bench/employment_outcomes.py [--persons 5000] [--runs 5]

Without DATABASE_URL the script makes a throwaway SQLite database (migrating it takes a
little while) and deletes it afterwards. With DATABASE_URL it uses that (migrated) database
inside a transaction it rolls back, so nothing is left behind. The reports issue calls
`outcomes_for_persons` for a municipality's whole programme population, so it must stay one
query and linear time.
"""

from __future__ import annotations

import argparse
import datetime
import random
import statistics

from common import measures_after_takeover, rolled_back, setup_django, timed

CATEGORIES = ["igu", "company_internship", "language_internship", "wage_subsidy_private",
              "small_job", "ordinary_job", "education", "job_training"]


def build(persons: int, rng: random.Random):
    """A municipality with `persons` programme adults in cases of two, each with 0–4 measures
    over the three years since their takeover."""
    from employment.models import Measure
    from integration_portal.accounts.models import Municipality
    from reception.models import Household, Person

    today = datetime.date.today()
    municipality = Municipality.objects.create(name="Benchkommune", code="998",
                                               slug="benchkommune-outcomes")
    households = Household.objects.bulk_create(
        (Household(municipality=municipality, reference=f"BENCH-{n:05d}", status="in_programme")
         for n in range((persons + 1) // 2)), batch_size=1000)
    people = Person.objects.bulk_create(
        (Person(household=households[n // 2], relation="applicant", first_name="Bench",
                last_name=str(n), birth_date=datetime.date(1970 + n % 30, 1 + n % 12, 1),
                residence_basis="asylum_refugee",
                takeover_date=today - datetime.timedelta(days=rng.randint(0, 1100)))
         for n in range(persons)), batch_size=1000)
    measures = measures_after_takeover(people, municipality=municipality, rng=rng, today=today,
                                       categories=CATEGORIES, most=4)
    Measure.objects.bulk_create(measures, batch_size=1000)
    return municipality, len(measures)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    throwaway = setup_django("employment-bench-")

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone, translation

    from employment.models import OutcomeKind
    from employment.selectors.outcomes import outcomes_for_persons
    from reception.models import Person

    translation.activate("en")
    with rolled_back(throwaway):
        print(f"Building {args.persons} programme persons …", flush=True)
        municipality, measure_count = build(args.persons, random.Random(2026))
        today = timezone.localdate()
        persons = list(Person.objects.in_municipality(municipality))

        def all_outcomes():
            return outcomes_for_persons(persons=persons, today=today)
        with CaptureQueriesContext(connection) as queries:
            all_outcomes()
        times, outcomes = timed(all_outcomes, args.runs)

    at_12 = [row[1].kind for row in outcomes.values() if len(row) > 1]
    shares = {kind.label: sum(1 for k in at_12 if k == kind) for kind in OutcomeKind}
    print(f"\nDatabase: {connection.vendor}; {args.persons} persons, {measure_count} measures; "
          f"{args.runs} runs.")
    print(f"outcomes_for_persons ({len(queries.captured_queries)} queries): median "
          f"{statistics.median(times):.1f} ms, best {min(times):.1f} ms")
    print("At 12 months: " + ", ".join(f"{label} {count}" for label, count in shares.items())
          + f", not yet {sum(1 for k in at_12 if k is None)}")
    median = statistics.median(times)
    print(f"\nTarget under 500 ms: {'met' if median < 500 else 'NOT met'} "
          f"(median {median:.1f} ms).")


if __name__ == "__main__":
    main()
