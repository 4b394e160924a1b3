"""Danish working days: public holidays computed from Easter, and date arithmetic.

Two calendars, chosen with `extra_closed`:

- the public holidays (helligdage) alone, with `extra_closed=False`;
- those plus the days most municipal offices close although they are not public holidays —
  Grundlovsdag (5 June), Juleaftensdag (24 December) and Nytårsaftensdag (31 December) —
  with `extra_closed=True`, the default, for planning office work (letters, reminders).

Statutory deadlines use the first (see `engine` and `takeover`): a deadline must never move
later because an office happens to be closed.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

from django.utils.translation import gettext_lazy as _

# Store bededag stopped being a public holiday from 2024, when it was abolished by law.
LAST_YEAR_WITH_STORE_BEDEDAG = 2023


def easter_sunday(year: int) -> date:
    """Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(year, month, day + 1)


def danish_holidays(year: int, *, extra_closed: bool = True) -> dict[date, str]:
    """The non-working days of `year` other than weekends, each with its (translated) name."""
    easter = easter_sunday(year)
    holidays = {
        date(year, 1, 1): _("New Year's Day (Nytårsdag)"),
        easter - timedelta(days=3): _("Maundy Thursday (Skærtorsdag)"),
        easter - timedelta(days=2): _("Good Friday (Langfredag)"),
        easter: _("Easter Sunday (Påskedag)"),
        easter + timedelta(days=1): _("Easter Monday (2. påskedag)"),
        easter + timedelta(days=39): _("Ascension Day (Kristi himmelfartsdag)"),
        easter + timedelta(days=49): _("Whit Sunday (Pinsedag)"),
        easter + timedelta(days=50): _("Whit Monday (2. pinsedag)"),
        date(year, 12, 25): _("Christmas Day (Juledag)"),
        date(year, 12, 26): _("Boxing Day (2. juledag)"),
    }
    if year <= LAST_YEAR_WITH_STORE_BEDEDAG:
        # The fourth Friday after Easter.
        holidays[easter + timedelta(days=26)] = _("General Prayer Day (Store bededag)")
    if extra_closed:
        holidays[date(year, 6, 5)] = _("Constitution Day (Grundlovsdag)")
        holidays[date(year, 12, 24)] = _("Christmas Eve (Juleaftensdag)")
        holidays[date(year, 12, 31)] = _("New Year's Eve (Nytårsaftensdag)")
    return dict(sorted(holidays.items()))


@lru_cache(maxsize=256)
def _closed_days(year: int, extra_closed: bool) -> frozenset[date]:
    return frozenset(danish_holidays(year, extra_closed=extra_closed))


def is_working_day(d: date, *, extra_closed: bool = True) -> bool:
    """Monday to Friday and not a holiday (nor, with `extra_closed`, a closing day)."""
    return d.weekday() < 5 and d not in _closed_days(d.year, extra_closed)


def next_working_day(d: date, *, extra_closed: bool = True) -> date:
    """`d` itself if it is a working day, otherwise the first working day after it."""
    while not is_working_day(d, extra_closed=extra_closed):
        d += timedelta(days=1)
    return d


def add_working_days(d: date, n: int, *, extra_closed: bool = True) -> date:
    """The date `n` working days after `d` (before it, for negative `n`); `d` is not counted.

    `d` need not be a working day itself: 1 working day after a Saturday is the Monday.
    """
    step = timedelta(days=1 if n >= 0 else -1)
    remaining = abs(n)
    while remaining:
        d += step
        if is_working_day(d, extra_closed=extra_closed):
            remaining -= 1
    return d


def end_of_month(d: date) -> date:
    first_of_next = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return first_of_next - timedelta(days=1)


def add_months(d: date, n: int) -> date:
    """Calendar months, clamped to the month's end: 31 January + 1 month = 28/29 February."""
    months = d.year * 12 + (d.month - 1) + n
    year, month0 = divmod(months, 12)
    first = date(year, month0 + 1, 1)
    return first.replace(day=min(d.day, end_of_month(first).day))
