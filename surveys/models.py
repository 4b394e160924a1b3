"""The municipality's yearly evaluation survey ("Det vil vi gerne måles på", seed 000; the
cooperation agreement's yearly evaluation, seed 003).

Anonymity is built into the tables, not promised by a filter:

- an `Invitation` is a single-use link and nothing else: it never stores who it was for (no
  person, no user, no e-mail address), and its token is kept only as a hash;
- a `Response` never points at its invitation, a person or a case: it holds the survey, the
  group, the language and the day it was submitted — so no one can link an answer to a case.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet
from integration_portal.letters.languages import LetterLanguage

# Danish is always offered; the others are the letter languages (the same codes: Dari "prs",
# Farsi "fa").
SURVEY_LANGUAGES = LetterLanguage
DANISH = "da"

SCALE_VALUES = (1, 2, 3, 4, 5)
YES, NO = 1, 0


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Group(models.TextChoices):
    CITIZENS = "citizens", _("Citizens")
    VOLUNTEERS = "volunteers", _("Volunteers")
    EMPLOYERS = "employers", _("Employers")
    ASSOCIATIONS = "associations", _("Associations")


class QuestionKind(models.TextChoices):
    SCALE = "scale", _("Scale from 1 to 5")
    YES_NO = "yes_no", _("Yes or no")
    TEXT = "text", _("Free text")


class Channel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PAPER = "paper", _("Paper slip")


class SurveyQuerySet(MunicipalityQuerySet):
    pass


class Survey(models.Model):
    """A questionnaire a manager builds, opens, sends to groups and closes.

    `title` and `intro` are {language: text}; Danish ("da") is always there.
    """

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.JSONField(_("title"), default=dict)
    intro = models.JSONField(_("introduction"), default=dict, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    languages = models.JSONField(_("languages offered"), default=list)
    opens_on = models.DateField(_("opens on"))
    closes_on = models.DateField(_("closes on"))
    status = models.CharField(_("status"), max_length=10, choices=SurveyStatus.choices,
                              default=SurveyStatus.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("evaluation survey")
        verbose_name_plural = _("evaluation surveys")
        ordering = ["-year", "-pk"]
        constraints = [
            models.CheckConstraint(condition=models.Q(closes_on__gte=models.F("opens_on")),
                                   name="surveys_survey_closes_after_opening"),
        ]

    def __str__(self) -> str:
        return self.title_in(DANISH)

    def title_in(self, language: str) -> str:
        return self.title.get(language) or self.title.get(DANISH, "")

    def intro_in(self, language: str) -> str:
        return self.intro.get(language) or self.intro.get(DANISH, "")

    def accepts_answers_on(self, day: datetime.date) -> bool:
        return self.status == SurveyStatus.OPEN and self.opens_on <= day <= self.closes_on

    @property
    def is_draft(self) -> bool:
        return self.status == SurveyStatus.DRAFT


class QuestionQuerySet(MunicipalityQuerySet):
    municipality_path = "survey__municipality"


class Question(models.Model):
    """One question. `text`, `low_label` and `high_label` are {language: text}; `groups` lists
    the groups it is shown to (empty: every group)."""

    survey = models.ForeignKey(Survey, verbose_name=_("survey"), on_delete=models.CASCADE,
                               related_name="questions")
    position = models.PositiveSmallIntegerField(_("position"), default=1)
    kind = models.CharField(_("kind"), max_length=10, choices=QuestionKind.choices,
                            default=QuestionKind.SCALE)
    text = models.JSONField(_("question"), default=dict)
    low_label = models.JSONField(_("label at 1"), default=dict, blank=True)
    high_label = models.JSONField(_("label at 5"), default=dict, blank=True)
    required = models.BooleanField(_("an answer is required"), default=False)
    groups = models.JSONField(_("shown to"), default=list, blank=True)

    objects = QuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["survey", "position", "pk"]

    def __str__(self) -> str:
        return self.text_in(DANISH)

    def text_in(self, language: str) -> str:
        return self.text.get(language) or self.text.get(DANISH, "")

    def shown_to(self, group: str) -> bool:
        return not self.groups or group in self.groups


class InvitationQuerySet(MunicipalityQuerySet):
    municipality_path = "survey__municipality"


class Invitation(models.Model):
    """A single-use link to answer a survey as one of its groups.

    Anonymous by construction: no person, user or e-mail address is stored, only the group
    and a hash of the token (the token itself exists only in the e-mail or on the paper
    slip). `used_at` is kept to the day. A response does not point back here.
    """

    survey = models.ForeignKey(Survey, verbose_name=_("survey"), on_delete=models.CASCADE,
                               related_name="invitations")
    group = models.CharField(_("group"), max_length=20, choices=Group.choices)
    token_hash = models.CharField(_("token (hash)"), max_length=64, unique=True,
                                  editable=False)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        indexes = [models.Index(fields=["survey", "group"])]

    def __str__(self) -> str:
        return f"{self.survey_id}:{self.group}:{self.pk}"


class DispatchQuerySet(MunicipalityQuerySet):
    municipality_path = "survey__municipality"


class Dispatch(models.Model):
    """The sending of a survey's e-mails to one group: one row per survey and group, claimed
    by the task with a conditional UPDATE, so that running it twice sends nothing twice."""

    survey = models.ForeignKey(Survey, verbose_name=_("survey"), on_delete=models.CASCADE,
                               related_name="dispatches")
    group = models.CharField(_("group"), max_length=20, choices=Group.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("requested by"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    claimed_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    sent_count = models.PositiveIntegerField(_("e-mails sent"), default=0)
    failed_count = models.PositiveIntegerField(_("e-mails failed"), default=0)

    objects = DispatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("survey dispatch")
        verbose_name_plural = _("survey dispatches")
        constraints = [
            models.UniqueConstraint(fields=["survey", "group"],
                                    name="surveys_dispatch_one_per_group"),
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}:{self.group}"


class ResponseQuerySet(MunicipalityQuerySet):
    municipality_path = "survey__municipality"


class Response(models.Model):
    """One respondent's answers. Deliberately holds no link to an invitation, person, user or
    case — only the survey, the group, the language and the day — so no one can link an
    answer to a case."""

    survey = models.ForeignKey(Survey, verbose_name=_("survey"), on_delete=models.CASCADE,
                               related_name="responses")
    group = models.CharField(_("group"), max_length=20, choices=Group.choices)
    language = models.CharField(_("language"), max_length=5, choices=SURVEY_LANGUAGES.choices)
    submitted_on = models.DateField(_("submitted on"))

    objects = ResponseQuerySet.as_manager()

    class Meta:
        verbose_name = _("response")
        verbose_name_plural = _("responses")
        indexes = [models.Index(fields=["survey", "group"])]

    def __str__(self) -> str:
        return f"{self.survey_id}:{self.group}:{self.pk}"


class AnswerQuerySet(MunicipalityQuerySet):
    municipality_path = "response__survey__municipality"


class Answer(models.Model):
    """One answer: `value` 1–5 for a scale, 1/0 for yes/no; `text` for free text (which may
    hold anything a respondent typed: shown to managers only)."""

    response = models.ForeignKey(Response, verbose_name=_("response"), on_delete=models.CASCADE,
                                 related_name="answers")
    question = models.ForeignKey(Question, verbose_name=_("question"), on_delete=models.CASCADE,
                                 related_name="answers")
    value = models.PositiveSmallIntegerField(_("value"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)

    objects = AnswerQuerySet.as_manager()

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"],
                                    name="surveys_answer_one_per_question"),
        ]

    def __str__(self) -> str:
        return f"{self.response_id}:{self.question_id}"
