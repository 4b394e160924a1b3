"""The caseworker's start page, the case list, registering a notice and the case page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integration_portal.accounts.permissions import Perm, can, permission_required
from integration_portal.audit.models import AuditAction
from reception import selectors, services
from reception.case_sections import case_sections
from reception.forms import (
    ArrivalForm,
    AssignForm,
    CaseSearchForm,
    DocumentForm,
    HouseholdDatesForm,
    JournalNoteForm,
    MilestoneDoneForm,
    NoticeForm,
    StatusForm,
)
from reception.models import Household, HouseholdStatus
from reception.views.access import household_for, redirect_to_case, show_errors

CASES_PER_PAGE = 25


@permission_required(Perm.WORK_ON_CASES)
def start(request: HttpRequest) -> HttpResponse:
    """The caseworker's start page: what is overdue, what is due, who is coming."""
    overview = selectors.caseworker_overview(user=request.user, today=timezone.localdate())
    return render(request, "reception/start.html", {"overview": overview,
                                                    "today": timezone.localdate()})


@permission_required(Perm.VIEW_CASES)
def case_list(request: HttpRequest) -> HttpResponse:
    form = CaseSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    households = selectors.household_list(
        user=request.user,
        query=filters.get("q", ""),
        status=filters.get("status", ""),
        caseworker=filters.get("caseworker", ""),
        residence_basis=filters.get("residence_basis", ""),
    )
    page = Paginator(households, CASES_PER_PAGE).get_page(request.GET.get("page"))
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(request, "reception/case_list.html", {
        "form": form, "page": page, "query_string": query_string.urlencode(),
    })


@permission_required(Perm.WORK_ON_CASES)
def notice_create(request: HttpRequest) -> HttpResponse:
    form = NoticeForm(request.POST or None, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        household = services.notice_register(
            municipality=request.user.municipality, actor=request.user, **form.cleaned_data
        )
        messages.success(request, _("Case %(reference)s was registered.") % {
            "reference": household.reference})
        return redirect_to_case(household)
    return render(request, "reception/notice_form.html", {"form": form})


@permission_required(Perm.VIEW_CASES)
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_page(request, pk)


def _case_page(request: HttpRequest, pk: int, *, status: int = 200,
               **bound_forms: object) -> HttpResponse:
    """The case page; `bound_forms` put a posted form back with its errors and input."""
    household = selectors.household_detail(user=request.user, pk=pk)
    services.record_view(actor=request.user, household=household, obj=household)
    persons = household.persons.all()
    return render(request, "reception/case_detail.html", {
        "household": household,
        "persons": persons,
        "milestones": household.milestones.all(),
        "notes": household.journal_notes.select_related("author")[:50],
        "documents": household.documents.select_related("person", "uploaded_by"),
        "letters": selectors.case_letters(household=household),
        "arrival_form": ArrivalForm(),
        "status_form": StatusForm(current=household.status),
        "assign_form": AssignForm(
            caseworkers=selectors.assignable_caseworkers(user=request.user),
            initial={"caseworker": household.caseworker_id},
        ),
        "dates_form": HouseholdDatesForm(initial={
            "expected_arrival_date": household.expected_arrival_date,
            "placement_decision_date": household.placement_decision_date,
            "address": household.address,
        }),
        "note_form": JournalNoteForm(),
        "document_form": DocumentForm(persons=persons),
        "milestone_form": MilestoneDoneForm(),
        "today": timezone.localdate(),
        "can_arrive": household.status == HouseholdStatus.ANNOUNCED,
        "can_work": can(request.user, Perm.WORK_ON_CASES),
        # Sections other apps add (volunteer tasks, …), registered in their AppConfig.ready().
        "case_sections": case_sections(request, household),
        **bound_forms,
    }, status=status)


def _case_action(request: HttpRequest, pk: int, form, action, *,
                 form_key: str | None = None) -> HttpResponse:
    """Run one service for a form posted from the case page, then go back to the case.

    When it fails, the errors are shown at the top; a form named by `form_key` is also put
    back on the page with its errors and what was typed (answered 400), so nothing is lost.
    """
    household = household_for(request, pk)
    if form.is_valid():
        try:
            action(household, form.cleaned_data)
        except ValidationError as error:
            show_errors(request, error)
            if form_key is None:
                return redirect_to_case(household)
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Saved."))
            return redirect_to_case(household)
    else:
        show_errors(request, form.errors)
    if form_key is None:
        return redirect_to_case(household)
    return _case_page(request, pk, status=400, **{form_key: form})


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def case_arrive(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_action(request, pk, ArrivalForm(request.POST), lambda household, data:
        services.household_mark_arrived(
            household=household, actor=request.user, arrival_date=data["arrival_date"]))


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def case_status(request: HttpRequest, pk: int) -> HttpResponse:
    household = household_for(request, pk)
    form = StatusForm(request.POST, current=household.status)
    return _case_action(request, pk, form, lambda household, data:
        services.household_change_status(
            household=household, actor=request.user, status=data["status"]))


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def case_assign(request: HttpRequest, pk: int) -> HttpResponse:
    form = AssignForm(request.POST,
                      caseworkers=selectors.assignable_caseworkers(user=request.user))
    return _case_action(request, pk, form, lambda household, data:
        services.household_assign_caseworker(
            household=household, actor=request.user, caseworker=data["caseworker"]))


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def case_update(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_action(request, pk, HouseholdDatesForm(request.POST), lambda household, data:
        services.household_update(household=household, actor=request.user, **data),
        form_key="dates_form")


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def journal_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _case_action(request, pk, JournalNoteForm(request.POST), lambda household, data:
        services.journal_note_add(household=household, actor=request.user, text=data["text"]),
        form_key="note_form")


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def milestone_done(request: HttpRequest, pk: int, milestone_pk: int) -> HttpResponse:
    household = household_for(request, pk)
    milestone = household.milestones.filter(pk=milestone_pk).first()
    if milestone is None:
        from django.http import Http404

        raise Http404
    return _case_action(request, pk, MilestoneDoneForm(request.POST), lambda household, data:
        services.milestone_complete(milestone=milestone, actor=request.user, **data))


@require_POST
@permission_required(Perm.WORK_ON_CASES)
def document_upload(request: HttpRequest, pk: int) -> HttpResponse:
    household = household_for(request, pk)
    form = DocumentForm(request.POST, request.FILES, persons=household.persons.all())
    return _case_action(request, pk, form, lambda household, data:
        services.document_upload(
            household=household, actor=request.user, uploaded_file=data["file"],
            document_type=data["document_type"], person=data["person"]),
        form_key="document_form")


@permission_required(Perm.VIEW_CASES)
def document_download(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    from django.http import FileResponse, Http404

    household = household_for(request, pk)
    document = household.documents.filter(pk=document_pk).first()
    if document is None:
        raise Http404
    services.record_view(actor=request.user, household=household, obj=document,
                         action=AuditAction.DOWNLOAD)
    return FileResponse(document.file.open("rb"), as_attachment=True,
                        filename=document.original_name, content_type=document.content_type)


@permission_required(Perm.VIEW_AUDIT)
def case_audit(request: HttpRequest) -> HttpResponse:
    """Managers look up a case by its reference and read its audit trail."""
    from integration_portal.audit.selectors import audit_trail

    reference = request.GET.get("reference", "").strip()
    household = None
    events = []
    if reference:
        household = Household.objects.visible_to(request.user).filter(
            reference__iexact=reference).first()
        if household is not None:
            events = audit_trail(viewer=request.user,
                                 trail=services.case_trail(household))[:500]
    return render(request, "reception/case_audit.html", {
        "reference": reference, "household": household, "events": events,
    })
