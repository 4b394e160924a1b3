"""The job centre's queue of internships volunteers found."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from employment.forms.queue import MeasureCompleteForm, ReferralCloseForm
from employment.models import JobcentreReferral, ReferralStatus
from employment.selectors import referrals as selectors
from employment.services import referrals as services
from employment.services.measures import RuleWarnings
from integration_portal.accounts.permissions import Perm, permission_required
from integration_portal.core.forms import add_service_error
from integration_portal.core.scoping import get_visible_or_404
from reception.services import record_view


@permission_required(Perm.WORK_ON_CASES)
def queue(request: HttpRequest) -> HttpResponse:
    """The job centre's queue: language internships volunteers found, not yet dealt with."""
    return render(request, "employment/queue.html", {
        "referrals": selectors.referral_queue(viewer=request.user),
        "job_centre_email": request.user.municipality.job_centre_email,
    })


def _open_referral(request: HttpRequest, pk: int) -> JobcentreReferral | None:
    referral = get_visible_or_404(
        JobcentreReferral.objects.select_related("household", "measure"), request.user, pk=pk)
    if referral.status != ReferralStatus.OPEN:
        messages.info(request, _("This item in the queue has already been dealt with."))
        return None
    return referral


@permission_required(Perm.WORK_ON_CASES)
def referral_complete(request: HttpRequest, pk: int) -> HttpResponse:
    """Complete the draft measure: the person, the period, the hours and the employer."""
    referral = _open_referral(request, pk)
    if referral is None:
        return redirect("employment:queue")
    if referral.household is None:
        messages.info(request, _("The item is linked to no case, so there is nobody to plan "
                                 "the measure for. Close it with a reason instead."))
        return redirect("employment:queue")
    form = MeasureCompleteForm(request.POST or None, referral=referral)
    if request.method == "POST" and form.is_valid():
        try:
            services.measure_complete_draft(referral=referral, actor=request.user,
                                            acknowledgements=form.acknowledgements(),
                                            **form.cleaned_data)
        except RuleWarnings as warnings:
            # Nothing is saved: the page shows the warnings, each with a reason to give.
            form.show_warnings(warnings.breaches)
        except ValidationError as error:
            # Everything typed stays in the form; the refusal sits on the field it is about.
            add_service_error(form, error)
        else:
            messages.success(request, _("The language internship is planned."))
            return redirect("employment:queue")
    if referral.household is not None:
        # The form lists the case's persons by name.
        record_view(actor=request.user, household=referral.household, obj=referral)
    return render(request, "employment/referral_complete.html",
                  {"form": form, "referral": referral})


@permission_required(Perm.WORK_ON_CASES)
def referral_close(request: HttpRequest, pk: int) -> HttpResponse:
    """Take an item off the queue without a measure, with the reason why."""
    referral = _open_referral(request, pk)
    if referral is None:
        return redirect("employment:queue")
    form = ReferralCloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.referral_close(referral=referral, actor=request.user,
                                    reason=form.cleaned_data["closed_reason"])
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The item was closed."))
            return redirect("employment:queue")
    return render(request, "employment/referral_close.html",
                  {"form": form, "referral": referral})
