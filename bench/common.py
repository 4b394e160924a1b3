"""What every benchmark shares: Django set up on a throwaway or the given database, a
rollback that leaves nothing behind, and timing."""

from __future__ import annotations

import os
import sys
import tempfile
import time
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
