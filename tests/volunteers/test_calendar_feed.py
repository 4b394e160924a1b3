"""The volunteer's private calendar feed: valid iCalendar, only their own tasks and meetings,
and only for the key of an active volunteer."""

import datetime
import zoneinfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from integration_portal.accounts.models import User
from tests.factories import UserFactory
from tests.volunteers.factories import EventFactory, TaskFactory, VolunteerProfileFactory
from volunteers.calendar_feed import MAX_LINE_OCTETS, escape_text, fold
from volunteers.events import first_date
from volunteers.models import Event, EventSignup, VolunteerProfile

pytestmark = pytest.mark.django_db

COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


@pytest.fixture(autouse=True)
def _feed_in_english(client):
    # The assertions read the English source texts; the portal's default language is Danish.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


# Reading the feed back, strictly.


def _physical_lines(body: bytes) -> list[bytes]:
    assert body.endswith(b"\r\n"), "the feed must end with CRLF"
    lines = body[:-2].split(b"\r\n")
    for line in lines:
        assert b"\n" not in line and b"\r" not in line, "bare LF or CR"
        assert len(line) <= MAX_LINE_OCTETS, (len(line), line)
        line.decode("utf-8")  # a character split by folding would not decode
    return lines


def _unfold(body: bytes) -> list[str]:
    lines: list[str] = []
    for line in _physical_lines(body):
        text = line.decode("utf-8")
        if text.startswith(" "):
            lines[-1] += text[1:]
        else:
            lines.append(text)
    return lines


def _unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            nxt = next(chars)
            out.append("\n" if nxt in "nN" else nxt)
        else:
            out.append(char)
    return "".join(out)


def _parse(body: bytes) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The calendar's own properties and its events' properties; BEGIN/END must pair up."""
    stack: list[str] = []
    calendar: dict[str, str] = {}
    events: list[dict[str, str]] = []
    for line in _unfold(body):
        name, _, value = line.partition(":")
        name = name.split(";")[0]
        if name == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                assert stack == ["VCALENDAR", "VEVENT"]
                events.append({})
            continue
        if name == "END":
            assert stack and stack.pop() == value, f"END:{value} does not close its BEGIN"
            continue
        assert stack, f"{line} outside VCALENDAR"
        (events[-1] if stack[-1] == "VEVENT" else calendar)[name] = value
    assert stack == [], "unclosed components"
    return calendar, events


def _feed(client, profile: VolunteerProfile):
    return client.get(reverse("volunteers:calendar_feed", args=[profile.calendar_token]))


def _utc(moment: datetime.datetime) -> str:
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


# The format.


def test_text_is_escaped():
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"
    assert escape_text("bell\x07") == "bell"


def test_long_lines_are_folded_at_75_octets_and_unfold_to_the_original():
    line = "DESCRIPTION:" + "x" * 200
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(piece.encode()) <= 75 for piece in pieces)
    assert all(piece.startswith(" ") for piece in pieces[1:])
    assert "".join([pieces[0]] + [piece[1:] for piece in pieces[1:]]) == line


def test_folding_never_splits_a_character():
    # given a line of two-, three- and four-octet characters
    line = "SUMMARY:" + "æøå" * 30 + "€" * 30 + "🙂" * 30
    # when
    folded = fold(line).encode("utf-8")
    # then every piece is at most 75 octets and valid UTF-8 by itself
    pieces = folded.split(b"\r\n")
    assert len(pieces) > 3
    for piece in pieces:
        assert len(piece) <= 75
        piece.decode("utf-8")
    assert fold(line).replace("\r\n ", "") == line


def test_a_short_line_is_left_alone():
    assert fold("VERSION:2.0") == "VERSION:2.0"


# The feed.


@pytest.fixture
def claimed_task(municipality, volunteer_profile):
    return TaskFactory(municipality=municipality, status="claimed", title="Følg til tandlæge",
                       description="Mødested: stationen; tag cyklen, hvis det regner.\nTak!",
                       claimed_by=volunteer_profile.user, claimed_at=timezone.now())


@pytest.fixture
def signed_up_meeting(municipality, volunteer_profile):
    event = EventFactory(municipality=municipality, title="Åben rådgivning",
                         location="Rådhuset, Hvalsø", interpreter_needed=True,
                         interpreter_languages=["ar"],
                         repeats_weekly_until=timezone.localdate() + datetime.timedelta(days=60))
    day = first_date(event) + datetime.timedelta(days=7)
    EventSignup.objects.create(event=event, occurs_on=day, volunteer=volunteer_profile.user)
    return event, day


def test_the_feed_is_valid_icalendar_with_my_task_and_my_meeting(
        client, volunteer_profile, claimed_task, signed_up_meeting, settings):
    # given
    settings.PORTAL_BASE_URL = "https://portal.lejre.example"
    event, day = signed_up_meeting
    # when a calendar program fetches it, without logging in
    response = _feed(client, volunteer_profile)
    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar, events = _parse(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    assert "Lejre" in _unescape(calendar["X-WR-CALNAME"])
    by_uid = {entry["UID"]: entry for entry in events}
    assert set(by_uid) == {
        f"task-{claimed_task.pk}@portal.lejre.example",
        f"event-{event.pk}-{day:%Y%m%d}@portal.lejre.example",
    }
    task = by_uid[f"task-{claimed_task.pk}@portal.lejre.example"]
    assert task["DTSTART"] == _utc(claimed_task.starts_at)
    assert task["DTEND"] == _utc(claimed_task.ends_at)
    assert task["DTSTAMP"].endswith("Z")
    assert _unescape(task["SUMMARY"]) == "Følg til tandlæge"
    assert _unescape(task["LOCATION"]) == "4330 Hvalsø"
    assert "Mødested: stationen; tag cyklen, hvis det regner.\nTak!" in _unescape(
        task["DESCRIPTION"])
    assert "\\;" in task["DESCRIPTION"] and "\\," in task["DESCRIPTION"]
    assert task["STATUS"] == "CONFIRMED"
    meeting = by_uid[f"event-{event.pk}-{day:%Y%m%d}@portal.lejre.example"]
    starts = datetime.datetime.combine(day, datetime.time(16), tzinfo=COPENHAGEN)
    assert meeting["DTSTART"] == _utc(starts)
    assert meeting["DTEND"] == _utc(starts + datetime.timedelta(hours=2))
    assert _unescape(meeting["LOCATION"]) == "Rådhuset, Hvalsø"
    assert "Arabic" in _unescape(meeting["DESCRIPTION"])


def test_the_feed_holds_none_of_the_others_tasks(client, volunteer_profile, municipality,
                                                 claimed_task):
    # given another volunteer's task, an open task and a task given back
    other = VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True))
    theirs = TaskFactory(municipality=municipality, status="claimed", title="Deres opgave",
                         claimed_by=other.user, claimed_at=timezone.now())
    open_task = TaskFactory(municipality=municipality, title="Ledig opgave")
    event = EventFactory(municipality=municipality, title="Deres møde")
    EventSignup.objects.create(event=event, occurs_on=first_date(event), volunteer=other.user)
    # when
    _calendar, events = _parse(_feed(client, volunteer_profile).content)
    # then
    uids = {entry["UID"].split("@")[0] for entry in events}
    assert uids == {f"task-{claimed_task.pk}"}
    content = _feed(client, volunteer_profile).content.decode()
    for title in (theirs.title, open_task.title, "Deres møde"):
        assert title not in content


def test_done_tasks_of_the_last_90_days_are_kept_and_older_ones_left_out(
        client, volunteer_profile, municipality):
    now = timezone.now()
    recent = TaskFactory(municipality=municipality, status="done",
                         claimed_by=volunteer_profile.user,
                         starts_at=now - datetime.timedelta(days=80),
                         ends_at=now - datetime.timedelta(days=80) + datetime.timedelta(hours=2))
    TaskFactory(municipality=municipality, status="done", claimed_by=volunteer_profile.user,
                starts_at=now - datetime.timedelta(days=100),
                ends_at=now - datetime.timedelta(days=100) + datetime.timedelta(hours=2))
    _calendar, events = _parse(_feed(client, volunteer_profile).content)
    assert [entry["UID"].split("@")[0] for entry in events] == [f"task-{recent.pk}"]


def test_a_cancelled_meeting_is_marked_cancelled(client, volunteer_profile, signed_up_meeting):
    event, _day = signed_up_meeting
    Event.objects.filter(pk=event.pk).update(cancelled_at=timezone.now())
    _calendar, [meeting] = _parse(_feed(client, volunteer_profile).content)
    assert meeting["STATUS"] == "CANCELLED"


def test_an_empty_feed_is_still_a_calendar(client, volunteer_profile):
    calendar, events = _parse(_feed(client, volunteer_profile).content)
    assert events == []
    assert calendar["VERSION"] == "2.0"


# Who gets it.


def test_an_unknown_key_is_not_found(client, volunteer_profile):
    url = reverse("volunteers:calendar_feed", args=["not-a-key"])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("status", ["paused", "ended", "pending"])
def test_a_volunteer_who_is_not_active_has_no_feed(client, volunteer_profile, status):
    VolunteerProfile.objects.filter(pk=volunteer_profile.pk).update(status=status)
    assert _feed(client, volunteer_profile).status_code == 404


def test_a_closed_account_has_no_feed(client, volunteer_profile):
    User.objects.filter(pk=volunteer_profile.user_id).update(is_active=False)
    assert _feed(client, volunteer_profile).status_code == 404


def test_a_new_key_invalidates_the_old(client, volunteer_profile):
    from volunteers.services import calendar_token_renew

    old_token = volunteer_profile.calendar_token
    calendar_token_renew(profile=volunteer_profile, actor=volunteer_profile.user)
    assert client.get(reverse("volunteers:calendar_feed", args=[old_token])).status_code == 404
    assert _feed(client, volunteer_profile).status_code == 200


# What it costs.


def _fill(municipality, volunteer, count):
    for _ in range(count):
        TaskFactory(municipality=municipality, status="claimed", claimed_by=volunteer,
                    claimed_at=timezone.now())
        event = EventFactory(municipality=municipality)
        EventSignup.objects.create(event=event, occurs_on=first_date(event), volunteer=volunteer)


@pytest.mark.parametrize("count", [2, 20])
def test_the_feed_costs_a_fixed_number_of_queries(client, volunteer_profile, municipality,
                                                  count, django_assert_max_num_queries):
    _fill(municipality, volunteer_profile.user, count)
    with django_assert_max_num_queries(3):
        response = _feed(client, volunteer_profile)
    assert len(_parse(response.content)[1]) == 2 * count


def test_the_feed_does_not_grow_with_its_entries(client, volunteer_profile, municipality,
                                                 django_assert_num_queries):
    _fill(municipality, volunteer_profile.user, 2)
    with CaptureQueriesContext(connection) as two:
        _feed(client, volunteer_profile)
    _fill(municipality, volunteer_profile.user, 18)
    with django_assert_num_queries(len(two.captured_queries)):
        _feed(client, volunteer_profile)
