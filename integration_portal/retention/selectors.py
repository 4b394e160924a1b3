"""Reads of the retention module: periods, and the closed cases past their period."""

from __future__ import annotations

import datetime

from django.utils import timezone

from integration_portal.retention.models import DecisionStatus, RetentionDecision, RetentionPeriod
from integration_portal.retention.registry import ClosedCase, case_source
from integration_portal.rules.calendar import add_months

# The page lists at most this many cases at a time; the next ones show once these are done.
DUE_LIST_LIMIT = 200


def retention_periods(*, municipality_id: int) -> dict[str, RetentionPeriod]:
    """The municipality's periods by case type; a case type without one is never listed."""
    return {period.case_type: period
            for period in RetentionPeriod.objects.in_municipality(municipality_id)}


def cases_due(
    *, municipality_id: int, today: datetime.date | None = None, limit: int = DUE_LIST_LIMIT,
) -> list[ClosedCase]:
    """Closed cases of the municipality past their case type's period and not yet approved.

    A case closed on 15 June 2021 with a period of five years is due from 15 June 2026.
    """
    today = today or timezone.localdate()
    closed_before = {
        case_type: _start_of_day(add_months(today, -period.total_months)
                                 + datetime.timedelta(days=1))
        for case_type, period in retention_periods(municipality_id=municipality_id).items()
        if period.total_months > 0
    }
    if not closed_before:
        return []
    approved = (RetentionDecision.objects.in_municipality(municipality_id)
                .exclude(status=DecisionStatus.SKIPPED).values_list("case_id", flat=True))
    return case_source().closed_cases(municipality_id=municipality_id,
                                      closed_before=closed_before, exclude_ids=approved,
                                      limit=limit)


def recent_decisions(*, municipality_id: int, limit: int = 50) -> list[RetentionDecision]:
    return list(RetentionDecision.objects.in_municipality(municipality_id)
                .select_related("approved_by")[:limit])


def _start_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))
