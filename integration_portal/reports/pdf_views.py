"""The managers' PDF reports: ask for one, watch it being built, download it."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.views.decorators.http import require_GET, require_POST

from integration_portal.accounts.permissions import Perm, permission_required
from integration_portal.core.scoping import get_visible_or_404
from integration_portal.reports.models import Report, ReportStatus
from integration_portal.reports.pdf_forms import ReportRequestForm
from integration_portal.reports.services import (
    report_filename,
    report_record_download,
    report_request,
)

REPORTS_PER_PAGE = 25


@require_GET
@permission_required(Perm.VIEW_REPORTS)
def pdf_list(request: HttpRequest) -> HttpResponse:
    initial = {**ReportRequestForm.initial_for(timezone.localdate()),
               "language": "en" if translation.get_language() == "en" else "da"}
    return _list_page(request, ReportRequestForm(initial=initial))


@require_POST
@permission_required(Perm.VIEW_REPORTS)
def pdf_request(request: HttpRequest) -> HttpResponse:
    form = ReportRequestForm(request.POST)
    if not form.is_valid():
        return _list_page(request, form)
    report = report_request(
        municipality=request.user.municipality, period=form.period,
        language=form.cleaned_data["language"], actor=request.user,
    )
    return redirect("reports:pdf_status", pk=report.pk)


@require_GET
@permission_required(Perm.VIEW_REPORTS)
def pdf_status(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_visible_or_404(Report.objects.select_related("requested_by"), request.user,
                                pk=pk)
    if request.headers.get("HX-Request"):
        # The page polls every second with what it shows; 204 when that is still true, so
        # htmx swaps nothing and the live region announces only a real change.
        shown = (request.GET.get("status"), request.GET.get("progress"))
        if shown == (report.status, str(report.progress)):
            return HttpResponse(status=204)
        return render(request, "reports/pdf_status_progress.html", {"report": report})
    return render(request, "reports/pdf_status.html", {"report": report})


@require_GET
@permission_required(Perm.VIEW_REPORTS)
def pdf_download(request: HttpRequest, pk: int) -> FileResponse:
    report = get_visible_or_404(
        Report.objects.select_related("municipality").filter(status=ReportStatus.DONE)
        .exclude(file=""),
        request.user, pk=pk,
    )
    report_record_download(report=report, actor=request.user)
    response = FileResponse(report.file.open("rb"), as_attachment=True,
                            content_type="application/pdf", filename=report_filename(report))
    # Figures about the municipality's cases: never kept by a shared cache or a proxy.
    response["Cache-Control"] = "private, no-store"
    return response


def _list_page(request: HttpRequest, form: ReportRequestForm) -> HttpResponse:
    reports = Report.objects.visible_to(request.user).select_related("requested_by")
    page = Paginator(reports, REPORTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "reports/pdf_list.html", {"form": form, "page": page})
