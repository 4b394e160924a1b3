"""Danish education pages: record a referral, change it, add a passed test, and the
municipality's list."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from employment.forms.danish import (
    PROVIDERS_DATALIST_ID,
    DanishEducationForm,
    DanishFilterForm,
    DanishTestForm,
)
from employment.models import DanishEducation
from employment.selectors import danish as selectors
from employment.services import danish as services
from integration_portal.accounts.permissions import Perm, can, permission_required
from integration_portal.core.forms import add_service_error
from integration_portal.core.scoping import get_visible_or_404
from reception.models import Person
from reception.services import record_view

EDUCATIONS_PER_PAGE = 50


def _education(request: HttpRequest, pk: int) -> DanishEducation:
    return get_visible_or_404(
        DanishEducation.objects.select_related("person__household__municipality"),
        request.user, pk=pk)


def _form_page(request: HttpRequest, form, *, person: Person, obj, template: str,
               context: dict | None = None) -> HttpResponse:
    # The page names the person: reading it is logged like any read of the case.
    record_view(actor=request.user, household=person.household, obj=obj)
    return render(request, template, {"form": form, "person": person, **(context or {})})


def _education_form_page(request: HttpRequest, form: DanishEducationForm, *, person: Person,
                         education: DanishEducation | None) -> HttpResponse:
    return _form_page(request, form, person=person, obj=education or person,
                      template="employment/danish_form.html", context={
                          "education": education,
                          "providers": selectors.danish_providers(viewer=request.user),
                          "providers_datalist_id": PROVIDERS_DATALIST_ID,
                      })


@permission_required(Perm.WORK_ON_CASES)
def danish_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Record the person's referral to Danish education, and the first lesson if held."""
    person = get_visible_or_404(Person.objects.select_related("household__municipality"),
                                request.user, pk=pk)
    form = DanishEducationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.danish_education_create(person=person, actor=request.user,
                                             **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The Danish education was recorded."))
            return redirect("employment:person", person.pk)
    return _education_form_page(request, form, person=person, education=None)


@permission_required(Perm.WORK_ON_CASES)
def danish_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Change the education: module, hours, dates, status and end."""
    education = _education(request, pk)
    form = DanishEducationForm(request.POST or None, instance=education)
    if request.method == "POST" and form.is_valid():
        try:
            services.danish_education_update(education=education, actor=request.user,
                                             **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The changes were saved."))
            return redirect("employment:person", education.person_id)
    return _education_form_page(request, form, person=education.person, education=education)


@permission_required(Perm.WORK_ON_CASES)
def danish_test_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a Danish test the person passed."""
    education = _education(request, pk)
    form = DanishTestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.danish_test_add(education=education, actor=request.user,
                                     **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The passed test was recorded."))
            return redirect("employment:person", education.person_id)
    return _form_page(request, form, person=education.person, obj=education,
                      template="employment/danish_test_form.html",
                      context={"education": education})


@permission_required(Perm.VIEW_CASES)
def danish_list(request: HttpRequest) -> HttpResponse:
    """The municipality's Danish education, by track, status and language centre."""
    form = DanishFilterForm(request.GET or None,
                            providers=selectors.danish_providers(viewer=request.user))
    filters = form.cleaned_data if form.is_valid() else {}
    educations = selectors.danish_list(viewer=request.user, **filters)
    page = Paginator(educations, EDUCATIONS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "employment/danish_list.html", {
        "form": form, "page": page, "query_string": query.urlencode(),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
    })
