"""The managers' PDF report: every section's figures, charts and tables, in WeasyPrint.

It is rendered like the letters (integration_portal.letters.rendering): the shipped fonts and
nothing else from disk or network. The municipality's logo is embedded as a data: URI, so the
renderer never opens an uploaded file by path.
"""

from __future__ import annotations

import base64
import datetime
import logging
from typing import TYPE_CHECKING

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from integration_portal.accounts.logos import logo_content_type
from integration_portal.letters.rendering import render_html_pdf

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality
    from integration_portal.reports.registry import Period, ReportSection

logger = logging.getLogger(__name__)

TEMPLATE = "reports/pdf/report.html"


def render_report_pdf(
    *,
    municipality: Municipality,
    period: Period,
    sections: list[ReportSection],
    language: str,
    generated_at: datetime.datetime,
) -> bytes:
    """The report as PDF bytes, in `language` (labels, dates and number formats)."""
    with translation.override(language):
        html = render_to_string(TEMPLATE, {
            "municipality": municipality,
            "logo_uri": logo_data_uri(municipality),
            "period": period,
            "sections": sections,
            "language": language,
            "generated_at": generated_at,
            "page_counter": page_counter_css(),
        })
    return render_html_pdf(html, allow_data_uris=True)


def page_counter_css() -> str:
    """"Page 1 of 3" in the active language, as a CSS `content` value with page counters."""
    counters = {"\x00page\x00": '" counter(page) "', "\x00pages\x00": '" counter(pages) "'}
    text = _("Page %(page)s of %(pages)s") % {"page": "\x00page\x00", "pages": "\x00pages\x00"}
    # A translation is text in a CSS string: its quotes and backslashes are escaped.
    text = text.replace("\\", "\\\\").replace('"', '\\"')
    for marker, counter in counters.items():
        text = text.replace(marker, counter)
    return f'"{text}"'


def logo_data_uri(municipality: Municipality) -> str:
    """The municipality's logo as a data: URI, or "" when it has none (or it cannot be read:
    a missing logo must not cost the manager the report)."""
    if not municipality.logo:
        return ""
    try:
        with municipality.logo.open("rb") as logo:
            content = logo.read()
    except OSError:
        logger.warning("The logo of municipality %s cannot be read", municipality.pk)
        return ""
    content_type = logo_content_type(content)
    if content_type is None:
        logger.warning("The logo of municipality %s is not a PNG or JPEG", municipality.pk)
        return ""
    return f"data:{content_type};base64,{base64.b64encode(content).decode('ascii')}"
