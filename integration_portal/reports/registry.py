"""The figures of the managers' reports, contributed by each business app.

The portal knows no business app, so each app registers a builder in its AppConfig.ready():
`build(municipality, period) -> ReportSection`. The same sections feed the start page's charts,
the PDF report and the CSV export, so the three can never disagree. A builder must cost a
fixed number of queries, whatever the size of the municipality.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.utils.functional import Promise

    from integration_portal.accounts.models import Municipality

Label = str | Promise if TYPE_CHECKING else object
Number = int | float | Decimal | None


@dataclass(frozen=True)
class Period:
    """A report's period, both days included."""

    start: datetime.date
    end: datetime.date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("A period ends on or after its start")

    @classmethod
    def year_to_date(cls, today: datetime.date) -> Period:
        return cls(start=today.replace(month=1, day=1), end=today)

    def __contains__(self, day: datetime.date) -> bool:
        return self.start <= day <= self.end


@dataclass(frozen=True)
class Figure:
    """One key figure. `value` None means "cannot be computed" (shown as a dash), never 0.

    `unit` is shown after the value ("%", "days", "hours"); `key` is the stable English name
    the CSV export uses, so a data warehouse can read it whatever the user's language.
    """

    key: str
    label: Label
    value: Number
    unit: Label = ""
    note: Label = ""


@dataclass(frozen=True)
class Bar:
    key: str
    label: Label
    value: Number


@dataclass(frozen=True)
class Chart:
    """A horizontal bar chart. `reference` draws a line (e.g. the quota) at that value.

    Every chart is shown with its numbers as a table too, which is its text equivalent.
    """

    key: str
    title: Label
    bars: tuple[Bar, ...]
    unit: Label = ""
    reference: Number = None
    reference_label: Label = ""
    description: Label = ""


@dataclass(frozen=True)
class Table:
    key: str
    caption: Label
    columns: tuple[Label, ...]
    rows: tuple[tuple, ...]
    empty_text: Label = ""


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: Label
    figures: tuple[Figure, ...] = ()
    charts: tuple[Chart, ...] = ()
    tables: tuple[Table, ...] = ()
    intro: Label = ""


SectionBuilder = Callable[["Municipality", Period], ReportSection]


@dataclass(frozen=True)
class _Registered:
    key: str
    build: SectionBuilder
    order: int


_builders: list[_Registered] = []


def register_report_section(*, key: str, build: SectionBuilder, order: int) -> None:
    if any(registered.key == key for registered in _builders):
        return
    _builders.append(_Registered(key=key, build=build, order=order))
    _builders.sort(key=lambda registered: registered.order)


def report_section_keys() -> list[str]:
    return [registered.key for registered in _builders]


def build_report(
    *,
    municipality: Municipality,
    period: Period,
    progress: Callable[[int, int], None] | None = None,
) -> list[ReportSection]:
    """Every registered section for the municipality and period, in order.

    `progress(done, total)` is called after each section (the PDF task reports it to the
    page's progress bar).
    """
    sections = []
    for number, registered in enumerate(_builders, start=1):
        sections.append(registered.build(municipality, period))
        if progress is not None:
            progress(number, len(_builders))
    return sections
