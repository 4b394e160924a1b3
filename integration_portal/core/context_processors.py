from django.http import HttpRequest

from integration_portal.accounts.permissions import permissions_of
from integration_portal.core.navigation import nav_for


def portal(request: HttpRequest) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"portal_nav": [], "portal_perms": frozenset(), "portal_municipality": None}
    return {
        "portal_nav": nav_for(user, request.path),
        "portal_perms": frozenset(str(perm) for perm in permissions_of(user)),
        "portal_municipality": user.municipality,
    }
