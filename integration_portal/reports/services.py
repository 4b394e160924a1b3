"""The managers' PDF report: asked for on the page, built in the background, kept for download."""

from __future__ import annotations

import datetime
import logging
from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation

from integration_portal.accounts.permissions import Perm, require
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record
from integration_portal.core.queue import enqueue_on_commit
from integration_portal.reports.models import Report, ReportStatus
from integration_portal.reports.registry import Period, build_report
from integration_portal.reports.rendering import render_report_pdf

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User

logger = logging.getLogger(__name__)

# A report still "running" after this long lost its worker (killed mid-way): the sweep
# enqueues it again and the task may claim it anew.
RUNNING_STALE_AFTER = datetime.timedelta(minutes=30)
# A report still waiting after this long lost its enqueue (the broker was down at commit).
QUEUED_GRACE = datetime.timedelta(minutes=5)
SWEEP_BATCH_SIZE = 100


@transaction.atomic
def report_request(
    *, municipality: Municipality, period: Period, language: str, actor: User
) -> Report:
    """Queue a PDF report of `period` in `language`; the worker builds it after commit.

    Asking again for a report that is still waiting or being built (a double click, a
    reload) returns that report rather than building the same one twice.
    """
    require(actor, Perm.VIEW_REPORTS, municipality_id=municipality.pk)
    unfinished = (
        Report.objects.in_municipality(municipality).unfinished()
        .filter(period_start=period.start, period_end=period.end, language=language,
                requested_by=actor)
        .first()
    )
    if unfinished is not None:
        return unfinished
    report = Report(
        municipality=municipality, period_start=period.start, period_end=period.end,
        language=language, requested_by=actor,
    )
    report.full_clean()
    report.save()
    audit_record(actor=actor, municipality=municipality, action=AuditAction.CREATE, obj=report,
                 summary=f"PDF report requested: {period.start}–{period.end} ({language})")
    from integration_portal.reports.tasks import report_generate_task

    enqueue_on_commit(report_generate_task, report.pk)
    return report


def report_generate(*, report_id: int) -> bool:
    """Build and store the report's PDF. Returns False when there was nothing to do.

    Safe to run twice: the run first claims the row (waiting → being built, or a build whose
    worker died long ago) with a conditional update, so a second run of the same task finds
    nothing to claim. Deliberately not one transaction: every step's progress is committed
    at once, so that the manager's page sees the bar move.
    """
    now = timezone.now()
    claimed = (
        Report.objects.filter(pk=report_id)
        .filter(Q(status=ReportStatus.QUEUED)
                | Q(status=ReportStatus.RUNNING, started_at__lt=now - RUNNING_STALE_AFTER))
        .update(status=ReportStatus.RUNNING, started_at=now, progress=0, progress_total=0,
                error="")
    )
    if not claimed:
        logger.info("Report %s is not waiting to be built; nothing to do", report_id)
        return False
    report = Report.objects.select_related("municipality").get(pk=report_id)
    running = Report.objects.filter(pk=report_id, status=ReportStatus.RUNNING, started_at=now)

    def progress(done: int, total: int) -> None:
        running.update(progress=done, progress_total=total)

    try:
        period = Period(start=report.period_start, end=report.period_end)
        # Builders format some labels as they build them (month names, dates in notes).
        with translation.override(report.language):
            sections = build_report(municipality=report.municipality, period=period,
                                    progress=progress)
        content = render_report_pdf(
            municipality=report.municipality, period=period, sections=sections,
            language=report.language, generated_at=now,
        )
        report.file.save(report_filename(report), ContentFile(content), save=False)
        running.update(status=ReportStatus.DONE, file=report.file.name, file_size=len(content),
                       finished_at=timezone.now())
    except Exception as error:
        # The row says what went wrong, for the manager's page and the administrator; a
        # retry would only repeat it, so the task ends here (the manager can ask again).
        logger.exception("Report %s could not be built", report_id)
        running.update(status=ReportStatus.FAILED, finished_at=timezone.now(),
                       error=f"{type(error).__name__}: {error}"[:2000])
    return True


def report_filename(report: Report) -> str:
    """E.g. rapport-2026-01-01-2026-06-30.pdf: the name the download gets too."""
    stem = "report" if report.language == "en" else "rapport"
    return f"{stem}-{report.period_start}-{report.period_end}.pdf"


def report_record_download(*, report: Report, actor: User) -> None:
    audit_record(actor=actor, municipality=report.municipality, action=AuditAction.DOWNLOAD,
                 obj=report, summary="PDF report downloaded")


def reports_awaiting_build(*, now: datetime.datetime, after_pk: int, limit: int) -> list[int]:
    """Reports the sweep enqueues again: waiting too long, or built by a worker that died."""
    return list(
        Report.objects.filter(pk__gt=after_pk)
        .filter(Q(status=ReportStatus.QUEUED, requested_at__lt=now - QUEUED_GRACE)
                | Q(status=ReportStatus.RUNNING, started_at__lt=now - RUNNING_STALE_AFTER))
        .order_by("pk").values_list("pk", flat=True)[:limit]
    )
