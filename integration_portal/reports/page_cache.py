"""The managers' start page keeps its figures for a few minutes.

Building every section reads a year of a municipality's cases, tasks, homes and measures: about
half a second for the largest municipality at national scale, and drawing them (charts, tables)
another 60 ms (bench/RESULTS.md), while the page is opened again and again (a meeting, a
colleague, the back button). The sections, drawn, are kept per municipality, period, language
and day for FIGURES_MAX_AGE; the page says when they were made and offers to make them again
at once. The CSV and the PDF report are always built afresh: they are what is handed on.

The cache is Django's default one (CACHES): each process's own memory.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language

from integration_portal.reports.registry import Period, build_report

if TYPE_CHECKING:
    from django.http import HttpRequest

    from integration_portal.accounts.models import Municipality

FIGURES_MAX_AGE = datetime.timedelta(minutes=5)
SECTIONS_TEMPLATE = "reports/_sections.html"


def _key(municipality: Municipality, period: Period) -> str:
    # The day is part of the key: "overdue" and "waiting" are counted as of today.
    return (f"reports:page:{municipality.pk}:{period.start}:{period.end}:{get_language()}:"
            f"{timezone.localdate()}")


def report_for_page(
    *, request: HttpRequest, municipality: Municipality, period: Period, refresh: bool = False
) -> tuple[str, datetime.datetime]:
    """The report's sections drawn as HTML (reports/_sections.html) and when they were built:
    kept ones when younger than FIGURES_MAX_AGE, unless `refresh`."""
    key = _key(municipality, period)
    if not refresh and (kept := cache.get(key)) is not None:
        return kept
    sections = build_report(municipality=municipality, period=period)
    built = (render_to_string(SECTIONS_TEMPLATE, {"report_sections": sections}, request=request),
             timezone.now())
    cache.set(key, built, timeout=FIGURES_MAX_AGE.total_seconds())
    return built
