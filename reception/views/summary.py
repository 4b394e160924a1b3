"""The case summary PDF."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from integration_portal.accounts.permissions import Perm, permission_required
from reception import selectors
from reception.case_summary import (
    case_summary_filename,
    case_summary_pdf,
    case_summary_record_export,
)


@require_GET
# Those who work on cases print them. Managers read cases on screen, but a printed copy of
# a household's personal data (names, addresses, notes) is a caseworker's tool.
@permission_required(Perm.WORK_ON_CASES)
def case_summary(request: HttpRequest, pk: int) -> HttpResponse:
    household = selectors.household_detail(user=request.user, pk=pk)
    pdf = case_summary_pdf(request=request, household=household)
    case_summary_record_export(household=household, actor=request.user)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = case_summary_filename(household=household, on=timezone.localdate())
    response["Content-Disposition"] = content_disposition_header(True, filename)
    # Personal data: never kept by a browser cache or a proxy.
    response["Cache-Control"] = "private, no-store"
    return response
