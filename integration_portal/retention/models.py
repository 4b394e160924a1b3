"""Retention periods per case type, and the manager's approval of each anonymisation.

Rigsarkivet's rules on keeping and discarding records (bevaring og kassation) decide how long
a closed case is kept; the portal holds no figure of its own. A municipality sets a period per
case type (the household's residence basis); a case type without a period is never listed.
A closed case past its period is erased only after a manager approves it: the approval row is
the only thing the anonymisation task acts on, and it stays as the log of what was erased.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet
from integration_portal.rules.models import ResidenceBasis

# Shown in an empty form, never saved by itself: a placeholder until the municipality has
# checked its own period against Rigsarkivet's rules.
SUGGESTED_YEARS = 5


class RetentionPeriod(models.Model):
    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.CASCADE,
        related_name="+",
    )
    case_type = models.CharField(_("case type"), max_length=30, choices=ResidenceBasis.choices)
    years = models.PositiveSmallIntegerField(
        _("years"), default=0, validators=[MaxValueValidator(100)])
    months = models.PositiveSmallIntegerField(
        _("months"), default=0, validators=[MaxValueValidator(11)])
    changed_at = models.DateTimeField(_("changed"), auto_now=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("retention period")
        verbose_name_plural = _("retention periods")
        ordering = ["municipality", "case_type"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "case_type"],
                                    name="retention_period_one_per_case_type"),
        ]

    def __str__(self) -> str:
        return f"{self.get_case_type_display()}: {self.years}y {self.months}m"

    @property
    def total_months(self) -> int:
        return self.years * 12 + self.months


class DecisionStatus(models.TextChoices):
    APPROVED = "approved", _("Approved, waiting to be anonymised")
    DONE = "done", _("Anonymised")
    SKIPPED = "skipped", _("Not anonymised: the case changed after the approval")


class RetentionDecision(models.Model):
    """A manager's approval to anonymise one closed case, and afterwards the log of it."""

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    # The case by id, not by foreign key: the portal package knows no business app.
    case_id = models.PositiveBigIntegerField(_("case id"))
    case_reference = models.CharField(_("case reference"), max_length=30)
    case_type = models.CharField(_("case type"), max_length=30, choices=ResidenceBasis.choices)
    # The case as the manager saw it: if it differs when the task runs, nothing is erased.
    case_closed_at = models.DateTimeField(_("case closed"))
    case_changed_at = models.DateTimeField(_("case last changed"))
    status = models.CharField(_("status"), max_length=20, choices=DecisionStatus.choices,
                              default=DecisionStatus.APPROVED)
    reason = models.TextField(_("reason"))
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("approved by"), on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # How many records of which kind were erased, e.g. {"reception.persons": 3}.
    erased = models.JSONField(_("erased records"), default=dict, blank=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("retention decision")
        verbose_name_plural = _("retention decisions")
        ordering = ["-approved_at", "-pk"]
        constraints = [
            # One live approval per case: approving twice cannot erase twice. A skipped one
            # does not count, so a case closed again can be approved again.
            models.UniqueConstraint(
                fields=["case_id"], condition=~Q(status="skipped"),
                name="retention_decision_one_per_case",
            ),
        ]
        indexes = [models.Index(fields=["municipality", "status"])]

    def __str__(self) -> str:
        return f"{self.case_reference} ({self.status})"
