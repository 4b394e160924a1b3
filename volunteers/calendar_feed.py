"""A volunteer's private calendar feed (iCalendar, RFC 5545), written by hand.

The feed is opened by calendar programs without a login: the key in its address is the only
lock. So it carries what the volunteer already sees on their pages and nothing more — the
task's volunteer-safe fields and the events' own fields. Outside the privacy wall: this module
must not import reception (a test checks).

The format is small enough to write without a library: text escaped (RFC 5545 §3.3.11),
lines folded at 75 octets without splitting a character (§3.1), CRLF line ends, times in UTC.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from integration_portal.letters.languages import Language
from volunteers import selectors
from volunteers.events import occurrence_on
from volunteers.models import EventKind, TaskStatus

if TYPE_CHECKING:
    from volunteers.models import EventSignup, Task, VolunteerProfile

CRLF = "\r\n"
MAX_LINE_OCTETS = 75
# Tasks that ended longer ago than this are left out of the feed.
PAST_DAYS = 90
PRODID = "-//Integration Portal//Volunteer calendar//EN"
# Control characters are not allowed in iCalendar text (RFC 5545 §3.3.11), except tab.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


@dataclass(frozen=True)
class CalendarEntry:
    """One VEVENT."""

    uid: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    summary: str
    location: str = ""
    description: str = ""
    status: str = "CONFIRMED"


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and line breaks escaped."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line: str) -> str:
    """The content line folded into pieces of at most 75 octets, joined by CRLF + space.

    Counted in UTF-8 octets, and split only between characters, so a multi-byte character is
    never cut in two. A continuation line's leading space counts towards its 75.
    """
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    limit = MAX_LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, MAX_LINE_OCTETS - 1
        current.append(char)
        size += octets
    pieces.append("".join(current))
    return (CRLF + " ").join(pieces)


def format_utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def render_calendar(*, name: str, entries: Iterable[CalendarEntry],
                    now: datetime.datetime) -> str:
    """The whole VCALENDAR as text with CRLF line ends."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
        # Ask calendar programs to look again every hour (a hint; each decides for itself).
        "REFRESH-INTERVAL;VALUE=DURATION:PT1H",
        "X-PUBLISHED-TTL:PT1H",
    ]
    stamp = format_utc(now)
    for entry in entries:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape_text(entry.uid)}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{format_utc(entry.starts_at)}",
            f"DTEND:{format_utc(entry.ends_at)}",
            f"SUMMARY:{escape_text(entry.summary)}",
        ]
        if entry.location:
            lines.append(f"LOCATION:{escape_text(entry.location)}")
        if entry.description:
            lines.append(f"DESCRIPTION:{escape_text(entry.description)}")
        lines += [f"STATUS:{entry.status}", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def _uid_host() -> str:
    return urlsplit(settings.PORTAL_BASE_URL).hostname or "integration-portal"


def _language_names(codes: Iterable[str]) -> str:
    return ", ".join(str(Language(code).label) if code in Language.values else code
                     for code in codes)


def task_entry(task: Task, *, host: str) -> CalendarEntry:
    """A task the volunteer took, from its volunteer-safe fields only."""
    facts = [_("Kind: %(kind)s") % {"kind": task.kind.label}]
    if task.languages:
        facts.append(_("Languages: %(languages)s") % {
            "languages": _language_names(task.languages)})
    if task.involves_children_under_15:
        facts.append(_("Involves children under 15"))
    if task.estimated_hours is not None:
        facts.append(_("Estimated hours: %(hours)s") % {
            "hours": f"{task.estimated_hours.normalize():f}"})
    if task.status == TaskStatus.DONE:
        facts.append(_("Done"))
    description = "\n".join(facts + ([task.description] if task.description else []))
    return CalendarEntry(
        uid=f"task-{task.pk}@{host}", starts_at=task.starts_at, ends_at=task.ends_at,
        summary=task.title, location=task.area, description=description,
    )


def meeting_entry(signup: EventSignup, *, host: str) -> CalendarEntry:
    """A meeting the volunteer signed up for; cancelled when its event is."""
    event = signup.event
    occurrence = occurrence_on(event, signup.occurs_on)
    facts = [_("Kind: %(kind)s") % {"kind": EventKind(event.kind).label}]
    if event.interpreter_needed:
        languages = _language_names(event.interpreter_languages)
        facts.append(_("Interpreter needed: %(languages)s") % {"languages": languages}
                     if languages else _("Interpreter needed"))
    cancelled = event.cancelled_at is not None
    if cancelled:
        facts.append(_("Cancelled"))
    description = "\n".join(facts + ([event.description] if event.description else []))
    return CalendarEntry(
        uid=f"event-{event.pk}-{signup.occurs_on:%Y%m%d}@{host}",
        starts_at=occurrence.starts_at, ends_at=occurrence.ends_at, summary=event.title,
        location=event.location, description=description,
        status="CANCELLED" if cancelled else "CONFIRMED",
    )


def volunteer_feed(profile: VolunteerProfile, *, now: datetime.datetime | None = None) -> str:
    """The volunteer's feed: tasks taken or done and meetings signed up for, from 90 days
    back on. Three queries, whatever the number of entries."""
    now = now or timezone.now()
    volunteer = profile.user
    host = _uid_host()
    since = now - datetime.timedelta(days=PAST_DAYS)
    entries = [task_entry(task, host=host)
               for task in selectors.calendar_tasks(volunteer=volunteer, since=since)]
    entries += [meeting_entry(signup, host=host) for signup in selectors.calendar_signups(
        volunteer=volunteer, since=timezone.localdate(since))]
    name = _("Volunteering – %(municipality)s") % {"municipality": volunteer.municipality.name}
    return render_calendar(name=name, entries=entries, now=now)
