"""The municipality's employment configuration: the rules measures are checked against, and
the kinds of measure it offers.

Caseworkers and managers read them (Perm.VIEW_CASES): a caseworker warned about a rule can
see where it comes from. Managers change them (Perm.MANAGE_MUNICIPALITY).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from employment.forms.configuration import EmploymentRulesForm, MeasureTypeForm
from employment.models import EmploymentRuleSet, MeasureType
from employment.selectors.rules import employment_rules_in_force, rule_set_history
from employment.services import configuration as services
from employment.services.configuration import RULE_FIELDS, RULE_VALUE_FIELDS
from integration_portal.accounts.permissions import Perm, can, permission_required
from integration_portal.core.forms import add_service_error
from integration_portal.core.scoping import get_visible_or_404
from integration_portal.rules.models import ResidenceBasis


def _shown(rules: EmploymentRuleSet, name: str) -> dict:
    """One value of a version as the page shows it: a date (for a <time>) or a text."""
    value = getattr(rules, name)
    if isinstance(value, datetime.date):
        return {"date": value}
    if value is None:
        return {"text": _("No end date")}
    if name == "igu_residence_bases":
        labels = dict(ResidenceBasis.choices)
        return {"text": ", ".join(str(labels.get(code, code)) for code in value) or _("None")}
    if isinstance(value, Decimal):
        # 25.0 from the database is shown as 25; 24.5 keeps its decimal.
        return {"text": formats.number_format(value, decimal_pos=0 if value == int(value) else 1)}
    if name == "igu_bonus_dkk":
        return {"text": formats.number_format(value, force_grouping=True)}
    return {"text": str(value)}


@permission_required(Perm.VIEW_CASES)
def rules(request: HttpRequest) -> HttpResponse:
    """The version in force today, and every version that applies or applied, newest first."""
    municipality_id = request.user.municipality_id
    in_force = employment_rules_in_force(municipality_id=municipality_id,
                                         on=timezone.localdate())
    versions = list(rule_set_history(municipality_id=municipality_id))
    return render(request, "employment/rules.html", {
        "in_force": in_force,
        "in_force_rows": [
            {"label": EmploymentRuleSet._meta.get_field(name).verbose_name,
             "value": _shown(in_force, name)}
            for name in RULE_VALUE_FIELDS
        ],
        "versions": versions,
        # One row a value, one column a version: what changed is read along a row.
        "history_rows": [
            {"label": EmploymentRuleSet._meta.get_field(name).verbose_name,
             "values": [_shown(version, name) for version in versions]}
            for name in RULE_VALUE_FIELDS
        ],
        "can_manage": can(request.user, Perm.MANAGE_MUNICIPALITY),
    })


@permission_required(Perm.MANAGE_MUNICIPALITY)
def rules_new(request: HttpRequest) -> HttpResponse:
    """A new version of the municipality's own rules, starting from the values in force."""
    municipality = request.user.municipality
    in_force = employment_rules_in_force(municipality_id=municipality.pk,
                                         on=timezone.localdate())
    initial = {name: getattr(in_force, name) for name in RULE_FIELDS if name != "note"}
    form = EmploymentRulesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.employment_rules_create(municipality=municipality,
                                                       actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The new rules apply from %(date)s.") % {
                "date": formats.date_format(created.effective_from, "SHORT_DATE_FORMAT")})
            return redirect("employment:rules")
    return render(request, "employment/rules_form.html", {"form": form, "in_force": in_force})


@permission_required(Perm.VIEW_CASES)
def measure_types(request: HttpRequest) -> HttpResponse:
    """The national kinds every municipality offers, and the municipality's own."""
    return render(request, "employment/measure_types.html", {
        "national": MeasureType.objects.national(),
        "own": MeasureType.objects.visible_to(request.user),
        "can_manage": can(request.user, Perm.MANAGE_MUNICIPALITY),
    })


def _measure_type_form(request: HttpRequest, measure_type: MeasureType | None) -> HttpResponse:
    form = MeasureTypeForm(request.POST or None, instance=measure_type,
                           creating=measure_type is None)
    if request.method == "POST" and form.is_valid():
        try:
            if measure_type is None:
                services.measure_type_create(municipality=request.user.municipality,
                                             actor=request.user, **form.cleaned_data)
            else:
                services.measure_type_update(measure_type=measure_type, actor=request.user,
                                             **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The kind of measure was saved."))
            return redirect("employment:measure_types")
    return render(request, "employment/measure_type_form.html",
                  {"form": form, "measure_type": measure_type})


@permission_required(Perm.MANAGE_MUNICIPALITY)
def measure_type_create(request: HttpRequest) -> HttpResponse:
    return _measure_type_form(request, None)


@permission_required(Perm.MANAGE_MUNICIPALITY)
def measure_type_edit(request: HttpRequest, pk: int) -> HttpResponse:
    # Only the municipality's own: a national kind is not found here.
    measure_type = get_visible_or_404(MeasureType.objects.all(), request.user, pk=pk)
    return _measure_type_form(request, measure_type)
