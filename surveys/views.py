"""Surveys' doors: the managers' builder, sending and results; the public respondent page."""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from integration_portal.accounts.permissions import Perm, permission_required
from integration_portal.core.forms import add_service_error
from surveys import selectors, services
from surveys.forms import (
    CodeForm,
    QuestionForm,
    RespondForm,
    ResultsFilterForm,
    SendForm,
    SlipsForm,
    SurveyForm,
)
from surveys.models import DANISH, NO, SCALE_VALUES, YES, Group, Survey, SurveyStatus
from surveys.results_pdf import question_chart, render_results_pdf, render_slips_pdf
from surveys.texts import TEXTS, direction, language_name, texts_for
from surveys.tokens import normalise

MANAGE = Perm.MANAGE_MUNICIPALITY
# A CSV cell a spreadsheet would read as a formula is prefixed with ' (CSV injection): free
# texts are whatever a respondent typed.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _survey(request: HttpRequest, pk: int) -> Survey:
    return selectors.survey_for(viewer=request.user, pk=pk)


def _status_of(survey: Survey) -> str:
    today = timezone.localdate()
    if survey.status == SurveyStatus.OPEN and today > survey.closes_on:
        return _("Open, but past its closing day")
    return str(survey.get_status_display())


# The builder


@require_GET
@permission_required(MANAGE)
def survey_list(request: HttpRequest) -> HttpResponse:
    surveys = list(selectors.survey_list(viewer=request.user))
    return render(request, "surveys/survey_list.html", {
        "surveys": [(survey, _status_of(survey)) for survey in surveys]})


def _survey_form_page(request: HttpRequest, survey: Survey | None) -> HttpResponse:
    if request.method == "POST":
        form = SurveyForm(request.POST, survey=survey)
    elif survey is None:
        today = timezone.localdate()
        form = SurveyForm(initial={"year": today.year, "opens_on": today,
                                   "closes_on": today + timezone.timedelta(days=28),
                                   "languages": ["en", "ar"]})
    else:
        form = SurveyForm(survey=survey)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                if survey is None:
                    survey = services.survey_create(municipality=request.user.municipality,
                                                    actor=request.user, **form.service_kwargs())
                else:
                    services.survey_update(survey=survey, actor=request.user,
                                           **form.service_kwargs())
            except ValidationError as error:
                add_service_error(form, error, {"title": "title_da"})
            else:
                messages.success(request, _("The survey was saved."))
                return redirect("surveys:detail", pk=survey.pk)
        status = 400
    return render(request, "surveys/survey_form.html", {"form": form, "survey": survey},
                  status=status)


@permission_required(MANAGE)
def survey_create(request: HttpRequest) -> HttpResponse:
    return _survey_form_page(request, None)


@permission_required(MANAGE)
def survey_edit(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    if not survey.is_draft:
        messages.error(request, _("Only a draft survey can be changed."))
        return redirect("surveys:detail", pk=survey.pk)
    return _survey_form_page(request, survey)


@require_GET
@permission_required(MANAGE)
def survey_detail(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    return render(request, "surveys/survey_detail.html", {
        "survey": survey, "status_label": _status_of(survey),
        "questions": list(survey.questions.all()),
        "language_names": _language_labels(survey),
        "missing": services.missing_translations(survey),
    })


def _language_labels(survey: Survey) -> list[str]:
    from surveys.models import SURVEY_LANGUAGES

    return [str(SURVEY_LANGUAGES(code).label) for code in survey.languages]


def _question_form_page(request: HttpRequest, survey: Survey, question=None) -> HttpResponse:
    if not survey.is_draft:
        messages.error(request, _("Only a draft survey can be changed."))
        return redirect("surveys:detail", pk=survey.pk)
    if request.method == "POST":
        form = QuestionForm(request.POST, survey=survey, question=question)
    elif question is None:
        position = max((q.position for q in survey.questions.all()), default=0) + 1
        form = QuestionForm(survey=survey, initial={"position": position, "kind": "scale",
                                                    "required": False})
    else:
        form = QuestionForm(survey=survey, question=question)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.question_save(survey=survey, actor=request.user, question=question,
                                       **form.service_kwargs())
            except ValidationError as error:
                add_service_error(form, error, {"text": "text_da"})
            else:
                messages.success(request, _("The question was saved."))
                return redirect("surveys:detail", pk=survey.pk)
        status = 400
    return render(request, "surveys/question_form.html",
                  {"form": form, "survey": survey, "question": question}, status=status)


@permission_required(MANAGE)
def question_create(request: HttpRequest, pk: int) -> HttpResponse:
    return _question_form_page(request, _survey(request, pk))


@permission_required(MANAGE)
def question_edit(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    question = selectors.question_for(viewer=request.user, survey=survey, pk=question_pk)
    return _question_form_page(request, survey, question)


@require_POST
@permission_required(MANAGE)
def question_delete(request: HttpRequest, pk: int, question_pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    question = selectors.question_for(viewer=request.user, survey=survey, pk=question_pk)
    try:
        services.question_delete(question=question, actor=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("The question was removed."))
    return redirect("surveys:detail", pk=survey.pk)


def _chosen_language(request: HttpRequest, survey: Survey) -> str:
    language = request.GET.get("lang") or request.POST.get("lang") or DANISH
    return language if language in survey.languages else DANISH


@require_GET
@permission_required(MANAGE)
def survey_preview(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    language = _chosen_language(request, survey)
    group = request.GET.get("group") if request.GET.get("group") in Group.values \
        else Group.CITIZENS
    questions = [q for q in survey.questions.all() if q.shown_to(group)]
    return render(request, "surveys/preview.html", {
        "survey": survey, "language": language, "dir": direction(language), "group": group,
        "groups": Group.choices, "words": texts_for(language),
        "form": RespondForm(questions=questions, language=language),
        "languages": [(code, language_name(code)) for code in survey.languages],
        "missing": services.missing_translations(survey),
    })


@require_POST
@permission_required(MANAGE)
def survey_open(request: HttpRequest, pk: int) -> HttpResponse:
    return _status_change(request, pk, services.survey_open, _("The survey is open."))


@require_POST
@permission_required(MANAGE)
def survey_close(request: HttpRequest, pk: int) -> HttpResponse:
    return _status_change(request, pk, services.survey_close, _("The survey is closed."))


def _status_change(request: HttpRequest, pk: int, service, done: str) -> HttpResponse:
    survey = _survey(request, pk)
    try:
        service(survey=survey, actor=request.user)
    except ValidationError as error:
        for text in error.messages:
            messages.error(request, text)
    else:
        messages.success(request, done)
    return redirect("surveys:detail", pk=survey.pk)


# Sending


@permission_required(MANAGE)
def survey_send(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    overview = selectors.send_overview(survey=survey, today=timezone.localdate())
    available = [(row.group, row.label) for row in overview if row.dispatch is None]
    form = SendForm(request.POST or None, available=available)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.survey_send(survey=survey, groups=form.cleaned_data["groups"],
                                     actor=request.user)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The e-mails are being sent."))
                return redirect("surveys:detail", pk=survey.pk)
        status = 400
    return render(request, "surveys/send.html", {
        "survey": survey, "overview": overview, "form": form,
        "slips_form": SlipsForm(survey=survey), "can_send": bool(available),
    }, status=status)


@permission_required(MANAGE)
def survey_slips(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    form = SlipsForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        try:
            tokens = services.paper_slips_create(survey=survey, actor=request.user,
                                                 count=form.cleaned_data["count"])
        except ValidationError as error:
            add_service_error(form, error)
        else:
            link_base = services.respondent_start_url()
            pdf = render_slips_pdf(survey=survey, tokens=tokens,
                                   language=form.cleaned_data["language"], link_base=link_base)
            response = HttpResponse(pdf, content_type="application/pdf")
            response["Content-Disposition"] = (
                f'attachment; filename="survey-{survey.pk}-invitations.pdf"')
            response["Cache-Control"] = "private, no-store"
            return response
    return render(request, "surveys/slips.html", {"survey": survey, "form": form},
                  status=400 if request.method == "POST" else 200)


# Results


def _results(request: HttpRequest, survey: Survey):
    form = ResultsFilterForm(request.GET or None)
    group = form.cleaned_data.get("group", "") if form.is_valid() else ""
    return form, group, selectors.survey_results(survey=survey, group=group)


@require_GET
@permission_required(MANAGE)
def survey_results(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    form, group, results = _results(request, survey)
    services.results_view_record(survey=survey, actor=request.user)
    rows = [(result, question_chart(result)) for result in results.questions]
    return render(request, "surveys/results.html", {
        "survey": survey, "form": form, "group": group, "results": results, "rows": rows,
        "query": request.GET.urlencode(),
    })


@require_GET
@permission_required(MANAGE)
def results_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    survey = _survey(request, pk)
    _form, group, results = _results(request, survey)
    services.results_export_record(survey=survey, actor=request.user, kind="pdf")
    language = "en" if request.LANGUAGE_CODE == "en" else DANISH
    group_label = str(Group(group).label) if group else _("All groups")
    pdf = render_results_pdf(results=results, language=language, group_label=group_label)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}-results.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


def _cell(value) -> str:
    text = "" if value is None else str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_STARTS):
        return "'" + text
    return text.replace(".", ",") if not isinstance(value, str) else text


@require_GET
@permission_required(MANAGE)
def results_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """One value a line (question; kind; key; value): counts per choice, the average, and
    each free text. UTF-8 with BOM and `;` for Danish Excel, like the reports' CSV."""
    survey = _survey(request, pk)
    _form, group, results = _results(request, survey)
    services.results_export_record(survey=survey, actor=request.user, kind="csv")
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(["group", "position", "question", "kind", "key", "value"])
    scope = group or "all"
    writer.writerow([scope, "", "", "responses", "count", results.responses])
    for result in results.questions:
        question = result.question
        head = [scope, question.position, _cell(question.text_in(DANISH)), question.kind]
        if result.is_scale:
            for value in SCALE_VALUES:
                writer.writerow([*head, str(value), result.counts[value]])
            writer.writerow([*head, "average", _cell(result.average)])
        elif result.is_yes_no:
            writer.writerow([*head, "yes", result.counts[YES]])
            writer.writerow([*head, "no", result.counts[NO]])
        else:
            for text in result.texts:
                writer.writerow([*head, "text", _cell(text)])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="survey-{survey.pk}-results.csv"'
    response["Cache-Control"] = "private, no-store"
    return response


# The respondent's pages: public, no login, no session needed.


def _respondent_page(request: HttpRequest, template: str, *, language: str, status: int = 200,
                     **context) -> HttpResponse:
    survey = context.get("survey")
    if survey is not None:
        context.update(title=survey.title_in(language), intro=survey.intro_in(language))
    return render(request, template, {
        "language": language, "dir": direction(language), "words": texts_for(language),
        **context}, status=status)


@never_cache
def respond_start(request: HttpRequest) -> HttpResponse:
    """Type the code from a paper slip."""
    language = _respondent_language(request.GET.get("lang"))
    form = CodeForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            token = normalise(form.cleaned_data["code"])
            if selectors.invitation_by_token(token) is not None:
                return redirect("surveys:respond", token=token)
        form.add_error("code", texts_for(language)["code_unknown"])
        status = 400
    return _respondent_page(request, "surveys/respond_start.html", language=language,
                            form=form, status=status)


@never_cache
def respond(request: HttpRequest, token: str) -> HttpResponse:
    invitation = selectors.invitation_by_token(token)
    if invitation is None:
        raise Http404
    survey = invitation.survey
    language = _chosen_language(request, survey)
    context = {"survey": survey, "municipality": survey.municipality,
               "languages": [(code, language_name(code)) for code in survey.languages]}
    today = timezone.localdate()
    words = texts_for(language)
    if invitation.used_at is not None:
        return _respondent_page(request, "surveys/respond_message.html", language=language,
                                status=409, heading=words["used_title"], body=words["used_body"],
                                **context)
    if not survey.accepts_answers_on(today):
        return _not_open(request, survey, language, today, context)
    questions = selectors.questions_for_group(survey, invitation.group)
    form = RespondForm(request.POST or None, questions=questions, language=language)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.response_submit(token=token, language=language,
                                         answers=form.answers(), today=today)
            except services.InvitationAlreadyUsed:
                return _respondent_page(request, "surveys/respond_message.html",
                                        language=language, status=409,
                                        heading=words["used_title"], body=words["used_body"],
                                        **context)
            except services.SurveyNotOpen:
                return _not_open(request, survey, language, today, context)
            except ValidationError:
                form.add_error(None, words["invalid"])
            else:
                return redirect(f"{reverse('surveys:thanks')}?lang={language}")
        status = 400
    return _respondent_page(request, "surveys/respond.html", language=language, status=status,
                            form=form, token=token, **context)


def _not_open(request, survey: Survey, language: str, today, context) -> HttpResponse:
    words = texts_for(language)
    if survey.status == SurveyStatus.DRAFT or today < survey.opens_on:
        body = words["not_yet_body"].format(date=date_format(survey.opens_on, "SHORT_DATE_FORMAT"))
        return _respondent_page(request, "surveys/respond_message.html", language=language,
                                status=403, heading=words["not_yet_title"], body=body,
                                **context)
    return _respondent_page(request, "surveys/respond_message.html", language=language,
                            status=410, heading=words["closed_title"],
                            body=words["closed_body"], **context)


@require_GET
def respond_thanks(request: HttpRequest) -> HttpResponse:
    language = _respondent_language(request.GET.get("lang"))
    words = texts_for(language)
    return _respondent_page(request, "surveys/respond_message.html", language=language,
                            heading=words["thanks_title"], body=words["thanks_body"])


def _respondent_language(language: str | None) -> str:
    return language if language in TEXTS else DANISH
