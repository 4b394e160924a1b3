"""The API's documentation page, for the municipality's staff and the systems they connect."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView

from integration_portal.accounts.permissions import Perm, permission_required
from integration_portal.api.docs import api_documentation
from integration_portal.api.pagination import PortalPagination


@permission_required(Perm.VIEW_CASES, Perm.VIEW_REPORTS)
def api_docs(request: HttpRequest) -> HttpResponse:
    return render(request, "api/docs.html", {
        "docs": api_documentation(get_language()),
        "api_root": request.build_absolute_uri(reverse("api-root")),
        "schema_url": reverse("api_schema"),
        "page_size": PortalPagination.page_size,
        "max_page_size": PortalPagination.max_page_size,
    })


@extend_schema(summary=_("The OpenAPI 3 schema"), description=_(
    "This API's schema: YAML, or JSON with format=json; lang=en for English texts."))
class SchemaView(SpectacularAPIView):
    pass
