"""Two-factor authentication is required of staff: on by default, switchable per municipality."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from integration_portal.accounts.models import Municipality
from tests.factories import TEST_PASSWORD, UserFactory, totp_code

pytestmark = pytest.mark.django_db


def _log_in_with_password(client, user):
    return client.post(
        reverse("account_login"), {"login": user.email, "password": TEST_PASSWORD}, follow=True
    )


def test_a_new_municipality_requires_two_factor():
    municipality = Municipality.objects.create(name="Køge", code="259", slug="koege")

    assert municipality.mfa_required is True


def test_staff_without_an_authenticator_are_sent_to_set_one_up(client, municipality):
    # given a caseworker who has not set up an authenticator app
    caseworker = UserFactory(municipality=municipality, caseworker=True, totp=False)
    client.force_login(caseworker)

    # when they open a page
    response = client.get(reverse("reception:start"))

    # then they are sent to set one up
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_logging_in_leads_to_the_setup_page_after_confirming_the_password(client, municipality):
    manager = UserFactory(municipality=municipality, manager=True, totp=False)

    # when a manager without an authenticator logs in through the form
    response = _log_in_with_password(client, manager)

    # then allauth asks them to confirm their password before changing 2FA settings
    assert response.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))

    # and once confirmed, the authenticator setup page opens
    response = client.post(
        response.redirect_chain[-1][0], {"password": TEST_PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("mfa_activate_totp")
    assert response.status_code == 200


def test_setting_up_the_app_hands_out_recovery_codes_and_opens_the_portal(client, municipality):
    # given a manager on the setup page
    manager = UserFactory(municipality=municipality, manager=True, totp=False)
    response = _log_in_with_password(client, manager)
    client.post(response.redirect_chain[-1][0], {"password": TEST_PASSWORD})
    client.get(reverse("mfa_activate_totp"))
    secret = client.session[SECRET_SESSION_KEY]

    # when they enter the code their new app shows
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})

    # then they are shown recovery codes to keep
    assert response.status_code == 302
    assert response.url == reverse("mfa_view_recovery_codes")
    codes = client.get(response.url, HTTP_ACCEPT_LANGUAGE="en")
    unused = RecoveryCodes(
        Authenticator.objects.get(user=manager, type=Authenticator.Type.RECOVERY_CODES)
    ).get_unused_codes()
    assert len(unused) >= 8
    assert unused[0] in codes.content.decode()
    # and the portal opens
    assert client.get(reverse("manager_home")).status_code == 200


def test_staff_with_an_authenticator_are_asked_for_a_code_after_the_password(
    client, municipality
):
    caseworker = UserFactory(municipality=municipality, caseworker=True)

    # when they give the right password
    response = _log_in_with_password(client, caseworker)

    # then they are not in yet: the code is asked for
    assert response.redirect_chain[-1][0] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    # and with the code from their app they land on their start page
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code()}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("reception:start")
    assert client.session["_auth_user_id"] == str(caseworker.pk)


def test_a_wrong_code_does_not_log_in(client, municipality):
    caseworker = UserFactory(municipality=municipality, caseworker=True)
    _log_in_with_password(client, caseworker)

    wrong = f"{(int(totp_code()) + 1) % 1_000_000:06d}"
    response = client.post(reverse("mfa_authenticate"), {"code": wrong},
                           HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


def test_a_recovery_code_logs_in_once(client, municipality):
    # given a caseworker with an app and recovery codes, who has lost their phone
    caseworker = UserFactory(municipality=municipality, caseworker=True)
    code = RecoveryCodes.activate(caseworker).get_unused_codes()[0]

    # when they log in with a recovery code instead of the app's code
    _log_in_with_password(client, caseworker)
    response = client.post(reverse("mfa_authenticate"), {"code": code}, follow=True)

    # then they are in
    assert response.redirect_chain[-1][0] == reverse("reception:start")
    assert client.session["_auth_user_id"] == str(caseworker.pk)

    # and the same code does not work a second time
    client.logout()
    _log_in_with_password(client, caseworker)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_pages_after_login_ask_nothing_more_about_two_factor(client, municipality):
    # given a caseworker who logged in with their code
    caseworker = UserFactory(municipality=municipality, caseworker=True)
    _log_in_with_password(client, caseworker)
    client.post(reverse("mfa_authenticate"), {"code": totp_code()})

    # when they open a page
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("reception:start"))

    # then it opens without a look at their authenticators or a write to their session
    assert response.status_code == 200
    statements = [query["sql"] for query in queries.captured_queries]
    assert not [sql for sql in statements if "mfa_authenticator" in sql]
    assert not [sql for sql in statements
                if "django_session" in sql and not sql.lstrip().upper().startswith("SELECT")]


def test_the_admin_login_form_goes_through_two_factor_too(client, municipality):
    # when someone opens the administration site's own login form
    response = client.get(reverse("admin:login"))

    # then they are sent to the portal's login, which asks for the code
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_volunteers_are_not_required_to_use_two_factor(client, municipality, volunteer):
    client.force_login(volunteer)

    assert client.get(reverse("volunteers:board")).status_code == 200


def test_nothing_is_required_when_the_municipality_switches_it_off(client, municipality):
    # given a municipality that switched two-factor off, and a caseworker with no app
    municipality.mfa_required = False
    municipality.save()
    caseworker = UserFactory(municipality=municipality, caseworker=True, totp=False)

    # when they log in with their password only
    response = _log_in_with_password(client, caseworker)

    # then their start page opens
    assert response.redirect_chain[-1][0] == reverse("reception:start")
    assert client.get(reverse("reception:start")).status_code == 200


def test_administrators_without_an_authenticator_are_sent_to_set_one_up(client, municipality):
    from tests.factories import UserFactory

    admin = UserFactory(municipality=municipality, is_staff=True, is_superuser=True, totp=False)
    client.force_login(admin)

    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_administrators_with_an_authenticator_reach_the_admin(client, municipality):
    from tests.factories import UserFactory

    client.force_login(UserFactory(municipality=municipality, is_staff=True, is_superuser=True))

    assert client.get("/admin/").status_code == 200


def test_administrators_may_be_let_off_by_the_setting(client, municipality, settings):
    from tests.factories import UserFactory

    settings.ADMIN_MFA_REQUIRED = False
    admin = UserFactory(municipality=municipality, is_staff=True, is_superuser=True, totp=False)
    client.force_login(admin)

    assert client.get("/admin/").status_code == 200
