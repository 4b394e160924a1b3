"""The generators: one method per table, each writing its rows through the Loader.

Everything is drawn from random generators seeded by (seed, table), so a run with the same
seed, scale and reference day writes the same rows with the same ids; a change to one
table's generator leaves the others' rows as they were. Rows are grouped by municipality
(each municipality's households, persons, milestones … are contiguous id ranges), and every
reference points inside the same municipality. Each business area's rows are made by its
own part (accounts.py, reception.py, …); the Dataset runs them in the order of the keys.
"""

from __future__ import annotations

import datetime
import random
import time
from collections.abc import Callable

from .accounts import AccountsRows
from .audit import AuditRows
from .base import Counts, Municipality
from .employment import EmploymentRows
from .housing import HousingRows
from .reception import ReceptionRows
from .volunteers import VolunteersRows
from .writer import Loader


class Dataset(AccountsRows, VolunteersRows, ReceptionRows, HousingRows, EmploymentRows,
              AuditRows):
    """Runs the parts in order. Each part keeps, in plain lists on the dataset, what later
    parts point at: the municipalities' users and ranges, and per household (`h_*`), person
    (`p_*`) and home (`u_*`) the ids, dates and sizes."""

    def __init__(self, *, seed: int, counts: Counts, today: datetime.date, password: str,
                 loader: Loader, report: Callable[[str], None] = print) -> None:
        self.seed = seed
        self.counts = counts
        self.today = today
        self.password = password
        self.loader = loader
        self.report = report
        self.timings: list[tuple[str, int, float]] = []
        self.municipalities: list[Municipality] = []

    def rng(self, table: str) -> random.Random:
        return random.Random(f"{self.seed}:{table}")

    def step(self, label: str, func: Callable[[], int]) -> None:
        started = time.perf_counter()
        rows = func()
        seconds = time.perf_counter() - started
        self.timings.append((label, rows, seconds))
        self.report(f"{label:<34} {rows:>10,} rows {seconds:>7.1f} s")

    def run(self) -> None:
        self.step("foreign keys and indexes taken off", self.take_off)
        self.step("municipalities", self.make_municipalities)
        self.step("users (staff and volunteers)", self.make_users)
        self.step("organisations and agreements", self.make_organisations)
        self.step("volunteer profiles", self.make_volunteer_profiles)
        self.step("arrival notices and households", self.make_households)
        self.step("persons", self.make_persons)
        self.step("milestones", self.make_milestones)
        self.step("private hosts and housing units", self.make_units)
        self.step("placements", self.make_placements)
        self.step("volunteer tasks", self.make_tasks)
        self.step("hours and task reports", self.make_hours_and_reports)
        self.step("measures", self.make_measures)
        self.step("audit events", self.make_audit)
        self.step("indexes, foreign keys, ANALYZE", self.finish)

    def take_off(self) -> int:
        self.loader.take_off()
        return 0

    def finish(self) -> int:
        self.loader.finish()
        return 0

def holds_portal_data() -> bool:
    """Whether the database already has municipalities or users (not only what the
    migrations seed: national rules, kinds and texts)."""
    from integration_portal.accounts.models import Municipality as MunicipalityModel
    from integration_portal.accounts.models import User

    return MunicipalityModel.objects.exists() or User.objects.exists()


def seed(*, scale: float, seed: int, today: datetime.date, password: str,
         report: Callable[[str], None] = print, defer_indexes: bool | None = None) -> Dataset:
    """Write the dataset in one transaction. Foreign keys and secondary indexes of the big
    tables are taken off during the load from scale 0.05 up (PostgreSQL only)."""
    from django.db import transaction

    from employment.models import Measure
    from integration_portal.audit.models import AuditEvent
    from reception.models import Milestone, Person
    from volunteers.models import HoursLog, Task

    if defer_indexes is None:
        defer_indexes = scale >= 0.05
    big = [Person, Milestone, Task, HoursLog, Measure, AuditEvent] if defer_indexes else []
    dataset = Dataset(seed=seed, counts=Counts.at_scale(scale), today=today, password=password,
                      loader=Loader(defer_tables=big, report=report), report=report)
    with transaction.atomic():
        dataset.run()
        committing = time.perf_counter()
    # Foreign keys of the tables loaded with them in place are checked at the commit.
    dataset.timings.append(("commit", 0, time.perf_counter() - committing))
    report(f"{'commit':<34} {'':>10}      {dataset.timings[-1][2]:>7.1f} s")
    dataset.step("VACUUM (ANALYZE)", vacuum)
    return dataset


def vacuum() -> int:
    """What autovacuum does to a live database's tables: mark the pages all-visible (so that
    counts and index-only scans need not visit the rows) and set the rows' hint bits, which the
    first reads would otherwise write. Measured pages on a freshly loaded database are
    otherwise slower than they would ever be in use (bench/RESULTS.md). PostgreSQL only,
    outside the load's transaction."""
    from django.db import connection

    # Not inside a transaction (a test's): VACUUM cannot run there, and has nothing to do.
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")
    return 0
