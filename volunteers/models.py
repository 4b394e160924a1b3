"""Volunteer organisations, their agreements with the municipality, volunteers and tasks.

A task holds only volunteer-safe data (kind, area, time, language). Its optional link to a
household is for staff: volunteer-facing reads never select it (see selectors.py).
"""

from __future__ import annotations

import datetime
import hashlib
import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet
from integration_portal.rules.calendar import add_months

# The agreement may be ended by either party with 1 month's notice (seed 003).
NOTICE_MONTHS = 1
# The agreement is evaluated once a year (seed 003).
EVALUATION_INTERVAL_MONTHS = 12


class CommitmentParty(models.TextChoices):
    ORGANISATION = "organisation", _("Organisation")
    MUNICIPALITY = "municipality", _("Municipality")


# Each side's commitments in the Frivillignet model agreement (seed 003, Lejre). Written
# out in Danish, as agreed; a new agreement starts from these and is edited from there.
DEFAULT_COMMITMENTS = (
    (CommitmentParty.ORGANISATION,
     "Alle frivillige underskriver en aftale med Frivillignet om, at det frivillige arbejde "
     "foregår inden for rammerne af Frivillignets frivilligpolitik."),
    (CommitmentParty.ORGANISATION, "Alle frivillige udfylder en børneattest."),
    (CommitmentParty.ORGANISATION,
     "De frivillige modtager kurser og organisatorisk støtte fra Frivillignet."),
    (CommitmentParty.ORGANISATION,
     "Bestræbe sig på at sikre, at der er et tilstrækkeligt antal frivillige til at "
     "gennemføre aktiviteterne."),
    (CommitmentParty.ORGANISATION,
     "Holde kontakt med de frivillige, støtte dem i deres aktiviteter og træde til i "
     "tilfælde af problemer."),
    (CommitmentParty.MUNICIPALITY,
     "Sikre at målgruppen er tilstrækkeligt informeret om aktivitetstilbuddene."),
    (CommitmentParty.MUNICIPALITY,
     "Stille lokaler til rådighed for aktiviteterne samt mulighed for at benytte lokaler til "
     "møder."),
    (CommitmentParty.MUNICIPALITY,
     "Holde løbende kontakt med frivilliggruppen, samarbejde med de enkelte frivillige og "
     "hjælpe til, at rammerne er de bedst mulige."),
    (CommitmentParty.MUNICIPALITY,
     "Holde frivilliggruppen orienteret om relevante begivenheder og andre praktiske "
     "forhold."),
    (CommitmentParty.MUNICIPALITY,
     "Kontakte foreningen, hvis der opstår problemer."),
)


def default_commitments() -> list[dict]:
    return [{"party": str(party), "text": text, "done": False}
            for party, text in DEFAULT_COMMITMENTS]


class Organisation(models.Model):
    """A volunteer association the municipality cooperates with."""

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="volunteer_organisations",
    )
    name = models.CharField(_("name"), max_length=200)
    parent_network = models.CharField(
        _("network"), max_length=200, blank=True,
        help_text=_("For example Dansk Flygtningehjælps Frivillignet."),
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer organisation")
        verbose_name_plural = _("volunteer organisations")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"],
                                    name="organisation_unique_name_per_municipality"),
        ]

    def __str__(self) -> str:
        return self.name


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ACTIVE = "active", _("Active")
    TERMINATING = "terminating", _("Notice given")
    ENDED = "ended", _("Ended")


class AgreementQuerySet(MunicipalityQuerySet):
    municipality_path = "organisation__municipality"


class CooperationAgreement(models.Model):
    """The written cooperation agreement (samarbejdsaftale) with one organisation."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT,
        related_name="agreements",
    )
    municipality_contacts = models.TextField(_("the municipality's contact persons"),
                                             blank=True)
    organisation_contacts = models.TextField(_("the organisation's contact persons"),
                                             blank=True)
    period_start = models.DateField(_("in force from"))
    period_end = models.DateField(
        _("agreed end"), null=True, blank=True,
        help_text=_("Leave empty for an agreement that runs until notice is given."),
    )
    signed_on = models.DateField(_("signed"), null=True, blank=True)
    commitments = models.JSONField(
        _("commitments"), default=default_commitments, blank=True,
        help_text=_('A list of {"party": "organisation"|"municipality", "text", "done"}.'),
    )
    evaluation_due_on = models.DateField(_("next yearly evaluation"), null=True, blank=True)
    last_evaluated_on = models.DateField(_("last evaluated"), null=True, blank=True)
    terminated_on = models.DateField(
        _("notice given (opsagt)"), null=True, blank=True,
        help_text=_("The agreement ends one month after notice is given."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("cooperation agreement (samarbejdsaftale)")
        verbose_name_plural = _("cooperation agreements (samarbejdsaftaler)")
        ordering = ["-period_start", "pk"]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.period_start})"

    def clean(self) -> None:
        super().clean()
        if self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The end is before the start.")})
        if self.terminated_on and self.terminated_on < self.period_start:
            raise ValidationError({"terminated_on": _("Notice is dated before the start.")})
        parties = set(CommitmentParty.values)
        if not isinstance(self.commitments, list) or not all(
            isinstance(c, dict) and c.get("party") in parties and isinstance(c.get("text"), str)
            and isinstance(c.get("done", False), bool)
            for c in self.commitments
        ):
            raise ValidationError({"commitments": _(
                "Each commitment needs a party (organisation or municipality), a text and "
                "whether it is done."
            )})

    @property
    def ends_on(self) -> datetime.date | None:
        """Notice date + 1 calendar month, or the agreed end, whichever comes first."""
        ends = [self.period_end] if self.period_end else []
        if self.terminated_on:
            ends.append(add_months(self.terminated_on, NOTICE_MONTHS))
        return min(ends) if ends else None

    def status_on(self, day: datetime.date) -> AgreementStatus:
        if self.signed_on is None:
            return AgreementStatus.DRAFT
        ends_on = self.ends_on
        if ends_on is not None and day >= ends_on:
            return AgreementStatus.ENDED
        if self.terminated_on is not None:
            return AgreementStatus.TERMINATING
        return AgreementStatus.ACTIVE

    @property
    def status(self) -> AgreementStatus:
        return self.status_on(timezone.localdate())


class VolunteerStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting approval")
    ACTIVE = "active", _("Active")
    PAUSED = "paused", _("Paused")
    ENDED = "ended", _("Ended")


class VolunteerProfileQuerySet(MunicipalityQuerySet):
    municipality_path = "user__municipality"


def new_calendar_token() -> str:
    return secrets.token_urlsafe(32)


class VolunteerProfile(models.Model):
    """What the municipality needs to know to give a volunteer a task.

    Of the child certificate (børneattest) only the date it was obtained and whether it gave
    no concerns are kept: it is criminal-record data (GDPR art. 10), so nothing else about
    it is ever stored here.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT,
        related_name="volunteer_profile", limit_choices_to={"is_volunteer": True},
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="volunteers",
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    areas = models.JSONField(_("areas (towns or postcodes)"), default=list, blank=True)
    availability = models.TextField(_("availability"), blank=True)
    skills = models.TextField(_("skills"), blank=True)
    agreement_signed_on = models.DateField(
        _("volunteer agreement signed (Frivillignet)"), null=True, blank=True,
    )
    boerneattest_obtained_on = models.DateField(
        _("child certificate (børneattest) obtained"), null=True, blank=True,
    )
    boerneattest_no_concerns = models.BooleanField(
        _("child certificate (børneattest) without concerns"), default=False,
    )
    courses = models.JSONField(_("courses"), default=list, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=VolunteerStatus.choices,
                              default=VolunteerStatus.PENDING)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("approved by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    # The secret in the URL of the volunteer's private calendar feed; a new one can be drawn.
    calendar_token = models.CharField(_("calendar feed key"), max_length=64, unique=True,
                                      default=new_calendar_token, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = VolunteerProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer profile")
        verbose_name_plural = _("volunteer profiles")
        ordering = ["user__full_name"]

    def __str__(self) -> str:
        return str(self.user)

    @property
    def boerneattest_renewal_due_on(self) -> datetime.date | None:
        """The day the child certificate stops being accepted, by the municipality's interval.

        The law sets no renewal interval (domain.md §5): each municipality configures its own.
        """
        if self.boerneattest_obtained_on is None:
            return None
        months = self.user.municipality.boerneattest_renewal_months
        return add_months(self.boerneattest_obtained_on, months)

    def clean(self) -> None:
        super().clean()
        if self.user_id is not None and not self.user.is_volunteer:
            raise ValidationError({"user": _("Only a volunteer user can have a volunteer "
                                             "profile.")})
        if self.boerneattest_no_concerns and self.boerneattest_obtained_on is None:
            raise ValidationError({"boerneattest_obtained_on": _(
                "Enter the date the child certificate was obtained."
            )})


class TaskKindQuerySet(MunicipalityQuerySet):
    def for_municipality(self, municipality) -> TaskKindQuerySet:
        """National defaults and the municipality's own kinds."""
        municipality_id = getattr(municipality, "pk", municipality)
        return self.filter(models.Q(municipality__isnull=True)
                           | models.Q(municipality_id=municipality_id))


class TaskKind(models.Model):
    """What sort of help a task asks for; national defaults plus a municipality's own."""

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
        help_text=_("Empty for a national default every municipality uses."),
    )
    code = models.SlugField(_("code"), max_length=40)
    label = models.CharField(_("label"), max_length=100)
    involves_children_default = models.BooleanField(
        _("usually involves children under 15"), default=False,
    )

    objects = TaskKindQuerySet.as_manager()

    class Meta:
        verbose_name = _("task kind")
        verbose_name_plural = _("task kinds")
        ordering = ["label"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "code"],
                                    name="task_kind_unique_code_per_municipality"),
            models.UniqueConstraint(fields=["code"], condition=models.Q(municipality=None),
                                    name="task_kind_unique_national_code"),
        ]

    def __str__(self) -> str:
        return self.label


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLAIMED = "claimed", _("Taken")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class TaskQuerySet(MunicipalityQuerySet):
    def open(self) -> TaskQuerySet:
        return self.filter(status=TaskStatus.OPEN)


class Task(models.Model):
    """A piece of practical help a volunteer can pick up, described without personal data."""

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="volunteer_tasks",
    )
    kind = models.ForeignKey(TaskKind, verbose_name=_("kind"), on_delete=models.PROTECT,
                             related_name="tasks")
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(
        _("description"), blank=True,
        help_text=_("No names, CPR numbers, phone numbers or e-mail addresses."),
    )
    area = models.CharField(_("area (town or postcode)"), max_length=100, blank=True)
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    languages = models.JSONField(_("languages"), default=list, blank=True)
    involves_children_under_15 = models.BooleanField(
        _("contact with children under 15"), default=False,
        help_text=_("Only volunteers with a child certificate (børneattest) can take it."),
    )
    estimated_hours = models.DecimalField(
        _("estimated hours"), max_digits=5, decimal_places=2, null=True, blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    status = models.CharField(_("status"), max_length=20, choices=TaskStatus.choices,
                              default=TaskStatus.OPEN, db_index=True)
    # Staff only: volunteer-facing reads never select this column.
    household = models.ForeignKey(
        "reception.Household", verbose_name=_("case"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="volunteer_tasks",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("taken by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="claimed_volunteer_tasks",
    )
    claimed_at = models.DateTimeField(_("taken"), null=True, blank=True)

    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer task")
        verbose_name_plural = _("volunteer tasks")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(name="task_ends_after_start",
                                   condition=models.Q(ends_at__gte=models.F("starts_at"))),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The task ends before it starts.")})


class HoursLogQuerySet(MunicipalityQuerySet):
    municipality_path = "task__municipality"


class HoursLog(models.Model):
    """Hours a volunteer spent on a task, entered by the volunteer."""

    task = models.ForeignKey(Task, verbose_name=_("task"), on_delete=models.PROTECT,
                             related_name="hours")
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("volunteer"), on_delete=models.PROTECT,
        related_name="+",
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"), max_digits=4, decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"),
                                      message=_("Enter more than 0 hours.")),
                    MaxValueValidator(Decimal("24"),
                                      message=_("One entry can be at most 24 hours."))],
    )
    note = models.CharField(_("note"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = HoursLogQuerySet.as_manager()

    class Meta:
        verbose_name = _("hours")
        verbose_name_plural = _("hours")
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(name="hours_log_between_0_and_24",
                                   condition=models.Q(hours__gt=0, hours__lte=24)),
        ]

    def __str__(self) -> str:
        return f"{self.date}: {self.hours}"


class TaskReportQuerySet(MunicipalityQuerySet):
    municipality_path = "task__municipality"


class TaskReport(models.Model):
    """The volunteer's short report when a task is done; the caseworker reads it on the case."""

    task = models.OneToOneField(Task, verbose_name=_("task"), on_delete=models.PROTECT,
                                related_name="report")
    text = models.TextField(_("report"))
    found_language_internship = models.BooleanField(
        _("found a language internship (sprogpraktik)"), default=False,
    )
    employer_name = models.CharField(_("employer"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = TaskReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("task report")
        verbose_name_plural = _("task reports")
        ordering = ["-created_at", "pk"]

    def __str__(self) -> str:
        return str(self.task)


class InvitationQuerySet(MunicipalityQuerySet):
    def pending(self, *, now: datetime.datetime | None = None) -> InvitationQuerySet:
        now = now or timezone.now()
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=now)


def invitation_token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class VolunteerInvitation(models.Model):
    """An e-mail invitation from the coordinator to become a volunteer in the portal.

    Only a hash of the token is stored: the link in the e-mail is the only copy of the key.
    """

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    email = models.EmailField(_("e-mail"))
    full_name = models.CharField(_("name"), max_length=150, blank=True)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("invited by"), on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("invited"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name=_("account"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="volunteer_invitation",
    )
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("volunteer invitation")
        verbose_name_plural = _("volunteer invitations")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.email


class EventKind(models.TextChoices):
    OPEN_COUNSELLING = "open_counselling", _("Open counselling (åben rådgivning)")
    INFORMATION_MEETING = "information_meeting", _("Information meeting")
    WELCOME_MEETING = "welcome_meeting", _("Welcome meeting")
    OTHER = "other", _("Other")


class EventQuerySet(MunicipalityQuerySet):
    def active(self) -> EventQuerySet:
        return self.filter(cancelled_at__isnull=True)


class Event(models.Model):
    """A meeting or a recurring activity volunteers can sign up for.

    Described without personal data, like a task: volunteers read every field of it.
    A weekly event repeats on the same weekday and time until `repeats_weekly_until`.
    """

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="volunteer_events",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=EventKind.choices)
    title = models.CharField(_("title"), max_length=150)
    description = models.TextField(
        _("description"), blank=True,
        help_text=_("No names, CPR numbers, phone numbers or e-mail addresses."),
    )
    location = models.CharField(_("place"), max_length=200, blank=True)
    starts_at = models.DateTimeField(_("from"))
    ends_at = models.DateTimeField(_("until"))
    repeats_weekly_until = models.DateField(
        _("repeats every week until"), null=True, blank=True,
        help_text=_("Leave empty for a single meeting."),
    )
    interpreter_needed = models.BooleanField(_("interpreter needed"), default=False)
    interpreter_languages = models.JSONField(_("interpreter languages"), default=list,
                                             blank=True)
    volunteers_wanted = models.PositiveSmallIntegerField(
        _("volunteers wanted"), default=0, help_text=_("0 for no limit."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(name="event_ends_after_start",
                                   condition=models.Q(ends_at__gte=models.F("starts_at"))),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": _("The event ends before it starts.")})
        if (self.repeats_weekly_until and self.starts_at
                and self.repeats_weekly_until < timezone.localdate(self.starts_at)):
            raise ValidationError({"repeats_weekly_until": _(
                "The last repetition is before the first meeting."
            )})
        if self.interpreter_languages and not self.interpreter_needed:
            raise ValidationError({"interpreter_needed": _(
                "Tick 'interpreter needed' when you choose interpreter languages."
            )})


class EventSignupQuerySet(MunicipalityQuerySet):
    municipality_path = "event__municipality"


class EventSignup(models.Model):
    """A volunteer's sign-up for one meeting (one date of a weekly event)."""

    event = models.ForeignKey(Event, verbose_name=_("event"), on_delete=models.CASCADE,
                              related_name="signups")
    occurs_on = models.DateField(_("date"))
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("volunteer"), on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)

    objects = EventSignupQuerySet.as_manager()

    class Meta:
        verbose_name = _("sign-up")
        verbose_name_plural = _("sign-ups")
        ordering = ["occurs_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "occurs_on", "volunteer"],
                                    name="event_signup_once_per_date"),
        ]

    def __str__(self) -> str:
        return f"{self.event} {self.occurs_on}"
