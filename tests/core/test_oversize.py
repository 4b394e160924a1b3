"""Requests too large or with too many fields are refused cleanly: 413 or 400 with a page in
the portal's layout, or JSON from the API — never a blank error or a 500."""

import pytest
from django.urls import reverse

from tests.api.conftest import issue_token
from tests.factories import HouseholdFactory

pytestmark = pytest.mark.django_db

NOTICES = "/api/v1/notices/"


@pytest.fixture
def small_limits(settings):
    settings.MAX_REQUEST_BYTES = 4096
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 20
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2048
    return settings


def test_a_page_request_over_the_size_limit_gets_the_413_page(client, caseworker, small_limits):
    # given
    household = HouseholdFactory(municipality=caseworker.municipality, caseworker=caseworker)
    client.force_login(caseworker)

    # when
    response = client.post(reverse("reception:journal_add", args=[household.pk]),
                           {"text": "x" * 5000}, HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert response.status_code == 413
    html = response.content.decode()
    assert "<h1>What you sent is too large</h1>" in html
    assert household.journal_notes.count() == 0


def test_the_default_limit_lets_a_full_size_document_through(settings):
    # then a document at its own limit, with its form, fits in one request
    assert settings.MAX_REQUEST_BYTES > settings.DOCUMENT_MAX_BYTES + 64 * 1024


def test_an_api_request_over_the_size_limit_gets_json_413(client, caseworker, small_limits):
    # when
    response = client.post(NOTICES, {"reference": "x" * 5000}, content_type="application/json",
                           HTTP_AUTHORIZATION=f"Token {issue_token(caseworker)}",
                           HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"].startswith("The request is too large")


def test_too_many_form_fields_get_the_400_page(client, small_limits):
    # when
    response = client.post(reverse("account_login"),
                           {f"field{number}": "x" for number in range(30)},
                           HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert response.status_code == 400
    assert "<h1>The request could not be read</h1>" in response.content.decode()


def test_too_much_form_data_gets_the_400_page(client, small_limits):
    # when (under the request cap, over what Django reads into memory)
    response = client.post(reverse("account_login"), {"login": "x" * 3000},
                           HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert response.status_code == 400
    assert "<h1>The request could not be read</h1>" in response.content.decode()


def test_too_many_fields_to_the_api_get_json_400(client, caseworker, small_limits):
    # when
    response = client.post(NOTICES, {f"field{number}": "x" for number in range(30)},
                           HTTP_AUTHORIZATION=f"Token {issue_token(caseworker)}",
                           HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"].startswith("The request could not be read")


def test_the_400_page_is_shown_on_a_get_with_too_many_parameters(client, small_limits):
    # when
    query = "&".join(f"p{number}=1" for number in range(30))
    response = client.get(f"{reverse('account_login')}?{query}", HTTP_ACCEPT_LANGUAGE="en")

    # then the page still works or refuses cleanly, never a server error
    assert response.status_code in (200, 400)
