"""A letter's content per language, kept apart from the renderer so that code which only
composes letters does not import WeasyPrint."""

from __future__ import annotations

from dataclasses import dataclass

from integration_portal.letters.languages import is_rtl, native_name


@dataclass(frozen=True)
class LetterSection:
    """The whole letter in one language: filled-in subject and plain-text body."""

    language: str
    subject: str
    body: str

    @property
    def direction(self) -> str:
        return "rtl" if is_rtl(self.language) else "ltr"

    @property
    def language_name(self) -> str:
        return native_name(self.language)
