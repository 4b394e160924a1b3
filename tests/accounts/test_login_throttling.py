"""Failed sign-ins are limited per account and per address, and the refusal says when to retry."""

import pytest
from django.core.cache import cache, caches
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")


def _log_in(client, email: str, password: str, address: str):
    return client.post(LOGIN, {"login": email, "password": password},
                       REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE="en")


def _refused(response) -> bool:
    return "Too many failed sign-in attempts" in response.content.decode()


def test_the_sixth_wrong_password_for_one_account_is_refused_from_any_address(
    client, caseworker
):
    # given five wrong passwords for one e-mail, each from another address
    for n in range(5):
        response = _log_in(client, caseworker.email, "wrong-password", f"10.0.0.{n + 1}")
        assert not _refused(response)

    # when a sixth attempt comes from yet another address, even with the right password
    response = _log_in(client, caseworker.email, TEST_PASSWORD, "10.0.1.1")

    # then it is refused, saying when to try again
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session
    assert _refused(response)
    assert "try again in 15 minutes" in response.content.decode()


def test_another_account_is_not_locked_by_someone_elses_failures(client, municipality,
                                                                  volunteer):
    # given an account that was attacked
    attacked = UserFactory(municipality=municipality, volunteer=True)
    for _ in range(6):
        _log_in(client, attacked.email, "wrong-password", "10.0.0.1")

    # when another user logs in from their own address
    response = _log_in(client, volunteer.email, TEST_PASSWORD, "10.0.0.2")

    # then they are in
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(volunteer.pk)


def test_many_accounts_tried_from_one_address_are_refused(client, volunteer):
    # given twenty failed attempts from one address, each at another e-mail
    for n in range(20):
        response = _log_in(client, f"guess{n}@example.org", "wrong-password", "192.0.2.7")
        assert not _refused(response)

    # when a real user logs in from that address
    response = _log_in(client, volunteer.email, TEST_PASSWORD, "192.0.2.7")

    # then that is refused too
    assert _refused(response)
    assert "_auth_user_id" not in client.session

    # while the same user from their own address is let in
    response = _log_in(client, volunteer.email, TEST_PASSWORD, "198.51.100.1")
    assert response.status_code == 302


def test_a_successful_login_does_not_count_as_a_failure(client, volunteer):
    for _ in range(10):
        client.logout()
        response = _log_in(client, volunteer.email, TEST_PASSWORD, "10.0.0.1")
        assert response.status_code == 302


def test_wrong_two_factor_codes_are_limited_too(client, caseworker):
    # given a caseworker who gave the right password
    client.post(LOGIN, {"login": caseworker.email, "password": TEST_PASSWORD})

    # when someone tries code after code
    answers = [
        client.post(reverse("mfa_authenticate"), {"code": f"{n:06d}"},
                    HTTP_ACCEPT_LANGUAGE="en").content.decode()
        for n in range(6)
    ]

    # then the sixth is refused for the time being
    assert "Too many failed sign-in attempts" in answers[-1]
    assert "_auth_user_id" not in client.session


def test_the_counters_are_shared_between_processes(client, caseworker):
    # when a login fails
    _log_in(client, caseworker.email, "wrong-password", "10.0.0.1")

    # then the counter is kept in the database cache every gunicorn worker reads,
    assert any(":allauth:rl:" in key for key in _shared_keys())
    # while the default cache keeps other things in the process's own memory
    cache.set("figures", 1)
    assert caches["local"].get("figures") == 1
    assert "figures" not in " ".join(_shared_keys())


def _shared_keys() -> list[str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key FROM portal_shared_cache")
        return [row[0] for row in cursor.fetchall()]


def test_a_throttled_request_gets_a_page_saying_when_to_retry(client, settings, caseworker):
    # given the login form may only be posted once a minute from an address
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "1/m/ip"}
    _log_in(client, caseworker.email, "wrong-password", "10.0.0.1")

    # when it is posted again
    response = _log_in(client, caseworker.email, "wrong-password", "10.0.0.1")

    # then the answer is 429 with the portal's page that says when to try again
    assert response.status_code == 429
    page = response.content.decode()
    assert "<h1>Too many attempts</h1>" in page
    assert "Try again in 15 minutes." in page
    assert 'class="header' in page or "<header" in page
