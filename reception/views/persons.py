"""Adding, changing and reading the persons of a case (the placement decision's data)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from integration_portal.accounts.permissions import Perm, can, permission_required
from integration_portal.core.scoping import get_visible_or_404
from reception import selectors, services
from reception.forms import PersonForm, TakeoverOverrideForm
from reception.models import Person
from reception.views.access import household_for, redirect_to_case, show_errors


def _person_for(request: HttpRequest, pk: int, person_pk: int) -> Person:
    return get_visible_or_404(
        Person.objects.select_related("household__municipality"), request.user,
        pk=person_pk, household_id=pk,
    )


def _duplicates(request: HttpRequest, form: PersonForm, person: Person | None):
    """Other persons with the same CPR number, unless the caseworker confirmed it."""
    cpr = form.cleaned_data.get("cpr")
    if not cpr or form.cleaned_data.get("confirm_duplicate_cpr"):
        return []
    return list(selectors.persons_with_cpr(
        user=request.user, cpr=cpr, exclude_pk=person.pk if person else None))


def _save_person(request: HttpRequest, form: PersonForm, household, person: Person | None):
    """Validate and save; on any problem return the page again with everything typed."""
    duplicates = _duplicates(request, form, person)
    if duplicates:
        form.add_error("cpr", _("This CPR number is already registered in the municipality."))
        return duplicates
    try:
        if person is None:
            services.person_add(household=household, actor=request.user, **form.service_fields())
        else:
            services.person_update(person=person, actor=request.user, **form.service_fields())
    except ValidationError as error:
        form.add_error(None, error)
        return []
    return None


def _person_form_page(request: HttpRequest, household, person: Person | None) -> HttpResponse:
    """The add and change pages: one form, re-shown with everything typed on any problem."""
    form = PersonForm(request.POST or None, instance=person)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        duplicates = _save_person(request, form, household, person)
        if duplicates is None:
            messages.success(request, _("The person was added.") if person is None
                             else _("The changes were saved."))
            return redirect_to_case(household)
    return render(request, "reception/person_form.html", {
        "form": form, "household": household, "person": person, "duplicates": duplicates,
    })


@permission_required(Perm.WORK_ON_CASES)
def person_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _person_form_page(request, household_for(request, pk), None)


@permission_required(Perm.WORK_ON_CASES)
def person_edit(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    person = _person_for(request, pk, person_pk)
    return _person_form_page(request, person.household, person)


def _person_page(request: HttpRequest, person: Person, cpr: str = "") -> HttpResponse:
    """The person's page; `cpr` is the full number when the caseworker chose to see it."""
    return render(request, "reception/person_detail.html", {
        "person": person,
        "household": person.household,
        "cpr": cpr,
        "milestones": person.milestones.select_related("done_by").order_by("due_date"),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
        "takeover_form": TakeoverOverrideForm(initial={
            "takeover_date": person.takeover_date_override,
            "reason": person.takeover_override_reason,
        }),
    })


@permission_required(Perm.VIEW_CASES)
def person_detail(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    person = _person_for(request, pk, person_pk)
    services.record_view(actor=request.user, household=person.household, obj=person)
    return _person_page(request, person)


@never_cache
@require_POST
@permission_required(Perm.WORK_ON_CASES)
def person_cpr_reveal(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    """Show the full CPR number (audit-logged): in place with htmx, else the whole page.

    A POST, not a link: showing the number is an act that is logged, and a GET could be
    repeated by a prefetch or a crawler without anyone having chosen to see it.
    """
    person = _person_for(request, pk, person_pk)
    cpr = services.person_cpr_reveal(person=person, actor=request.user)
    if request.headers.get("HX-Request"):
        return render(request, "reception/person_cpr.html", {
            "person": person, "household": person.household, "cpr": cpr, "can_work": True,
        })
    return _person_page(request, person, cpr)


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def person_takeover(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    person = _person_for(request, pk, person_pk)
    form = TakeoverOverrideForm(request.POST)
    if form.is_valid():
        try:
            services.person_set_takeover_override(
                person=person, actor=request.user,
                takeover_date=form.cleaned_data["takeover_date"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            show_errors(request, error)
        else:
            messages.success(request, _("The takeover date was saved and deadlines updated."))
            return redirect_to_case(person.household)
    else:
        show_errors(request, form.errors)
    from django.shortcuts import redirect

    return redirect("reception:person_detail", pk=pk, person_pk=person_pk)
