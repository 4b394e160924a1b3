"""The municipality boundary: the one way every model narrows rows to what a user may see.

Every model that holds a municipality's data gets its manager from `MunicipalityQuerySet`
(directly, or by setting `municipality_path` when the municipality sits on a parent row), and
every view reaches rows through `.visible_to(user)` — never through an unscoped `get(pk=…)`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Self, TypeVar

from django.db import models
from django.http import Http404

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User

M = TypeVar("M", bound=models.Model)


class MunicipalityQuerySet(models.QuerySet):
    # The lookup from this model to its Municipality, e.g. "household__municipality".
    municipality_path = "municipality"

    def in_municipality(self, municipality: Municipality | int) -> Self:
        municipality_id = getattr(municipality, "pk", municipality)
        return self.filter(**{f"{self.municipality_path}_id": municipality_id})

    def national(self) -> Self:
        """Rows that belong to no municipality: national defaults every municipality inherits."""
        return self.filter(**{f"{self.municipality_path}__isnull": True})

    def visible_to(self, user: User) -> Self:
        """Rows of the user's own municipality; nothing for anonymous or unattached users."""
        if not user.is_authenticated or user.municipality_id is None:
            return self.none()
        return self.in_municipality(user.municipality_id)


def get_visible_or_404(queryset: models.QuerySet[M], user: User, **lookup) -> M:
    """Fetch one row the user may see, or 404 — another municipality's row does not exist."""
    try:
        return queryset.visible_to(user).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None
