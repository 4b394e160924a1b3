"""Reads of surveys, scoped to the viewer's municipality; and the public respondent's lookup
by token (the token is the only key a respondent has)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch, QuerySet

from integration_portal.core.scoping import get_visible_or_404
from integration_portal.core.selectors import count_per_row
from surveys.models import (
    NO,
    SCALE_VALUES,
    YES,
    Answer,
    Dispatch,
    Group,
    Invitation,
    Question,
    QuestionKind,
    Response,
    Survey,
)
from surveys.tokens import token_hash

if TYPE_CHECKING:
    from integration_portal.accounts.models import User


def survey_list(*, viewer: User) -> QuerySet[Survey]:
    return Survey.objects.visible_to(viewer).annotate(
        question_count=count_per_row(Question.objects.all(), field="survey"),
        response_count=count_per_row(Response.objects.all(), field="survey"),
    ).order_by("-year", "-pk")


def survey_for(*, viewer: User, pk: int) -> Survey:
    return get_visible_or_404(
        Survey.objects.select_related("municipality").prefetch_related(
            Prefetch("questions", queryset=Question.objects.order_by("position", "pk"))),
        viewer, pk=pk)


def question_for(*, viewer: User, survey: Survey, pk: int) -> Question:
    return get_visible_or_404(Question.objects.filter(survey=survey), viewer, pk=pk)


def invitation_by_token(token: str) -> Invitation | None:
    """The invitation a respondent's code opens, with its survey; None for an unknown code."""
    return (Invitation.objects.select_related("survey__municipality")
            .filter(token_hash=token_hash(token)).first())


def questions_for_group(survey: Survey, group: str) -> list[Question]:
    return [question for question in survey.questions.order_by("position", "pk")
            if question.shown_to(group)]


# Sending


def recipient_emails(*, municipality_id: int, group: str, today: datetime.date) -> list[str]:
    """The addresses a group's e-mails go to, read through each app's selectors."""
    if group == Group.CITIZENS:
        from reception.selectors import survey_citizen_contacts

        return survey_citizen_contacts(municipality_id=municipality_id, adult_on=today)[0]
    if group == Group.VOLUNTEERS:
        from volunteers.selectors import active_volunteer_emails

        return active_volunteer_emails(municipality_id=municipality_id, on=today)
    if group == Group.EMPLOYERS:
        from employment.selectors.employers import employer_contact_emails

        return employer_contact_emails(municipality_id=municipality_id)
    if group == Group.ASSOCIATIONS:
        return association_emails(municipality_id=municipality_id)
    raise ValueError(f"Unknown group {group!r}")


def association_emails(*, municipality_id: int) -> list[str]:
    """The community app's associations (written alongside this one): read through
    `community.selectors.association_contact_emails`, or none while it does not exist."""
    try:
        from community.selectors import association_contact_emails
    except ImportError:
        return []
    return sorted({email.strip().lower()
                   for email in association_contact_emails(municipality=municipality_id)
                   if email})


@dataclass(frozen=True)
class GroupReach:
    group: str
    label: str
    emails: int
    without_email: int | None
    dispatch: Dispatch | None
    invitations: int


def send_overview(*, survey: Survey, today: datetime.date) -> list[GroupReach]:
    """Per group: how many would get an e-mail, how many (citizens) have none, and what was
    sent already."""
    from reception.selectors import survey_citizen_contacts

    municipality_id = survey.municipality_id
    citizen_emails, without = survey_citizen_contacts(municipality_id=municipality_id,
                                                      adult_on=today)
    dispatches = {d.group: d for d in Dispatch.objects.filter(survey=survey)}
    invited = dict(Invitation.objects.filter(survey=survey).order_by().values("group")
                   .annotate(n=Count("pk")).values_list("group", "n"))
    rows = []
    for group, label in Group.choices:
        if group == Group.CITIZENS:
            emails, missing = len(citizen_emails), without
        else:
            emails = len(recipient_emails(municipality_id=municipality_id, group=group,
                                          today=today))
            missing = None
        rows.append(GroupReach(group=group, label=label, emails=emails, without_email=missing,
                               dispatch=dispatches.get(group), invitations=invited.get(group, 0)))
    return rows


# Results


@dataclass
class QuestionResult:
    question: Question
    answered: int = 0
    counts: dict[int, int] = field(default_factory=dict)
    average: Decimal | None = None
    texts: list[str] = field(default_factory=list)

    @property
    def is_scale(self) -> bool:
        return self.question.kind == QuestionKind.SCALE

    @property
    def is_yes_no(self) -> bool:
        return self.question.kind == QuestionKind.YES_NO

    @property
    def is_text(self) -> bool:
        return self.question.kind == QuestionKind.TEXT


@dataclass(frozen=True)
class GroupRate:
    group: str
    label: str
    invited: int
    responses: int

    @property
    def rate(self) -> Decimal | None:
        if not self.invited:
            return None
        return (Decimal(100) * self.responses / self.invited).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class SurveyResults:
    survey: Survey
    group: str
    responses: int
    rates: list[GroupRate]
    questions: list[QuestionResult]


def survey_results(*, survey: Survey, group: str = "") -> SurveyResults:
    """Every question's distribution, average and free texts, for one group or all; and the
    response rate per group. A fixed number of queries whatever the number of responses."""
    responses = Response.objects.filter(survey=survey)
    answers = Answer.objects.filter(response__survey=survey)
    if group:
        responses = responses.filter(group=group)
        answers = answers.filter(response__group=group)
    by_group = dict(Response.objects.filter(survey=survey).order_by().values("group")
                    .annotate(n=Count("pk")).values_list("group", "n"))
    invited = dict(Invitation.objects.filter(survey=survey).order_by().values("group")
                   .annotate(n=Count("pk")).values_list("group", "n"))
    rates = [GroupRate(group=code, label=label, invited=invited.get(code, 0),
                       responses=by_group.get(code, 0)) for code, label in Group.choices]
    results = {question.pk: QuestionResult(question=question)
               for question in survey.questions.order_by("position", "pk")}
    counted = (answers.filter(value__isnull=False).order_by().values("question", "value")
               .annotate(n=Count("pk")))
    for row in counted:
        result = results.get(row["question"])
        if result is not None:
            result.counts[row["value"]] = row["n"]
    for row in (answers.exclude(text="").order_by("question", "pk")
                .values_list("question", "text")):
        results[row[0]].texts.append(row[1])
    for result in results.values():
        if result.is_scale:
            result.counts = {value: result.counts.get(value, 0) for value in SCALE_VALUES}
            result.answered = sum(result.counts.values())
            if result.answered:
                total = sum(value * n for value, n in result.counts.items())
                result.average = (Decimal(total) / result.answered).quantize(
                    Decimal("0.01"), rounding=ROUND_HALF_UP)
        elif result.is_yes_no:
            result.counts = {YES: result.counts.get(YES, 0), NO: result.counts.get(NO, 0)}
            result.answered = sum(result.counts.values())
        else:
            result.answered = len(result.texts)
    return SurveyResults(survey=survey, group=group, responses=responses.count(), rates=rates,
                         questions=list(results.values()))

