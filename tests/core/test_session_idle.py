"""A session ends after a while without activity, and a working day after login at the latest."""

import datetime

import pytest
from django.contrib.auth import SESSION_KEY
from freezegun import freeze_time

from integration_portal.core.security import SEEN_AT

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 11, 23, 8, 0, tzinfo=datetime.UTC)
PAGE = "/notifications/"
LOGIN = "/accounts/login/"


@pytest.fixture
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def logged_in(client) -> bool:
    return SESSION_KEY in client.session


def sent_to_login(response) -> bool:
    return response.status_code == 302 and response.url.startswith(LOGIN)


def test_a_user_who_keeps_working_stays_logged_in(english, caseworker):
    # given a caseworker who logged in at eight
    with freeze_time(START) as clock:
        english.force_login(caseworker)

        # when they open a page every 25 minutes for two hours
        for _ in range(5):
            clock.tick(datetime.timedelta(minutes=25))
            response = english.get(PAGE)

            # then they are never logged out
            assert not sent_to_login(response)
            assert logged_in(english)


def test_after_the_idle_timeout_the_user_is_logged_out_and_told_why(english, caseworker):
    # given a caseworker who logged in and then left the browser for 31 minutes
    with freeze_time(START) as clock:
        english.force_login(caseworker)
        clock.tick(datetime.timedelta(minutes=31))

        # when they open a page
        response = english.get(PAGE)

    # then they are sent to the login page, which comes back to that page, and told why
    assert sent_to_login(response)
    assert response.url == f"{LOGIN}?next={PAGE}"
    assert not logged_in(english)
    login_page = english.get(response.url)
    assert "You were logged out after 30 minutes without activity." in login_page.content.decode()


def test_the_idle_timeout_is_configurable(english, caseworker, settings):
    # given a municipality that logs idle users out after ten minutes
    settings.SESSION_IDLE_TIMEOUT = 600
    with freeze_time(START) as clock:
        english.force_login(caseworker)

        # when the caseworker is away nine minutes, then eleven
        clock.tick(datetime.timedelta(minutes=9))
        after_nine = english.get(PAGE)
        clock.tick(datetime.timedelta(minutes=11))
        after_eleven = english.get(PAGE)

    # then the first request is served and the second logs them out
    assert not sent_to_login(after_nine)
    assert sent_to_login(after_eleven)
    message = english.get(after_eleven.url).content.decode()
    assert "You were logged out after 10 minutes without activity." in message


def test_a_session_ends_at_the_latest_a_working_day_after_login(english, caseworker):
    # given a caseworker active every twenty minutes since eight o'clock
    with freeze_time(START) as clock:
        english.force_login(caseworker)
        for _ in range(8 * 3):
            clock.tick(datetime.timedelta(minutes=20))
            assert not sent_to_login(english.get(PAGE))

        # when they are still working ten minutes after the eighth hour
        clock.tick(datetime.timedelta(minutes=10))
        response = english.get(PAGE)

    # then they must log in again
    assert sent_to_login(response)
    assert not logged_in(english)
    assert "Your login has expired." in english.get(response.url).content.decode()


def test_ordinary_requests_do_not_write_the_session(english, caseworker):
    # given a caseworker who logged in
    with freeze_time(START) as clock:
        english.force_login(caseworker)
        stamped = english.session[SEEN_AT]

        # when they open pages within a tenth of the idle timeout
        clock.tick(datetime.timedelta(minutes=2))
        english.get(PAGE)
        # then the session keeps its stamp (it was not saved)
        assert english.session[SEEN_AT] == stamped

        # when a request comes later than that
        clock.tick(datetime.timedelta(minutes=2))
        english.get(PAGE)
        # then the time of the last activity is moved on
        assert english.session[SEEN_AT] == stamped + 4 * 60


def test_an_htmx_request_sends_the_whole_window_to_the_login_page(english, caseworker):
    # given an idle caseworker whose page asks for a fragment
    with freeze_time(START) as clock:
        english.force_login(caseworker)
        clock.tick(datetime.timedelta(hours=1))

        # when htmx makes the request
        response = english.get(PAGE, HTTP_HX_REQUEST="true")

    # then htmx is told to load the login page instead of swapping it in
    assert response.status_code == 200
    assert response.headers["HX-Redirect"] == LOGIN
    assert not logged_in(english)


def test_anonymous_requests_are_left_alone(english):
    response = english.get(LOGIN)

    assert response.status_code == 200
    assert SEEN_AT not in english.session
