"""Find personal data in free text that volunteers will read.

A task's title and description cross the privacy wall, so a caseworker's text is checked
before it is saved. The check is deliberately simple and errs towards flagging: a false
alarm costs the caseworker a rewording, a miss puts a citizen's data in front of volunteers.
It does not replace the caseworker's judgement; it catches the slips.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.translation import gettext as _

# [0-9], not \d: other scripts' digits are not CPR numbers or phone numbers here.
# A CPR number is DDMMYY-SSSS or ten digits in a row. Day and month must be plausible, so a
# random long number is not taken for one; there is no modulus-11 check, because numbers
# issued since 2007 may fail it (see integration_portal.rules.cpr).
_CPR = re.compile(
    r"(?<![0-9])(?:0[1-9]|[12][0-9]|3[01])(?:0[1-9]|1[0-2])[0-9]{2}-?[0-9]{4}(?![0-9])"
)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# Eight digits, optionally after +45 or 0045, optionally in groups split by single spaces
# ("12345678", "12 34 56 78", "1234 5678", "+45 12 34 56 78"). Exactly eight digits, so
# postcodes and times (4330, 12.03) are not taken for one; an eight-digit date written
# without separators is, which is the safe side to err on.
_PHONE = re.compile(
    r"(?<![0-9+])(?:(?:\+|00)45 ?)?[0-9](?: ?[0-9]){7}(?![0-9])"
)
MIN_NAME_LENGTH = 2


def _name_pattern(name: str) -> re.Pattern[str]:
    # Whole words only: "Ali" is found in "Ali's" and "ali" but not in "Alibaba" or "Natalie".
    words = r"\s+".join(re.escape(word) for word in name.split())
    return re.compile(rf"(?<!\w){words}(?!\w)", re.IGNORECASE)


def find_personal_data(text: str, *, names: Iterable[str]) -> list[str]:
    """What personal data the text seems to contain, as phrases for an error message.

    Returns e.g. ["a CPR number", "a phone number", 'the name "Amina"'], each kind once,
    in a fixed order; an empty list means nothing was found.
    """
    findings: list[str] = []
    if _CPR.search(text):
        findings.append(_("a CPR number"))
        # A CPR number's digits must not be reported a second time as a phone number.
        text = _CPR.sub(" ", text)
    if _EMAIL.search(text):
        findings.append(_("an e-mail address"))
        text = _EMAIL.sub(" ", text)
    if _PHONE.search(text):
        findings.append(_("a phone number"))
    seen: set[str] = set()
    for name in names:
        name = " ".join((name or "").split())
        if len(name) < MIN_NAME_LENGTH or name.casefold() in seen:
            continue
        seen.add(name.casefold())
        if _name_pattern(name).search(text):
            findings.append(_('the name "%(name)s"') % {"name": name})
    return findings
