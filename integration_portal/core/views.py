from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from integration_portal.accounts.permissions import Perm, permission_required
from integration_portal.core import health
from integration_portal.core.manager_home import manager_sections
from integration_portal.core.navigation import start_url_for
from integration_portal.core.selectors import municipality_people_figures


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Send each user to the start page of their role."""
    url = start_url_for(request.user)
    if url is None:
        return render(request, "core/no_role.html", status=403)
    return redirect(url)


@require_GET
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    status = health.check()
    body = {
        "status": "ok" if status.ok else "error",
        "database": "ok" if status.database else "error",
        "broker": "ok" if status.broker else "error",
        "broker_kind": status.broker_kind,
        "worker_heartbeat_age_seconds": status.heartbeat_age_seconds,
    }
    return JsonResponse(body, status=200 if status.ok else 503)


@require_GET
@never_cache
def health_page(request: HttpRequest) -> HttpResponse:
    status = health.check()
    return render(request, "core/health.html", {"health": status}, status=200 if status.ok else 503)


@require_GET
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility_statement.html")


@permission_required(Perm.VIEW_REPORTS)
def manager_home(request: HttpRequest) -> HttpResponse:
    figures = municipality_people_figures(municipality=request.user.municipality)
    return render(request, "core/manager_home.html", {
        "figures": figures,
        # Sections other apps add (housing's quota, …), registered in their AppConfig.ready().
        "manager_sections": manager_sections(request),
    })
