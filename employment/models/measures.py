"""Measures per person, the rule warnings acknowledged on them, IGU follow-up, and the job
centre's queue of internships volunteers found."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet


class MeasureStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("In progress")
    ENDED = "ended", _("Ended")
    CANCELLED = "cancelled", _("Cancelled")


# Measures that hold a person's week: planned, running, or a draft about to be.
LIVE_STATUSES = (MeasureStatus.PLANNED, MeasureStatus.ACTIVE)


class MeasureOutcome(models.TextChoices):
    COMPLETED = "completed", _("Completed as planned")
    HIRED = "hired", _("Hired by the employer")
    OTHER_JOB = "other_job", _("Got another job")
    EDUCATION = "education", _("Started an education")
    OTHER_MEASURE = "other_measure", _("Went on to another measure")
    ILLNESS = "illness", _("Stopped because of illness")
    DROPPED_OUT = "dropped_out", _("Dropped out")
    MOVED = "moved", _("Moved away")
    OTHER = "other", _("Other")


class MeasureQuerySet(MunicipalityQuerySet):
    def live(self) -> MeasureQuerySet:
        return self.filter(status__in=LIVE_STATUSES)

    def overlapping(self, starts_on, ends_on) -> MeasureQuerySet:
        """Measures whose planned period shares a day with [starts_on, ends_on]; an open
        end (None) runs on."""
        overlap = Q(starts_on__lte=ends_on) if ends_on else Q()
        return self.filter(overlap, Q(ends_on__isnull=True) | Q(ends_on__gte=starts_on))


class Measure(models.Model):
    """An employment-oriented offer for one person of a case: planned, started, ended."""

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    household = models.ForeignKey(
        "reception.Household", verbose_name=_("case"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="measures",
    )
    person = models.ForeignKey(
        "reception.Person", verbose_name=_("person"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="measures",
        help_text=_("A draft from a volunteer's report names no person: the caseworker "
                    "chooses one."),
    )
    measure_type = models.ForeignKey(
        "employment.MeasureType", verbose_name=_("kind"), on_delete=models.PROTECT,
        related_name="measures",
    )
    status = models.CharField(_("status"), max_length=20, choices=MeasureStatus.choices,
                              default=MeasureStatus.DRAFT, db_index=True)
    employer = models.ForeignKey(
        "employment.Employer", verbose_name=_("employer"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="measures",
    )
    # The name as a volunteer reported it, or of an employer not (yet) in the register.
    employer_name = models.CharField(_("employer"), max_length=200, blank=True)
    opening = models.ForeignKey(
        "employment.Opening", verbose_name=_("opening"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="measures",
    )
    starts_on = models.DateField(_("planned start"), null=True, blank=True)
    ends_on = models.DateField(_("planned end"), null=True, blank=True)
    hours_per_week = models.DecimalField(_("hours a week"), max_digits=4, decimal_places=1,
                                         null=True, blank=True)
    actual_starts_on = models.DateField(_("started"), null=True, blank=True)
    actual_ends_on = models.DateField(_("ended"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=MeasureOutcome.choices,
                               blank=True)
    outcome_note = models.TextField(_("about the outcome"), blank=True)
    rule_set = models.ForeignKey(
        "employment.EmploymentRuleSet", verbose_name=_("checked against"),
        on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        help_text=_("The rules in force when the measure was last planned or changed."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = MeasureQuerySet.as_manager()

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="employment_measure_end_not_before_start",
                condition=Q(starts_on__isnull=True) | Q(ends_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                violation_error_message=_("The end is before the start."),
            ),
        ]
        indexes = [models.Index(fields=["person", "status"])]

    def __str__(self) -> str:
        return str(self.measure_type)

    @property
    def employer_display(self) -> str:
        return self.employer.name if self.employer_id else self.employer_name

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end is before the start.")})
        if (self.actual_starts_on and self.actual_ends_on
                and self.actual_ends_on < self.actual_starts_on):
            raise ValidationError({"actual_ends_on": _("The end is before the start.")})
        if self.person_id and self.household_id and self.person.household_id != self.household_id:
            raise ValidationError({"person": _("The person is not a member of this case.")})


class RuleAcknowledgement(models.Model):
    """A caseworker went ahead despite a rule's warning, and said why."""

    measure = models.ForeignKey(Measure, verbose_name=_("measure"), on_delete=models.CASCADE,
                                related_name="acknowledgements")
    code = models.CharField(_("rule"), max_length=50)
    message = models.TextField(_("warning"))
    reason = models.TextField(_("reason"))
    rule_set = models.ForeignKey(
        "employment.EmploymentRuleSet", verbose_name=_("rules"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("acknowledged by"), on_delete=models.PROTECT,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), auto_now_add=True)

    class Meta:
        verbose_name = _("acknowledged rule warning")
        verbose_name_plural = _("acknowledged rule warnings")
        ordering = ["acknowledged_at", "pk"]

    def __str__(self) -> str:
        return self.code


class SchoolWeekStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    HELD = "held", _("Held")
    MISSED = "missed", _("Missed")


class IguSchoolWeek(models.Model):
    """One school week of an IGU: the person is at school and paid an education allowance
    (uddannelsesgodtgørelse) instead of wages."""

    measure = models.ForeignKey(Measure, verbose_name=_("IGU"), on_delete=models.CASCADE,
                                related_name="school_weeks")
    week_starts_on = models.DateField(_("week starting"))
    school = models.CharField(_("school or course"), max_length=150, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=SchoolWeekStatus.choices,
                              default=SchoolWeekStatus.PLANNED)
    note = models.CharField(_("note"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("IGU school week")
        verbose_name_plural = _("IGU school weeks")
        ordering = ["week_starts_on", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["measure", "week_starts_on"],
                                    name="employment_igu_school_week_unique",
                                    violation_error_message=_(
                                        "That week is already in the plan.")),
        ]

    def __str__(self) -> str:
        return f"{self.week_starts_on:%G-W%V}"


class InterruptionReason(models.TextChoices):
    LEAVE = "leave", _("Leave (for example maternity or paternity leave)")
    ILLNESS = "illness", _("Illness")
    OTHER = "other", _("Other")


class MeasureInterruption(models.Model):
    """A pause in a measure. Leave or illness longer than the rules' limit extends an IGU by
    the length of the pause (domain.md §3)."""

    measure = models.ForeignKey(Measure, verbose_name=_("measure"), on_delete=models.CASCADE,
                                related_name="interruptions")
    reason = models.CharField(_("reason"), max_length=20, choices=InterruptionReason.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("to"))
    extension_days = models.PositiveIntegerField(
        _("extension in days"), default=0,
        help_text=_("How many days the measure's end moved because of the interruption."),
    )
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("interruption")
        verbose_name_plural = _("interruptions")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="employment_interruption_end_not_before_start",
                condition=Q(ends_on__gte=models.F("starts_on")),
                violation_error_message=_("The end is before the start."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_reason_display()} {self.starts_on}–{self.ends_on}"

    @property
    def days(self) -> int:
        return (self.ends_on - self.starts_on).days + 1

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end is before the start.")})


class ReferralStatus(models.TextChoices):
    OPEN = "open", _("Waiting")
    CONVERTED = "converted", _("Made into a measure")
    CLOSED = "closed", _("Closed")


class JobcentreReferral(models.Model):
    """An item in the job centre's queue: a volunteer found a language internship.

    The volunteer's report is the source; the job centre sets up the formal agreement with
    the employer, and the caseworker turns the draft measure into a planned one or closes
    the item with a reason.
    """

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    household = models.ForeignKey(
        "reception.Household", verbose_name=_("case"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="jobcentre_referrals",
    )
    task_report = models.OneToOneField(
        "volunteers.TaskReport", verbose_name=_("volunteer's report"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="jobcentre_referral",
    )
    employer_name = models.CharField(_("employer"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    measure = models.OneToOneField(
        Measure, verbose_name=_("draft measure"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="referral",
    )
    status = models.CharField(_("status"), max_length=20, choices=ReferralStatus.choices,
                              default=ReferralStatus.OPEN, db_index=True)
    closed_reason = models.TextField(_("reason for closing"), blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("closed by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # The e-mail to the job centre is sent once: a worker claims it by setting this first.
    emailed_at = models.DateTimeField(_("job centre e-mailed"), null=True, blank=True)
    created_at = models.DateTimeField(_("reported"), auto_now_add=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("job centre referral")
        verbose_name_plural = _("job centre referrals")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.employer_name

    def clean(self) -> None:
        super().clean()
        if self.status == ReferralStatus.CLOSED and not self.closed_reason.strip():
            raise ValidationError({"closed_reason": _("Give a reason for closing.")})
