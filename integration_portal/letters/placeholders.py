"""The placeholders a letter text may use, and how they are filled in.

A placeholder is a known name in braces, e.g. `{caseworker}`. Filling is a plain substitution
of those names — not `str.format` — so a text written by an administrator can neither reach
attributes of the values (`{x.__class__}`) nor break on a stray brace in ordinary prose.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

PLACEHOLDERS: dict[str, Promise] = {
    "first_names": _("The first names of the persons the letter is addressed to"),
    "municipality": _("The municipality's name"),
    "caseworker": _("The caseworker's name"),
    "contact_email": _("The integration office's contact e-mail"),
    "reference": _("The case reference"),
    "arrival_date": _("The date of arrival (or expected arrival)"),
}

_BRACED = re.compile(r"\{([^{}]*)\}")


def validate_placeholders(text: str) -> None:
    """Reject braces around anything but a known placeholder name."""
    unknown = sorted({name for name in _BRACED.findall(text) if name not in PLACEHOLDERS})
    if unknown:
        raise ValidationError(
            _("Unknown placeholders: %(unknown)s. Known placeholders: %(known)s."),
            code="unknown_placeholder",
            params={
                "unknown": ", ".join(f"{{{name}}}" for name in unknown),
                "known": ", ".join(f"{{{name}}}" for name in PLACEHOLDERS),
            },
        )


def fill_placeholders(text: str, values: Mapping[str, str]) -> str:
    missing = set(PLACEHOLDERS) - set(values)
    if missing:
        raise KeyError(f"No value for the placeholders {sorted(missing)}")
    return _BRACED.sub(
        lambda match: values.get(match.group(1), match.group(0)), text
    )
