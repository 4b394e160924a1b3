"""The API's one router. Each business app registers its viewsets in AppConfig.ready(), so
the portal serves `/api/v1/` without importing the apps."""

from __future__ import annotations

from rest_framework.permissions import IsAuthenticated
from rest_framework.routers import APIRootView, DefaultRouter


class PortalApiRoot(APIRootView):
    """The list of endpoints: any signed-in user or token may read it; each endpoint then
    applies its own rules (a volunteer sees the list, and gets 403 from the staff ones)."""

    permission_classes = [IsAuthenticated]


router = DefaultRouter()
router.APIRootView = PortalApiRoot

_registered: set[str] = set()


def register_api_viewset(prefix: str, viewset, *, basename: str) -> None:
    if prefix in _registered:
        return
    _registered.add(prefix)
    router.register(prefix, viewset, basename=basename)
