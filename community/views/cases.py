"""A case's consents and referrals, and the referrals waiting for follow-up."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from community import selectors, services
from community.forms import ConsentForm, FollowUpForm, ReferralForm, WithdrawForm
from community.models import Consent, Referral
from community.views.common import household_for
from integration_portal.accounts.permissions import Perm, can, permission_required
from integration_portal.core.forms import add_service_error
from integration_portal.core.scoping import get_visible_or_404

REFERRALS_PER_PAGE = 50


def _back_to_case(household) -> HttpResponse:
    return redirect("reception:case_detail", pk=household.pk)


@permission_required(Perm.WORK_ON_CASES)
def consent_create(request: HttpRequest, pk: int) -> HttpResponse:
    household = household_for(request, pk)
    persons = list(household.persons.order_by("birth_date", "pk"))
    person_pk = request.GET.get("person", "")
    form = ConsentForm(request.POST or None, persons=persons,
                       person_pk=int(person_pk) if person_pk.isdigit() else None)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.consent_record(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The consent was recorded."))
                return _back_to_case(household)
        return render(request, "community/consent_form.html",
                      {"form": form, "household": household}, status=400)
    return render(request, "community/consent_form.html", {"form": form, "household": household})


@permission_required(Perm.WORK_ON_CASES)
def consent_withdraw(request: HttpRequest, pk: int, consent_pk: int) -> HttpResponse:
    household = household_for(request, pk)
    consent = get_visible_or_404(
        Consent.objects.filter(person__household=household).select_related("person"),
        request.user, pk=consent_pk)
    form = WithdrawForm(request.POST or None, initial={"withdrawn_on": timezone.localdate()})
    if request.method == "POST":
        if form.is_valid():
            try:
                services.consent_withdraw(consent=consent, actor=request.user,
                                          **form.cleaned_data)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The consent was withdrawn. Its open referrals "
                                            "were stopped."))
                return _back_to_case(household)
        status = 400
    else:
        status = 200
    return render(request, "community/consent_withdraw.html",
                  {"form": form, "household": household, "consent": consent}, status=status)


@permission_required(Perm.WORK_ON_CASES)
def referral_create(request: HttpRequest, pk: int) -> HttpResponse:
    household = household_for(request, pk)
    persons = list(household.persons.order_by("birth_date", "pk"))
    associations = list(selectors.associations_for_choice(user=request.user))
    initial = {}
    for key in ("person", "association"):
        if request.GET.get(key, "").isdigit():
            initial[key] = int(request.GET[key])
    form = ReferralForm(request.POST or None, persons=persons, associations=associations,
                        initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.referral_create(actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The referral was registered."))
                return _back_to_case(household)
        status = 400
    else:
        status = 200
    consented = {consent.person_id for consent in selectors.case_consents(household=household)
                 if consent.is_active}
    return render(request, "community/referral_form.html", {
        "form": form, "household": household, "has_associations": bool(associations),
        "without_consent": [person for person in persons if person.pk not in consented],
    }, status=status)


def _referral_for(request: HttpRequest, pk: int) -> Referral:
    return selectors.referral_detail(user=request.user, pk=pk)


@permission_required(Perm.VIEW_CASES)
def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _referral_for(request, pk)
    shared = services.referral_snapshot_read(referral=referral, actor=request.user)
    return render(request, "community/referral_detail.html", {
        "referral": referral, "shared": shared,
        "can_work": can(request.user, Perm.WORK_ON_CASES),
    })


@permission_required(Perm.WORK_ON_CASES)
def referral_follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _referral_for(request, pk)
    form = FollowUpForm(request.POST or None, initial={
        "status": referral.status, "outcome_note": referral.outcome_note,
        "follow_up_on": referral.follow_up_on})
    if request.method == "POST":
        if form.is_valid():
            try:
                services.referral_follow_up(referral=referral, actor=request.user,
                                            **form.cleaned_data)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The follow-up was saved."))
                return _back_to_case(referral.household)
        status = 400
    else:
        status = 200
    return render(request, "community/referral_follow_up.html",
                  {"form": form, "referral": referral}, status=status)


@permission_required(Perm.WORK_ON_CASES)
def follow_up_list(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    referrals = selectors.referrals_to_follow_up(user=request.user, today=today)
    page = Paginator(referrals, REFERRALS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "community/follow_up_list.html", {"page": page, "today": today})
