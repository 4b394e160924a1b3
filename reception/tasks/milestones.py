from __future__ import annotations

from celery import shared_task

from reception.services import milestones_recompute_open_cases


@shared_task(acks_late=True)
def milestones_recompute_task(municipality_id: int | None) -> int:
    """After a rule change: recompute the open milestones of every open case affected."""
    return milestones_recompute_open_cases(municipality_id=municipality_id)
