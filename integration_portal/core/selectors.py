from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality


def count_per_row(rows: QuerySet, *, field: str) -> Coalesce:
    """An annotation: how many of `rows` point at the annotated row through `field`, counted
    in a subquery. Counting two relations with joins would multiply one count by the other,
    and a join makes a list's rows distinct again."""
    counted = (rows.filter(**{field: OuterRef("pk")}).order_by().values(field)
               .annotate(total=Count("pk")).values("total"))
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def municipality_people_figures(*, municipality: Municipality) -> dict[str, int]:
    """Head counts of the municipality's accounts by role, in one query."""
    from integration_portal.accounts.models import User

    return User.objects.in_municipality(municipality).filter(is_active=True).aggregate(
        caseworkers=Count("pk", filter=Q(is_caseworker=True)),
        coordinators=Count("pk", filter=Q(is_volunteer_coordinator=True)),
        managers=Count("pk", filter=Q(is_manager=True)),
        volunteers=Count("pk", filter=Q(is_volunteer=True)),
    )
