"""Logging in: every role lands on its own start page; there is no open sign-up."""

import pytest
from django.urls import reverse

from tests.factories import TEST_PASSWORD, UserFactory, totp_code

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("traits", "start_page"),
    [
        ({"caseworker": True}, "reception:start"),
        ({"coordinator": True}, "reception:start"),
        ({"manager": True}, "manager_home"),
        ({"volunteer": True}, "volunteers:board"),
        ({"is_volunteer_coordinator": True}, "volunteers:coordination"),
    ],
)
def test_after_login_each_role_lands_on_its_start_page(client, municipality, traits, start_page):
    # given a user with a role
    user = UserFactory(municipality=municipality, **traits)

    # when they log in through the login form (staff then with their app's code) and follow
    # the redirects
    response = client.post(
        reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD}, follow=True
    )
    if user.is_portal_staff:
        assert response.redirect_chain[-1][0] == reverse("mfa_authenticate")
        response = client.post(reverse("mfa_authenticate"), {"code": totp_code()}, follow=True)

    # then they end on their role's start page
    assert response.status_code == 200
    assert response.redirect_chain[-1][0] == reverse(start_page)


def test_a_wrong_password_is_refused_with_a_message(client, caseworker):
    response = client.post(
        reverse("account_login"), {"login": caseworker.email, "password": "wrong-password"}
    )

    assert response.status_code == 200
    assert not response.wsgi_request.user.is_authenticated
    assert response.context["form"].errors


def test_a_user_with_no_role_is_told_so(client, municipality):
    # given an account without any portal role
    user = UserFactory(municipality=municipality)
    client.force_login(user)

    # when they open the portal
    response = client.get(reverse("home"))

    # then they are told, with a 403, rather than shown someone else's start page
    assert response.status_code == 403


def test_sign_up_is_closed(client):
    # when someone tries to sign up
    response = client.post(
        reverse("account_signup"),
        {
            "email": "stranger@example.org",
            "password1": "x-Long-enough-1",
            "password2": "x-Long-enough-1",
        },
    )

    # then no account is created
    from integration_portal.accounts.models import User

    assert not User.objects.filter(email="stranger@example.org").exists()
    assert response.status_code == 200
    assert "account/signup_closed" in " ".join(t.name for t in response.templates if t.name)


def test_anonymous_users_are_sent_to_login(client):
    response = client.get(reverse("reception:start"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_password_reset_sends_an_email(client, caseworker, mailoutbox):
    # when a user asks for a password reset
    response = client.post(reverse("account_reset_password"), {"email": caseworker.email})

    # then an e-mail with a reset link is sent to them
    assert response.status_code == 302
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [caseworker.email]
    assert "/accounts/password/reset/key/" in mailoutbox[0].body
