"""The API's access rules are the pages' rules: a permission from accounts.permissions."""

from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS, BasePermission

from integration_portal.accounts.permissions import Perm, can


def requires(read: Perm, write: Perm | None = None) -> type[BasePermission]:
    """A permission class: `read` for safe methods, `write` (default: no writes) otherwise.

    A user without the permission gets 403; objects of another municipality are never in the
    queryset, so they answer 404.
    """

    class PortalPermission(BasePermission):
        def has_permission(self, request, view) -> bool:
            perm = read if request.method in SAFE_METHODS else write
            return perm is not None and can(request.user, perm)

    PortalPermission.__name__ = f"Requires_{read}_{write}"
    return PortalPermission


class DenyAll(BasePermission):
    """The default: a viewset that names no permission is closed to everyone."""

    def has_permission(self, request, view) -> bool:
        return False
