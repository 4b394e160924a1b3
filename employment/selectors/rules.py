"""Which employment rules are in force, and the kinds of measure a municipality offers."""

from __future__ import annotations

import datetime

from django.db.models import F, Q, QuerySet

from employment.models import EmploymentRuleSet, MeasureType


def employment_rules_in_force(*, municipality_id: int, on: datetime.date) -> EmploymentRuleSet:
    """The municipality's newest version in force on `on`, else the national one.

    A municipality's version holds every value (it starts as a copy of what was in force),
    so it replaces the national rules whole rather than field by field. The national rules
    are seeded by a migration from 2024, so there is always a version; a day before it uses
    the oldest national version.
    """
    in_force = (
        EmploymentRuleSet.objects
        .filter(Q(municipality_id=municipality_id) | Q(municipality__isnull=True),
                effective_from__lte=on)
        # Own before national (NULL sorts differently on PostgreSQL and SQLite unless told),
        # then newest first.
        .order_by(F("municipality_id").asc(nulls_last=True), "-effective_from")
        .first()
    )
    if in_force is not None:
        return in_force
    return EmploymentRuleSet.objects.national().order_by("effective_from").first()


def rule_set_history(*, municipality_id: int) -> QuerySet[EmploymentRuleSet]:
    """Every version that applies or applied to the municipality, newest first."""
    return (EmploymentRuleSet.objects
            .filter(Q(municipality_id=municipality_id) | Q(municipality__isnull=True))
            .select_related("municipality", "created_by")
            .order_by("-effective_from", F("municipality_id").asc(nulls_last=True)))


def measure_types_offered(*, municipality_id: int) -> QuerySet[MeasureType]:
    return MeasureType.objects.available_in(municipality_id).order_by("position", "name", "pk")


def measure_type_for_category(*, municipality_id: int, category: str) -> MeasureType:
    """The kind to use when code, not a caseworker, picks one: the national kind whose code
    is the category (seeded by the migration), or the municipality's first of that category."""
    offered = measure_types_offered(municipality_id=municipality_id).filter(category=category)
    return (offered.filter(municipality__isnull=True, code=category).first()
            or offered.first()
            or MeasureType.objects.get(municipality__isnull=True, code=category))

