"""Trigram indexes for the case list's search on persons' names (PostgreSQL only).

The search matches any part of a name (`icontains`, which PostgreSQL runs as
UPPER(name) LIKE UPPER('%word%')). Without these indexes every person of every municipality
is read for each search: 70–130 ms at national scale instead of a few (bench/RESULTS.md).
pg_trgm is a trusted extension, so the database's owner may create it. SQLite, the embedded
default, searches its small tables without them.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = {
    "reception_person_first_name_trgm": "first_name",
    "reception_person_last_name_trgm": "last_name",
}


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, column in INDEXES.items():
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "{name}" ON "reception_person" '
            f'USING gin (UPPER("{column}"::text) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [("reception", "0002_letter")]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create, drop),
    ]
