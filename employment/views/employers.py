"""The employer register: employers, their openings, and the open openings across them.

Staff who read cases (managers too) read the register; those who work on cases change it.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from employment.forms.employers import (
    EmployerFilterForm,
    EmployerForm,
    OpeningEditForm,
    OpeningFilterForm,
    OpeningForm,
)
from employment.models import Employer, Opening
from employment.selectors import employers as selectors
from employment.services import employers as services
from integration_portal.accounts.permissions import Perm, can, permission_required
from integration_portal.core.forms import add_service_error
from integration_portal.core.scoping import get_visible_or_404

EMPLOYERS_PER_PAGE = 50
OPENINGS_PER_PAGE = 50


def _query_string_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


@permission_required(Perm.VIEW_CASES)
def employer_list(request: HttpRequest) -> HttpResponse:
    form = EmployerFilterForm(request.GET or None)
    values = form.cleaned_data if form.is_valid() else {}
    employers = selectors.employer_list(
        viewer=request.user, query=values.get("q", ""),
        in_network=True if values.get("in_network") else None,
        sector=values.get("sector", ""),
    )
    page = Paginator(employers, EMPLOYERS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "employment/employer_list.html", {
        "form": form, "page": page, "query_string": _query_string_without_page(request),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
    })


@permission_required(Perm.WORK_ON_CASES)
def employer_create(request: HttpRequest) -> HttpResponse:
    form = EmployerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            employer = services.employer_create(municipality=request.user.municipality,
                                                actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            # Everything typed stays in the form; the refusal sits on the field it is about.
            add_service_error(form, error)
        else:
            messages.success(request, _("The employer was added to the register."))
            return redirect("employment:employer_detail", pk=employer.pk)
    return render(request, "employment/employer_form.html", {"form": form, "employer": None})


@permission_required(Perm.VIEW_CASES)
def employer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    employer = selectors.employer_detail(viewer=request.user, pk=pk)
    return render(request, "employment/employer_detail.html", {
        "employer": employer,
        "openings": employer.openings.all(),
        "measure_counts": selectors.employer_measure_counts(viewer=request.user,
                                                            employer=employer),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
    })


@permission_required(Perm.WORK_ON_CASES)
def employer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    employer = get_visible_or_404(Employer.objects.select_related("municipality"),
                                  request.user, pk=pk)
    form = EmployerForm(request.POST or None, instance=employer)
    if request.method == "POST" and form.is_valid():
        try:
            services.employer_update(employer=employer, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The employer was saved."))
            return redirect("employment:employer_detail", pk=employer.pk)
    return render(request, "employment/employer_form.html",
                  {"form": form, "employer": employer})


@permission_required(Perm.WORK_ON_CASES)
def opening_create(request: HttpRequest, pk: int) -> HttpResponse:
    employer = get_visible_or_404(Employer.objects.select_related("municipality"),
                                  request.user, pk=pk)
    form = OpeningForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.opening_create(employer=employer, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The opening was added."))
            return redirect("employment:employer_detail", pk=employer.pk)
    return render(request, "employment/opening_form.html",
                  {"form": form, "employer": employer, "opening": None})


@permission_required(Perm.WORK_ON_CASES)
def opening_edit(request: HttpRequest, pk: int) -> HttpResponse:
    opening = get_visible_or_404(Opening.objects.select_related("employer"), request.user,
                                 pk=pk)
    form = OpeningEditForm(request.POST or None, instance=opening)
    if request.method == "POST" and form.is_valid():
        try:
            services.opening_update(opening=opening, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The opening was saved."))
            return redirect("employment:employer_detail", pk=opening.employer_id)
    return render(request, "employment/opening_form.html",
                  {"form": form, "employer": opening.employer, "opening": opening})


@permission_required(Perm.VIEW_CASES)
def opening_list(request: HttpRequest) -> HttpResponse:
    form = OpeningFilterForm(request.GET or None)
    values = form.cleaned_data if form.is_valid() else {}
    openings = selectors.open_openings(viewer=request.user, kind=values.get("kind", ""),
                                       language=values.get("language", ""))
    page = Paginator(openings, OPENINGS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "employment/opening_list.html", {
        "form": form, "page": page, "query_string": _query_string_without_page(request),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
    })
