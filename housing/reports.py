"""Housing's section of the managers' report: arrivals against the quota, and homes.

Decisions the figures rest on:
- Arrivals count against the quota of the year the period ends in, from 1 January of that
  year to the period's last day (the quota is yearly; a period spanning new year is measured
  against the new year's quota). A person counts by the arrival date of their case and their
  residence basis, exactly as on the quota page.
- The persons in temporary and permanent homes are those living there on the period's last
  day, in homes moved into (a reservation whose move-in was never recorded houses nobody).
- The days to a permanent home run from the case's arrival, not the takeover: the
  municipality houses a household from the day it arrives, a placement is the household's
  while the takeover date is each person's, and the local "permanent home" target is set
  from the arrival (housing/demo.py). Counted for the households whose first move into a
  permanent home falls in the period; a case without an arrival date counts as a move but
  has no waiting time.

Five queries, whatever the size of the municipality.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.dates import MONTHS
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from housing import selectors
from housing.models import QuotaCategory
from integration_portal.reports.registry import Bar, Chart, Figure, ReportSection

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality
    from integration_portal.reports.registry import Period


def build(municipality: Municipality, period: Period) -> ReportSection:
    year = period.end.year
    quota_rows = selectors.quota_overview(municipality_id=municipality.pk, year=year,
                                          until=period.end)
    by_month = selectors.persons_received_by_month(municipality_id=municipality.pk, year=year,
                                                   until=period.end)
    housed = selectors.persons_housed_on(municipality_id=municipality.pk, day=period.end)
    moves = selectors.permanent_moves(municipality_id=municipality.pk, start=period.start,
                                      end=period.end)

    figures = []
    charts = []
    for row in quota_rows:
        category = QuotaCategory(row.category).label
        figures += [
            Figure(key=f"quota_{row.category}",
                   label=format_lazy(_("{category}: quota {year}"), category=category,
                                     year=year),
                   value=row.quota, note=_("Not set") if row.quota is None else ""),
            Figure(key=f"arrived_{row.category}",
                   label=format_lazy(_("{category}: arrived in {year}"), category=category,
                                     year=year),
                   value=row.received,
                   note=_("Persons, from 1 January to the end of the period.")),
            Figure(key=f"arrived_{row.category}_share_of_quota",
                   label=format_lazy(_("{category}: share of the quota"), category=category),
                   value=row.percent, unit="%"),
        ]
        charts.append(_arrivals_chart(row, category=category, year=year,
                                      months=by_month[row.category]))
    figures += [
        Figure(key="persons_in_temporary_housing", label=_("Persons in temporary housing"),
               value=housed.temporary, note=_("On the last day of the period.")),
        Figure(key="persons_in_permanent_homes", label=_("Persons in permanent homes"),
               value=housed.permanent, note=_("On the last day of the period.")),
        Figure(key="households_moved_into_permanent_home",
               label=_("Households moved into a permanent home"), value=moves.households,
               note=_("Their first permanent home, moved into in the period.")),
        Figure(key="median_days_to_permanent_home",
               label=_("Median days from arrival to a permanent home"),
               value=moves.median_days_from_arrival, unit=_("days"),
               note=_("For the households that moved into their first permanent home in the "
                      "period.")),
    ]
    charts.append(Chart(
        key="persons_housed",
        title=_("Persons in temporary and permanent homes at the end of the period"),
        bars=(Bar(key="temporary", label=_("Temporary housing"), value=housed.temporary),
              Bar(key="permanent", label=_("Permanent homes"), value=housed.permanent)),
        unit=_("persons"),
        description=_("The persons living in the municipality's temporary housing and in "
                      "permanent homes on the last day of the period."),
    ))
    return ReportSection(
        key="housing",
        title=_("Arrivals and housing"),
        figures=tuple(figures),
        charts=tuple(charts),
        intro=_("Arrivals are counted by the case's arrival date against the quota of the "
                "year the period ends in. The days to a permanent home are counted from the "
                "case's arrival."),
    )


def _arrivals_chart(row: selectors.QuotaRow, *, category, year: int,
                    months: list[int]) -> Chart:
    """The persons arrived so far in the year, added up month by month, against the quota."""
    total = 0
    bars = []
    for month, arrived in enumerate(months, start=1):
        total += arrived
        bars.append(Bar(key=f"{year}-{month:02d}", label=MONTHS[month], value=total))
    if row.quota is None:
        description = format_lazy(
            _("Persons arrived in {year}, added up month by month. No quota is set for "
              "{year}."), year=year)
    else:
        description = format_lazy(
            _("Persons arrived in {year}, added up month by month, against the quota of "
              "{quota}."), year=year, quota=row.quota)
    return Chart(
        key=f"arrivals_{row.category}",
        title=format_lazy(_("{category}: arrivals in {year} against the quota"),
                          category=category, year=year),
        bars=tuple(bars),
        unit=_("persons"),
        reference=row.quota,
        reference_label=_("Quota") if row.quota is not None else "",
        description=description,
    )
