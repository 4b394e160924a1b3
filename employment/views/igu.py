"""The IGU follow-up page: school weeks, interruptions and extensions, the employer's bonus.

Reached through the measure (404 unless it is an IGU of the viewer's municipality); it shows
a person's data, so reading it is audit-logged like the case page. Managers read it; the
forms post to their own addresses and need the right to work on cases.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from employment.forms.igu import InterruptionForm, SchoolWeekAddForm, SchoolWeekStatusForm
from employment.models import IguSchoolWeek, Measure, MeasureStatus
from employment.models.measures import LIVE_STATUSES
from employment.selectors import igu as selectors
from employment.services import igu as services
from employment.services.measures import RuleWarnings
from integration_portal.accounts.permissions import Perm, can, permission_required
from integration_portal.core.forms import add_service_error
from reception.services import record_view


def _week_form(week: IguSchoolWeek, bound: dict) -> SchoolWeekStatusForm:
    return bound.get(week.pk) or SchoolWeekStatusForm(
        prefix=f"w{week.pk}", initial={"status": week.status, "note": week.note})


def _page(request: HttpRequest, measure: Measure, *, add_form: SchoolWeekAddForm | None = None,
          interruption_form: InterruptionForm | None = None,
          week_forms: dict | None = None) -> HttpResponse:
    follow_up = selectors.igu_follow_up(viewer=request.user, measure=measure)
    can_work = can(request.user, Perm.WORK_ON_CASES)
    bound = [form for form in (add_form, interruption_form, *(week_forms or {}).values())
             if form is not None]
    return render(request, "employment/igu.html", {
        "measure": measure,
        "follow_up": follow_up,
        "rows": [{"week": week, "form": _week_form(week, week_forms or {})}
                 for week in follow_up.weeks],
        "add_form": add_form or SchoolWeekAddForm(),
        "interruption_form": interruption_form or InterruptionForm(),
        "has_errors": any(form.errors for form in bound),
        # Attendance may still be recorded after the end; the plan changes while it runs.
        "can_change_plan": can_work and measure.status in LIVE_STATUSES,
        "can_record": can_work and measure.status in (*LIVE_STATUSES, MeasureStatus.ENDED),
    })


def _back(measure: Measure, anchor: str) -> HttpResponse:
    return redirect(reverse("employment:igu", args=[measure.pk]) + f"#{anchor}")


@permission_required(Perm.VIEW_CASES)
def igu(request: HttpRequest, pk: int) -> HttpResponse:
    measure = selectors.igu_for(viewer=request.user, pk=pk)
    record_view(actor=request.user, household=measure.household, obj=measure)
    return _page(request, measure)


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def week_add(request: HttpRequest, pk: int) -> HttpResponse:
    measure = selectors.igu_for(viewer=request.user, pk=pk)
    form = SchoolWeekAddForm(request.POST)
    if form.is_valid():
        try:
            week = services.school_week_add(measure=measure, actor=request.user,
                                            **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The week starting %(monday)s is in the plan.") % {
                "monday": formats.date_format(week.week_starts_on, "SHORT_DATE_FORMAT")})
            return _back(measure, "school-weeks-heading")
    return _page(request, measure, add_form=form)


def _week(measure: Measure, week_pk: int) -> IguSchoolWeek:
    # The week is reached through the IGU the viewer may see.
    return get_object_or_404(IguSchoolWeek.objects.select_related("measure"),
                             pk=week_pk, measure=measure)


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def week_status(request: HttpRequest, pk: int, week_pk: int) -> HttpResponse:
    measure = selectors.igu_for(viewer=request.user, pk=pk)
    week = _week(measure, week_pk)
    form = SchoolWeekStatusForm(request.POST, prefix=f"w{week.pk}")
    if form.is_valid():
        try:
            services.school_week_set_status(week=week, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The school week was saved."))
            return _back(measure, f"week-{week.pk}")
    return _page(request, measure, week_forms={week.pk: form})


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def week_remove(request: HttpRequest, pk: int, week_pk: int) -> HttpResponse:
    measure = selectors.igu_for(viewer=request.user, pk=pk)
    week = _week(measure, week_pk)
    try:
        services.school_week_remove(week=week, actor=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("The school week was taken out of the plan."))
    return _back(measure, "school-weeks-heading")


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def interruption_add(request: HttpRequest, pk: int) -> HttpResponse:
    measure = selectors.igu_for(viewer=request.user, pk=pk)
    form = InterruptionForm(request.POST)
    if form.is_valid():
        try:
            interruption = services.interruption_record(
                measure=measure, actor=request.user, acknowledgements=form.acknowledgements(),
                **form.service_values())
        except RuleWarnings as warnings:
            # Everything typed stays; the warning asks for a reason to go ahead.
            form.show_warnings(warnings.breaches)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            if interruption.extension_days:
                messages.success(request, _(
                    "The interruption was recorded and the IGU extended by %(days)d days.")
                    % {"days": interruption.extension_days})
            else:
                messages.success(request, _("The interruption was recorded."))
            return _back(measure, "interruptions-heading")
    return _page(request, measure, interruption_form=form)
