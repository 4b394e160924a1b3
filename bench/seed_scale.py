"""Generate a national-scale dataset on PostgreSQL: 98 municipalities, 50,000 households,
150,000 persons, 1,000,000 milestones, 5,000 volunteers, 200,000 volunteer tasks, 20,000
homes, 100,000 measures and 2,000,000 audit events (at --scale 1).

    createdb -h 127.0.0.1 -U postgres scale
    .venv/bin/python bench/seed_scale.py --database-url postgres://postgres@127.0.0.1:5432/scale
    .venv/bin/python bench/seed_scale.py --database-url … --scale 0.01 --reset   # a quick try

The database is migrated first if it needs it. The script refuses a database that already
holds municipalities or users unless --reset is given, which drops the whole schema and
migrates it afresh. SQLite is accepted up to --scale 0.01 only.

The same --seed, --scale and --today write the same rows with the same ids. Dates are drawn
around --today (default: the current day), so that deadlines are overdue, due soon or later
as they would be on that day. Every user has the password --password; the largest
municipality (Aarhus, 8 % of the households) and its logins are printed at the end. Logins
follow one pattern in every municipality: caseworker1@<slug>.scale.example, coordinator@…,
manager1@…, volunteer1@… (an active volunteer with a child certificate).
"""

from __future__ import annotations

import argparse
import datetime
import logging
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
DEFAULT_PASSWORD = "scale-portal-2026"  # noqa: S105 - printed on purpose; benchmark data only
MAX_SQLITE_SCALE = 0.01


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"),
                        help="PostgreSQL URL (default: $DATABASE_URL)")
    parser.add_argument("--scale", type=float, default=1.0,
                        help="fraction of the national figures (0.01 for a quick run)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--today", type=datetime.date.fromisoformat,
                        default=datetime.date.today(),
                        help="the day the data is drawn around (YYYY-MM-DD)")
    parser.add_argument("--password", default=DEFAULT_PASSWORD)
    parser.add_argument("--keep-indexes", action="store_true",
                        help="load the big tables with their foreign keys and indexes in "
                             "place (slower; for comparison)")
    parser.add_argument("--reset", action="store_true",
                        help="drop everything in the database and migrate it afresh first")
    args = parser.parse_args(argv)
    if not args.database_url:
        parser.error("give --database-url or set DATABASE_URL (PostgreSQL)")
    if not 0 < args.scale <= 1:
        parser.error("--scale must be above 0 and at most 1")
    if args.database_url.startswith("sqlite") and args.scale > MAX_SQLITE_SCALE:
        parser.error(f"SQLite is for tiny runs only (--scale {MAX_SQLITE_SCALE} at most); "
                     "use PostgreSQL for the national dataset")
    return args


def reset_database() -> None:
    from django.conf import settings
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE")
            cursor.execute("CREATE SCHEMA public")
    else:
        connection.close()
        Path(settings.DATABASES["default"]["NAME"]).unlink(missing_ok=True)


def migrate_if_needed(report) -> None:
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        report(f"{'migrate':<34} {'':>10}      {time.perf_counter() - started:>7.1f} s")


def machine() -> str:
    from django.db import connection

    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kilobytes = int(meminfo.read_text().split("\n")[0].split()[1])
        memory = f", {kilobytes / 1024 / 1024:.0f} GB RAM"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW server_version")
            database = f"PostgreSQL {cursor.fetchone()[0]}"
        else:
            database = "SQLite"
    return (f"{os.cpu_count()} cores{memory}, {platform.python_implementation()} "
            f"{platform.python_version()}, {database}")


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ["DATABASE_URL"] = args.database_url
    # Run as a script: the benchmarks' shared module and bench/scale sit beside it.
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    from common import setup_django

    setup_django("seed-scale-")
    # The letters app warms its fonts at start-up; its progress lines are noise here.
    logging.getLogger("weasyprint").setLevel(logging.WARNING)

    from django.db import connection
    from scale.generate import holds_portal_data, seed
    from scale.shape import LARGEST

    def report(line: str) -> None:
        print(line, flush=True)

    started = time.perf_counter()
    if args.reset:
        reset_database()
        report("Everything in the database dropped; migrating afresh.")
    migrate_if_needed(report)
    if holds_portal_data():
        print("The database already holds municipalities or users. Use an empty database, "
              "or --reset to drop everything in it first.", file=sys.stderr)
        return 2
    report(f"Seed {args.seed}, scale {args.scale:g}, drawn around {args.today}.")
    dataset = seed(scale=args.scale, seed=args.seed, today=args.today,
                   password=args.password, report=report,
                   defer_indexes=False if args.keep_indexes else None)
    total = time.perf_counter() - started

    print(f"\n{'table':<34} {'rows':>10} {'seconds':>9}")
    for label, rows, seconds in dataset.timings:
        print(f"{label:<34} {rows:>10,} {seconds:>9.1f}")
    print(f"{'total (with migrate and commit)':<34} "
          f"{sum(rows for _, rows, _ in dataset.timings):>10,} {total:>9.1f}")
    print(f"\n{'rows per table':<34} {'rows':>10}")
    for model, rows in dataset.loader.written.items():
        print(f"{model._meta.db_table:<34} {rows:>10,}")
    print(f"\nMachine: {machine()}.")
    try:
        revision = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True,
                                  text=True, check=False).stdout.strip()
    except OSError:
        revision = ""
    print(f"Command: bench/seed_scale.py --scale {args.scale:g} --seed {args.seed} "
          f"--today {args.today}{' --keep-indexes' if args.keep_indexes else ''}"
          f"{' --reset' if args.reset else ''}"
          f"{f' (at {revision})' if revision else ''}; database {connection.vendor}.")

    largest = next(m for m in dataset.municipalities if m.slug == LARGEST)
    domain = f"{largest.slug}.scale.example"
    print(f"\nThe largest municipality: {largest.name} (slug {largest.slug}, "
          f"{largest.households:,} households). Logins, password {args.password!r}:")
    for role, email in (("caseworker", f"caseworker1@{domain}"),
                        ("coordinator", f"coordinator@{domain}"),
                        ("volunteer", f"volunteer1@{domain}"),
                        ("manager", f"manager1@{domain}")):
        print(f"  {role:<12} {email}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
