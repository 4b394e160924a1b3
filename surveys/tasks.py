"""Celery tasks of the surveys app (Celery's autodiscovery imports this module)."""

from __future__ import annotations

from celery import shared_task

from integration_portal.core.queue import DELIVERY_TASK_OPTIONS
from surveys.services import survey_dispatch_run


@shared_task(**DELIVERY_TASK_OPTIONS)
def survey_dispatch_task(dispatch_id: int) -> int:
    """Send one group's survey e-mails. Safe to run twice: the dispatch row is claimed with a
    conditional UPDATE, and a second run finds it claimed and sends nothing."""
    return survey_dispatch_run(dispatch_id=dispatch_id)
