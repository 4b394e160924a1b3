"""Letters as PDF: one section per language, Danish first, rendered by WeasyPrint.

The fonts are shipped in `fonts/` (Noto, SIL Open Font License) and loaded with @font-face,
so a letter looks the same on every machine and Arabic and Ethiopic text never depends on
which fonts the server happens to have. Pango shapes the Arabic script (joining forms,
ligatures) and the bidi algorithm orders it; sections in a right-to-left language are laid
out with `dir="rtl"`. The renderer may read the font files and nothing else: no network, no
other files, whatever a letter text contains.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import CSS, HTML
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from integration_portal.letters.sections import LetterSection

__all__ = ["FONT_DIR", "LetterSection", "render_html_pdf", "render_letter_pdf"]

FONT_DIR = Path(__file__).resolve().parent / "fonts"
TEMPLATE = "letters/pdf/welcome.html"

# (CSS family, weight, file). The families have names of their own so that they can never be
# confused with, or replaced by, a system font of the same name.
FONT_FACES = (
    ("Letter Sans", 400, "NotoSans-Regular.ttf"),
    ("Letter Sans", 700, "NotoSans-Bold.ttf"),
    ("Letter Arabic", 400, "NotoNaskhArabic-Regular.ttf"),
    ("Letter Arabic", 700, "NotoNaskhArabic-Bold.ttf"),
    ("Letter Ethiopic", 400, "NotoSansEthiopic-Regular.ttf"),
    ("Letter Ethiopic", 700, "NotoSansEthiopic-Bold.ttf"),
)


class _FontsOnlyFetcher(URLFetcher):
    def __init__(self, *, allow_data_uris: bool = False, **kwargs) -> None:
        kwargs.setdefault("allowed_protocols", ("file", "data") if allow_data_uris else ("file",))
        super().__init__(**kwargs)
        self._allow_data_uris = allow_data_uris

    def fetch(self, url: str, headers=None):
        # A data: URI is content the caller embedded itself (a report's logo): nothing is read.
        if self._allow_data_uris and url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        path = Path(url2pathname(parts.path)).resolve() if parts.scheme == "file" else None
        if path is None or path.parent != FONT_DIR:
            raise ValueError(f"A letter may load only its own fonts, not {url}")
        return super().fetch(url, headers)


def _font_face_css() -> str:
    return "\n".join(
        f'@font-face {{ font-family: "{family}"; font-weight: {weight}; font-style: normal; '
        f'src: url("{(FONT_DIR / file).as_uri()}") format("truetype"); }}'
        for family, weight, file in FONT_FACES
    )


def render_letter_pdf(
    *,
    sections: list[LetterSection],
    municipality_name: str,
    reference: str,
    date: datetime.date,
    recipient_lines: Sequence[str] = (),
) -> bytes:
    """Render a letter to PDF bytes. The letterhead is in Danish; each section in its language."""
    if not sections:
        raise ValueError("A letter needs at least one section")
    with translation.override("da"):
        html = render_to_string(TEMPLATE, {
            "sections": sections,
            "municipality_name": municipality_name,
            "reference": reference,
            "date": date,
            "recipient_lines": recipient_lines,
        })
    return render_html_pdf(html)


def render_html_pdf(html: str, *, allow_data_uris: bool = False) -> bytes:
    """Render a complete HTML document to PDF bytes with the shipped fonts and nothing else.

    The document may use the families of FONT_FACES ("Letter Sans", …); it cannot load any
    other file or URL. With `allow_data_uris` it may also hold data: URIs (images the caller
    embedded, e.g. a municipality's logo), which read nothing from disk or network.
    """
    font_config = FontConfiguration()
    fetcher = _FontsOnlyFetcher(allow_data_uris=allow_data_uris)
    fonts = CSS(string=_font_face_css(), font_config=font_config, url_fetcher=fetcher)
    document = HTML(string=html, base_url=FONT_DIR.as_uri() + "/", url_fetcher=fetcher)
    return document.write_pdf(stylesheets=[fonts], font_config=font_config)
