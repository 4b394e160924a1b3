"""Filters for the volunteer profile pages. No reception here: volunteers' pages load it."""

from django import template

from integration_portal.letters.languages import Language

register = template.Library()


@register.filter
def language_names(codes: list[str]) -> str:
    """["ar", "Tyrkisk"] -> "Arabic, Tyrkisk": known codes by name, free text as written."""
    return ", ".join(str(Language(code).label) if code in Language.values else code
                     for code in codes or [])
