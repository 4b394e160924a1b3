"""Employment's section of the managers' report: what programme persons were doing 6, 12 and
24 months after takeover, IGUs started and completed, and measures started by category.

A thin mapping from employment's report selectors to figures, charts and a table; the `key`s
are the CSV's stable English names. Four queries, whatever the municipality's size.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from employment.models import MeasureCategory, OutcomeKind
from employment.selectors.reports import (
    igu_endings,
    measures_started_by_category,
    outcomes_in_period,
)
from integration_portal.reports.registry import Bar, Chart, Figure, ReportSection, Table

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality
    from integration_portal.reports.registry import Period

# One set of labels per point (OUTCOME_MONTHS), written out so each is translated whole.
POINT_LABELS = {
    6: {
        "persons": _("Persons reaching 6 months after takeover"),
        "chart": _("Outcome 6 months after takeover"),
        "count": _("6 months: persons"),
        "share": _("6 months: share"),
    },
    12: {
        "persons": _("Persons reaching 12 months after takeover"),
        "chart": _("Outcome 12 months after takeover"),
        "count": _("12 months: persons"),
        "share": _("12 months: share"),
    },
    24: {
        "persons": _("Persons reaching 24 months after takeover"),
        "chart": _("Outcome 24 months after takeover"),
        "count": _("24 months: persons"),
        "share": _("24 months: share"),
    },
}
POINT_NOTE = _("Programme persons whose date fell in the period and has passed.")


def employment_report_section(
    municipality: Municipality, period: Period, *, today: datetime.date | None = None
) -> ReportSection:
    today = today or timezone.localdate()
    points = outcomes_in_period(municipality=municipality, start=period.start, end=period.end,
                                today=today)
    started = measures_started_by_category(municipality=municipality, start=period.start,
                                           end=period.end)
    igus = igu_endings(municipality=municipality, start=period.start, end=period.end)

    figures = (
        *(Figure(key=f"outcome_persons_{point.months}_months",
                 label=POINT_LABELS[point.months]["persons"], value=point.persons,
                 note=POINT_NOTE) for point in points),
        Figure(key="igu_started", label=_("IGUs started"), value=started[MeasureCategory.IGU]),
        Figure(key="igu_completed", label=_("IGUs completed"), value=igus.completed,
               note=_("Ended in the period with the outcome “Completed as planned”.")),
        Figure(key="igu_ended_otherwise", label=_("IGUs ended without completion"),
               value=igus.ended_otherwise,
               note=_("Ended in the period with another outcome, such as hired early.")),
        Figure(key="measures_started", label=_("Measures started"),
               value=sum(started.values())),
    )
    charts = (
        *(Chart(key=f"outcome_{point.months}_months", title=POINT_LABELS[point.months]["chart"],
                unit="%", description=POINT_NOTE,
                bars=tuple(Bar(key=kind, label=OutcomeKind(kind).label, value=point.share(kind))
                           for kind in OutcomeKind.values)) for point in points),
        Chart(key="measures_started_by_category", title=_("Measures started by kind"),
              bars=tuple(Bar(key=category, label=MeasureCategory(category).label, value=count)
                         for category, count in started.items())),
    )
    tables = (
        Table(
            key="outcomes",
            caption=_("Outcomes after takeover: persons and shares (%)"),
            columns=(_("Outcome"), *(POINT_LABELS[point.months][column]
                                     for point in points for column in ("count", "share"))),
            rows=tuple(
                (OutcomeKind(kind).label,
                 *(value for point in points
                   for value in (point.counts[kind], point.share(kind))))
                for kind in OutcomeKind.values
            ),
        ),
    )
    return ReportSection(key="employment", title=_("Employment"), figures=figures,
                         charts=charts, tables=tables)
