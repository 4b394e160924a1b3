"""The dates employment gives the deadline rules: the start and end of a person's IGU.

Registered with `integration_portal.rules.hooks.register_anchor_provider`, so that the
national rules "first IGU bonus 6 months after the start" and "second bonus at the end"
become milestones on the person, moved when the IGU is extended and reminded of by the
reception machinery like every other deadline. Only private employers get the bonus
(domain.md §3), so an IGU with a public employer gives no anchors.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from employment.models import Measure, MeasureCategory, MeasureStatus
from integration_portal.rules.models import Anchor

if TYPE_CHECKING:
    from reception.models import Household

ANCHORED_STATUSES = (MeasureStatus.PLANNED, MeasureStatus.ACTIVE, MeasureStatus.ENDED)


def igu_anchors(household: Household) -> dict[int, dict[str, datetime.date]]:
    anchors: dict[int, dict[str, datetime.date]] = {}
    igus = (Measure.objects.filter(household=household, person__isnull=False,
                                   measure_type__category=MeasureCategory.IGU,
                                   status__in=ANCHORED_STATUSES)
            .exclude(employer__is_public=True)
            .order_by("starts_on", "pk")
            .values("person_id", "starts_on", "actual_starts_on", "ends_on"))
    for igu in igus:
        dates = {Anchor.IGU_START: igu["actual_starts_on"] or igu["starts_on"]}
        if igu["ends_on"]:
            dates[Anchor.IGU_END] = igu["ends_on"]
        # One IGU per person; should there be two, the latest one counts.
        anchors[igu["person_id"]] = dates
    return anchors
