"""The housing stock: homes and private hosts."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from housing import selectors, services
from housing.forms import HostForm, UnitFilterForm, UnitForm
from housing.models import HousingUnit, PrivateHost
from housing.selectors import UnitFilters
from housing.views.common import query_string_without_page
from integration_portal.accounts.permissions import Perm, can, permission_required
from integration_portal.core.forms import add_service_error
from integration_portal.core.scoping import get_visible_or_404

UNITS_PER_PAGE = 25


@permission_required(Perm.VIEW_CASES)
def unit_list(request: HttpRequest) -> HttpResponse:
    form = UnitFilterForm(request.GET or None, towns=selectors.towns(user=request.user))
    values = form.cleaned_data if form.is_valid() else {}
    filters = UnitFilters(
        query=values.get("q", ""), kind=values.get("kind", ""), town=values.get("town", ""),
        min_rooms=values.get("min_rooms"), min_capacity=values.get("min_capacity"),
        step_free=values.get("step_free", False), available_on=values.get("available_on"),
        deprived=values.get("deprived", ""),
    )
    units = selectors.unit_list(user=request.user, filters=filters, today=timezone.localdate())
    page = Paginator(units, UNITS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "housing/unit_list.html", {
        "form": form, "page": page, "query_string": query_string_without_page(request),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
    })


@permission_required(Perm.WORK_ON_CASES)
def unit_create(request: HttpRequest) -> HttpResponse:
    municipality = request.user.municipality
    form = UnitForm(request.POST or None, municipality_id=municipality.pk,
                    initial={"available_from": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            unit = services.unit_create(municipality=municipality, actor=request.user,
                                        **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The home was added to the stock."))
            return redirect("housing:unit_detail", pk=unit.pk)
    return render(request, "housing/unit_form.html", {"form": form, "unit": None})


@permission_required(Perm.VIEW_CASES)
def unit_detail(request: HttpRequest, pk: int) -> HttpResponse:
    unit = selectors.unit_detail(user=request.user, pk=pk)
    return render(request, "housing/unit_detail.html", {
        "unit": unit,
        "placements": unit.placements.all(),
        "nearby": selectors.nearby_places(unit=unit),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
    })


@permission_required(Perm.WORK_ON_CASES)
def unit_edit(request: HttpRequest, pk: int) -> HttpResponse:
    unit = get_visible_or_404(HousingUnit.objects.select_related("municipality"), request.user,
                              pk=pk)
    form = UnitForm(request.POST or None, instance=unit, municipality_id=unit.municipality_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.unit_update(unit=unit, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The home was saved."))
            return redirect("housing:unit_detail", pk=unit.pk)
    return render(request, "housing/unit_form.html", {"form": form, "unit": unit})


@permission_required(Perm.VIEW_CASES)
def host_list(request: HttpRequest) -> HttpResponse:
    return render(request, "housing/host_list.html", {
        "hosts": selectors.private_hosts(user=request.user),
        "today": timezone.localdate(),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
    })


@permission_required(Perm.WORK_ON_CASES)
def host_create(request: HttpRequest) -> HttpResponse:
    form = HostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.private_host_create(municipality=request.user.municipality,
                                         actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The host was registered."))
            return redirect("housing:host_list")
    return render(request, "housing/host_form.html", {"form": form, "host": None})


@permission_required(Perm.WORK_ON_CASES)
def host_edit(request: HttpRequest, pk: int) -> HttpResponse:
    host = get_visible_or_404(PrivateHost.objects.select_related("municipality"), request.user,
                              pk=pk)
    form = HostForm(request.POST or None, instance=host)
    if request.method == "POST" and form.is_valid():
        try:
            services.private_host_update(host=host, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The host was saved."))
            return redirect("housing:host_list")
    return render(request, "housing/host_form.html", {"form": form, "host": host})
