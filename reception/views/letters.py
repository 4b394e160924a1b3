"""Welcome letters: the PDF download, the list of letters to print or send by Digital Post and
all of them in one PDF."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from integration_portal.accounts.permissions import Perm, permission_required
from integration_portal.core.scoping import get_visible_or_404
from reception.letters import letter_mark_printed, letter_record_download, letters_awaiting_print
from reception.models import Letter
from reception.print_bundle import (
    print_bundle_filename,
    print_bundle_for,
    print_bundle_pdf,
    print_bundle_record_download,
)

LETTERS_PER_PAGE = 50


@require_GET
@permission_required(Perm.VIEW_CASES)
def letter_download(request: HttpRequest, pk: int) -> FileResponse:
    letter = get_visible_or_404(
        Letter.objects.select_related("household__municipality").exclude(pdf=""),
        request.user, pk=pk,
    )
    letter_record_download(letter=letter, actor=request.user)
    response = FileResponse(
        letter.pdf.open("rb"), as_attachment=True, content_type="application/pdf",
        filename=f"{letter.kind}-{letter.household.reference}.pdf",
    )
    # Personal data: never kept by a browser cache or a proxy.
    response["Cache-Control"] = "private, no-store"
    return response


@require_GET
@permission_required(Perm.WORK_ON_CASES)
def print_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(letters_awaiting_print(viewer=request.user), LETTERS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "reception/letters/print_list.html", {"page": page})


@require_GET
@permission_required(Perm.WORK_ON_CASES)
def print_bundle(request: HttpRequest) -> HttpResponse:
    """All waiting letters as one PDF behind a cover page. Marks nothing as printed (see
    reception.print_bundle)."""
    bundle = print_bundle_for(viewer=request.user, today=timezone.localdate())
    if not bundle.entries:
        messages.info(request, _("There are no letters to print."))
        return redirect("reception:letter_print_list")
    pdf = print_bundle_pdf(bundle=bundle, municipality_name=request.user.municipality.name)
    print_bundle_record_download(bundle=bundle, actor=request.user)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        True, print_bundle_filename(on=timezone.localdate()))
    # Personal data: never kept by a browser cache or a proxy.
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def letter_printed(request: HttpRequest, pk: int) -> HttpResponse:
    letter = get_visible_or_404(
        Letter.objects.select_related("household__municipality"), request.user, pk=pk
    )
    try:
        letter_mark_printed(letter=letter, actor=request.user)
    except ValidationError as error:
        messages.warning(request, " ".join(error.messages))
    else:
        messages.success(request, _("The letter for case %(reference)s is marked as sent.")
                         % {"reference": letter.household.reference})
    return redirect("reception:letter_print_list")
