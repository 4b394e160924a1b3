"""The managers' report as CSV: the same sections as the start page and the PDF, one value a line.

The shape is "long" (one value per line), so a spreadsheet's filter or pivot table gets any
view of it back, and a data warehouse reads it without knowing the sections in advance:

    section;section_title;item;item_title;key;label;value;unit

- a key figure:  item "figures", key the figure's key, label its label, value and unit;
- a chart's bar: item the chart's key, item_title its title, key the bar's key, label the
  bar's label, value and the chart's unit; a chart with a reference line (the quota) adds a
  line with key "reference" and the reference's label;
- a table's cell: item the table's key, item_title its caption, key the row's number (1, 2, …),
  label the column's heading, value the cell. A pivot of key against label gives the table back.

`section`, `item` and `key` are stable English names; the titles and labels are in the user's
language. Written for Danish Excel, where a double-click must just work: UTF-8 with a byte-order
mark (without it Excel reads æ, ø, å as two characters each), `;` between fields (Danish Excel
splits on `;` because `,` is its decimal mark), numbers with a decimal comma and no thousands
separator, dates as YYYY-MM-DD, "cannot be computed" as an empty cell. The format does not
follow the user's language, so a file reads the same whoever exported it.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterable, Iterator
from decimal import Decimal

from django.utils.translation import gettext as _

from integration_portal.reports.registry import Period, ReportSection

DELIMITER = ";"
BOM = "\ufeff"
HEADER = ("section", "section_title", "item", "item_title", "key", "label", "value", "unit")
FIGURES_ITEM = "figures"
REFERENCE_KEY = "reference"
# A cell a spreadsheet would take for a formula (CSV injection): names typed into the portal
# (an employer, a caseworker) reach the file as text, so such a cell is prefixed with '.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def report_rows(sections: Iterable[ReportSection]) -> Iterator[tuple[str, ...]]:
    """The lines of the file after the header, as text cells."""
    figures_title = _("Key figures")
    for section in sections:
        head = (section.key, _text(section.title))
        for figure in section.figures:
            yield (*head, FIGURES_ITEM, figures_title, figure.key, _text(figure.label),
                   _value(figure.value), _text(figure.unit))
        for chart in section.charts:
            item = (chart.key, _text(chart.title))
            for bar in chart.bars:
                yield (*head, *item, bar.key, _text(bar.label), _value(bar.value),
                       _text(chart.unit))
            if chart.reference is not None:
                yield (*head, *item, REFERENCE_KEY, _text(chart.reference_label),
                       _value(chart.reference), _text(chart.unit))
        for table in section.tables:
            item = (table.key, _text(table.caption))
            for number, row in enumerate(table.rows, start=1):
                for column, cell in zip(table.columns, row, strict=False):
                    yield (*head, *item, str(number), _text(column), _value(cell), "")


def report_csv_text(sections: Iterable[ReportSection]) -> str:
    """The whole file, byte-order mark included."""
    buffer = io.StringIO()
    buffer.write(BOM)
    writer = csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(report_rows(sections))
    return buffer.getvalue()


def report_csv_filename(*, municipality_slug: str, period: Period) -> str:
    return f"report-{municipality_slug}-{period.start.isoformat()}-{period.end.isoformat()}.csv"


def _value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        text = format(Decimal(str(value)).normalize(), "f") if value == value else ""
        return text.replace(".", ",")
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return _text(value)


def _text(value) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
