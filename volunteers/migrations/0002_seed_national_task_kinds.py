"""Seed the national task kinds from the Frivillignet cooperation agreement (seed 003).

The values are written out here rather than imported, so that the migration keeps doing
what it did when the code around it changes. A municipality adds its own kinds beside these.
"""

from django.db import migrations

TASK_KINDS = [
    ("arrival_help", "Hjælp ved ankomst", False),
    ("furniture", "Indsamling eller levering af møbler", False),
    ("moving", "Flyttehjælp", False),
    ("guidance", "Vejledning og information", False),
    ("homework", "Lektiehjælp", True),
    ("language_cafe", "Sprogcafé", False),
    ("accompany", "Følge til en aftale", False),
    ("language_internship", "Find en sprogpraktik", False),
]


def seed_task_kinds(apps, schema_editor):
    TaskKind = apps.get_model("volunteers", "TaskKind")
    for code, label, involves_children in TASK_KINDS:
        TaskKind.objects.get_or_create(
            municipality=None, code=code,
            defaults={"label": label, "involves_children_default": involves_children},
        )


def remove_task_kinds(apps, schema_editor):
    TaskKind = apps.get_model("volunteers", "TaskKind")
    TaskKind.objects.filter(
        municipality=None, code__in=[code for code, _, _ in TASK_KINDS], tasks__isnull=True,
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0001_initial")]

    operations = [migrations.RunPython(seed_task_kinds, remove_task_kinds)]
