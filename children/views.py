"""The children pages: the institution registry, a child's page with their places,
language assessments and youth guidance, and the municipality's settings.

Each view is a door: the access check first (a volunteer gets 404, another municipality's
rows do not exist), then a form, one service, a redirect or the form again with status 400.
Every page that shows a child's data records the view in the case's audit trail.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from children import selectors, services
from children.forms import (
    AssessmentForm,
    GuidanceForm,
    InstitutionFilterForm,
    InstitutionForm,
    PlacementForm,
    SettingsForm,
)
from children.models import CHILD_AGE_LIMIT, Institution
from integration_portal.accounts.permissions import Perm, can, permission_required
from integration_portal.core.forms import add_service_error
from reception.services import record_view

INSTITUTIONS_PER_PAGE = 50
EDIT_INSTITUTIONS = (Perm.WORK_ON_CASES, Perm.MANAGE_MUNICIPALITY)


def _can_edit_institutions(user) -> bool:
    return any(can(user, perm) for perm in EDIT_INSTITUTIONS)


# Institutions.


@permission_required(Perm.VIEW_CASES)
def institution_list(request: HttpRequest) -> HttpResponse:
    form = InstitutionFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.InstitutionFilters(
        kind=data.get("kind", ""), strategy=data.get("strategy", ""),
        include_inactive=data.get("include_inactive", False))
    institutions = selectors.institution_list(user=request.user, filters=filters)
    page = Paginator(institutions, INSTITUTIONS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "children/institution_list.html", {
        "form": form, "page": page, "query_string": query.urlencode(),
        "can_edit": _can_edit_institutions(request.user),
        "can_manage": can(request.user, Perm.MANAGE_MUNICIPALITY),
    })


@permission_required(Perm.VIEW_CASES)
def institution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    institution = selectors.institution_detail(user=request.user, pk=pk)
    return render(request, "children/institution_detail.html", {
        "institution": institution,
        "placements": selectors.institution_placements(institution=institution),
        "can_edit": _can_edit_institutions(request.user),
    })


def _institution_form(request: HttpRequest, institution: Institution | None) -> HttpResponse:
    form = InstitutionForm(request.POST or None, instance=institution)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                if institution is None:
                    institution = services.institution_create(
                        municipality=request.user.municipality, actor=request.user,
                        **form.cleaned_data)
                else:
                    services.institution_update(institution=institution, actor=request.user,
                                                **form.cleaned_data)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The institution was saved."))
                return redirect("children:institution_detail", pk=institution.pk)
    return render(request, "children/institution_form.html",
                  {"form": form, "institution": institution}, status=status)


@permission_required(*EDIT_INSTITUTIONS)
def institution_create(request: HttpRequest) -> HttpResponse:
    return _institution_form(request, None)


@permission_required(*EDIT_INSTITUTIONS)
def institution_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _institution_form(request, selectors.institution_detail(user=request.user, pk=pk))


# Settings.


@permission_required(Perm.MANAGE_MUNICIPALITY)
def settings_edit(request: HttpRequest) -> HttpResponse:
    current = selectors.settings_for(request.user.municipality_id)
    form = SettingsForm(request.POST or None, instance=current)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                services.settings_save(municipality=request.user.municipality,
                                       actor=request.user, **form.settings_fields())
            except ValidationError as error:
                add_service_error(form, error, {"assessment_results": "results_text"})
            else:
                messages.success(request, _("The settings were saved."))
                return redirect("children:settings")
    return render(request, "children/settings.html", {"form": form}, status=status)


# A child.


def _child(request: HttpRequest, pk: int):
    """A child (under 18) of the user's municipality, or 404."""
    person = selectors.child_for(user=request.user, pk=pk)
    if person.age_on(timezone.localdate()) >= CHILD_AGE_LIMIT:
        raise Http404
    return person


@permission_required(Perm.VIEW_CASES)
def child(request: HttpRequest, pk: int) -> HttpResponse:
    person = _child(request, pk)
    record_view(actor=request.user, household=person.household, obj=person)
    age = person.age_on(timezone.localdate())
    guidance = selectors.youth_guidance_of(person=person)
    return render(request, "children/child.html", {
        "person": person, "household": person.household, "age": age,
        "placements": selectors.child_placements(person=person),
        "assessments": selectors.child_assessments(person=person),
        "guidance": guidance,
        "shows_guidance": selectors.is_youth_guidance_age(age) or guidance is not None,
        "guidance_label": selectors.settings_for(person.household.municipality_id)
        .guidance_label,
        "milestones": selectors.child_milestones(person=person),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
    })


def _form_page(request: HttpRequest, *, person, form, title: str, save,
               template: str = "children/child_form.html") -> HttpResponse:
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                save(form)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                return redirect("children:child", pk=person.pk)
    return render(request, template, {"form": form, "person": person,
                                      "household": person.household, "title": title},
                  status=status)


def _placement_fields(form: PlacementForm) -> dict:
    return dict(form.cleaned_data)


@permission_required(Perm.WORK_ON_CASES)
def placement_create(request: HttpRequest, pk: int) -> HttpResponse:
    person = _child(request, pk)
    institutions = selectors.institutions_for_choice(
        municipality_id=person.household.municipality_id)
    form = PlacementForm(request.POST or None, institutions=institutions,
                         initial={"requested_on": timezone.localdate()})

    def save(form):
        services.placement_create(person=person, actor=request.user, **_placement_fields(form))
        messages.success(request, _("The place was registered."))

    return _form_page(request, person=person, form=form, save=save,
                      title=_("Register a place for %(name)s") % {"name": person.full_name})


@permission_required(Perm.WORK_ON_CASES)
def placement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    placement = selectors.placement_for(user=request.user, pk=pk)
    person = placement.person
    # The place's own institution stays choosable even if it has since closed.
    institutions = Institution.objects.in_municipality(
        person.household.municipality_id).filter(
        Q(active=True) | Q(pk=placement.institution_id)).order_by("name", "pk")
    form = PlacementForm(request.POST or None, instance=placement, institutions=institutions)

    def save(form):
        services.placement_update(placement=placement, actor=request.user,
                                  **_placement_fields(form))
        messages.success(request, _("The place was saved."))

    return _form_page(request, person=person, form=form, save=save,
                      title=_("Change the place of %(name)s") % {"name": person.full_name})


@permission_required(Perm.WORK_ON_CASES)
def assessment_create(request: HttpRequest, pk: int) -> HttpResponse:
    person = _child(request, pk)
    results = selectors.settings_for(person.household.municipality_id).results
    form = AssessmentForm(request.POST or None, results=results,
                          initial={"assessed_on": timezone.localdate()})

    def save(form):
        services.assessment_create(person=person, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The language assessment was recorded."))

    return _form_page(request, person=person, form=form, save=save,
                      title=_("Record a language assessment of %(name)s") % {
                          "name": person.full_name})


@permission_required(Perm.WORK_ON_CASES)
def assessment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    assessment = selectors.assessment_for(user=request.user, pk=pk)
    person = assessment.person
    results = selectors.settings_for(person.household.municipality_id).results
    form = AssessmentForm(request.POST or None, instance=assessment, results=results)

    def save(form):
        services.assessment_update(assessment=assessment, actor=request.user,
                                   **form.cleaned_data)
        messages.success(request, _("The language assessment was saved."))

    return _form_page(request, person=person, form=form, save=save,
                      title=_("Change the language assessment of %(name)s") % {
                          "name": person.full_name})


@permission_required(Perm.WORK_ON_CASES)
def guidance_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = _child(request, pk)
    form = GuidanceForm(request.POST or None,
                        instance=selectors.youth_guidance_of(person=person))
    label = selectors.settings_for(person.household.municipality_id).guidance_label

    def save(form):
        services.youth_guidance_save(person=person, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The youth guidance was saved."))

    return _form_page(request, person=person, form=form, save=save,
                      title=_("%(label)s for %(name)s") % {"label": label,
                                                          "name": person.full_name})
