"""Danish education (danskuddannelse) at a language centre.

The referral must be made, and the lessons able to start, within a month of takeover
(INL § 21; the Danish Education Act § 5): recording the referral and the start completes the
person's reception milestones. The track follows the person's schooling — DU1 for people
who cannot read or write, DU2 for short schooling, DU3 for long — and runs in modules that
end with module tests, and the tracks with Prøve i Dansk 1, 2 or 3.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet


class DanishTrack(models.TextChoices):
    DU1 = "DU1", _("Danish Education 1 (DU1)")
    DU2 = "DU2", _("Danish Education 2 (DU2)")
    DU3 = "DU3", _("Danish Education 3 (DU3)")


class DanishEducationStatus(models.TextChoices):
    REFERRED = "referred", _("Referred")
    ACTIVE = "active", _("Attending")
    PAUSED = "paused", _("Paused")
    COMPLETED = "completed", _("Completed")
    STOPPED = "stopped", _("Stopped")


# The hours of these count towards the week's total with the person's measures.
ATTENDING_STATUSES = (DanishEducationStatus.REFERRED, DanishEducationStatus.ACTIVE)


class DanishEducationQuerySet(MunicipalityQuerySet):
    municipality_path = "person__household__municipality"

    def counting_hours(self) -> DanishEducationQuerySet:
        """The lessons that take hours of the person's week now or soon."""
        return self.filter(status__in=ATTENDING_STATUSES, hours_per_week__gt=0)


class DanishEducation(models.Model):
    person = models.ForeignKey("reception.Person", verbose_name=_("person"),
                               on_delete=models.PROTECT, related_name="danish_educations")
    provider = models.CharField(_("language centre"), max_length=150)
    track = models.CharField(_("track"), max_length=3, choices=DanishTrack.choices)
    module = models.PositiveSmallIntegerField(
        _("module"), default=1, validators=[MinValueValidator(1), MaxValueValidator(6)])
    referred_on = models.DateField(_("referred"))
    starts_on = models.DateField(_("started"), null=True, blank=True,
                                 help_text=_("The first lesson. Leave empty until then."))
    ends_on = models.DateField(_("ended"), null=True, blank=True)
    hours_per_week = models.DecimalField(
        _("lessons a week (hours)"), max_digits=4, decimal_places=1, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(37)],
    )
    status = models.CharField(_("status"), max_length=20,
                              choices=DanishEducationStatus.choices,
                              default=DanishEducationStatus.REFERRED, db_index=True)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = DanishEducationQuerySet.as_manager()

    class Meta:
        verbose_name = _("Danish education")
        verbose_name_plural = _("Danish education")
        ordering = ["-referred_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="employment_danish_start_not_before_referral",
                condition=Q(starts_on__isnull=True) | Q(starts_on__gte=models.F("referred_on")),
                violation_error_message=_("The start is before the referral."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.track} {self.provider}"

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.referred_on and self.starts_on < self.referred_on:
            raise ValidationError({"starts_on": _("The start is before the referral.")})
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end is before the start.")})
        if self.ends_on and not self.starts_on:
            raise ValidationError({"ends_on": _("Enter the start before the end.")})


class DanishTest(models.TextChoices):
    MODULE = "module", _("Module test")
    PD1 = "PD1", _("Prøve i Dansk 1")
    PD2 = "PD2", _("Prøve i Dansk 2")
    PD3 = "PD3", _("Prøve i Dansk 3")
    STUDY = "study", _("Studieprøven")


class DanishTestResult(models.Model):
    education = models.ForeignKey(DanishEducation, verbose_name=_("Danish education"),
                                  on_delete=models.CASCADE, related_name="tests")
    test = models.CharField(_("test"), max_length=10, choices=DanishTest.choices)
    module = models.PositiveSmallIntegerField(
        _("module"), null=True, blank=True, validators=[MinValueValidator(1),
                                                         MaxValueValidator(6)])
    passed_on = models.DateField(_("passed"))
    grade = models.CharField(_("grade"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    class Meta:
        verbose_name = _("passed Danish test")
        verbose_name_plural = _("passed Danish tests")
        ordering = ["passed_on", "pk"]

    def __str__(self) -> str:
        return self.get_test_display()

    def clean(self) -> None:
        super().clean()
        if self.test == DanishTest.MODULE and not self.module:
            raise ValidationError({"module": _("Enter the module the test ends.")})
