"""When an event meets: a weekly event expanded into its dated meetings (occurrences).

Pure functions of the event's own fields; no queries. A weekly meeting keeps its local
wall-clock time across daylight saving: the open counselling at 16:00 is at 16:00 in January
and in July, although the UTC hour differs (15:00Z and 14:00Z). So each occurrence is built
from the local date and time in Europe/Copenhagen, never by adding a week of hours to an instant.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.utils import timezone

if TYPE_CHECKING:
    from volunteers.models import Event

# How far ahead the lists of meetings look.
DEFAULT_WEEKS = 8
WEEK = datetime.timedelta(days=7)


@dataclass(frozen=True)
class Occurrence:
    """One meeting of an event: the date it is on and its start and end as aware datetimes."""

    event: Event
    occurs_on: datetime.date
    starts_at: datetime.datetime
    ends_at: datetime.datetime

    def is_over(self, now: datetime.datetime) -> bool:
        return self.ends_at <= now


def first_date(event: Event) -> datetime.date:
    return timezone.localdate(event.starts_at, timezone.get_default_timezone())


def last_date(event: Event) -> datetime.date:
    """The date of the event's last meeting: its only one, or its last weekly repetition."""
    first = first_date(event)
    until = event.repeats_weekly_until
    if until is None or until < first:
        return first
    # The last date on the same weekday as the first, on or before `until`.
    return until - datetime.timedelta(days=(until - first).days % 7)


def is_occurrence(event: Event, day: datetime.date) -> bool:
    """Whether the event meets on this date."""
    first = first_date(event)
    return first <= day <= last_date(event) and (day - first).days % 7 == 0


def occurrence_on(event: Event, day: datetime.date) -> Occurrence:
    """The meeting on `day` at the event's local start and end time (the caller checks the date).

    A meeting that runs past midnight ends the same number of days after its start as the
    first one did. A time in the hour skipped in spring (02:00–03:00 on the last Sunday of
    March) is read with the offset before the change, as zoneinfo does; no meeting is held then.
    """
    zone = timezone.get_default_timezone()
    local_start = timezone.localtime(event.starts_at, zone)
    local_end = timezone.localtime(event.ends_at, zone)
    end_day = day + (local_end.date() - local_start.date())
    return Occurrence(
        event=event,
        occurs_on=day,
        starts_at=datetime.datetime.combine(day, local_start.time(), tzinfo=zone),
        ends_at=datetime.datetime.combine(end_day, local_end.time(), tzinfo=zone),
    )


def occurrences(event: Event, *, start: datetime.date, end: datetime.date,
                ) -> Iterator[Occurrence]:
    """The event's meetings dated from `start` to `end`, both included, in order."""
    first = first_date(event)
    last = min(last_date(event), end)
    day = first
    if start > first:
        # The first meeting on or after `start`: round the gap up to whole weeks.
        weeks = -(-(start - first).days // 7)
        day = first + weeks * WEEK
    while day <= last:
        yield occurrence_on(event, day)
        day += WEEK


def upcoming_window(today: datetime.date, weeks: int = DEFAULT_WEEKS,
                    ) -> tuple[datetime.date, datetime.date]:
    """Today and the last day of the coming `weeks` weeks, for `occurrences(start=, end=)`."""
    return today, today + weeks * WEEK - datetime.timedelta(days=1)


def upcoming_occurrences(event: Event, *, now: datetime.datetime,
                         weeks: int = DEFAULT_WEEKS) -> list[Occurrence]:
    """The event's meetings in the coming weeks that have not ended yet."""
    start, end = upcoming_window(timezone.localdate(now, timezone.get_default_timezone()),
                                 weeks)
    return [occurrence for occurrence in occurrences(event, start=start, end=end)
            if not occurrence.is_over(now)]
