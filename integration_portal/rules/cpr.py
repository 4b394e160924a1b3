"""CPR numbers (personnummer): parse, normalise and mask — and never reject on modulus 11.

Since 1 October 2007 the CPR office issues numbers that fail the old modulus-11 check,
mostly to people registered with a 1 January birth date — which is what refugees with an
unknown birth date are given. A modulus-11 check would therefore turn away exactly the
people this portal serves, so there is none (domain.md §5). Nor is gender derived from the
last digit: the portal has no use for it and the CPR office no longer promises it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# [0-9], not \d: \d also matches other scripts' digits, which int() would then accept.
_CPR = re.compile(r"(?P<dd>[0-9]{2})(?P<mm>[0-9]{2})(?P<yy>[0-9]{2})-?(?P<serial>[0-9]{4})")

FORMAT_MESSAGE = _("Enter the CPR number as DDMMYY-SSSS, for example 010180-1234.")
DATE_MESSAGE = _("The first six digits of the CPR number are not a real date.")


@dataclass(frozen=True, repr=False)
class Cpr:
    """A parsed CPR number. Shown as text (str, repr, a template) it is masked, so that a
    Cpr in a log line, a traceback or a careless template gives away no full number; ask
    for `normalised` where the full number is really needed."""

    normalised: str
    birth_date: date

    @property
    def masked(self) -> str:
        return f"{self.normalised[:6]}-XXXX"

    def __repr__(self) -> str:
        return f"Cpr({self.masked})"

    def __str__(self) -> str:
        return self.masked


def century_of(*, yy: int, seventh_digit: int) -> int:
    """The century of the birth year, from the CPR office's table of the 7th digit."""
    if seventh_digit <= 3:
        return 1900
    if seventh_digit in (4, 9):
        return 2000 if yy <= 36 else 1900
    # 5 to 8
    return 2000 if yy <= 57 else 1800


def parse_cpr(value: str) -> Cpr:
    """Parse "DDMMYY-SSSS" or "DDMMYYSSSS" (surrounding whitespace ignored).

    Raises ValidationError (code "cpr_format" or "cpr_date") for anything else. A birth date
    in the future is not rejected here: the number itself is well formed, and whether it
    makes sense for a person is for the caller to judge, not for the parser.
    """
    match = _CPR.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise ValidationError(FORMAT_MESSAGE, code="cpr_format")
    dd, mm, yy = int(match["dd"]), int(match["mm"]), int(match["yy"])
    serial = match["serial"]
    year = century_of(yy=yy, seventh_digit=int(serial[0])) + yy
    try:
        birth_date = date(year, mm, dd)
    except ValueError:
        raise ValidationError(DATE_MESSAGE, code="cpr_date") from None
    return Cpr(normalised=f"{match['dd']}{match['mm']}{match['yy']}-{serial}",
               birth_date=birth_date)


def validate_cpr(value: str) -> None:
    """A model-field validator: raises ValidationError unless `value` parses as a CPR number."""
    parse_cpr(value)


class CprFormField(forms.CharField):
    """A CPR number input that cleans to the normalised "DDMMYY-SSSS" string.

    It cleans to a string rather than a `Cpr` so that it drops into model forms over a
    CharField; call `parse_cpr` on the cleaned value for the birth date.
    """

    default_error_messages = {"cpr_format": FORMAT_MESSAGE, "cpr_date": DATE_MESSAGE}

    def __init__(self, **kwargs) -> None:
        kwargs.setdefault("max_length", 11)
        kwargs.setdefault("label", _("CPR number"))
        super().__init__(**kwargs)
        self.widget.attrs.setdefault("autocomplete", "off")
        self.widget.attrs.setdefault("inputmode", "numeric")

    def to_python(self, value: str | None) -> str:
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        try:
            return parse_cpr(value).normalised
        except ValidationError as error:
            raise ValidationError(self.error_messages[error.code], code=error.code) from None
