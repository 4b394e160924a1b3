"""Loading rows in bulk: PostgreSQL COPY from an in-memory CSV buffer, or executemany on
SQLite (tiny scales, for the tests).

Rows are tuples in the order of the field names given. They carry their own primary keys,
so that rows of other tables can point at them without reading anything back; the
sequences are moved past them at the end. A NULL is written as `NULL` below (the COPY
null marker), which keeps the CSV writer entirely in C: an empty string stays an empty
string. JSON columns take the JSON text.

On PostgreSQL, the big tables can be loaded without their foreign keys and secondary
indexes, which are put back afterwards: one validating join and one index build per table
instead of a lookup and an index insertion per row.
"""

from __future__ import annotations

import csv
import io
import itertools
import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.management.color import no_style
from django.db import connection, models

NULL = "\\N"
CHUNK = 50_000


@dataclass
class Deferred:
    """A table's foreign keys and indexes taken off for the load, to be put back."""

    table: str
    constraints: list[tuple[str, str]] = field(default_factory=list)
    indexes: list[str] = field(default_factory=list)


def check_columns(model: type[models.Model], names: list[str]) -> None:
    """Every NOT NULL column must be written: COPY knows nothing of Django's defaults."""
    concrete = [f for f in model._meta.concrete_fields]
    given = set(names)
    unknown = given - {f.name for f in concrete}
    missing = [f.name for f in concrete if f.name not in given and not f.null]
    if unknown or missing:
        raise ValueError(f"{model._meta.label}: unknown {sorted(unknown)}, "
                         f"NOT NULL columns not written {missing}")


class Copier:
    """Sends COPY buffers from a second thread, so that the server digests one chunk while
    Python draws the next: on two cores, the generator and PostgreSQL each keep one busy.

    It uses the main thread's database connection (psycopg2 connections may be shared
    between threads): the transaction stays one. The main thread issues no query while
    chunks are in flight; `wait()` returns when all are written, or raises what failed.
    """

    def __init__(self) -> None:
        self.queue: queue.Queue = queue.Queue(maxsize=2)
        self.error: BaseException | None = None
        self.thread: threading.Thread | None = None

    def put(self, sql: str, buffer: io.StringIO) -> None:
        if self.error is not None:
            self.wait()
        if self.thread is None:
            connection.ensure_connection()
            self.thread = threading.Thread(target=self._run, args=(connection.connection,),
                                           daemon=True)
            self.thread.start()
        self.queue.put((sql, buffer))

    def _run(self, raw_connection) -> None:
        while True:
            sql, buffer = self.queue.get()
            try:
                if self.error is None:
                    with raw_connection.cursor() as cursor:
                        cursor.copy_expert(sql, buffer)
            except BaseException as error:  # handed to the main thread by wait()
                self.error = error
            finally:
                self.queue.task_done()

    def wait(self) -> None:
        self.queue.join()
        if self.error is not None:
            error, self.error = self.error, None
            raise error


class Loader:
    def __init__(self, *, defer_tables: Iterable[type[models.Model]] = (),
                 report: Callable[[str], None] = print) -> None:
        self.postgresql = connection.vendor == "postgresql"
        self.report = report
        self.written: dict[type[models.Model], int] = {}
        self.deferred: list[Deferred] = []
        self.defer_models = set(defer_tables) if self.postgresql else set()
        self.copier = Copier() if self.postgresql else None

    # --- writing -----------------------------------------------------------------------------
    def load(self, model: type[models.Model], names: list[str], rows: Iterable[tuple]) -> int:
        check_columns(model, names)
        count = 0
        rows = iter(rows)
        while chunk := list(itertools.islice(rows, CHUNK)):
            if self.postgresql:
                self._copy(model, names, chunk)
            else:
                self._insert(model, names, chunk)
            count += len(chunk)
        if self.postgresql:
            self.copier.wait()
        self.written[model] = self.written.get(model, 0) + count
        return count

    def _copy(self, model, names, chunk) -> None:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerows(chunk)
        buffer.seek(0)
        quote = connection.ops.quote_name
        columns = ", ".join(quote(model._meta.get_field(n).column) for n in names)
        self.copier.put(f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN "
                        f"WITH (FORMAT csv, NULL '\\N')", buffer)

    def _insert(self, model, names, chunk) -> None:
        fields = [model._meta.get_field(n) for n in names]
        quote = connection.ops.quote_name
        # Table and column names come from the models, values go as parameters.
        columns = ", ".join(quote(f.column) for f in fields)
        placeholders = ", ".join(["%s"] * len(fields))
        sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608

        def prepared(value, model_field):
            if value == NULL:
                return None
            if isinstance(model_field, models.JSONField):
                return value
            return model_field.get_db_prep_save(value, connection)

        params = [[prepared(v, f) for v, f in zip(row, fields, strict=True)] for row in chunk]
        with connection.cursor() as cursor:
            cursor.executemany(sql, params)

    # --- keys and indexes ----------------------------------------------------------------------
    def take_off(self) -> None:
        """Drop the deferred tables' foreign keys and secondary indexes. Call it before the
        first row: PostgreSQL refuses to alter a table with foreign-key checks pending."""
        for model in sorted(self.defer_models, key=lambda m: m._meta.db_table):
            self._take_off(model)

    def _take_off(self, model) -> None:
        table = model._meta.db_table
        quote = connection.ops.quote_name
        deferred = Deferred(table)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = 'f' ORDER BY conname", [table])
            deferred.constraints = list(cursor.fetchall())
            # Indexes that back no constraint (the primary key and unique constraints stay).
            cursor.execute(
                "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
                "JOIN pg_class i ON i.oid = x.indexrelid WHERE x.indrelid = %s::regclass "
                "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid "
                "AND c.conrelid = x.indrelid) ORDER BY i.relname", [table])
            index_rows = cursor.fetchall()
            for name, _ in deferred.constraints:
                cursor.execute(f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}")
            for name, definition in index_rows:
                cursor.execute(f"DROP INDEX {quote(name)}")
                deferred.indexes.append(definition)
        self.deferred.append(deferred)

    def put_back(self) -> None:
        """Rebuild the indexes and re-add (and so validate) the foreign keys taken off."""
        quote = connection.ops.quote_name
        if not self.deferred:
            return
        with connection.cursor() as cursor:
            # Run the foreign-key checks queued so far: no table may have any pending when
            # a constraint is added (and so the checks are timed here, not at the commit).
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            for deferred in self.deferred:
                started = time.perf_counter()
                for definition in deferred.indexes:
                    cursor.execute(definition)
                for name, definition in deferred.constraints:
                    cursor.execute(f"ALTER TABLE {quote(deferred.table)} "
                                   f"ADD CONSTRAINT {quote(name)} {definition}")
                self.report(f"  {deferred.table}: {len(deferred.indexes)} indexes and "
                            f"{len(deferred.constraints)} foreign keys put back in "
                            f"{time.perf_counter() - started:.1f} s")
        self.deferred = []

    def finish(self) -> None:
        """Move the sequences past the ids written, and let the planner know the tables."""
        self.put_back()
        models_written = list(self.written)
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), models_written):
                cursor.execute(sql)
            if self.postgresql:
                for model in models_written:
                    cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
