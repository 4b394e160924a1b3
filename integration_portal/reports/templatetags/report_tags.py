import datetime
from decimal import Decimal

from django import template

from integration_portal.core.formats import short_date
from integration_portal.reports.charts import bar_chart_svg, format_value

register = template.Library()


@register.simple_tag
def chart_svg(chart, dom_id: str = "", width: int = 640):
    return bar_chart_svg(chart, width=width, dom_id=dom_id)


@register.filter
def report_value(value, unit=""):
    return format_value(value, unit)


@register.filter
def report_cell(value):
    """A table cell: numbers as figures (grouped, "–" for None), dates short, text as is."""
    if value is None or (isinstance(value, int | float | Decimal) and not isinstance(value, bool)):
        return format_value(value)
    if isinstance(value, datetime.date):
        return short_date(value)
    return value
