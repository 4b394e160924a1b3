"""Events: when a weekly event meets, and signing up for, withdrawing from, creating,
changing and cancelling events (the services)."""

import datetime
import threading
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections
from django.utils import timezone, translation

from integration_portal.notifications.models import Notification
from tests.factories import MunicipalityFactory, UserFactory
from tests.volunteers.factories import EventFactory, VolunteerProfileFactory
from volunteers import services
from volunteers.events import (
    first_date,
    is_occurrence,
    last_date,
    occurrence_on,
    occurrences,
    upcoming_occurrences,
    upcoming_window,
)
from volunteers.models import Event, EventSignup

COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")
UTC = datetime.UTC


def _local(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=COPENHAGEN)


def _event(**fields) -> Event:
    """An unsaved event: the occurrence functions read only its fields."""
    return Event(kind="open_counselling", title="Åben rådgivning", **fields)


# When a weekly event meets.


def test_a_weekly_meeting_keeps_its_local_time_across_the_spring_change():
    # given the open counselling on Tuesdays 16:00–18:00 from before summer time starts
    # (29 March 2026) until after it
    event = _event(starts_at=_local(2026, 3, 17, 16), ends_at=_local(2026, 3, 17, 18),
                   repeats_weekly_until=datetime.date(2026, 4, 7))
    # when
    meetings = list(occurrences(event, start=datetime.date(2026, 3, 1),
                                end=datetime.date(2026, 4, 30)))
    # then every meeting is at 16:00 Copenhagen time, which is 15:00Z in winter, 14:00Z after
    assert [m.occurs_on for m in meetings] == [datetime.date(2026, 3, 17),
                                               datetime.date(2026, 3, 24),
                                               datetime.date(2026, 3, 31),
                                               datetime.date(2026, 4, 7)]
    assert [m.starts_at.astimezone(UTC).hour for m in meetings] == [15, 15, 14, 14]
    assert [m.ends_at.astimezone(UTC).hour for m in meetings] == [17, 17, 16, 16]
    assert {m.starts_at.astimezone(COPENHAGEN).time() for m in meetings} == {
        datetime.time(16)}


def test_a_weekly_meeting_keeps_its_local_time_across_the_autumn_change():
    # given a Thursday meeting at 9:30 while summer time ends (25 October 2026)
    event = _event(starts_at=_local(2026, 10, 15, 9, 30), ends_at=_local(2026, 10, 15, 11),
                   repeats_weekly_until=datetime.date(2026, 10, 31))
    # when
    meetings = list(occurrences(event, start=datetime.date(2026, 10, 1),
                                end=datetime.date(2026, 12, 31)))
    # then 7:30Z in summer time and 8:30Z after
    assert [m.starts_at.astimezone(UTC).strftime("%d %H:%M") for m in meetings] == [
        "15 07:30", "22 07:30", "29 08:30"]


def test_the_window_starts_at_the_first_meeting_on_or_after_its_start():
    # given a weekly event on Tuesdays since January
    event = _event(starts_at=_local(2026, 1, 6, 16), ends_at=_local(2026, 1, 6, 18),
                   repeats_weekly_until=datetime.date(2026, 12, 31))
    # when the window starts on a Wednesday and ends on a Tuesday
    meetings = list(occurrences(event, start=datetime.date(2026, 2, 4),
                                end=datetime.date(2026, 2, 17)))
    # then the Tuesdays inside it, both ends included
    assert [m.occurs_on for m in meetings] == [datetime.date(2026, 2, 10),
                                               datetime.date(2026, 2, 17)]


def test_a_single_meeting_has_one_occurrence():
    event = _event(starts_at=_local(2026, 5, 4, 10), ends_at=_local(2026, 5, 4, 12))
    assert [m.occurs_on for m in occurrences(event, start=datetime.date(2026, 1, 1),
                                             end=datetime.date(2026, 12, 31))] == [
        datetime.date(2026, 5, 4)]
    assert list(occurrences(event, start=datetime.date(2026, 5, 5),
                            end=datetime.date(2026, 12, 31))) == []


def test_only_the_events_weekdays_up_to_its_last_repetition_are_occurrences():
    # given a Tuesday event repeating until a Friday
    event = _event(starts_at=_local(2026, 3, 3, 16), ends_at=_local(2026, 3, 3, 18),
                   repeats_weekly_until=datetime.date(2026, 3, 20))
    # then
    assert first_date(event) == datetime.date(2026, 3, 3)
    assert last_date(event) == datetime.date(2026, 3, 17)
    assert is_occurrence(event, datetime.date(2026, 3, 10))
    assert not is_occurrence(event, datetime.date(2026, 3, 11))  # a Wednesday
    assert not is_occurrence(event, datetime.date(2026, 2, 24))  # before the first
    assert not is_occurrence(event, datetime.date(2026, 3, 24))  # after the last


def test_a_meeting_past_midnight_ends_on_the_next_day():
    event = _event(starts_at=_local(2026, 6, 5, 22), ends_at=_local(2026, 6, 6, 1),
                   repeats_weekly_until=datetime.date(2026, 6, 30))
    meeting = occurrence_on(event, datetime.date(2026, 6, 12))
    assert meeting.ends_at == _local(2026, 6, 13, 1)


def test_upcoming_meetings_leave_out_one_that_is_over():
    # given a weekly event whose meeting today ended an hour ago
    now = _local(2026, 3, 17, 19)
    event = _event(starts_at=_local(2026, 3, 3, 16), ends_at=_local(2026, 3, 3, 18),
                   repeats_weekly_until=datetime.date(2026, 12, 31))
    # when
    meetings = upcoming_occurrences(event, now=now, weeks=2)
    # then next week's is the first, and the window holds two weeks
    assert [m.occurs_on for m in meetings] == [datetime.date(2026, 3, 24)]
    assert upcoming_window(datetime.date(2026, 3, 17), 2) == (
        datetime.date(2026, 3, 17), datetime.date(2026, 3, 30))


# Signing up and withdrawing.

@pytest.fixture
def event(municipality):
    return EventFactory(municipality=municipality)


@pytest.fixture
def weekly_event(municipality):
    return EventFactory(municipality=municipality,
                        repeats_weekly_until=timezone.localdate() + datetime.timedelta(days=60))


def _volunteer(municipality, **profile_fields):
    return VolunteerProfileFactory(
        user=UserFactory(municipality=municipality, volunteer=True), **profile_fields).user


@pytest.mark.django_db
def test_a_volunteer_signs_up_for_a_meeting_and_withdraws(volunteer_profile, weekly_event):
    # given the second meeting of a weekly event
    day = first_date(weekly_event) + datetime.timedelta(days=7)
    volunteer = volunteer_profile.user
    # when
    signup = services.event_sign_up(event=weekly_event, occurs_on=day, volunteer=volunteer)
    # then
    assert signup.occurs_on == day
    assert EventSignup.objects.filter(event=weekly_event, volunteer=volunteer).count() == 1
    # and when they withdraw
    services.event_withdraw(event=weekly_event, occurs_on=day, volunteer=volunteer)
    # then the sign-up is gone
    assert not EventSignup.objects.exists()


@pytest.mark.django_db
def test_signing_up_twice_for_the_same_meeting_is_refused(volunteer_profile, event):
    day = first_date(event)
    services.event_sign_up(event=event, occurs_on=day, volunteer=volunteer_profile.user)
    with pytest.raises(ValidationError, match="already signed up"):
        services.event_sign_up(event=event, occurs_on=day, volunteer=volunteer_profile.user)


@pytest.mark.django_db
def test_a_full_meeting_is_refused(municipality, volunteer_profile):
    # given a meeting that wants one volunteer and has one
    event = EventFactory(municipality=municipality, volunteers_wanted=1)
    day = first_date(event)
    services.event_sign_up(event=event, occurs_on=day, volunteer=_volunteer(municipality))
    # when / then
    with pytest.raises(ValidationError, match="has all the volunteers it needs"):
        services.event_sign_up(event=event, occurs_on=day, volunteer=volunteer_profile.user)
    assert EventSignup.objects.count() == 1


@pytest.mark.django_db
def test_full_counts_per_date(municipality, volunteer_profile):
    # given a weekly event wanting one volunteer, full on its first date
    event = EventFactory(municipality=municipality, volunteers_wanted=1,
                         repeats_weekly_until=timezone.localdate() + datetime.timedelta(days=30))
    day = first_date(event)
    services.event_sign_up(event=event, occurs_on=day, volunteer=_volunteer(municipality))
    # when another volunteer signs up for the next week
    services.event_sign_up(event=event, occurs_on=day + datetime.timedelta(days=7),
                           volunteer=volunteer_profile.user)
    # then both stand
    assert EventSignup.objects.count() == 2


@pytest.mark.django_db
def test_a_past_date_is_refused(municipality, volunteer_profile):
    # given a weekly event that met last week and meets again
    starts = timezone.localtime() - datetime.timedelta(days=7, hours=3)
    event = EventFactory(municipality=municipality, starts_at=starts,
                         ends_at=starts + datetime.timedelta(hours=1),
                         repeats_weekly_until=timezone.localdate() + datetime.timedelta(days=30))
    # when / then
    with pytest.raises(ValidationError, match="This meeting is over"):
        services.event_sign_up(event=event, occurs_on=first_date(event),
                               volunteer=volunteer_profile.user)
    assert not EventSignup.objects.exists()


@pytest.mark.django_db
def test_a_date_the_event_does_not_meet_on_is_refused(volunteer_profile, weekly_event):
    with pytest.raises(ValidationError, match="does not meet on that date"):
        services.event_sign_up(event=weekly_event,
                               occurs_on=first_date(weekly_event) + datetime.timedelta(days=1),
                               volunteer=volunteer_profile.user)


@pytest.mark.django_db
def test_a_cancelled_event_is_refused(volunteer_profile, event, coordinator):
    services.event_cancel(event=event, actor=coordinator)
    with pytest.raises(ValidationError, match="cancelled"):
        services.event_sign_up(event=event, occurs_on=first_date(event),
                               volunteer=volunteer_profile.user)


@pytest.mark.django_db
@pytest.mark.parametrize("profile_fields, message", [
    ({"status": "paused"}, "not been approved yet, or is paused"),
    ({"status": "pending"}, "not been approved yet, or is paused"),
    ({"status": "ended"}, "not been approved yet, or is paused"),
    ({"agreement_signed_on": None}, "signed volunteer agreement"),
])
def test_a_volunteer_who_is_not_active_is_refused(municipality, event, profile_fields,
                                                  message):
    volunteer = _volunteer(municipality, **profile_fields)
    with pytest.raises(ValidationError, match=message):
        services.event_sign_up(event=event, occurs_on=first_date(event), volunteer=volunteer)
    assert not EventSignup.objects.exists()


@pytest.mark.django_db
def test_a_volunteer_without_a_profile_is_refused(volunteer, event):
    with pytest.raises(ValidationError, match="not been approved yet"):
        services.event_sign_up(event=event, occurs_on=first_date(event), volunteer=volunteer)


@pytest.mark.django_db
def test_a_meeting_does_not_need_a_child_certificate(municipality, event):
    # given a volunteer without a child certificate: only tasks with children ask for one
    volunteer = _volunteer(municipality, boerneattest_obtained_on=None,
                           boerneattest_no_concerns=False)
    # when / then
    services.event_sign_up(event=event, occurs_on=first_date(event), volunteer=volunteer)


@pytest.mark.django_db
def test_another_municipalitys_event_cannot_be_signed_up_for(volunteer_profile,
                                                            other_municipality):
    foreign = EventFactory(municipality=other_municipality)
    with pytest.raises(PermissionError):
        services.event_sign_up(event=foreign, occurs_on=first_date(foreign),
                               volunteer=volunteer_profile.user)


@pytest.mark.django_db
def test_withdrawing_without_a_sign_up_is_refused(volunteer_profile, event):
    with pytest.raises(ValidationError, match="not signed up"):
        services.event_withdraw(event=event, occurs_on=first_date(event),
                                volunteer=volunteer_profile.user)


@pytest.mark.django_db
def test_withdrawing_from_a_meeting_that_is_over_is_refused(municipality, volunteer_profile):
    # given a sign-up for last week's meeting
    starts = timezone.localtime() - datetime.timedelta(days=7)
    event = EventFactory(municipality=municipality, starts_at=starts,
                         ends_at=starts + datetime.timedelta(hours=1))
    EventSignup.objects.create(event=event, occurs_on=first_date(event),
                               volunteer=volunteer_profile.user)
    # when / then
    with pytest.raises(ValidationError, match="This meeting is over"):
        services.event_withdraw(event=event, occurs_on=first_date(event),
                                volunteer=volunteer_profile.user)
    assert EventSignup.objects.count() == 1


# Creating, changing and cancelling.


def _event_values(**overrides) -> dict:
    starts = (timezone.localtime() + datetime.timedelta(days=3)).replace(
        hour=16, minute=0, second=0, microsecond=0)
    values = {
        "kind": "open_counselling", "title": "Åben rådgivning",
        "description": "Hjælp med breve og Digital Post.", "location": "Rådhuset, Hvalsø",
        "starts_at": starts, "ends_at": starts + datetime.timedelta(hours=2),
        "repeats_weekly_until": starts.date() + datetime.timedelta(weeks=26),
        "interpreter_needed": True, "interpreter_languages": ["ar", "uk"],
        "volunteers_wanted": 3,
    }
    values.update(overrides)
    return values


@pytest.mark.django_db
def test_a_coordinator_creates_the_weekly_open_counselling(coordinator, municipality):
    # when
    event = services.event_create(municipality=municipality, actor=coordinator,
                                  **_event_values())
    # then one event that repeats every week
    assert event.created_by == coordinator
    assert event.repeats_weekly_until is not None
    assert event.interpreter_languages == ["ar", "uk"]
    assert len(list(occurrences(event, start=first_date(event),
                                end=first_date(event) + datetime.timedelta(weeks=4)))) == 5


@pytest.mark.django_db
def test_personal_data_in_an_event_is_refused(coordinator, municipality):
    # when
    with pytest.raises(ValidationError) as caught:
        services.event_create(municipality=municipality, actor=coordinator, **_event_values(
            title="Møde med 140385-1237", description="Ring til 28193746 først."))
    # then each field says what it found
    assert caught.value.message_dict["title"] == ["The title contains a CPR number."]
    assert caught.value.message_dict["description"] == [
        "The description contains a phone number."]
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_model_checks_and_unknown_languages_are_reported_on_their_fields(coordinator,
                                                                         municipality):
    values = _event_values(interpreter_needed=False, interpreter_languages=["xx"])
    values["ends_at"] = values["starts_at"] - datetime.timedelta(hours=1)
    with pytest.raises(ValidationError) as caught:
        services.event_create(municipality=municipality, actor=coordinator, **values)
    errors = caught.value.message_dict
    assert "ends_at" in errors
    assert "interpreter_languages" in errors
    assert not Event.objects.exists()


@pytest.mark.django_db
def test_only_a_coordinator_of_the_municipality_creates_events(caseworker, municipality,
                                                               other_municipality):
    coordinator_elsewhere = UserFactory(municipality=other_municipality, coordinator=True)
    for actor in (caseworker, coordinator_elsewhere):
        with pytest.raises(PermissionError):
            services.event_create(municipality=municipality, actor=actor, **_event_values())


@pytest.mark.django_db
def test_a_change_that_drops_a_signed_up_date_is_refused(coordinator, volunteer_profile,
                                                         weekly_event):
    # given a volunteer signed up for the second meeting
    day = first_date(weekly_event) + datetime.timedelta(days=7)
    services.event_sign_up(event=weekly_event, occurs_on=day, volunteer=volunteer_profile.user)
    values = {field: getattr(weekly_event, field) for field in services.EVENT_FIELDS}
    # when the repetition is cut to the first meeting
    values["repeats_weekly_until"] = first_date(weekly_event)
    with pytest.raises(ValidationError, match="Volunteers have signed up for meetings"):
        services.event_update(event=weekly_event, actor=coordinator, **values)
    # then nothing changed
    weekly_event.refresh_from_db()
    assert weekly_event.repeats_weekly_until > day
    # and a change of the time of day is fine
    values = {field: getattr(weekly_event, field) for field in services.EVENT_FIELDS}
    values["starts_at"] += datetime.timedelta(hours=1)
    values["ends_at"] += datetime.timedelta(hours=1)
    services.event_update(event=weekly_event, actor=coordinator, **values)
    weekly_event.refresh_from_db()
    assert timezone.localtime(weekly_event.starts_at).hour == 17


@pytest.mark.django_db
def test_a_cancelled_event_is_cancelled_once_and_not_changed(coordinator, event):
    services.event_cancel(event=event, actor=coordinator)
    assert event.cancelled_at is not None
    with pytest.raises(ValidationError, match="already cancelled"):
        services.event_cancel(event=event, actor=coordinator)
    values = {field: getattr(event, field) for field in services.EVENT_FIELDS}
    with pytest.raises(ValidationError, match="cancelled event cannot be changed"):
        services.event_update(event=event, actor=coordinator, **values)


@pytest.mark.django_db
def test_a_new_calendar_key_replaces_the_old(volunteer_profile, municipality):
    old = volunteer_profile.calendar_token
    services.calendar_token_renew(profile=volunteer_profile, actor=volunteer_profile.user)
    volunteer_profile.refresh_from_db()
    assert volunteer_profile.calendar_token != old
    # and nobody else can draw it
    with pytest.raises(PermissionError):
        services.calendar_token_renew(profile=volunteer_profile,
                                      actor=_volunteer(municipality))


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="SQLite serialises all writers, so it cannot show a real race; "
                           "run with DATABASE_URL pointing at PostgreSQL.")
@pytest.mark.django_db(transaction=True)
def test_two_volunteers_taking_the_last_place_at_once_only_one_gets_it():
    # given a meeting with one place and two approved volunteers
    municipality = MunicipalityFactory(name="Lejre", code="350", slug="lejre")
    event = EventFactory(municipality=municipality, volunteers_wanted=1)
    day = first_date(event)
    volunteers = [_volunteer(municipality) for _ in range(2)]
    barrier = threading.Barrier(len(volunteers))
    outcomes: dict[int, str] = {}

    def sign_up(volunteer):
        with translation.override("en"):
            try:
                mine = Event.objects.get(pk=event.pk)
                barrier.wait(timeout=10)
                services.event_sign_up(event=mine, occurs_on=day, volunteer=volunteer)
                outcomes[volunteer.pk] = "won"
            except ValidationError as error:
                outcomes[volunteer.pk] = " ".join(error.messages)
            finally:
                connections.close_all()

    # when both sign up at the same moment
    threads = [threading.Thread(target=sign_up, args=(v,)) for v in volunteers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    # then exactly one got the place
    assert sorted(outcomes.values()) == [
        "This meeting has all the volunteers it needs.", "won"]
    assert EventSignup.objects.filter(event=event, occurs_on=day).count() == 1


@pytest.mark.django_db
def test_cancelling_tells_each_signed_up_volunteer_once(volunteer_profile, municipality,
                                                         event, coordinator):
    # given two volunteers signed up for the coming meeting
    other = _volunteer(municipality)
    for user in (volunteer_profile.user, other):
        services.event_sign_up(event=event, occurs_on=first_date(event), volunteer=user)

    # when the coordinator cancels the event
    services.event_cancel(event=event, actor=coordinator)

    # then each of them gets one notification, and the coordinator none
    notifications = Notification.objects.filter(subject_key=f"volunteers.event:{event.pk}")
    assert sorted(notifications.values_list("recipient_id", flat=True)) == sorted(
        [volunteer_profile.user.pk, other.pk])
    assert all(event.title in title for title in notifications.values_list("title", flat=True))
