from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from integration_portal.accounts.permissions import Perm, permission_required
from integration_portal.core import health
from integration_portal.core.navigation import start_url_for
from integration_portal.core.selectors import municipality_people_figures
from integration_portal.reports.forms import chosen_period
from integration_portal.reports.page_cache import FIGURES_MAX_AGE, report_for_page


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
        # Work waiting in the outbox for the broker: above 0 for long, the relay is not running.
        "outbox_unsent": status.outbox_unsent,
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


@require_GET
@permission_required(Perm.VIEW_REPORTS)
def manager_home(request: HttpRequest) -> HttpResponse:
    municipality = request.user.municipality
    # A bad period is shown with its errors, and the figures fall back to this year to date.
    period_form, period = chosen_period(request.GET, today=timezone.localdate())
    # The report's sections (integration_portal/reports/registry.py), the same as the PDF's
    # and the CSV export's, kept for a few minutes unless the manager asks for fresh ones.
    sections_html, built_at = report_for_page(
        request=request, municipality=municipality, period=period,
        refresh="refresh" in request.GET)
    return render(request, "core/manager_home.html", {
        "figures": municipality_people_figures(municipality=municipality),
        "period_form": period_form,
        "period": period,
        "report_sections_html": sections_html,
        "report_built_at": built_at,
        "report_max_age_minutes": int(FIGURES_MAX_AGE.total_seconds() // 60),
        "period_query": urlencode({"start": period.start.isoformat(),
                                   "end": period.end.isoformat()}),
    })
