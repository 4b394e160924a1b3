"""Reading rendered PDFs back: text per page, where text sits, which fonts are embedded."""

from __future__ import annotations

import io
import unicodedata

from pypdf import PdfReader


def _reader(data: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(data))


def pdf_pages_text(data: bytes) -> list[str]:
    """Each page's text, NFKC-normalised so Arabic presentation forms read as plain letters."""
    return [
        unicodedata.normalize("NFKC", page.extract_text() or "") for page in _reader(data).pages
    ]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_pages_text(data))


def words(text: str) -> str:
    """Text with every run of white space as one space: a table cell may wrap a phrase over
    lines, depending on how wide the other cells' text (a random name, a date) makes it."""
    return " ".join(text.split())


def pdf_words(data: bytes) -> str:
    """The whole document's text as words (see `words`), for asserting on phrases."""
    return words(pdf_text(data))


def pdf_text_runs(data: bytes, page_number: int) -> list[tuple[float, str]]:
    """(x position, text) of each run of text on a page (1-based), in the page's units."""
    runs: list[tuple[float, str]] = []

    def visit(text, cm, tm, font_dict, font_size):
        if text.strip():
            runs.append((tm[4], unicodedata.normalize("NFKC", text).strip()))

    _reader(data).pages[page_number - 1].extract_text(visitor_text=visit)
    return runs


def pdf_font_names(data: bytes) -> set[str]:
    """Embedded fonts' names without the subset prefix, e.g. "Letter-Arabic"."""
    names = set()
    for page in _reader(data).pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for font in fonts.values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+", 1)[-1])
    return names
