from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from django.views.decorators.http import require_GET

from integration_portal.accounts.permissions import Perm, permission_required
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record
from integration_portal.reports.csv_export import report_csv_filename, report_csv_text
from integration_portal.reports.forms import chosen_period
from integration_portal.reports.registry import build_report


@require_GET
@permission_required(Perm.VIEW_REPORTS)
def report_csv(request: HttpRequest) -> HttpResponse:
    """The start page's figures for `?start=…&end=…` (default: this year to date) as CSV."""
    form, period = chosen_period(request.GET, today=timezone.localdate())
    if form.errors:
        # The start page's link always carries a valid period; this is a hand-made URL.
        problems = " ".join(str(error) for errors in form.errors.values() for error in errors)
        return HttpResponseBadRequest(problems, content_type="text/plain; charset=utf-8")
    municipality = request.user.municipality
    body = report_csv_text(build_report(municipality=municipality, period=period))
    # Reading is not a write, but a file of the municipality's figures leaves the portal.
    audit_record(actor=request.user, municipality=municipality, action=AuditAction.EXPORT,
                 obj=municipality,
                 summary=f"CSV report {period.start.isoformat()}–{period.end.isoformat()}")
    filename = report_csv_filename(municipality_slug=municipality.slug, period=period)
    response = HttpResponse(body.encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response
