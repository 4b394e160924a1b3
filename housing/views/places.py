"""The places that matter when choosing a home."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from housing import selectors, services
from housing.forms import PlaceFilterForm, PlaceForm
from housing.models import Place
from housing.views.common import query_string_without_page
from integration_portal.accounts.permissions import Perm, can, permission_required
from integration_portal.core.forms import add_service_error
from integration_portal.core.scoping import get_visible_or_404

PLACES_PER_PAGE = 50


@permission_required(Perm.VIEW_CASES)
def place_list(request: HttpRequest) -> HttpResponse:
    form = PlaceFilterForm(request.GET or None)
    kind = form.cleaned_data.get("kind", "") if form.is_valid() else ""
    places = selectors.place_list(user=request.user, kind=kind)
    page = Paginator(places, PLACES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "housing/place_list.html", {
        "form": form, "page": page, "query_string": query_string_without_page(request),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
    })


def _place_form(request: HttpRequest, place: Place | None) -> HttpResponse:
    initial = {}
    household_pk = request.GET.get("household", "")
    if place is None and household_pk.isdigit():
        initial = {"household": int(household_pk), "kind": "relatives"}
    form = PlaceForm(request.POST or None, instance=place, initial=initial,
                     households=selectors.households_for_choice(user=request.user))
    if request.method == "POST" and form.is_valid():
        try:
            if place is None:
                place = services.place_create(municipality=request.user.municipality,
                                              actor=request.user, **form.cleaned_data)
            else:
                services.place_update(place=place, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The place was saved."))
            if place.household_id:
                return redirect("housing:household", pk=place.household_id)
            return redirect("housing:place_list")
    return render(request, "housing/place_form.html", {"form": form, "place": place})


@permission_required(Perm.WORK_ON_CASES)
def place_create(request: HttpRequest) -> HttpResponse:
    return _place_form(request, None)


@permission_required(Perm.WORK_ON_CASES)
def place_edit(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_visible_or_404(Place.objects.select_related("municipality", "household"),
                               request.user, pk=pk)
    return _place_form(request, place)


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def place_delete(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_visible_or_404(Place.objects.select_related("municipality"), request.user, pk=pk)
    services.place_delete(place=place, actor=request.user)
    messages.success(request, _("The place was removed."))
    return redirect("housing:place_list")
