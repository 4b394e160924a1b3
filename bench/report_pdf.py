"""The managers' PDF report for a municipality with 5,000 households: prints the time and peak
memory of building its sections and rendering the PDF (target: under 10 s and 500 MB).

    .venv/bin/python bench/report_pdf.py [--households 5000] [--runs 3] [--out report.pdf]

Without DATABASE_URL the script makes a throwaway SQLite database (migrating it takes a
little while) and deletes it afterwards. With DATABASE_URL it uses that (migrated) database
inside a transaction it rolls back, so nothing is left behind. The report's cost must not grow
with the number of cases beyond the builders' aggregate queries: every section is a fixed
number of queries, and the PDF holds figures, charts and short tables, never a row per case.
"""

from __future__ import annotations

import argparse
import datetime
import random
import resource
import statistics
import sys
import time
import tracemalloc
from decimal import Decimal

from common import measures_after_takeover, rolled_back, setup_django

RESIDENCE_BASES = ["asylum_refugee", "quota_refugee", "family_reunified",
                   "ukrainian_special_act", "asylum_refugee"]
STATUSES = ["announced", "arrived", "in_programme", "in_programme", "in_programme", "closed"]
MILESTONE_KINDS = ["programme_start", "integration_contract", "cpr_registration",
                   "health_assessment", "danish_education_offer"]
CATEGORIES = ["igu", "company_internship", "wage_subsidy_private", "ordinary_job",
              "education"]


def build(households: int, rng: random.Random):
    """A municipality with `households` cases of 1–4 persons: milestones, homes, measures and
    volunteer tasks, spread over the last three years."""
    from django.utils import timezone

    from employment.models import Measure
    from housing.models import HousingUnit, Placement, Quota
    from integration_portal.accounts.models import Municipality, User
    from reception.models import Household, Milestone, Person
    from volunteers.models import HoursLog, Task, TaskKind

    today = timezone.localdate()
    now = timezone.now()
    municipality = Municipality.objects.create(name="Benchkommune", code="997",
                                               slug="benchkommune-report")
    caseworkers = User.objects.bulk_create(
        User(email=f"caseworker{n}@bench.example", full_name=f"Sagsbehandler {n}",
             municipality=municipality, is_caseworker=True) for n in range(12))
    volunteers = User.objects.bulk_create(
        User(email=f"volunteer{n}@bench.example", full_name=f"Frivillig {n}",
             municipality=municipality, is_volunteer=True) for n in range(150))
    Quota.objects.bulk_create(
        Quota(municipality=municipality, year=year, category=category, persons=persons)
        for year in (today.year - 1, today.year)
        for category, persons in (("refugees", 400), ("ukrainian", 250)))

    cases = []
    for n in range(households):
        status = rng.choice(STATUSES)
        arrived = today - datetime.timedelta(days=rng.randint(0, 1095))
        cases.append(Household(
            municipality=municipality, reference=f"BENCH-{n:05d}", status=status,
            caseworker=rng.choice(caseworkers),
            expected_arrival_date=arrived if status == "announced" else None,
            arrival_date=None if status == "announced" else arrived))
    cases = Household.objects.bulk_create(cases, batch_size=1000)

    persons = []
    for case in cases:
        basis = rng.choice(RESIDENCE_BASES)
        for index in range(rng.randint(1, 4)):
            takeover = (case.arrival_date or today) - datetime.timedelta(days=rng.randint(0, 20))
            persons.append(Person(
                household=case, relation="applicant" if index == 0 else "child",
                first_name="Bench", last_name=f"{case.reference}-{index}",
                birth_date=datetime.date(1960 + rng.randint(0, 60), rng.randint(1, 12), 1),
                residence_basis=basis,
                takeover_date=None if case.status == "announced" else takeover))
    persons = Person.objects.bulk_create(persons, batch_size=1000)

    milestones = []
    for person in persons:
        if person.takeover_date is None or person.relation != "applicant":
            continue
        for offset, kind in enumerate(MILESTONE_KINDS):
            due = person.takeover_date + datetime.timedelta(days=30 * (offset + 1))
            done = due - datetime.timedelta(days=rng.randint(-20, 10))
            milestones.append(Milestone(
                household_id=person.household_id, person=person, kind=kind, due_date=due,
                done_on=done if done < today and rng.random() < 0.8 else None))
    Milestone.objects.bulk_create(milestones, batch_size=2000)

    # One home per placement: PostgreSQL's trigger refuses a home over its capacity.
    moves = []
    for case in cases:
        if case.arrival_date is None or rng.random() < 0.3:
            continue
        moved = min(case.arrival_date + datetime.timedelta(days=rng.randint(0, 200)), today)
        moves.append((case, moved, moved < today and rng.random() < 0.5))
    units = HousingUnit.objects.bulk_create(
        (HousingUnit(municipality=municipality, address=f"Benchvej {n}", postcode="4000",
                     town="Roskilde", latitude=Decimal("55.64"), longitude=Decimal("12.08"),
                     kind="permanent" if permanent else "temporary", rooms=3, size_m2=70,
                     rent_dkk=Decimal(6500), capacity=4, landlord_kind="housing_association",
                     available_from=today - datetime.timedelta(days=2000))
         for n, (_, _, permanent) in enumerate(moves)), batch_size=1000)
    placements = [
        Placement(household=case, unit=unit, is_permanent=permanent, status="current",
                  starts_on=moved, persons=rng.randint(1, 4))
        for (case, moved, permanent), unit in zip(moves, units, strict=True)
    ]
    Placement.objects.bulk_create(placements, batch_size=1000)

    applicants = [person for person in persons
                  if person.takeover_date is not None and person.relation == "applicant"]
    measures = measures_after_takeover(applicants, municipality=municipality, rng=rng,
                                       today=today, categories=CATEGORIES, most=3)
    Measure.objects.bulk_create(measures, batch_size=1000)

    task_kinds = list(TaskKind.objects.filter(municipality=None))
    tasks = []
    for n in range(2000):
        starts = now - datetime.timedelta(days=rng.randint(-30, 700), hours=rng.randint(0, 8))
        status = rng.choice(["open", "claimed", "done", "done", "cancelled"])
        tasks.append(Task(
            municipality=municipality, kind=rng.choice(task_kinds), title=f"Opgave {n}",
            starts_at=starts, ends_at=starts + datetime.timedelta(hours=2), status=status,
            claimed_by=rng.choice(volunteers) if status in ("claimed", "done") else None,
            claimed_at=starts - datetime.timedelta(days=2) if status != "open" else None))
    tasks = Task.objects.bulk_create(tasks, batch_size=1000)
    HoursLog.objects.bulk_create(
        (HoursLog(task=task, volunteer=task.claimed_by, date=task.starts_at.date(),
                  hours=Decimal("2.5")) for task in tasks if task.status == "done"),
        batch_size=1000)
    return municipality, {"persons": len(persons), "milestones": len(milestones),
                          "placements": len(placements), "measures": len(measures),
                          "volunteer tasks": len(tasks)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--language", default="da", choices=["da", "en"])
    parser.add_argument("--out", help="also write the last run's PDF to this file")
    args = parser.parse_args()
    throwaway = setup_django("report-pdf-bench-")

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone, translation

    from integration_portal.reports.registry import Period, build_report, report_section_keys
    from integration_portal.reports.rendering import render_report_pdf

    rss_before = _max_rss_mb()
    runs: list[dict] = []
    with rolled_back(throwaway):
        print(f"Building {args.households} households …", flush=True)
        started = time.perf_counter()
        municipality, counts = build(args.households, random.Random(2026))
        print(f"  built in {time.perf_counter() - started:.1f} s: "
              + ", ".join(f"{count} {name}" for name, count in counts.items()), flush=True)
        today = timezone.localdate()
        period = Period(start=today.replace(year=today.year - 1, month=1, day=1), end=today)
        rss_before = _max_rss_mb()

        def one_report() -> dict:
            run = {"sections": []}
            clock = [time.perf_counter(), time.process_time()]

            def progress(done: int, total: int) -> None:
                now = [time.perf_counter(), time.process_time()]
                run["sections"].append((now[0] - clock[0], now[1] - clock[1]))
                clock[:] = now

            wall, cpu = time.perf_counter(), time.process_time()
            with translation.override(args.language), \
                    CaptureQueriesContext(connection) as queries:
                sections = build_report(municipality=municipality, period=period,
                                        progress=progress)
            run["build"] = (time.perf_counter() - wall, time.process_time() - cpu)
            run["queries"] = len(queries.captured_queries)
            wall, cpu = time.perf_counter(), time.process_time()
            run["pdf"] = render_report_pdf(
                municipality=municipality, period=period, sections=sections,
                language=args.language, generated_at=timezone.now())
            run["render"] = (time.perf_counter() - wall, time.process_time() - cpu)
            return run

        for number in range(args.runs):
            runs.append(one_report())
            print(f"  run {number + 1}: {_total(runs[-1])[0]:.2f} s", flush=True)
        # Once more under tracemalloc, which slows Python down: memory only, not timed.
        tracemalloc.start()
        one_report()
        peak_allocated = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
        if args.out:
            with open(args.out, "wb") as out:
                out.write(runs[-1]["pdf"])

    rss_after = _max_rss_mb()
    totals = [_total(run) for run in runs]
    worst_wall, worst_cpu = max(t[0] for t in totals), max(t[1] for t in totals)
    print(f"\nDatabase: {connection.vendor}; {args.households} households; {args.runs} runs; "
          f"language {args.language}. Wall-clock time, then the process's CPU time (the "
          f"difference is waiting: for the database server, or for a busy machine).")
    print(f"Sections built ({runs[-1]['queries']} queries): median "
          f"{_median(runs, 'build', 0):.2f} s wall, {_median(runs, 'build', 1):.2f} s CPU")
    for key, (wall, cpu) in zip(report_section_keys(), runs[-1]["sections"], strict=True):
        print(f"  {key:<12} {wall:6.2f} s wall {cpu:6.2f} s CPU (last run)")
    print(f"PDF rendered ({len(runs[-1]['pdf']) / 1024:.0f} KB): median "
          f"{_median(runs, 'render', 0):.2f} s wall, {_median(runs, 'render', 1):.2f} s CPU")
    print(f"Total: median {statistics.median(t[0] for t in totals):.2f} s wall "
          f"({statistics.median(t[1] for t in totals):.2f} s CPU), worst {worst_wall:.2f} s "
          f"wall ({worst_cpu:.2f} s CPU)")
    print(f"Peak Python allocations during one report (tracemalloc): {peak_allocated:.0f} MB")
    print(f"Peak resident memory of the process (ru_maxrss): {rss_after:.0f} MB "
          f"({rss_before:.0f} MB before the first report, with the dataset built)")
    time_met, memory_met = worst_wall < 10, rss_after < 500
    print(f"\nTarget under 10 s: {'met' if time_met else 'NOT met'} (worst {worst_wall:.2f} s "
          f"wall, {worst_cpu:.2f} s CPU).")
    print(f"Target under 500 MB: {'met' if memory_met else 'NOT met'} "
          f"(peak resident {rss_after:.0f} MB).")
    if not (time_met and memory_met):
        sys.exit(1)


def _total(run: dict) -> tuple[float, float]:
    return run["build"][0] + run["render"][0], run["build"][1] + run["render"][1]


def _median(runs: list[dict], key: str, index: int) -> float:
    return statistics.median(run[key][index] for run in runs)


def _max_rss_mb() -> float:
    # Linux reports ru_maxrss in kilobytes.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    main()
