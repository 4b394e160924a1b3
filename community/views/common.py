"""What the community views share: reaching a case and a referral through the scope."""

from __future__ import annotations

from django.http import HttpRequest

from integration_portal.core.scoping import get_visible_or_404
from reception.models import Household


def household_for(request: HttpRequest, pk: int) -> Household:
    """The case, if the user's municipality holds it; else 404."""
    return get_visible_or_404(Household.objects.select_related("municipality", "caseworker"),
                              request.user, pk=pk)


def query_string_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
