"""The demo users can log in with what seed_demo prints, two-factor step included."""

import pytest
from django.urls import reverse

from integration_portal.accounts.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET, seed_accounts
from integration_portal.core.demo import DemoContext
from tests.factories import totp_code

pytestmark = pytest.mark.django_db


def _seed() -> str:
    context = DemoContext()
    seed_accounts(context)
    return "\n".join(context.notes)


def _log_in(client, email):
    return client.post(reverse("account_login"), {"login": email, "password": DEMO_PASSWORD},
                       follow=True)


def test_demo_staff_pass_two_factor_with_the_printed_secret(client):
    printed = _seed()
    assert DEMO_TOTP_SECRET in printed

    response = _log_in(client, "caseworker@lejre.example")
    assert response.redirect_chain[-1][0] == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(DEMO_TOTP_SECRET)},
                           follow=True)

    assert response.redirect_chain[-1][0] == reverse("reception:start")


def test_a_printed_recovery_code_works_and_works_again_after_reseeding(client):
    printed = _seed()
    code = printed.split("recovery code", 1)[1].split(": ", 1)[1].split(",")[0].strip()

    for _ in range(2):
        client.logout()
        _log_in(client, "manager@vejen.example")
        response = client.post(reverse("mfa_authenticate"), {"code": code}, follow=True)
        assert response.redirect_chain[-1][0] == reverse("manager_home")
        _seed()


def test_in_the_municipality_without_two_factor_the_password_is_enough(client):
    _seed()

    response = _log_in(client, "caseworker@lemvig.example")

    assert response.redirect_chain[-1][0] == reverse("reception:start")


def test_the_demo_administrator_passes_two_factor_with_the_printed_secret(client):
    _seed()

    response = _log_in(client, "admin@portal.example")
    assert response.redirect_chain[-1][0] == reverse("mfa_authenticate")
    client.post(reverse("mfa_authenticate"), {"code": totp_code(DEMO_TOTP_SECRET)})

    assert client.get("/admin/").status_code == 200
