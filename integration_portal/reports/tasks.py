"""Celery tasks of the reports (Celery's autodiscovery imports this module)."""

from __future__ import annotations

import logging

from celery import shared_task
from django.utils import timezone

from integration_portal.core.queue import enqueue_again
from integration_portal.reports.services import (
    SWEEP_BATCH_SIZE,
    report_generate,
    reports_awaiting_build,
)

logger = logging.getLogger(__name__)


@shared_task(acks_late=True)
def report_generate_task(report_id: int) -> bool:
    """Build one PDF report; a second run of the same report does nothing."""
    return report_generate(report_id=report_id)


@shared_task
def report_sweep_task() -> int:
    """Enqueue again the reports whose enqueue was lost (broker down when the manager asked)
    or whose worker died mid-way. Pages by primary key; returns how many it enqueued."""
    now = timezone.now()
    enqueued = enqueue_again(
        report_generate_task,
        lambda after_pk, limit: reports_awaiting_build(now=now, after_pk=after_pk, limit=limit),
        batch_size=SWEEP_BATCH_SIZE)
    if enqueued:
        logger.info("Report sweep enqueued %d report(s)", enqueued)
    return enqueued
