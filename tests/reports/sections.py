"""A report section for the tests, registered in place of the business apps' real ones.

The apps' builders are tested in their own apps; these tests are about what the start page and
the CSV export do with any section, so they use one whose numbers are known.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from integration_portal.reports import registry
from integration_portal.reports.registry import Bar, Chart, Figure, Period, ReportSection, Table


def only_sections(monkeypatch, *builders) -> list[tuple]:
    """Register only `builders` (for this test); returns the calls they receive."""
    monkeypatch.setattr(registry, "_builders", [])
    calls: list[tuple] = []
    for order, build in enumerate(builders):
        def recording(municipality, period, build=build):
            calls.append((municipality, period))
            return build(municipality, period)

        registry.register_report_section(key=build.__name__, build=recording, order=order)
    return calls


def arrivals(municipality, period: Period) -> ReportSection:
    """Households of the municipality that arrived in the period: one query."""
    from reception.models import Household

    arrived = Household.objects.filter(
        municipality=municipality, arrival_date__range=(period.start, period.end)).count()
    return ReportSection(
        key="arrivals",
        title="Ankomster og kvote",
        intro="Households that arrived in the period.",
        figures=(
            Figure(key="households_arrived", label="Households arrived", value=arrived),
            Figure(key="share_on_time", label="Started on time", value=Decimal("87.5"),
                   unit="%", note="Within the municipality's deadline"),
            Figure(key="median_days", label="Median days to a home", value=None, unit="days"),
        ),
        charts=(
            Chart(key="arrivals_by_category", title="Arrivals against the quota",
                  unit="persons", reference=40, reference_label="Quota",
                  description="Persons received by category, and the year's quota.",
                  bars=(Bar(key="refugees", label="Flygtninge (kvoteflygtninge)", value=1234),
                        Bar(key="ukrainian", label="Ukrainere", value=None),
                        Bar(key="reunified", label="Familiesammenførte", value=2.5))),
        ),
        tables=(
            Table(key="overdue_by_caseworker", caption="Overdue milestones per caseworker",
                  columns=("Caseworker", "Overdue", "Oldest due"),
                  rows=(("Søren Ågård", 3, datetime.date(2026, 3, 2)),
                        ("=HYPERLINK(\"x\")", 0, None))),
            Table(key="unclaimed", caption="Tasks nobody has claimed", columns=("Task", "Days"),
                  rows=(), empty_text="Every task has a volunteer."),
        ),
    )


def empty_section(municipality, period: Period) -> ReportSection:
    return ReportSection(key="empty", title="Frivillige",
                         charts=(Chart(key="no_bars", title="Tasks by kind", bars=()),))


def figure_values(section: ReportSection) -> dict:
    """A section's figures by key."""
    return {figure.key: figure.value for figure in section.figures}


def bar_values(section: ReportSection, key: str) -> dict:
    """The bars of the section's chart `key`, by bar key."""
    return {bar.key: bar.value for bar in section_chart(section, key).bars}


def section_chart(section: ReportSection, key: str) -> Chart:
    return next(chart for chart in section.charts if chart.key == key)
