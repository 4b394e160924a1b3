"""A case's housing: its homes, finding one (matching), and reserve → move in → move out.

Everything here is about one household, so every page is reached through the case (404 for
another municipality's case) and reading it is audit-logged like the case page.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from housing import selectors, services
from housing.forms import (
    MatchForm,
    MoveInForm,
    MoveOutForm,
    MovingHelpForm,
    ReserveForm,
)
from housing.models import HousingUnit, PlacementStatus
from housing.services.placements import involves_children
from housing.views.common import show_errors
from integration_portal.accounts.permissions import Perm, can, permission_required
from integration_portal.core.forms import add_service_error
from integration_portal.core.scoping import get_visible_or_404
from reception.models import HouseholdStatus
from reception.services import record_view

RANKED_PER_PAGE = 20
EXCLUDED_SHOWN = 50


def _placement_forms(placement, today, bound: dict) -> dict:
    prefix = f"p{placement.pk}"
    if placement.status == PlacementStatus.RESERVED:
        return {"move_in": bound.get((placement.pk, "move_in")) or MoveInForm(
            prefix=prefix, initial={"moved_in_on": min(placement.starts_on, today)})}
    if placement.status == PlacementStatus.ACTIVE:
        return {"move_out": bound.get((placement.pk, "move_out")) or MoveOutForm(
            prefix=prefix, initial={"moved_out_on": today})}
    return {}


def _household_page(request: HttpRequest, household, *, bound: dict | None = None,
                    status: int = 200) -> HttpResponse:
    today = timezone.localdate()
    placements = selectors.household_placements(household=household)
    return render(request, "housing/household.html", {
        "household": household,
        "needs": selectors.household_needs(household=household, on=today),
        "rows": [{"placement": placement,
                  "forms": _placement_forms(placement, today, bound or {}),
                  "can_ask_help": placement.moving_task_id is None and placement.status in (
                      PlacementStatus.RESERVED, PlacementStatus.ACTIVE)}
                 for placement in placements],
        "network": selectors.household_network(household=household),
        "permanent_home": selectors.permanent_home_target(household=household),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
        "is_closed": household.status == HouseholdStatus.CLOSED,
        "today": today,
    }, status=status)


@permission_required(Perm.VIEW_CASES)
def household(request: HttpRequest, pk: int) -> HttpResponse:
    household = selectors.household_for(user=request.user, pk=pk)
    record_view(actor=request.user, household=household, obj=household)
    return _household_page(request, household)


def _match_values(form: MatchForm, bound: bool) -> dict | None:
    if bound:
        return form.cleaned_data if form.is_valid() else None
    return {name: form.initial.get(name) for name in ("kind", "starts_on", "ends_on")}


@permission_required(Perm.VIEW_CASES)
def match(request: HttpRequest, pk: int) -> HttpResponse:
    """Homes for the household, ranked with their reasons, and those ruled out and why."""
    household = selectors.household_for(user=request.user, pk=pk)
    today = timezone.localdate()
    active = selectors.active_placement(household=household)
    bound = "starts_on" in request.GET
    form = MatchForm(request.GET if bound else None, initial={
        # After temporary housing comes the search for a permanent home.
        "kind": "permanent" if active is not None and not active.is_permanent else "temporary",
        "starts_on": max(today, household.expected_arrival_date or today),
    })
    result, page, problem = None, None, ""
    values = _match_values(form, bound)
    if household.status == HouseholdStatus.CLOSED:
        problem = _("The case is closed: it is not given a home.")
    elif values is not None:
        needs = selectors.household_needs(household=household, on=values["starts_on"])
        if not needs.persons:
            problem = _("Register the household's persons, or its arrival notice, before "
                        "finding it a home.")
        else:
            result = selectors.match_for_household(
                household=household, permanent=values["kind"] == "permanent",
                starts_on=values["starts_on"], ends_on=values.get("ends_on"), needs=needs)
            page = Paginator(result.ranked, RANKED_PER_PAGE).get_page(request.GET.get("page"))
    record_view(actor=request.user, household=household, obj=household)
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "housing/match.html", {
        "household": household, "form": form, "result": result, "page": page,
        "values": values, "problem": problem, "query_string": query.urlencode(),
        "excluded": result.excluded[:EXCLUDED_SHOWN] if result else [],
        "excluded_counts": result.excluded_counts() if result else [],
        "can_work": can(request.user, Perm.WORK_ON_CASES),
        "active": active,
    })


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def reserve(request: HttpRequest, pk: int) -> HttpResponse:
    household = selectors.household_for(user=request.user, pk=pk)
    form = ReserveForm(request.POST)
    back = reverse("housing:match", args=[household.pk])
    if not form.is_valid():
        for field_errors in form.errors.values():
            for text in field_errors:
                messages.error(request, text)
        return redirect(back)
    data = form.cleaned_data
    # What was searched for comes back with the match page, whatever happens.
    back += "?" + urlencode({"kind": data["kind"], "starts_on": data["starts_on"].isoformat(),
                             "ends_on": data["ends_on"].isoformat() if data["ends_on"] else ""})
    unit = get_visible_or_404(HousingUnit.objects.select_related("private_host"), request.user,
                              pk=data["unit"])
    if (data["kind"] == "permanent") != unit.is_permanent:
        messages.error(request, _("The home is not of the kind searched for."))
        return redirect(back)
    try:
        services.placement_reserve(household=household, unit=unit, actor=request.user,
                                   starts_on=data["starts_on"], ends_on=data["ends_on"],
                                   note=data["note"])
    except ValidationError as error:
        show_errors(request, error)
        return redirect(back)
    messages.success(request, _("%(home)s is reserved for the household from %(date)s.") % {
        "home": unit.address, "date": formats.date_format(data["starts_on"], "SHORT_DATE_FORMAT")})
    return redirect("housing:household", pk=household.pk)


def _placement_action(request: HttpRequest, pk: int, placement_pk: int, form_class,
                      form_key: str, action) -> HttpResponse:
    """Run a dated placement action posted from the household page; on bad input show the
    page again with the date as typed and the message on its field."""
    household = selectors.household_for(user=request.user, pk=pk)
    placement = selectors.placement_for(user=request.user, household=household, pk=placement_pk)
    form = form_class(request.POST, prefix=f"p{placement.pk}")
    if form.is_valid():
        try:
            action(placement, form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            return redirect("housing:household", pk=household.pk)
    return _household_page(request, household, bound={(placement.pk, form_key): form},
                           status=400)


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def move_in(request: HttpRequest, pk: int, placement_pk: int) -> HttpResponse:
    def action(placement, data):
        services.placement_move_in(placement=placement, actor=request.user,
                                   moved_in_on=data["moved_in_on"])
        messages.success(request, _("The move-in was recorded."))

    return _placement_action(request, pk, placement_pk, MoveInForm, "move_in", action)


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def move_out(request: HttpRequest, pk: int, placement_pk: int) -> HttpResponse:
    def action(placement, data):
        services.placement_move_out(placement=placement, actor=request.user,
                                    moved_out_on=data["moved_out_on"])
        messages.success(request, _("The move-out was recorded."))

    return _placement_action(request, pk, placement_pk, MoveOutForm, "move_out", action)


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def cancel(request: HttpRequest, pk: int, placement_pk: int) -> HttpResponse:
    household = selectors.household_for(user=request.user, pk=pk)
    placement = selectors.placement_for(user=request.user, household=household, pk=placement_pk)
    try:
        services.placement_cancel(placement=placement, actor=request.user)
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, _("The reservation was cancelled."))
    return redirect("housing:household", pk=household.pk)


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def checklist(request: HttpRequest, pk: int, placement_pk: int) -> HttpResponse:
    household = selectors.household_for(user=request.user, pk=pk)
    placement = selectors.placement_for(user=request.user, household=household, pk=placement_pk)
    ids = request.POST.getlist("delivered")
    if not all(value.isdigit() for value in ids):
        messages.error(request, _("The checklist has no such item."))
        return redirect("housing:household", pk=household.pk)
    try:
        services.checklist_update(placement=placement, actor=request.user,
                                  delivered={int(value) for value in ids},
                                  on=timezone.localdate())
    except ValidationError as error:
        show_errors(request, error)
    else:
        messages.success(request, _("The checklist was saved."))
    return redirect(reverse("housing:household", args=[household.pk])
                    + f"#checklist-{placement.pk}")


@permission_required(Perm.WORK_ON_CASES)
def moving_help(request: HttpRequest, pk: int, placement_pk: int) -> HttpResponse:
    """Ask volunteers to help with the move: a task with no personal data, in the home's
    town and postcode."""
    household = selectors.household_for(user=request.user, pk=pk)
    placement = selectors.placement_for(user=request.user, household=household, pk=placement_pk)
    day = max(timezone.localdate(), placement.starts_on)
    form = MovingHelpForm(request.POST or None, initial={
        "title": _("Moving help"),
        "description": _("Carry boxes and furniture into a new home and assemble beds and "
                         "shelves. A car is an advantage."),
        "day": day, "start_time": datetime.time(10, 0), "hours": Decimal("3"),
        "involves_children_under_15": involves_children(household=household, on=day),
    })
    if request.method == "POST" and form.is_valid():
        starts_at, ends_at = form.task_times()
        data = form.cleaned_data
        try:
            services.moving_help_request(
                placement=placement, actor=request.user, starts_at=starts_at, ends_at=ends_at,
                title=data["title"], description=data["description"],
                languages=data["languages"],
                involves_children_under_15=data["involves_children_under_15"],
                estimated_hours=data["hours"],
            )
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Volunteers were asked to help with the move."))
            return redirect("housing:household", pk=household.pk)
    return render(request, "housing/moving_help.html", {
        "form": form, "household": household, "placement": placement,
    })
