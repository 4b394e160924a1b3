"""The only writers of surveys: building, opening, sending, paper slips, answering, exports.

Managers' writes are guarded by `require(... MANAGE_MUNICIPALITY)` and audit-logged. The
respondent's write (`response_submit`) is anonymous and is not audit-logged on purpose: an
audit row would name the time of an answer next to nothing else, and there is no actor.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from integration_portal.accounts.permissions import Perm, require
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record, changed_field_names
from integration_portal.core.queue import enqueue_on_commit
from surveys.models import (
    DANISH,
    NO,
    SCALE_VALUES,
    SURVEY_LANGUAGES,
    YES,
    Answer,
    Channel,
    Dispatch,
    Group,
    Invitation,
    Question,
    QuestionKind,
    Response,
    Survey,
    SurveyStatus,
)
from surveys.tokens import new_token, token_hash

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User

logger = logging.getLogger(__name__)

MAX_PAPER_SLIPS = 500
MAX_TEXT_ANSWER = 4000
SMTP_TIMEOUT_SECONDS = 20


class InvitationAlreadyUsed(Exception):
    """The link was used before: its answers were received; nothing changes."""


class SurveyNotOpen(Exception):
    """The survey does not take answers today. `reason` is "not_yet" or "closed"."""

    def __init__(self, reason: str, opens_on: datetime.date | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.opens_on = opens_on


def _guard(actor: User, municipality_id: int) -> None:
    require(actor, Perm.MANAGE_MUNICIPALITY, municipality_id=municipality_id)


def _draft_only(survey: Survey) -> None:
    if not survey.is_draft:
        raise ValidationError(_("Only a draft survey can be changed: answers may already "
                                "have been given to its questions."))


def _clean_languages(languages: Sequence[str]) -> list[str]:
    known = set(SURVEY_LANGUAGES.values)
    chosen = [language for language in languages if language in known and language != DANISH]
    return [DANISH, *sorted(set(chosen), key=list(SURVEY_LANGUAGES.values).index)]


def _clean_texts(texts: Mapping[str, str], languages: Sequence[str]) -> dict[str, str]:
    return {language: (texts.get(language) or "").strip() for language in languages
            if (texts.get(language) or "").strip()}


def _validate_survey(*, title: Mapping[str, str], languages: Sequence[str],
                     opens_on: datetime.date, closes_on: datetime.date, year: int) -> None:
    errors: dict[str, list[str]] = {}
    missing = [language for language in languages if not title.get(language)]
    if missing:
        names = ", ".join(str(SURVEY_LANGUAGES(language).label) for language in missing)
        errors["title"] = [_("Give the title in every language offered (missing: %(names)s).")
                           % {"names": names}]
    if closes_on < opens_on:
        errors["closes_on"] = [_("The survey must close on or after the day it opens.")]
    if not 2000 <= year <= 2100:
        errors["year"] = [_("Give a year between 2000 and 2100.")]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def survey_create(*, municipality: Municipality, actor: User, title: Mapping[str, str],
                  intro: Mapping[str, str], year: int, languages: Sequence[str],
                  opens_on: datetime.date, closes_on: datetime.date) -> Survey:
    _guard(actor, municipality.pk)
    languages = _clean_languages(languages)
    title = _clean_texts(title, languages)
    _validate_survey(title=title, languages=languages, opens_on=opens_on, closes_on=closes_on,
                     year=year)
    survey = Survey(municipality=municipality, created_by=actor, title=title,
                    intro=_clean_texts(intro, languages), year=year, languages=languages,
                    opens_on=opens_on, closes_on=closes_on)
    survey.full_clean()
    survey.save()
    audit_record(actor=actor, municipality=municipality, action=AuditAction.CREATE, obj=survey,
                 summary=survey.title_in(DANISH))
    return survey


@transaction.atomic
def survey_update(*, survey: Survey, actor: User, title: Mapping[str, str],
                  intro: Mapping[str, str], year: int, languages: Sequence[str],
                  opens_on: datetime.date, closes_on: datetime.date) -> Survey:
    _guard(actor, survey.municipality_id)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    _draft_only(survey)
    languages = _clean_languages(languages)
    title = _clean_texts(title, languages)
    _validate_survey(title=title, languages=languages, opens_on=opens_on, closes_on=closes_on,
                     year=year)
    before = {name: getattr(survey, name) for name in
              ("title", "intro", "year", "languages", "opens_on", "closes_on")}
    survey.title, survey.intro, survey.year = title, _clean_texts(intro, languages), year
    survey.languages, survey.opens_on, survey.closes_on = languages, opens_on, closes_on
    survey.full_clean()
    survey.save()
    after = {name: getattr(survey, name) for name in before}
    audit_record(actor=actor, municipality=survey.municipality, action=AuditAction.UPDATE,
                 obj=survey, changed_fields=changed_field_names(before, after))
    return survey


@transaction.atomic
def question_save(*, survey: Survey, actor: User, question: Question | None = None,
                  position: int, kind: str, text: Mapping[str, str],
                  low_label: Mapping[str, str] | None = None,
                  high_label: Mapping[str, str] | None = None, required: bool = False,
                  groups: Sequence[str] = ()) -> Question:
    """Add a question to a draft survey, or change one. Danish text is required; missing
    translations are listed on the preview and stop the survey from opening."""
    _guard(actor, survey.municipality_id)
    _draft_only(survey)
    languages = survey.languages or [DANISH]
    text = _clean_texts(text, languages)
    if not text.get(DANISH):
        raise ValidationError({"text": [_("Write the question in Danish.")]})
    if kind not in QuestionKind.values:
        raise ValidationError({"kind": [_("Choose the kind of question.")]})
    unknown = set(groups) - set(Group.values)
    if unknown:
        raise ValidationError({"groups": [_("Choose among the groups offered.")]})
    scale = kind == QuestionKind.SCALE
    if question is None:
        question = Question(survey=survey)
        action = AuditAction.CREATE
    else:
        if question.survey_id != survey.pk:
            raise ValidationError(_("The question belongs to another survey."))
        action = AuditAction.UPDATE
    question.position, question.kind, question.text = position, kind, text
    question.low_label = _clean_texts(low_label or {}, languages) if scale else {}
    question.high_label = _clean_texts(high_label or {}, languages) if scale else {}
    question.required = required
    question.groups = [group for group in Group.values if group in groups]
    question.full_clean()
    question.save()
    audit_record(actor=actor, municipality=survey.municipality, action=action, obj=question,
                 trail=f"surveys.survey:{survey.pk}")
    return question


@transaction.atomic
def question_delete(*, question: Question, actor: User) -> None:
    survey = question.survey
    _guard(actor, survey.municipality_id)
    _draft_only(survey)
    audit_record(actor=actor, municipality=survey.municipality, action=AuditAction.DELETE,
                 obj=question, trail=f"surveys.survey:{survey.pk}")
    question.delete()


def missing_translations(survey: Survey) -> list[tuple[Question, list[str]]]:
    """The questions that lack a text in one of the survey's languages."""
    return [(question, missing) for question in survey.questions.all()
            if (missing := [lang for lang in survey.languages if not question.text.get(lang)])]


@transaction.atomic
def survey_open(*, survey: Survey, actor: User) -> Survey:
    _guard(actor, survey.municipality_id)
    survey = Survey.objects.select_for_update().select_related("municipality").get(pk=survey.pk)
    if survey.status != SurveyStatus.DRAFT:
        raise ValidationError(_("Only a draft survey can be opened."))
    if not survey.questions.exists():
        raise ValidationError(_("Add at least one question before opening the survey."))
    missing = missing_translations(survey)
    if missing:
        raise ValidationError(
            _("Translate every question into every language offered first (%(count)d "
              "question(s) lack a translation; see the preview).") % {"count": len(missing)})
    survey.status = SurveyStatus.OPEN
    survey.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, municipality=survey.municipality, action=AuditAction.UPDATE,
                 obj=survey, summary="opened", changed_fields=["status"])
    return survey


@transaction.atomic
def survey_close(*, survey: Survey, actor: User) -> Survey:
    _guard(actor, survey.municipality_id)
    survey = Survey.objects.select_for_update().select_related("municipality").get(pk=survey.pk)
    if survey.status != SurveyStatus.OPEN:
        raise ValidationError(_("Only an open survey can be closed."))
    survey.status = SurveyStatus.CLOSED
    survey.save(update_fields=["status", "updated_at"])
    audit_record(actor=actor, municipality=survey.municipality, action=AuditAction.UPDATE,
                 obj=survey, summary="closed", changed_fields=["status"])
    return survey


# Sending


@transaction.atomic
def survey_send(*, survey: Survey, groups: Sequence[str], actor: User) -> list[Dispatch]:
    """Ask for the e-mails to `groups`: one dispatch row per group (a group is sent to once),
    and the task is enqueued when this commits. The tokens are made by the task, at the
    moment each e-mail is written, so no token is ever stored in the clear (not even in the
    outbox)."""
    _guard(actor, survey.municipality_id)
    survey = Survey.objects.select_for_update().select_related("municipality").get(pk=survey.pk)
    if survey.status != SurveyStatus.OPEN:
        raise ValidationError(_("Open the survey before sending it."))
    if not groups:
        raise ValidationError({"groups": [_("Choose at least one group.")]})
    from surveys.tasks import survey_dispatch_task  # the tasks module imports this one

    already = set(Dispatch.objects.filter(survey=survey).values_list("group", flat=True))
    if already & set(groups):
        raise ValidationError({"groups": [_("The survey was sent to that group already.")]})
    dispatches = []
    for group in Group.values:
        if group not in groups:
            continue
        dispatch = Dispatch.objects.create(survey=survey, group=group, requested_by=actor)
        audit_record(actor=actor, municipality=survey.municipality, action=AuditAction.CREATE,
                     obj=dispatch, trail=f"surveys.survey:{survey.pk}",
                     summary=f"send to {group}")
        enqueue_on_commit(survey_dispatch_task, dispatch.pk)
        dispatches.append(dispatch)
    return dispatches


def survey_dispatch_run(*, dispatch_id: int, today: datetime.date | None = None) -> int:
    """Send one group's e-mails: one new single-use link per address. Returns how many went.

    Not atomic on purpose: the claim (a conditional UPDATE … WHERE claimed_at IS NULL) is
    committed before the first e-mail, so a second run of the task finds nothing to claim and
    sends nothing. A run that dies half-way leaves the rest unsent rather than risk sending
    anyone two links.
    """
    from surveys.selectors import recipient_emails

    claimed = Dispatch.objects.filter(pk=dispatch_id, claimed_at__isnull=True).update(
        claimed_at=timezone.now())
    if not claimed:
        return 0
    dispatch = Dispatch.objects.select_related("survey__municipality").get(pk=dispatch_id)
    survey = dispatch.survey
    emails = recipient_emails(municipality_id=survey.municipality_id, group=dispatch.group,
                              today=today or timezone.localdate())
    sent = failed = 0
    connection = get_connection(timeout=settings.EMAIL_TIMEOUT or SMTP_TIMEOUT_SECONDS)
    try:
        for email in emails:
            token = new_token()
            invitation = Invitation.objects.create(
                survey=survey, group=dispatch.group, token_hash=token_hash(token),
                channel=Channel.EMAIL)
            try:
                _invitation_email(survey=survey, token=token, to=email,
                                  connection=connection).send()
            except OSError as error:  # smtplib's errors are OSErrors
                logger.warning("Survey %s e-mail failed: %r", survey.pk, error)
                invitation.delete()  # never reached anyone: not counted as invited
                failed += 1
                continue
            Invitation.objects.filter(pk=invitation.pk).update(sent_at=timezone.now())
            sent += 1
    finally:
        connection.close()
    Dispatch.objects.filter(pk=dispatch_id).update(
        finished_at=timezone.now(), sent_count=sent, failed_count=failed)
    return sent


def respondent_url(token: str) -> str:
    base = settings.PORTAL_BASE_URL.rstrip("/")
    return f"{base}{reverse('surveys:respond', kwargs={'token': token})}"


def respondent_start_url() -> str:
    """The page where a code from a paper slip is typed; a slip's own link is this + code."""
    return f"{settings.PORTAL_BASE_URL.rstrip('/')}{reverse('surveys:respond_start')}"


def _invitation_email(*, survey: Survey, token: str, to: str, connection: Any) -> EmailMessage:
    from surveys.tokens import grouped

    context = {"survey": survey, "link": respondent_url(token), "code": grouped(token),
               "title_da": survey.title_in(DANISH), "title_en": survey.title_in("en"),
               "municipality": survey.municipality.name}
    subject = render_to_string("surveys/email/invitation_subject.txt", context)
    body = render_to_string("surveys/email/invitation_body.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[to],
                        connection=connection)


@transaction.atomic
def paper_slips_create(*, survey: Survey, actor: User, count: int,
                       group: str = Group.CITIZENS) -> list[str]:
    """`count` new single-use codes for paper slips; returns the tokens, which exist only in
    the PDF printed from them."""
    _guard(actor, survey.municipality_id)
    if survey.status != SurveyStatus.OPEN:
        raise ValidationError(_("Open the survey before printing invitations."))
    if not 1 <= count <= MAX_PAPER_SLIPS:
        raise ValidationError({"count": [_("Print between 1 and %(max)d slips at a time.")
                                         % {"max": MAX_PAPER_SLIPS}]})
    tokens = [new_token() for _ in range(count)]
    now = timezone.now()
    Invitation.objects.bulk_create([
        Invitation(survey=survey, group=group, token_hash=token_hash(token),
                   channel=Channel.PAPER, sent_at=now) for token in tokens])
    audit_record(actor=actor, municipality=survey.municipality, action=AuditAction.EXPORT,
                 obj=survey, summary=f"{count} paper invitations ({group})")
    return tokens


# Answering


def clean_answers(questions: Sequence[Question], data: Mapping[int, Any]) -> dict[int, Any]:
    """The answers to keep, by question id: ints for scales and yes/no, text for free text;
    unanswered optional questions are left out. The form has checked the values already;
    this is the service's own guard."""
    answers = {}
    errors = []
    for question in questions:
        value = data.get(question.pk)
        if value in (None, ""):
            if question.required:
                errors.append(question.pk)
            continue
        if question.kind == QuestionKind.TEXT:
            answers[question.pk] = str(value)[:MAX_TEXT_ANSWER]
            continue
        allowed = SCALE_VALUES if question.kind == QuestionKind.SCALE else (YES, NO)
        if int(value) not in allowed:
            errors.append(question.pk)
            continue
        answers[question.pk] = int(value)
    if errors:
        raise ValidationError(_("Some answers are missing or not valid."))
    return answers


@transaction.atomic
def response_submit(*, token: str, language: str, answers: Mapping[int, Any],
                    today: datetime.date | None = None) -> Response:
    """Record one respondent's answers and spend the link, all or nothing.

    The link is spent with a conditional UPDATE (… WHERE used_at IS NULL): of two submits at
    once only one changes the row, and the other is told the link was used. The response
    keeps no link to the invitation.
    """
    from surveys.selectors import invitation_by_token, questions_for_group

    today = today or timezone.localdate()
    invitation = invitation_by_token(token)
    if invitation is None:
        raise Invitation.DoesNotExist
    survey = invitation.survey
    if not survey.accepts_answers_on(today):
        reason = "not_yet" if (survey.status == SurveyStatus.DRAFT or today < survey.opens_on) \
            else "closed"
        raise SurveyNotOpen(reason, opens_on=survey.opens_on)
    if language not in survey.languages:
        language = DANISH
    questions = questions_for_group(survey, invitation.group)
    kept = clean_answers(questions, answers)
    # To the day only: the time of a use is not kept next to anything.
    day_start = timezone.make_aware(datetime.datetime.combine(today, datetime.time()))
    spent = Invitation.objects.filter(pk=invitation.pk, used_at__isnull=True).update(
        used_at=day_start)
    if not spent:
        raise InvitationAlreadyUsed
    response = Response.objects.create(survey=survey, group=invitation.group,
                                       language=language, submitted_on=today)
    by_pk = {question.pk: question for question in questions}
    Answer.objects.bulk_create([
        Answer(response=response, question=by_pk[pk],
               value=None if isinstance(value, str) else value,
               text=value if isinstance(value, str) else "")
        for pk, value in kept.items()
    ])
    return response


def results_export_record(*, survey: Survey, actor: User, kind: str) -> None:
    """Audit-log an export of the results (PDF or CSV): they may hold free texts."""
    _guard(actor, survey.municipality_id)
    audit_record(actor=actor, municipality=survey.municipality, action=AuditAction.EXPORT,
                 obj=survey, summary=f"results {kind}")


def results_view_record(*, survey: Survey, actor: User) -> None:
    audit_record(actor=actor, municipality=survey.municipality, action=AuditAction.VIEW,
                 obj=survey, summary="results")
