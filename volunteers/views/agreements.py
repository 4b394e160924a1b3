"""Cooperation agreements (samarbejdsaftaler) with volunteer organisations.

Coordinators draw them up and keep them; managers read them and download the PDF. Nothing
here concerns a citizen, so nothing here imports reception.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from integration_portal.accounts.permissions import Perm, can, permission_required
from integration_portal.core.formats import short_date
from volunteers import selectors, services
from volunteers.documents import agreement_pdf_filename, render_agreement_pdf
from volunteers.forms import (
    AgreementForm,
    CommitmentFormSet,
    EvaluationForm,
    NoticeForm,
    OrganisationForm,
    add_service_error,
    commitments_from_formset,
)
from volunteers.models import (
    NOTICE_MONTHS,
    AgreementStatus,
    CommitmentParty,
    CooperationAgreement,
    Organisation,
)

# Managers read the agreements (the list, a page, the PDF); only coordinators change them.
READ = (Perm.COORDINATE_VOLUNTEERS, Perm.VIEW_REPORTS)
EDIT = Perm.COORDINATE_VOLUNTEERS

AGREEMENT_FIELDS = ("period_start", "period_end", "signed_on", "evaluation_due_on",
                    "organisation_contacts", "municipality_contacts")


def _redirect_to_agreement(agreement: CooperationAgreement) -> HttpResponse:
    return redirect("volunteers:agreement_detail", pk=agreement.pk)


@require_GET
@permission_required(*READ)
def agreement_list(request: HttpRequest) -> HttpResponse:
    """Every organisation with its agreements, their status and the next evaluation."""
    today = timezone.localdate()
    return render(request, "volunteers/agreements/list.html", {
        "rows": selectors.organisations_with_agreements(viewer=request.user, today=today),
        "can_edit": can(request.user, EDIT),
        "due_soon_days": selectors.EVALUATION_DUE_SOON_DAYS,
    })


def _organisation_page(request: HttpRequest, form: OrganisationForm,
                       organisation: Organisation | None) -> HttpResponse:
    return render(request, "volunteers/agreements/organisation_form.html", {
        "form": form, "organisation": organisation,
    })


@permission_required(EDIT)
def organisation_create(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            organisation = services.organisation_create(
                municipality=request.user.municipality, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("%(name)s is registered. Now draw up the agreement.")
                             % {"name": organisation.name})
            # Straight on to the agreement, with the new organisation chosen.
            return redirect(f"{reverse('volunteers:agreement_create')}"
                            f"?organisation={organisation.pk}")
    return _organisation_page(request, form, None)


@permission_required(EDIT)
def organisation_edit(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = selectors.organisation_for(viewer=request.user, pk=pk)
    form = OrganisationForm(request.POST or None, initial={
        field: getattr(organisation, field) for field in OrganisationForm.base_fields})
    if request.method == "POST" and form.is_valid():
        try:
            services.organisation_update(organisation=organisation, actor=request.user,
                                         **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The organisation is saved."))
            return redirect("volunteers:agreement_list")
    return _organisation_page(request, form, organisation)


@permission_required(EDIT)
def agreement_create(request: HttpRequest) -> HttpResponse:
    organisations = Organisation.objects.visible_to(request.user)
    chosen = request.GET.get("organisation", "")
    form = AgreementForm(request.POST or None, organisations=organisations,
                         initial={"organisation": chosen if chosen.isdigit() else None})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            agreement = services.agreement_create(organisation=data.pop("organisation"),
                                                  actor=request.user, **data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The agreement is drawn up from the model agreement's "
                                        "commitments. Check them below."))
            return _redirect_to_agreement(agreement)
    return render(request, "volunteers/agreements/agreement_form.html", {
        "form": form, "agreement": None, "has_organisations": organisations.exists(),
    })


@permission_required(EDIT)
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for(viewer=request.user, pk=pk)
    form = AgreementForm(request.POST or None, initial={
        field: getattr(agreement, field) for field in AGREEMENT_FIELDS})
    if request.method == "POST" and form.is_valid():
        try:
            services.agreement_update(agreement=agreement, actor=request.user,
                                      **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("The agreement is saved."))
            return _redirect_to_agreement(agreement)
    return render(request, "volunteers/agreements/agreement_form.html", {
        "form": form, "agreement": agreement, "has_organisations": True,
    })


def _notice_form(agreement: CooperationAgreement, data=None) -> NoticeForm:
    today = timezone.localdate()
    form = NoticeForm(data, initial={"notice_on": today})
    form.fields["notice_on"].help_text = _(
        "The agreement ends one calendar month after notice is given: given today, on "
        "%(date)s.") % {"date": short_date(selectors.agreement_ends_if_notice_on(agreement, today))}
    return form


def _detail_page(request: HttpRequest, agreement: CooperationAgreement, *,
                 notice_form: NoticeForm | None = None,
                 evaluation_form: EvaluationForm | None = None) -> HttpResponse:
    today = timezone.localdate()
    status = agreement.status_on(today)
    can_edit = can(request.user, EDIT)
    return render(request, "volunteers/agreements/detail.html", {
        "agreement": agreement,
        "organisation": agreement.organisation,
        "municipality": agreement.organisation.municipality,
        "status": status,
        "evaluation": selectors.agreement_evaluation_state(agreement, today=today),
        "commitments": selectors.agreement_commitments_by_party(agreement),
        "can_edit": can_edit,
        "can_give_notice": can_edit and status in (AgreementStatus.ACTIVE,),
        "can_evaluate": can_edit and status in (AgreementStatus.ACTIVE,
                                                AgreementStatus.TERMINATING),
        "notice_form": notice_form or _notice_form(agreement),
        "evaluation_form": evaluation_form or EvaluationForm(initial={"evaluated_on": today}),
        "notice_months": NOTICE_MONTHS,
    })


@require_GET
@permission_required(*READ)
def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _detail_page(request, selectors.agreement_for(viewer=request.user, pk=pk))


@permission_required(EDIT)
def agreement_commitments(request: HttpRequest, pk: int) -> HttpResponse:
    """The checklist of each party's commitments: tick done, change, add and remove lines."""
    agreement = selectors.agreement_for(viewer=request.user, pk=pk)
    current = selectors.agreement_commitments_by_party(agreement)
    data = request.POST if request.method == "POST" else None
    formsets = {
        party: CommitmentFormSet(
            data, prefix=party,
            initial=[{"text": c["text"], "done": c["done"]} for c in current[party]],
            form_kwargs={"max_length": services.MAX_COMMITMENT_LENGTH},
        )
        for party in CommitmentParty.values
    }
    service_errors: list[str] = []
    # Every formset is validated, so that each shows its errors at once.
    if data is not None and all([formset.is_valid() for formset in formsets.values()]):
        commitments = [commitment for party, formset in formsets.items()
                       for commitment in commitments_from_formset(formset, party)]
        try:
            services.agreement_commitments_update(agreement=agreement, actor=request.user,
                                                  commitments=commitments)
        except ValidationError as error:
            service_errors = error.messages
        else:
            messages.success(request, _("The commitments are saved."))
            return _redirect_to_agreement(agreement)
    organisation = agreement.organisation
    headings = {
        CommitmentParty.ORGANISATION: _("%(name)s commits to") % {"name": organisation.name},
        CommitmentParty.MUNICIPALITY: _("%(municipality)s Municipality commits to") % {
            "municipality": organisation.municipality.name},
    }
    return render(request, "volunteers/agreements/commitments_form.html", {
        "agreement": agreement,
        "organisation": organisation,
        "sections": [{"party": party, "heading": headings[party], "formset": formset}
                     for party, formset in formsets.items()],
        "has_errors": bool(service_errors) or any(
            formset.total_error_count() for formset in formsets.values()),
        "service_errors": service_errors,
    })


@require_POST
@permission_required(EDIT)
def agreement_notice(request: HttpRequest, pk: int) -> HttpResponse:
    """Give notice in two steps: the date, then a confirmation that shows the end date."""
    agreement = selectors.agreement_for(viewer=request.user, pk=pk)
    form = _notice_form(agreement, request.POST)
    if not form.is_valid():
        return _detail_page(request, agreement, notice_form=form)
    notice_on = form.cleaned_data["notice_on"]
    if "confirm" not in request.POST:
        return render(request, "volunteers/agreements/notice_confirm.html", {
            "agreement": agreement, "organisation": agreement.organisation,
            "notice_on": notice_on,
            "ends_on": selectors.agreement_ends_if_notice_on(agreement, notice_on),
        })
    try:
        services.agreement_give_notice(agreement=agreement, actor=request.user,
                                       notice_on=notice_on)
    except ValidationError as error:
        add_service_error(form, error)
        # The service may have changed the object before it refused; show what is saved.
        agreement.refresh_from_db()
        return _detail_page(request, agreement, notice_form=form)
    messages.success(request, _("Notice is recorded. The agreement ends on %(date)s.")
                     % {"date": short_date(agreement.ends_on)})
    return _redirect_to_agreement(agreement)


@require_POST
@permission_required(EDIT)
def agreement_evaluation(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = selectors.agreement_for(viewer=request.user, pk=pk)
    form = EvaluationForm(request.POST)
    if form.is_valid():
        try:
            services.agreement_record_evaluation(
                agreement=agreement, actor=request.user,
                evaluated_on=form.cleaned_data["evaluated_on"])
        except ValidationError as error:
            add_service_error(form, error)
            agreement.refresh_from_db()
        else:
            messages.success(request, _("The evaluation is recorded. The next one is due on "
                                        "%(date)s.") % {"date": short_date(
                                            agreement.evaluation_due_on)})
            return _redirect_to_agreement(agreement)
    return _detail_page(request, agreement, evaluation_form=form)


@require_GET
@permission_required(*READ)
def agreement_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The agreement to print and sign: in Danish, as it is agreed, or ?lang=en to read."""
    agreement = selectors.agreement_for(viewer=request.user, pk=pk)
    language = "en" if request.GET.get("lang") == "en" else settings.LANGUAGE_CODE
    response = HttpResponse(render_agreement_pdf(agreement=agreement, language=language),
                            content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=agreement_pdf_filename(agreement))
    # Names of contact persons: never kept by a browser cache or a proxy.
    response["Cache-Control"] = "private, no-store"
    return response
