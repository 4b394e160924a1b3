"""Token authentication: a token reads its own municipality's data and nothing else, and
stops working when revoked, expired, or when its user leaves the municipality."""

import datetime
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from integration_portal.api.models import ApiToken, hash_token
from integration_portal.api.services import api_token_revoke
from tests.api.conftest import issue_token
from tests.factories import HouseholdFactory, UserFactory

pytestmark = pytest.mark.django_db


def _client(token: str | None = None, keyword: str = "Token") -> APIClient:
    client = APIClient()
    if token is not None:
        client.credentials(HTTP_AUTHORIZATION=f"{keyword} {token}")
    return client


def test_a_token_reads_its_municipalitys_cases_and_not_anothers(caseworker, other_municipality):
    # given
    own = HouseholdFactory(municipality=caseworker.municipality)
    foreign = HouseholdFactory(municipality=other_municipality)
    client = _client(issue_token(caseworker))

    # when
    listed = client.get("/api/v1/households/")
    own_case = client.get(f"/api/v1/households/{own.pk}/")
    foreign_case = client.get(f"/api/v1/households/{foreign.pk}/")

    # then
    assert [row["id"] for row in listed.json()["results"]] == [own.pk]
    assert own_case.status_code == 200
    assert foreign_case.status_code == 404


def test_a_bearer_token_works_too(caseworker):
    # when
    response = _client(issue_token(caseworker), keyword="Bearer").get("/api/v1/households/")

    # then
    assert response.status_code == 200


def test_using_a_token_records_when_it_was_last_used(caseworker):
    # given
    token = issue_token(caseworker)

    # when
    _client(token).get("/api/v1/households/")

    # then
    assert ApiToken.objects.get(key_hash=hash_token(token)).last_used_at is not None


def test_a_revoked_token_answers_401(caseworker):
    # given
    token = issue_token(caseworker)
    api_token_revoke(api_token=ApiToken.objects.get(key_hash=hash_token(token)), actor=None)

    # when
    response = _client(token).get("/api/v1/households/")

    # then
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_an_expired_token_answers_401(caseworker):
    # given
    token = issue_token(caseworker, expires_at=timezone.now() - datetime.timedelta(minutes=1))

    # when
    response = _client(token).get("/api/v1/households/")

    # then
    assert response.status_code == 401


def test_a_token_not_yet_expired_works(caseworker):
    # given
    token = issue_token(caseworker, expires_at=timezone.now() + datetime.timedelta(days=1))

    # when
    response = _client(token).get("/api/v1/households/")

    # then
    assert response.status_code == 200


def test_a_token_whose_user_moved_municipality_answers_401(caseworker, other_municipality):
    # given
    token = issue_token(caseworker)
    HouseholdFactory(municipality=other_municipality)
    caseworker.municipality = other_municipality
    caseworker.save()

    # when
    response = _client(token).get("/api/v1/households/")

    # then
    assert response.status_code == 401


def test_a_token_whose_user_was_deactivated_answers_401(caseworker):
    # given
    token = issue_token(caseworker)
    caseworker.is_active = False
    caseworker.save()

    # when
    response = _client(token).get("/api/v1/households/")

    # then
    assert response.status_code == 401


@pytest.mark.parametrize("header", ["Token", "Token not-a-token", "Token a b", "Token \xff"])
def test_a_missing_or_malformed_token_answers_401(header, caseworker):
    # given
    issue_token(caseworker)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header)

    # when
    response = client.get("/api/v1/households/")

    # then
    assert response.status_code == 401


def test_no_token_answers_401():
    # when
    response = APIClient().get("/api/v1/households/")

    # then
    assert response.status_code == 401


def test_a_logged_in_caseworker_uses_the_api_with_the_browser_session(client, caseworker):
    # given
    household = HouseholdFactory(municipality=caseworker.municipality)
    client.force_login(caseworker)

    # when
    response = client.get("/api/v1/households/")

    # then
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["results"]] == [household.pk]


def test_a_session_write_needs_the_csrf_token(caseworker):
    # given
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(caseworker)

    # when
    response = client.post("/api/v1/notices/", {"received_on": "2026-09-01"}, format="json")

    # then
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_the_admin_issues_a_token_and_shows_it_once(client, municipality):
    # given
    admin = UserFactory(municipality=municipality, is_staff=True, is_superuser=True)
    service_account = UserFactory(municipality=municipality, caseworker=True)
    client.force_login(admin)

    # when
    response = client.post(reverse("admin:api_apitoken_add"), {
        "municipality": municipality.pk, "user": service_account.pk,
        "name": "Udlændingestyrelsen import", "expires_at_0": "", "expires_at_1": "",
    })

    # then
    assert response.status_code == 302, response.content[:2000]
    api_token = ApiToken.objects.get()
    assert (api_token.user, api_token.created_by) == (service_account, admin)
    shown = [str(message) for message in get_messages(response.wsgi_request)]
    token = next(word for text in shown for word in re.findall(r"[\w-]+", text)
                 if word.startswith(api_token.prefix))
    assert hash_token(token) == api_token.key_hash
    assert _client(token).get("/api/v1/households/").status_code == 200
    first_look = client.get(response["Location"]).content.decode()
    second_look = client.get(response["Location"]).content.decode()
    assert token in first_look
    assert token not in second_look
    assert f"({api_token.prefix}…)" in first_look


def test_the_api_root_lists_the_endpoints_to_a_token_and_refuses_anonymous(caseworker):
    # given a token and no credentials
    client, anonymous = APIClient(), APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {issue_token(caseworker)}")

    # when both ask for the API's root
    listed = client.get("/api/v1/")
    refused = anonymous.get("/api/v1/")

    # then the token sees every endpoint, and anonymous is asked to authenticate
    assert listed.status_code == 200
    assert {"notices", "households", "persons", "milestones", "volunteer-tasks",
            "housing-units", "placements", "measures"} <= set(listed.json())
    assert refused.status_code == 401
