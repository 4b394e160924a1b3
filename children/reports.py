"""Children's section of the managers' report: children in a daycare, SFO or school place,
children waiting for one, places started, the time from arrival to school, and the
school-start milestones met on time.

Decisions the figures rest on:
- A child is a person of one of the municipality's cases who is under 18 on the period's last
  day. The places counted are daycare (and international preschool), SFO, school and
  reception class; youth education and other places are not.
- "In a place" and "waiting" are read on the period's last day from the places' dates: a place
  runs from its start to its end; a requested or offered place waits until it starts. A child
  waits only if no place of theirs runs that day. A request withdrawn (ended, never started)
  waits no more.
- The days to school run from the household's arrival to the child's first school or
  reception-class place, for the children whose first such place started in the period.
- A school-start milestone is met on time when it was done on or before its due date;
  counted for the milestones done in the period.

Four queries, whatever the size of the municipality.
"""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from children import selectors
from children.kinds import SCHOOL_START
from children.models import InstitutionKind
from integration_portal.core.formats import short_date
from integration_portal.reports.registry import Bar, Chart, Figure, ReportSection

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality
    from integration_portal.reports.registry import Period


def build(municipality: Municipality, period: Period) -> ReportSection:
    on_last_day = selectors.children_places_on(municipality_id=municipality.pk, day=period.end)
    started = selectors.places_started_by_kind(municipality_id=municipality.pk,
                                               start=period.start, end=period.end)
    days_to_school = selectors.days_to_first_school_place(
        municipality_id=municipality.pk, start=period.start, end=period.end)
    school_starts = selectors.milestones_met(municipality_id=municipality.pk, kind=SCHOOL_START,
                                             start=period.start, end=period.end)
    last_day_note = _("On %(date)s.") % {"date": short_date(period.end)}

    figures = (
        Figure(key="children_in_place", label=_("Children in daycare, SFO or school"),
               value=on_last_day.in_place, note=last_day_note),
        Figure(key="children_waiting_for_place", label=_("Children waiting for a place"),
               value=on_last_day.waiting,
               note=_("A place requested or offered, none started, on the last day of the "
                      "period.")),
        Figure(key="child_places_started", label=_("Children's places started"),
               value=sum(started.values())),
        Figure(key="median_days_to_school", label=_("Median days from arrival to school"),
               value=statistics.median(days_to_school) if days_to_school else None,
               unit=_("days"),
               note=_("For the children whose first school or reception-class place started "
                      "in the period.")),
        Figure(key="school_start_on_time", label=_("School starts within the deadline"),
               value=school_starts.on_time,
               note=_("School-start milestones met in the period on or before their due "
                      "date.")),
        Figure(key="school_start_late", label=_("School starts after the deadline"),
               value=school_starts.late),
        Figure(key="school_start_on_time_share",
               label=_("Share of school starts within the deadline"),
               value=school_starts.on_time_share, unit="%"),
    )
    charts = (
        Chart(key="child_places_started_by_kind", title=_("Children's places started by kind"),
              unit=pgettext_lazy("chart unit", "places"),
              description=_("The daycare, SFO, school and reception-class places that started "
                            "in the period."),
              bars=tuple(Bar(key=kind, label=InstitutionKind(kind).label, value=count)
                         for kind, count in started.items())),
    )
    return ReportSection(
        key="children",
        title=_("Children and young people"),
        figures=figures,
        charts=charts,
        intro=_("Children are the persons under 18 of the municipality's cases. The days to "
                "school are counted from the household's arrival."),
    )
