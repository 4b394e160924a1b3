"""The managers' retention pages: closed cases past their period, and the periods."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from integration_portal.accounts.permissions import Perm, permission_required
from integration_portal.retention.forms import RetentionApproveForm, RetentionPeriodsForm
from integration_portal.retention.selectors import (
    DUE_LIST_LIMIT,
    cases_due,
    recent_decisions,
    retention_periods,
)
from integration_portal.retention.services import retention_approve, retention_periods_set
from integration_portal.rules.models import ResidenceBasis


@require_http_methods(["GET", "POST"])
@permission_required(Perm.MANAGE_MUNICIPALITY)
def due(request: HttpRequest) -> HttpResponse:
    """Closed cases past their period; the manager ticks some and approves their erasure."""
    # The page acts on the viewer's own municipality; there is no id in the URL to tamper with.
    municipality = request.user.municipality
    due_cases = cases_due(municipality_id=municipality.pk)
    form = RetentionApproveForm(request.POST or None, due=due_cases)
    if request.method == "POST" and form.is_valid():
        try:
            decisions = retention_approve(
                municipality=municipality, case_ids=form.cleaned_data["cases"],
                reason=form.cleaned_data["reason"], actor=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, ngettext(
                "%(count)d case will be anonymised in a moment.",
                "%(count)d cases will be anonymised in a moment.", len(decisions),
            ) % {"count": len(decisions)})
            return redirect("retention:due")
    periods = retention_periods(municipality_id=municipality.pk)
    labels = dict(ResidenceBasis.choices)
    rows = [(case, labels.get(case.case_type, case.case_type)) for case in due_cases]
    chosen = {str(value) for value in form["cases"].value() or ()}
    return render(request, "retention/due.html", {
        "form": form, "rows": rows, "chosen": chosen, "limit": DUE_LIST_LIMIT,
        "has_periods": bool(periods),
        "decisions": recent_decisions(municipality_id=municipality.pk),
    })


@require_http_methods(["GET", "POST"])
@permission_required(Perm.MANAGE_MUNICIPALITY)
def periods(request: HttpRequest) -> HttpResponse:
    municipality = request.user.municipality
    form = RetentionPeriodsForm(request.POST or None,
                                periods=retention_periods(municipality_id=municipality.pk))
    if request.method == "POST" and form.is_valid():
        retention_periods_set(municipality=municipality, periods=form.periods(),
                              actor=request.user)
        messages.success(request, _("The retention periods were saved."))
        return redirect("retention:periods")
    return render(request, "retention/periods.html", {"form": form})
