"""Reception's section of the managers' report: arrivals, open cases, the programme-start
deadline and the overdue milestones per caseworker.

A thin mapping from reception's selectors to the report's figures, charts and tables; the
`key`s are the CSV's stable English names. Four queries, whatever the municipality's size.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from integration_portal.core.formats import short_date
from integration_portal.reports.registry import Bar, Chart, Figure, ReportSection, Table
from reception.models import HouseholdStatus
from reception.selectors import (
    arrivals_by_month,
    open_cases_by_status,
    overdue_milestones_by_caseworker,
    programme_start_compliance,
)

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality
    from integration_portal.reports.registry import Period

NO_CASEWORKER_KEY = "none"


def reception_report_section(
    municipality: Municipality, period: Period, *, today: datetime.date | None = None
) -> ReportSection:
    today = today or timezone.localdate()
    # Overdue is counted on the period's last day, or today while the period runs on.
    as_of = min(period.end, today)
    arrivals = arrivals_by_month(municipality=municipality, start=period.start, end=period.end)
    statuses = open_cases_by_status(municipality=municipality)
    compliance = programme_start_compliance(
        municipality=municipality, start=period.start, end=period.end, today=today
    )
    overdue = overdue_milestones_by_caseworker(municipality=municipality, as_of=as_of)
    as_of_note = _("On %(date)s.") % {"date": short_date(as_of)}

    figures = (
        Figure(key="arrived_households", label=_("Households arrived"),
               value=sum(month.households for month in arrivals)),
        Figure(key="arrived_persons", label=_("Persons arrived"),
               value=sum(month.persons for month in arrivals)),
        Figure(key="open_cases", label=_("Open cases"), value=sum(statuses.values()),
               note=_("Today.")),
        Figure(key="programme_starts_due", label=_("Programme starts due in the period"),
               value=compliance.due_in_period),
        Figure(key="programme_starts_on_time_share",
               label=_("Programmes started within the deadline"),
               value=compliance.on_time_share, unit="%",
               note=_("Of the starts due in the period that have happened or are overdue.")),
        Figure(key="programme_starts_on_time", label=_("Started within the deadline"),
               value=compliance.on_time),
        Figure(key="programme_starts_late", label=_("Started after the deadline"),
               value=compliance.late),
        Figure(key="programme_starts_overdue_open", label=_("Not started, deadline passed"),
               value=compliance.overdue_open, note=_("Today.")),
        Figure(key="programme_start_median_days", label=_("Median days from takeover to "
                                                          "programme start"),
               value=compliance.median_days_from_takeover, unit=_("days")),
        Figure(key="overdue_milestones", label=_("Overdue milestones"),
               value=sum(row.overdue for row in overdue), note=as_of_note),
    )
    charts = (
        Chart(
            key="arrivals_per_month", title=_("Persons arrived per month"), unit=_("persons"),
            bars=tuple(Bar(key=f"{month.month:%Y-%m}",
                           label=date_format(month.month, "YEAR_MONTH_FORMAT"),
                           value=month.persons) for month in arrivals),
        ),
        Chart(
            key="open_cases_by_status", title=_("Open cases by status"), unit=_("cases"),
            description=_("Open cases by status today; closed cases are not shown."),
            bars=tuple(Bar(key=status, label=HouseholdStatus(status).label, value=count)
                       for status, count in statuses.items()),
        ),
        Chart(
            key="overdue_milestones_by_caseworker",
            title=_("Overdue milestones per caseworker"), description=as_of_note,
            bars=tuple(Bar(key=_caseworker_key(row.caseworker_id), label=_name(row),
                           value=row.overdue) for row in overdue),
        ),
    )
    tables = (
        Table(
            key="overdue_milestones_by_caseworker",
            caption=_("Overdue milestones per caseworker"),
            columns=(_("Caseworker"), _("Overdue milestones"), _("Oldest due date")),
            rows=tuple((_name(row), row.overdue, row.oldest_due_date) for row in overdue),
            empty_text=_("No milestones were overdue."),
        ),
    )
    return ReportSection(key="reception", title=_("Reception"), figures=figures,
                         charts=charts, tables=tables)


def _caseworker_key(caseworker_id: int | None) -> str:
    return NO_CASEWORKER_KEY if caseworker_id is None else f"caseworker_{caseworker_id}"


def _name(row) -> str:
    return row.caseworker_name if row.caseworker_id is not None else str(_("No caseworker"))
