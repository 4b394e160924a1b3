"""What every benchmark shares: Django set up on a throwaway or the given database, a
rollback that leaves nothing behind, and timing."""

from __future__ import annotations

import contextlib
import datetime
import os
import random
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def setup_django(prefix: str) -> tempfile.TemporaryDirectory | None:
    """Without DATABASE_URL: a migrated throwaway SQLite database in a temporary directory
    (returned, for the caller to clean up). With it: that (migrated) database."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "integration_portal.settings")
    throwaway = None
    if not os.environ.get("DATABASE_URL"):
        throwaway = tempfile.TemporaryDirectory(prefix=prefix)
        os.environ["VAR_DIR"] = throwaway.name
    import django

    django.setup()
    if throwaway is not None:
        from django.core.management import call_command

        print("Migrating a throwaway SQLite database …", flush=True)
        call_command("migrate", verbosity=0)
    return throwaway


class Rollback(Exception):
    """Raised at the end of the benchmark's transaction, so that it is rolled back."""


def timed(func, runs: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(runs):
        started = time.perf_counter()
        result = func()
        times.append((time.perf_counter() - started) * 1000)
    return times, result


@contextlib.contextmanager
def rolled_back(throwaway: tempfile.TemporaryDirectory | None):
    """Run the body in one transaction that is rolled back, then drop the throwaway database,
    so a benchmark leaves nothing behind in the database it was given."""
    from django.db import connection, transaction

    try:
        with transaction.atomic():
            yield
            raise Rollback
    except Rollback:
        pass
    finally:
        if throwaway is not None:
            connection.close()
            throwaway.cleanup()


def measures_after_takeover(persons, *, municipality, rng: random.Random, today: datetime.date,
                            categories: list[str], most: int) -> list:
    """Unsaved measures for `persons`: up to `most` each, one after another from shortly after
    the person's takeover until today, of the national kinds in `categories`."""
    from employment.models import Measure, MeasureType

    kinds = {kind.code: kind for kind in MeasureType.objects.filter(municipality=None)}
    measures = []
    for person in persons:
        day = person.takeover_date + datetime.timedelta(days=rng.randint(10, 60))
        for _ in range(rng.randint(0, most)):
            if day >= today:
                break
            length = datetime.timedelta(days=rng.randint(60, 400))
            ended = day + length < today
            measures.append(Measure(
                municipality=municipality, household_id=person.household_id, person=person,
                measure_type=kinds[rng.choice(categories)],
                status="ended" if ended else "active", starts_on=day, ends_on=day + length,
                actual_starts_on=day, actual_ends_on=day + length if ended else None,
                hours_per_week=Decimal(25)))
            day += length + datetime.timedelta(days=rng.randint(1, 90))
    return measures
