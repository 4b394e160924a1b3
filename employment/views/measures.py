"""A person's measures: the person's employment page, one measure's page, planning and
changing a measure (with the rules' warnings), starting, ending and cancelling it, and the
municipality's list of measures.

Every page that shows a person's data records the view in the case's audit trail.
"""

from __future__ import annotations

from collections.abc import Callable

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from employment.forms.measures import (
    MeasureCancelForm,
    MeasureEndForm,
    MeasureFilterForm,
    MeasureForm,
    MeasureStartForm,
)
from employment.models import Measure, MeasureCategory, MeasureStatus
from employment.models.measures import LIVE_STATUSES
from employment.selectors import measures as selectors
from employment.selectors.danish import person_danish
from employment.selectors.outcomes import person_outcomes
from employment.services import measures as services
from employment.services.measures import RuleWarnings
from integration_portal.accounts.permissions import Perm, can, permission_required
from integration_portal.core.forms import add_service_error
from integration_portal.core.scoping import get_visible_or_404
from reception.models import Person
from reception.services import record_view

MEASURES_PER_PAGE = 25


def _person_for(request: HttpRequest, pk: int) -> Person:
    return get_visible_or_404(Person.objects.select_related("household"), request.user, pk=pk)


def _record_measure_view(request: HttpRequest, measure: Measure) -> None:
    # A draft from a task linked to no case names nobody: there is no case trail to log in.
    if measure.household_id is not None:
        record_view(actor=request.user, household=measure.household, obj=measure)


@permission_required(Perm.VIEW_CASES)
def person(request: HttpRequest, pk: int) -> HttpResponse:
    """The person's employment page: the facts the rules look at, the measures, Danish
    education and the outcomes at 6, 12 and 24 months."""
    person = _person_for(request, pk)
    record_view(actor=request.user, household=person.household, obj=person)
    today = timezone.localdate()
    return render(request, "employment/person.html", {
        "person": person,
        "household": person.household,
        "age": person.age_on(today),
        "measures": selectors.person_measures(viewer=request.user, person=person),
        "educations": person_danish(viewer=request.user, person=person),
        "outcomes": person_outcomes(person=person, today=today),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
    })


def _measure_form_page(request: HttpRequest, *, person: Person, measure: Measure | None,
                       save: Callable[..., Measure]) -> HttpResponse:
    """Plan or change: call `save` with the plan and the reasons; a rule's warning shows the
    form again with everything typed and a reason to give per warning. Planning also offers
    the case's other members (`save` then gets `person`)."""
    persons = None
    initial = MeasureForm.initial_for(measure) if measure else {"person": person.pk}
    if measure is None:
        persons = Person.objects.filter(household_id=person.household_id).order_by(
            "birth_date", "pk")
    form = MeasureForm(request.POST or None, municipality_id=person.household.municipality_id,
                       measure=measure, persons=persons, initial=initial)
    if request.method == "POST" and form.is_valid():
        fields = form.plan_fields()
        if persons is not None:
            # Without a choice the measure is for the person whose page it was planned from.
            fields["person"] = form.cleaned_data.get("person") or person
        try:
            saved = save(acknowledgements=form.acknowledgements(), **fields)
        except RuleWarnings as warnings:
            # Nothing is saved: the page shows the warnings, each with a reason to give.
            form.show_warnings(warnings.breaches)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The measure is planned.") if measure is None
                             else _("The changes were saved."))
            return redirect("employment:measure_detail", pk=saved.pk)
    record_view(actor=request.user, household=person.household, obj=measure or person)
    return render(request, "employment/measure_form.html", {
        "form": form, "person": person, "measure": measure,
    })


@permission_required(Perm.WORK_ON_CASES)
def measure_plan(request: HttpRequest, pk: int) -> HttpResponse:
    person = _person_for(request, pk)

    def save(**fields) -> Measure:
        return services.measure_plan(actor=request.user, **fields)

    return _measure_form_page(request, person=person, measure=None, save=save)


@permission_required(Perm.WORK_ON_CASES)
def measure_edit(request: HttpRequest, pk: int) -> HttpResponse:
    measure = selectors.measure_for(viewer=request.user, pk=pk)
    if measure.status not in LIVE_STATUSES or measure.person is None:
        messages.info(request, _("Only a planned or running measure can be changed."))
        return redirect("employment:measure_detail", pk=measure.pk)

    def save(**fields) -> Measure:
        return services.measure_update(actor=request.user, measure=measure, **fields)

    return _measure_form_page(request, person=measure.person, measure=measure, save=save)


@permission_required(Perm.VIEW_CASES)
def measure_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The measure's facts, the rules it was checked against, the warnings gone past and
    why, and what can be done next."""
    measure = selectors.measure_for(viewer=request.user, pk=pk)
    _record_measure_view(request, measure)
    can_work = can(request.user, Perm.WORK_ON_CASES)
    status = measure.status
    return render(request, "employment/measure_detail.html", {
        "measure": measure,
        "person": measure.person,
        "acknowledgements": list(measure.acknowledgements.all()),
        "is_igu": measure.measure_type.category == MeasureCategory.IGU,
        "can_work": can_work,
        "can_edit": can_work and status in LIVE_STATUSES,
        "can_start": can_work and status == MeasureStatus.PLANNED,
        "can_end": can_work and status == MeasureStatus.ACTIVE,
        "can_cancel": can_work and status == MeasureStatus.PLANNED,
    })


def _measure_action_page(
    request: HttpRequest, pk: int, *, status: str, refused: str, form_class: type[forms.Form],
    initial: Callable[[Measure], dict], run: Callable[[Measure, dict], Measure],
    title: str, submit: str, done: str,
) -> HttpResponse:
    """A dated step on a measure in `status`: a form, one service call, back to the measure."""
    measure = selectors.measure_for(viewer=request.user, pk=pk)
    if measure.status != status:
        messages.info(request, refused)
        return redirect("employment:measure_detail", pk=measure.pk)
    form = form_class(request.POST or None, initial=initial(measure))
    if request.method == "POST" and form.is_valid():
        try:
            run(measure, form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, done)
            return redirect("employment:measure_detail", pk=measure.pk)
    _record_measure_view(request, measure)
    return render(request, "employment/measure_action.html", {
        "form": form, "measure": measure, "person": measure.person, "title": title,
        "submit": submit, "action_url": request.path,
    })


@permission_required(Perm.WORK_ON_CASES)
def measure_start(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    return _measure_action_page(
        request, pk, status=MeasureStatus.PLANNED,
        refused=_("Only a planned measure can start."),
        form_class=MeasureStartForm,
        initial=lambda measure: {"started_on": min(measure.starts_on or today, today)},
        run=lambda measure, data: services.measure_start(
            actor=request.user, measure=measure, started_on=data["started_on"]),
        title=gettext_lazy("The measure has started"), submit=gettext_lazy("Record the start"),
        done=_("The start was recorded."),
    )


@permission_required(Perm.WORK_ON_CASES)
def measure_end(request: HttpRequest, pk: int) -> HttpResponse:
    today = timezone.localdate()
    return _measure_action_page(
        request, pk, status=MeasureStatus.ACTIVE,
        refused=_("Only a running measure can end."),
        form_class=MeasureEndForm,
        initial=lambda measure: {"ended_on": min(measure.ends_on or today, today)},
        run=lambda measure, data: services.measure_end(
            actor=request.user, measure=measure, ended_on=data["ended_on"],
            outcome=data["outcome"], outcome_note=data["outcome_note"]),
        title=gettext_lazy("End the measure"), submit=gettext_lazy("Record the end"),
        done=_("The end and the outcome were recorded."),
    )


@permission_required(Perm.WORK_ON_CASES)
def measure_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    return _measure_action_page(
        request, pk, status=MeasureStatus.PLANNED,
        refused=_("Only a measure that has not started can be cancelled."),
        form_class=MeasureCancelForm,
        initial=lambda measure: {},
        run=lambda measure, data: services.measure_cancel(
            actor=request.user, measure=measure, reason=data["reason"]),
        title=gettext_lazy("Cancel the measure"), submit=gettext_lazy("Cancel the measure"),
        done=_("The measure was cancelled."),
    )


@permission_required(Perm.VIEW_CASES)
def measure_list(request: HttpRequest) -> HttpResponse:
    """The municipality's measures, filtered by kind, status and employer, a page at a time."""
    form = MeasureFilterForm(request.GET or None,
                             municipality_id=request.user.municipality_id)
    measures = selectors.measure_list(viewer=request.user, **form.filters())
    page = Paginator(measures, MEASURES_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "employment/measure_list.html", {
        "form": form, "page": page, "query_string": query.urlencode(),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
    })
