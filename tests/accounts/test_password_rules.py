"""Passwords follow Django's validators: long enough, not common, not all digits."""

import pytest
from django.urls import reverse

from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("weak", "reason"),
    [
        ("kort-1", "This password is too short. It must contain at least 10 characters."),
        ("password123", "This password is too common."),
        ("2026111203", "This password is entirely numeric."),
    ],
)
def test_a_weak_new_password_is_refused_with_the_reason(client, volunteer, weak, reason):
    # given a logged-in user on the change-password page
    client.force_login(volunteer)

    # when they choose a weak password
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": TEST_PASSWORD, "password1": weak, "password2": weak},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    # then it is refused, saying why, and the old password still works
    assert response.status_code == 200
    assert reason in response.content.decode()
    volunteer.refresh_from_db()
    assert volunteer.check_password(TEST_PASSWORD)


def test_a_password_like_the_users_own_name_is_refused(client, volunteer):
    client.force_login(volunteer)
    similar = volunteer.email

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": TEST_PASSWORD, "password1": similar, "password2": similar},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    assert "The password is too similar to the" in response.content.decode()


def test_a_strong_password_is_accepted(client, volunteer):
    client.force_login(volunteer)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": TEST_PASSWORD, "password1": "lang-og-sikker-sætning",
         "password2": "lang-og-sikker-sætning"},
    )

    assert response.status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.check_password("lang-og-sikker-sætning")
