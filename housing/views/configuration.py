"""The municipality's housing configuration: placement guidelines, service frame, quota.

Caseworkers and managers read them (Perm.VIEW_CASES); managers change them
(Perm.MANAGE_MUNICIPALITY): they are municipal policy and decisions from outside, not
casework, and a caseworker placing a household should not be the one tuning the weights.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from housing import selectors, services
from housing.forms import GuidelineForm, QuotaForm, ServiceFrameItemForm
from housing.models import ServiceFrameItem
from housing.services.configuration import GUIDELINE_FIELDS
from integration_portal.accounts.permissions import Perm, can, permission_required
from integration_portal.core.forms import add_service_error
from integration_portal.core.scoping import get_visible_or_404


@permission_required(Perm.VIEW_CASES)
def guideline(request: HttpRequest) -> HttpResponse:
    current = selectors.guideline_for(request.user.municipality_id)
    rows = []
    for name in GUIDELINE_FIELDS:
        if name == "note":
            continue
        value = getattr(current, name)
        rows.append({"label": current._meta.get_field(name).verbose_name, "value": value,
                     "is_bool": isinstance(value, bool)})
    return render(request, "housing/guideline.html", {
        "guideline": current,
        "rows": rows,
        "can_manage": can(request.user, Perm.MANAGE_MUNICIPALITY),
    })


@permission_required(Perm.MANAGE_MUNICIPALITY)
def guideline_edit(request: HttpRequest) -> HttpResponse:
    current = selectors.guideline_for(request.user.municipality_id)
    form = GuidelineForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            services.guideline_save(municipality=request.user.municipality, actor=request.user,
                                    **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The placement guidelines were saved."))
            return redirect("housing:guideline")
    return render(request, "housing/guideline_form.html", {"form": form})


@permission_required(Perm.VIEW_CASES)
def service_frame(request: HttpRequest) -> HttpResponse:
    return render(request, "housing/service_frame.html", {
        "items": selectors.service_frame(municipality_id=request.user.municipality_id),
        "can_manage": can(request.user, Perm.MANAGE_MUNICIPALITY),
    })


def _frame_item_form(request: HttpRequest, item: ServiceFrameItem | None) -> HttpResponse:
    form = ServiceFrameItemForm(request.POST or None, instance=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.service_frame_item_save(municipality=request.user.municipality,
                                             actor=request.user, item=item, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The service frame was saved."))
            return redirect("housing:service_frame")
    return render(request, "housing/service_frame_form.html", {"form": form, "item": item})


@permission_required(Perm.MANAGE_MUNICIPALITY)
def service_frame_add(request: HttpRequest) -> HttpResponse:
    return _frame_item_form(request, None)


@permission_required(Perm.MANAGE_MUNICIPALITY)
def service_frame_edit(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_visible_or_404(ServiceFrameItem.objects.all(), request.user, pk=pk)
    return _frame_item_form(request, item)


@require_POST
@permission_required(Perm.MANAGE_MUNICIPALITY)
def service_frame_delete(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_visible_or_404(ServiceFrameItem.objects.select_related("municipality"),
                              request.user, pk=pk)
    services.service_frame_item_delete(item=item, actor=request.user)
    messages.success(request, _("The item was removed from the service frame."))
    return redirect("housing:service_frame")


def _year(request: HttpRequest, default: int) -> int:
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else default


@permission_required(Perm.VIEW_CASES, Perm.VIEW_REPORTS)
def quota(request: HttpRequest) -> HttpResponse:
    """The year's quota per category against the persons received (by arrival date)."""
    this_year = timezone.localdate().year
    year = _year(request, this_year)
    municipality_id = request.user.municipality_id
    return render(request, "housing/quota.html", {
        "year": year,
        "years": selectors.quota_years(municipality_id=municipality_id, this_year=this_year),
        "rows": selectors.quota_overview(municipality_id=municipality_id, year=year),
        "can_manage": can(request.user, Perm.MANAGE_MUNICIPALITY),
    })


@permission_required(Perm.MANAGE_MUNICIPALITY)
def quota_edit(request: HttpRequest) -> HttpResponse:
    year = _year(request, timezone.localdate().year)
    category = request.GET.get("category", "refugees")
    current = selectors.quota_for(municipality_id=request.user.municipality_id, year=year,
                                  category=category)
    form = QuotaForm(request.POST or None, initial={
        "year": year, "category": category,
        "persons": current.persons if current else None, "note": current.note if current else "",
    })
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.quota_set(municipality=request.user.municipality, actor=request.user,
                               year=data["year"], category=data["category"],
                               persons=data["persons"], note=data["note"])
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The quota was saved."))
            return redirect(f"{reverse('housing:quota')}?year={data['year']}")
    return render(request, "housing/quota_form.html", {"form": form})
