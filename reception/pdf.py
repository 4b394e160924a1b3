"""Reception's printouts (the case summary, the print list's cover page) as PDF.

HTML in the reader's language, rendered by the letters' renderer with its shipped fonts and
nothing else (integration_portal.letters.rendering). The templates extend
`reception/pdf/_base.html`, whose page footer carries `footer` and "Page n of m".
"""

from __future__ import annotations

import re

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _


def css_string(text: str) -> str:
    """`text` as a quoted CSS string, safe inside a <style> element."""
    escaped = (
        text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ").replace("<", "\\3c ")
    )
    return f'"{escaped}"'


def page_counter_css() -> str:
    """'Page n of m' as CSS `content`: the translators see one sentence, CSS gets it in pieces
    around the page counters."""
    text = _("Page %(page)s of %(pages)s") % {"page": "\0page\0", "pages": "\0pages\0"}
    parts = re.split("\0(pages?)\0", text)
    # re.split puts the literal text at even places and the counters' names at odd ones.
    return " ".join(
        f"counter({part})" if index % 2 else css_string(part)
        for index, part in enumerate(parts)
        if index % 2 or part
    )


def render_pdf(template_name: str, context: dict, *, footer: str) -> bytes:
    """Render a printout in the active language. No request: a PDF needs no context
    processors (and must not pay for their queries)."""
    # Imported here: WeasyPrint and Pango take most of a second to load.
    from integration_portal.letters.rendering import render_html_pdf

    html = render_to_string(template_name, {
        **context,
        "language_code": get_language(),
        "footer_css": mark_safe(css_string(footer)),  # noqa: S308 - escaped by css_string
        "page_counter_css": mark_safe(page_counter_css()),  # noqa: S308 - escaped likewise
    })
    return render_html_pdf(html)
