from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Q

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality


def municipality_people_figures(*, municipality: Municipality) -> dict[str, int]:
    """Head counts of the municipality's accounts by role, in one query."""
    from integration_portal.accounts.models import User

    return User.objects.in_municipality(municipality).filter(is_active=True).aggregate(
        caseworkers=Count("pk", filter=Q(is_caseworker=True)),
        coordinators=Count("pk", filter=Q(is_volunteer_coordinator=True)),
        managers=Count("pk", filter=Q(is_manager=True)),
        volunteers=Count("pk", filter=Q(is_volunteer=True)),
    )
