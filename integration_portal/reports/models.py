"""A manager's PDF report: asked for on the page, built by a Celery task, kept for download."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet


class ReportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Being built")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class ReportLanguage(models.TextChoices):
    DANISH = "da", _("Danish")
    ENGLISH = "en", _("English")


class ReportQuerySet(MunicipalityQuerySet):
    def unfinished(self) -> ReportQuerySet:
        return self.filter(status__in=(ReportStatus.QUEUED, ReportStatus.RUNNING))


def report_upload_to(report: Report, filename: str) -> str:
    return f"reports/{report.municipality_id}/{filename}"


class Report(models.Model):
    municipality = models.ForeignKey(
        "accounts.Municipality", on_delete=models.CASCADE, related_name="reports",
        verbose_name=_("municipality"),
    )
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    language = models.CharField(
        _("language"), max_length=5, choices=ReportLanguage.choices, default=ReportLanguage.DANISH,
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.QUEUED,
    )
    # Sections built so far out of `progress_total`: what the page's progress bar shows.
    progress = models.PositiveSmallIntegerField(_("progress"), default=0)
    progress_total = models.PositiveSmallIntegerField(_("steps"), default=0)
    file = models.FileField(_("file"), upload_to=report_upload_to, blank=True)
    file_size = models.PositiveIntegerField(_("size in bytes"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ("-requested_at", "-pk")
        indexes = [models.Index(fields=["municipality", "-requested_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(period_end__gte=models.F("period_start")),
                name="report_period_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.municipality_id}: {self.period_start}–{self.period_end} ({self.language})"

    @property
    def percent_done(self) -> int:
        if self.status == ReportStatus.DONE:
            return 100
        if not self.progress_total:
            return 0
        # The last step is rendering the PDF, so the bar stops short of 100 until it is ready.
        return min(95, round(95 * self.progress / self.progress_total))
