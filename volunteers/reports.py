"""The volunteers' section of the managers' report: aggregates only, never a name.

Decisions the figures rest on:
- An active volunteer is one who may take tasks today: approved, with a signed volunteer
  agreement (signed by the period's end) and an open account. A profile's status has no
  history, so a report on an earlier period counts today's statuses.
- A task is done in the period when its report was written in the period (the volunteer
  writes it when marking the task done; a task holds no other date of completion).
- Hours are those logged for days in the period, on the municipality's tasks.
- Tasks waiting for a volunteer are counted at the period's end (now, for a period that
  has not ended yet); "starting soon" is the coordinators' reminder window
  (volunteers/reminders.py, UNCLAIMED_TASK_DAYS).

Four queries, whatever the number of volunteers and tasks.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from integration_portal.reports.registry import Bar, Chart, Figure, ReportSection
from volunteers import selectors
from volunteers.reminders import UNCLAIMED_TASK_DAYS

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality
    from integration_portal.reports.registry import Period


def build(municipality: Municipality, period: Period) -> ReportSection:
    # The period's end, or now while the period is still running.
    at = min(timezone.now(), datetime.datetime.combine(
        period.end + datetime.timedelta(days=1), datetime.time(),
        tzinfo=timezone.get_default_timezone()))
    active = selectors.active_volunteer_count(municipality_id=municipality.pk, on=period.end)
    hours = selectors.hours_logged(municipality_id=municipality.pk, start=period.start,
                                   end=period.end)
    tasks = selectors.task_figures(municipality_id=municipality.pk, start=period.start,
                                   end=period.end, at=at, soon_days=UNCLAIMED_TASK_DAYS)
    by_kind = selectors.tasks_done_by_kind(municipality_id=municipality.pk,
                                           start=period.start, end=period.end)
    return ReportSection(
        key="volunteers",
        title=_("Volunteers"),
        figures=(
            Figure(key="active_volunteers", label=_("Active volunteers"), value=active,
                   note=_("Approved, with a signed volunteer agreement.")),
            Figure(key="volunteers_with_hours", label=_("Volunteers who logged hours"),
                   value=hours.volunteers),
            Figure(key="tasks_done", label=_("Tasks done"), value=tasks.done),
            Figure(key="hours_logged", label=_("Hours logged"), value=hours.hours,
                   unit=_("hours")),
            Figure(key="tasks_unclaimed", label=_("Tasks waiting for a volunteer"),
                   value=tasks.unclaimed, note=_("At the end of the period.")),
            Figure(key="tasks_unclaimed_starting_soon",
                   label=format_lazy(_("Of these, starting within {days} days"),
                                     days=UNCLAIMED_TASK_DAYS),
                   value=tasks.unclaimed_starting_soon,
                   note=_("The coordinators are reminded of these.")),
            Figure(key="tasks_ended_unclaimed", label=_("Tasks over without a volunteer"),
                   value=tasks.ended_unclaimed,
                   note=_("Ended in the period without anyone taking them.")),
        ),
        charts=(
            Chart(
                key="tasks_done_by_kind",
                title=_("Tasks done in the period, by kind"),
                bars=tuple(Bar(key=kind.code, label=kind.label, value=kind.count)
                           for kind in by_kind),
                unit=_("tasks"),
                description=_("The number of volunteer tasks of each kind reported done in "
                              "the period."),
            ),
        ),
    )
