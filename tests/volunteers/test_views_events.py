"""Event pages: the volunteer's meetings and sign-ups, the coordinator's list and forms, the
calendar page, who may open them, and what they cost in queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from tests.volunteers.factories import EventFactory, VolunteerProfileFactory
from volunteers.events import first_date
from volunteers.models import Event, EventSignup

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


@pytest.fixture(autouse=True)
def _pages_in_english(client):
    # The assertions read the English source texts; the portal's default language is Danish.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def volunteer_client(client, volunteer_profile):
    client.force_login(volunteer_profile.user)
    return client


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def weekly_event(municipality):
    return EventFactory(municipality=municipality, title="Åben rådgivning", volunteers_wanted=2,
                        interpreter_needed=True, interpreter_languages=["ar"],
                        repeats_weekly_until=timezone.localdate() + datetime.timedelta(days=90))


def _other_volunteer(municipality):
    return VolunteerProfileFactory(
        user=UserFactory(municipality=municipality, volunteer=True)).user


def _date(event, weeks=0) -> str:
    return (first_date(event) + datetime.timedelta(weeks=weeks)).isoformat()


# The volunteer's side.


def test_the_events_page_lists_the_coming_meetings(volunteer_client, weekly_event):
    # when
    response = volunteer_client.get(reverse("volunteers:events"))
    # then the event once with its facts, and a row per meeting in the coming 8 weeks
    assert response.status_code == 200
    content = response.content.decode()
    assert "Åben rådgivning" in content
    assert "Borgerservice, Hvalsø" in content
    assert "Needed: Arabic" in content
    [item] = response.context["events"]
    assert len(item["meetings"]) == 8
    assert content.count("Sign up</button>") == 8


def test_a_volunteer_signs_up_and_sees_it_under_my_meetings(volunteer_client, weekly_event,
                                                            volunteer_profile):
    # when
    response = volunteer_client.post(
        reverse("volunteers:event_sign_up", args=[weekly_event.pk]),
        {"occurs_on": _date(weekly_event, weeks=1)})
    # then
    assert response.status_code == 302
    assert response["Location"] == reverse("volunteers:events")
    signup = EventSignup.objects.get()
    assert signup.volunteer == volunteer_profile.user
    page = volunteer_client.get(reverse("volunteers:events"))
    [mine] = page.context["my_meetings"]
    assert mine.occurs_on.isoformat() == _date(weekly_event, weeks=1)
    assert "You are signed up." in page.content.decode()
    # and the places left went down by one on that date only
    meetings = page.context["events"][0]["meetings"]
    assert [m.places_left for m in meetings[:3]] == [2, 1, 2]


def test_a_volunteer_withdraws(volunteer_client, weekly_event, volunteer_profile):
    # given
    EventSignup.objects.create(event=weekly_event, occurs_on=first_date(weekly_event),
                               volunteer=volunteer_profile.user)
    # when
    response = volunteer_client.post(
        reverse("volunteers:event_withdraw", args=[weekly_event.pk]),
        {"occurs_on": _date(weekly_event)})
    # then
    assert response.status_code == 302
    assert not EventSignup.objects.exists()


def test_a_full_meeting_shows_no_button_and_a_late_sign_up_is_told_why(
        volunteer_client, weekly_event, municipality):
    # given the first meeting is full
    for _ in range(2):
        EventSignup.objects.create(event=weekly_event, occurs_on=first_date(weekly_event),
                                   volunteer=_other_volunteer(municipality))
    # when
    page = volunteer_client.get(reverse("volunteers:events")).content.decode()
    response = volunteer_client.post(
        reverse("volunteers:event_sign_up", args=[weekly_event.pk]),
        {"occurs_on": _date(weekly_event)})
    # then
    assert "No places left" in page
    assert page.count("Sign up</button>") == 7
    assert response.status_code == 200
    assert "This meeting has all the volunteers it needs." in response.content.decode()
    assert EventSignup.objects.count() == 2


def test_a_volunteer_does_not_see_who_else_signed_up(volunteer_client, weekly_event,
                                                     municipality):
    other = _other_volunteer(municipality)
    EventSignup.objects.create(event=weekly_event, occurs_on=first_date(weekly_event),
                               volunteer=other)
    content = volunteer_client.get(reverse("volunteers:events")).content.decode()
    assert other.full_name not in content
    assert other.email not in content


def test_a_paused_volunteer_sees_why_instead_of_the_buttons(client, volunteer, weekly_event):
    VolunteerProfileFactory(user=volunteer, status="paused")
    client.force_login(volunteer)
    content = client.get(reverse("volunteers:events")).content.decode()
    assert "Your volunteer profile has not been approved yet, or is paused." in content
    assert "Sign up</button>" not in content
    response = client.post(reverse("volunteers:event_sign_up", args=[weekly_event.pk]),
                           {"occurs_on": _date(weekly_event)})
    assert response.status_code == 200
    assert not EventSignup.objects.exists()


def test_a_date_that_is_no_date_is_not_found(volunteer_client, weekly_event):
    response = volunteer_client.post(
        reverse("volunteers:event_sign_up", args=[weekly_event.pk]), {"occurs_on": "soon"})
    assert response.status_code == 404


def test_a_cancelled_meeting_shows_as_cancelled_under_my_meetings(
        volunteer_client, weekly_event, volunteer_profile):
    EventSignup.objects.create(event=weekly_event, occurs_on=first_date(weekly_event),
                               volunteer=volunteer_profile.user)
    Event.objects.filter(pk=weekly_event.pk).update(cancelled_at=timezone.now())
    page = volunteer_client.get(reverse("volunteers:events"))
    assert len(page.context["my_meetings"]) == 1
    assert page.context["events"] == []
    assert "The integration office has cancelled this meeting." in page.content.decode()


# The calendar page.


def test_the_calendar_page_shows_the_absolute_feed_address(volunteer_client, volunteer_profile,
                                                           settings):
    # given
    settings.PORTAL_BASE_URL = "https://portal.lejre.example/"
    # when
    content = volunteer_client.get(reverse("volunteers:calendar_settings")).content.decode()
    # then
    url = f"https://portal.lejre.example/volunteers/calendar/{volunteer_profile.calendar_token}.ics"
    assert f'value="{url}"' in content
    assert "webcal://portal.lejre.example/volunteers/calendar/" in content
    assert "Make a new address" in content


def test_a_new_address_makes_the_old_one_answer_not_found(volunteer_client, volunteer_profile):
    # given the feed answers at the old address
    old_url = reverse("volunteers:calendar_feed", args=[volunteer_profile.calendar_token])
    assert volunteer_client.get(old_url).status_code == 200
    # when
    response = volunteer_client.post(reverse("volunteers:calendar_token_renew"))
    # then
    assert response.status_code == 302
    volunteer_profile.refresh_from_db()
    assert volunteer_client.get(old_url).status_code == 404
    new_url = reverse("volunteers:calendar_feed", args=[volunteer_profile.calendar_token])
    assert volunteer_client.get(new_url).status_code == 200
    page = volunteer_client.get(reverse("volunteers:calendar_settings")).content.decode()
    assert volunteer_profile.calendar_token in page


def test_a_paused_volunteer_is_told_the_address_does_not_work(client, volunteer):
    VolunteerProfileFactory(user=volunteer, status="paused")
    client.force_login(volunteer)
    content = client.get(reverse("volunteers:calendar_settings")).content.decode()
    assert "works only while your volunteer profile is approved and active" in content


# The coordinator's side.


def test_the_coordinator_sees_counts_and_names_per_date(coordinator_client, weekly_event,
                                                        municipality):
    # given two volunteers on the second date
    names = []
    for _ in range(2):
        volunteer = _other_volunteer(municipality)
        names.append(volunteer.full_name)
        EventSignup.objects.create(event=weekly_event,
                                   occurs_on=first_date(weekly_event) + datetime.timedelta(7),
                                   volunteer=volunteer)
    # when
    response = coordinator_client.get(reverse("volunteers:staff_events"))
    # then
    assert response.status_code == 200
    [item] = response.context["events"]
    assert [m.signed_up for m in item["meetings"][:2]] == [0, 2]
    assert sorted(item["meetings"][1].names) == sorted(names)
    content = response.content.decode()
    for name in names:
        assert name in content
    assert "2 of 2" in content


def _form_data(**overrides) -> dict:
    starts = (timezone.localtime() + datetime.timedelta(days=3)).replace(
        hour=16, minute=0, second=0, microsecond=0)
    data = {
        "kind": "open_counselling", "title": "Åben rådgivning",
        "description": "Hjælp med breve fra kommunen.", "location": "Rådhuset",
        "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (starts + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "repeats_weekly_until": (starts.date() + datetime.timedelta(weeks=20)).isoformat(),
        "interpreter_needed": "on", "interpreter_languages": ["ar", "fa"],
        "volunteers_wanted": "2",
    }
    data.update(overrides)
    return data


def test_a_coordinator_creates_a_weekly_event(coordinator_client, coordinator):
    assert coordinator_client.get(reverse("volunteers:event_create")).status_code == 200
    response = coordinator_client.post(reverse("volunteers:event_create"), _form_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("volunteers:staff_events")
    event = Event.objects.get()
    assert event.created_by == coordinator
    assert event.interpreter_languages == ["ar", "fa"]
    assert timezone.localtime(event.starts_at).hour == 16


def test_personal_data_is_refused_on_its_field_and_the_input_kept(coordinator_client):
    # when
    description = "Ring til Amina på 28193746."
    response = coordinator_client.post(reverse("volunteers:event_create"),
                                       _form_data(description=description))
    # then
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["description"] == ["The description contains a phone number."]
    content = response.content.decode()
    assert description in content
    assert 'value="Rådhuset"' in content
    assert not Event.objects.exists()


def test_model_checks_show_on_their_fields(coordinator_client):
    # given an event that ends before it starts
    data = _form_data()
    data["ends_at"], data["starts_at"] = data["starts_at"], data["ends_at"]
    # when
    response = coordinator_client.post(reverse("volunteers:event_create"), data)
    # then it shows on the field, with what was typed
    form = response.context["form"]
    assert form.errors["ends_at"] == ["The event ends before it starts."]
    assert form["title"].value() == "Åben rådgivning"
    # and languages chosen without ticking "interpreter needed" show on that box
    response = coordinator_client.post(reverse("volunteers:event_create"),
                                       _form_data(interpreter_needed=""))
    form = response.context["form"]
    assert form.errors["interpreter_needed"] == [
        "Tick 'interpreter needed' when you choose interpreter languages."]
    assert form["interpreter_languages"].value() == ["ar", "fa"]
    assert not Event.objects.exists()


def test_a_coordinator_changes_an_event(coordinator_client, weekly_event):
    page = coordinator_client.get(reverse("volunteers:event_edit", args=[weekly_event.pk]))
    assert page.status_code == 200
    # the form shows the saved local time
    assert 'value="' + timezone.localtime(weekly_event.starts_at).strftime(
        "%Y-%m-%dT%H:%M") + '"' in page.content.decode()
    data = _form_data(title="Åben rådgivning for nye borgere",
                      starts_at=timezone.localtime(weekly_event.starts_at).strftime(
                          "%Y-%m-%dT%H:%M"),
                      ends_at=timezone.localtime(weekly_event.ends_at).strftime(
                          "%Y-%m-%dT%H:%M"))
    response = coordinator_client.post(reverse("volunteers:event_edit", args=[weekly_event.pk]),
                                       data)
    assert response.status_code == 302
    weekly_event.refresh_from_db()
    assert weekly_event.title == "Åben rådgivning for nye borgere"


def test_a_coordinator_cancels_an_event_after_being_asked(coordinator_client, weekly_event,
                                                          volunteer_profile):
    EventSignup.objects.create(event=weekly_event, occurs_on=first_date(weekly_event),
                               volunteer=volunteer_profile.user)
    page = coordinator_client.get(reverse("volunteers:event_cancel", args=[weekly_event.pk]))
    assert "1 volunteer sign-up for a coming meeting will be cancelled" in page.content.decode()
    response = coordinator_client.post(reverse("volunteers:event_cancel",
                                               args=[weekly_event.pk]))
    assert response.status_code == 302
    weekly_event.refresh_from_db()
    assert weekly_event.cancelled_at is not None
    assert coordinator_client.get(reverse("volunteers:staff_events")).context["events"] == []


# Who may open what.

STAFF_GET = ["volunteers:staff_events", "volunteers:event_create"]
STAFF_EVENT = ["volunteers:event_edit", "volunteers:event_cancel"]
VOLUNTEER_GET = ["volunteers:events", "volunteers:calendar_settings"]


def test_a_volunteer_gets_not_found_on_the_staff_pages(volunteer_client, weekly_event):
    for name in STAFF_GET:
        assert volunteer_client.get(reverse(name)).status_code == 404, name
    for name in STAFF_EVENT:
        assert volunteer_client.get(reverse(name, args=[weekly_event.pk])).status_code == 404
        assert volunteer_client.post(reverse(name, args=[weekly_event.pk])).status_code == 404
    weekly_event.refresh_from_db()
    assert weekly_event.cancelled_at is None


def test_a_caseworker_who_does_not_coordinate_is_forbidden(client, caseworker, weekly_event):
    client.force_login(caseworker)
    for name in STAFF_GET:
        assert client.get(reverse(name)).status_code == 403, name
    for name in STAFF_EVENT:
        assert client.post(reverse(name, args=[weekly_event.pk])).status_code == 403, name
    # nor are the volunteer's pages for staff
    for name in VOLUNTEER_GET:
        assert client.get(reverse(name)).status_code == 403, name
    assert client.post(reverse("volunteers:event_sign_up", args=[weekly_event.pk]),
                       {"occurs_on": _date(weekly_event)}).status_code == 403
    weekly_event.refresh_from_db()
    assert weekly_event.cancelled_at is None


def test_another_municipalitys_event_is_not_found(client, coordinator, volunteer_profile,
                                                  other_municipality):
    foreign = EventFactory(municipality=other_municipality, title="Vejen café")
    client.force_login(coordinator)
    for name in STAFF_EVENT:
        assert client.get(reverse(name, args=[foreign.pk])).status_code == 404, name
        assert client.post(reverse(name, args=[foreign.pk])).status_code == 404, name
    assert "Vejen café" not in client.get(reverse("volunteers:staff_events")).content.decode()
    client.force_login(volunteer_profile.user)
    for name in ("volunteers:event_sign_up", "volunteers:event_withdraw"):
        assert client.post(reverse(name, args=[foreign.pk]),
                           {"occurs_on": _date(foreign)}).status_code == 404, name
    assert "Vejen café" not in client.get(reverse("volunteers:events")).content.decode()
    assert not EventSignup.objects.exists()


def test_anonymous_users_are_sent_to_log_in(client, weekly_event):
    for name in STAFF_GET + VOLUNTEER_GET:
        response = client.get(reverse(name))
        assert response.status_code == 302, name
        assert "/accounts/login/" in response["Location"]


# Queries.


def _events_with_signups(municipality, volunteer, count):
    for n in range(count):
        event = EventFactory(municipality=municipality, volunteers_wanted=n % 3,
                             repeats_weekly_until=timezone.localdate()
                             + datetime.timedelta(weeks=10))
        EventSignup.objects.create(event=event, occurs_on=first_date(event),
                                   volunteer=volunteer)


@pytest.mark.parametrize("count", [2, 20])
def test_the_events_page_costs_a_fixed_number_of_queries(volunteer_client, volunteer_profile,
                                                         municipality, count,
                                                         django_assert_max_num_queries):
    _events_with_signups(municipality, volunteer_profile.user, count)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = volunteer_client.get(reverse("volunteers:events"))
    assert len(response.context["events"]) == count
    assert len(response.context["my_meetings"]) == count


def test_the_events_page_does_not_grow_with_the_events(volunteer_client, volunteer_profile,
                                                       municipality, django_assert_num_queries):
    _events_with_signups(municipality, volunteer_profile.user, 2)
    with CaptureQueriesContext(connection) as two:
        volunteer_client.get(reverse("volunteers:events"))
    _events_with_signups(municipality, volunteer_profile.user, 18)
    with django_assert_num_queries(len(two.captured_queries)):
        volunteer_client.get(reverse("volunteers:events"))


def test_the_staff_list_does_not_grow_with_the_events(coordinator_client, volunteer_profile,
                                                      municipality, django_assert_num_queries):
    _events_with_signups(municipality, volunteer_profile.user, 2)
    with CaptureQueriesContext(connection) as two:
        coordinator_client.get(reverse("volunteers:staff_events"))
    _events_with_signups(municipality, volunteer_profile.user, 18)
    with django_assert_num_queries(len(two.captured_queries)):
        response = coordinator_client.get(reverse("volunteers:staff_events"))
    assert len(response.context["events"]) == 20
