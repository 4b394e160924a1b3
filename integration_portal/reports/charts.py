"""Charts as inline SVG, drawn on the server: no JavaScript, the same in the browser and the PDF.

A chart is decoration for sighted readers: its numbers are always also printed as a table next
to it (the text equivalent), so the SVG has role="img" and a title and description that say
what it shows, and screen readers read the table.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from integration_portal.reports.registry import Chart

BAR_HEIGHT = 22
BAR_GAP = 10
LABEL_WIDTH = 210
VALUE_WIDTH = 90
# DKFDS's primary blue and the grey of its borders; contrast ≥ 3:1 against white (WCAG 1.4.11).
BAR_COLOUR = "#0059b3"
REFERENCE_COLOUR = "#b0302f"
AXIS_COLOUR = "#747474"


def format_value(value, unit: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, float | Decimal):
        # Rounded here: number_format cuts the decimals off (0.96 would read 0.9).
        value = Decimal(str(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    if isinstance(value, Decimal) and value != int(value):
        text = number_format(value, decimal_pos=1, use_l10n=True, force_grouping=True)
    else:
        text = number_format(int(value), use_l10n=True, force_grouping=True)
    unit = str(unit)
    if not unit:
        return text
    return f"{text} {unit}" if unit != "%" else f"{text} %"


def bar_chart_svg(chart: Chart, *, width: int = 640, dom_id: str = "") -> SafeString:
    """The chart as an SVG element. `dom_id` makes the title/description ids unique on a page."""
    bars = chart.bars
    values = [float(bar.value) for bar in bars if bar.value is not None]
    reference = float(chart.reference) if chart.reference is not None else None
    top = max([*values, reference or 0, 0]) or 1
    plot_width = width - LABEL_WIDTH - VALUE_WIDTH
    height = len(bars) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP + (18 if reference is not None else 0)
    prefix = dom_id or f"chart-{chart.key}"
    parts = [
        format_html(
            # font-size: the page's CSS sets it in the browser; the PDF renderer needs it here.
            '<svg xmlns="http://www.w3.org/2000/svg" class="portal-chart" role="img" '
            'font-size="13" width="{}" height="{}" viewBox="0 0 {} {}" '
            'aria-labelledby="{}-title {}-desc">'
            '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc>',
            width, height, width, height, prefix, prefix, prefix, chart.title, prefix,
            chart.description or chart.title,
        )
    ]
    for index, bar in enumerate(bars):
        y = BAR_GAP + index * (BAR_HEIGHT + BAR_GAP)
        length = 0 if bar.value is None else round(plot_width * float(bar.value) / top, 1)
        parts.append(format_html(
            '<text x="{}" y="{}" text-anchor="end" class="portal-chart-label">{}</text>'
            '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>'
            '<text x="{}" y="{}" class="portal-chart-value">{}</text>',
            LABEL_WIDTH - 8, y + BAR_HEIGHT - 6, _truncate(str(bar.label)),
            LABEL_WIDTH, y, max(length, 0), BAR_HEIGHT, BAR_COLOUR,
            LABEL_WIDTH + max(length, 0) + 6, y + BAR_HEIGHT - 6,
            format_value(bar.value, chart.unit),
        ))
    parts.append(format_html(
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"></line>',
        LABEL_WIDTH, BAR_GAP / 2, LABEL_WIDTH, height - (18 if reference is not None else 0),
        AXIS_COLOUR,
    ))
    if reference is not None:
        x = LABEL_WIDTH + round(plot_width * reference / top, 1)
        parts.append(format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="2" '
            'stroke-dasharray="5 3"></line>'
            '<text x="{}" y="{}" text-anchor="middle" class="portal-chart-reference">{}</text>',
            x, BAR_GAP / 2, x, height - 18, REFERENCE_COLOUR,
            x, height - 4, f"{chart.reference_label} {format_value(chart.reference)}".strip(),
        ))
    parts.append(mark_safe("</svg>"))
    return mark_safe("".join(str(part) for part in parts))  # noqa: S308 - parts are escaped


def _truncate(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"



