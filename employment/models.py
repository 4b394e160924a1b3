"""Employment measures and the job centre's queue.

Until the employment issue builds employers, openings and the rules, this holds what the
volunteers' "internship found" path needs: the job centre's queue item (a referral) and the
draft measure a caseworker completes.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet


class MeasureKind(models.TextChoices):
    LANGUAGE_INTERNSHIP = "language_internship", _("Language internship (sprogpraktik)")
    COMPANY_INTERNSHIP = "company_internship", _("Company internship (virksomhedspraktik)")
    IGU = "igu", _("Basic integration education (IGU)")
    WAGE_SUBSIDY_PRIVATE = "wage_subsidy_private", _("Wage subsidy, private (løntilskud)")
    WAGE_SUBSIDY_PUBLIC = "wage_subsidy_public", _("Wage subsidy, public (løntilskud)")
    SMALL_JOB = "small_job", _("Small job (småjob)")
    ORDINARY_JOB = "ordinary_job", _("Ordinary job")
    EDUCATION = "education", _("Education")


class MeasureStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("In progress")
    ENDED = "ended", _("Ended")
    CANCELLED = "cancelled", _("Cancelled")


class Measure(models.Model):
    """An employment-oriented offer for a person of a case."""

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
    kind = models.CharField(_("kind"), max_length=40, choices=MeasureKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=MeasureStatus.choices,
                              default=MeasureStatus.DRAFT, db_index=True)
    employer_name = models.CharField(_("employer"), max_length=200, blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    hours_per_week = models.DecimalField(_("hours a week"), max_digits=4, decimal_places=1,
                                         null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.get_kind_display()

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end is before the start.")})
        if self.person_id and self.household_id and self.person.household_id != self.household_id:
            raise ValidationError({"person": _("The person is not a member of this case.")})


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
