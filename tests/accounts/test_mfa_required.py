"""Two-factor authentication is required of staff when their municipality switches it on."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.factories import TEST_PASSWORD

pytestmark = pytest.mark.django_db


@pytest.fixture
def mfa_municipality(municipality):
    municipality.mfa_required = True
    municipality.save()
    return municipality


def test_staff_without_an_authenticator_are_sent_to_set_one_up(
    client, mfa_municipality, caseworker
):
    client.force_login(caseworker)

    response = client.get(reverse("reception:start"))

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_logging_in_leads_to_the_setup_page_after_confirming_the_password(
    client, mfa_municipality, manager
):
    # when a manager logs in through the form
    response = client.post(
        reverse("account_login"), {"login": manager.email, "password": TEST_PASSWORD},
        follow=True,
    )

    # then allauth asks them to confirm their password before changing 2FA settings
    assert response.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))

    # and once confirmed, the authenticator setup page opens
    response = client.post(
        response.redirect_chain[-1][0], {"password": TEST_PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    assert response.status_code == 200


def test_staff_with_an_authenticator_pass(client, mfa_municipality, caseworker):
    # given a caseworker who has set up TOTP
    Authenticator.objects.create(
        user=caseworker, type=Authenticator.Type.TOTP, data={"secret": "JBSWY3DPEHPK3PXP"}
    )
    client.force_login(caseworker)

    # then their pages open
    assert client.get(reverse("reception:start")).status_code == 200


def test_volunteers_are_not_required_to_use_two_factor(client, mfa_municipality, volunteer):
    client.force_login(volunteer)

    assert client.get(reverse("volunteers:board")).status_code == 200


def test_nothing_is_required_when_the_municipality_has_it_off(client, caseworker):
    client.force_login(caseworker)

    assert client.get(reverse("reception:start")).status_code == 200
