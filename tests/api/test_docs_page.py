"""The API documentation page: generated from the schema, for the municipality's staff."""

import pytest
from django.urls import reverse

from integration_portal.api.docs import api_documentation, generate_schema

pytestmark = pytest.mark.django_db

URL = "/api/v1/docs/"


@pytest.mark.parametrize("role", ["caseworker", "coordinator", "manager"])
def test_staff_read_the_documentation(client, role, request):
    # given
    client.force_login(request.getfixturevalue(role))

    # when
    response = client.get(URL)

    # then
    assert response.status_code == 200
    assert reverse("api_docs") == URL


def test_volunteers_and_anonymous_users_do_not(client, volunteer):
    # when
    anonymous = client.get(URL)
    client.force_login(volunteer)
    as_volunteer = client.get(URL)

    # then
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/accounts/login/")
    assert as_volunteer.status_code == 404


def test_the_page_lists_every_operation_of_the_schema(client, manager):
    # given
    client.force_login(manager)
    schema = generate_schema()

    # when
    page = client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    # then
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            assert f'id="op-{operation["operationId"]}"' in page, f"{method} {path}"
            assert f"<code>{path}</code>" in page
    assert "/api/v1/schema/" in page


def test_the_page_shows_parameters_and_fields_with_their_choices(client, caseworker):
    # given
    client.force_login(caseworker)

    # when
    page = client.get(URL, HTTP_ACCEPT_LANGUAGE="en").content.decode()

    # then: the households list's filters, the notice's request fields and a choice's label
    assert "<code>arrival_from</code>" in page
    assert "Arrived on or after this day." in page
    assert "<code>expected_arrival_date</code>" in page
    assert "<code>in_programme</code> – In programme" in page
    assert "Authorization: Token &lt;token&gt;" in page
    assert "API tokens" in page


def test_the_page_is_in_the_users_language(client, caseworker):
    # given
    client.force_login(caseworker)
    client.cookies["django_language"] = "da"

    # when
    danish = client.get(URL).content.decode()

    # then: the schema's own texts (model labels, choices) come in Danish
    assert '<html lang="da">' in danish
    assert "<code>in_programme</code> – I integrationsprogram" in danish


def test_the_documentation_is_generated_once_per_language():
    # given
    api_documentation.cache_clear()

    # when
    api_documentation("en")
    api_documentation("en")
    api_documentation("da")

    # then
    assert api_documentation.cache_info().misses == 2


def test_the_footer_links_staff_to_the_documentation(client, caseworker, volunteer):
    # given
    client.force_login(caseworker)
    as_staff = client.get("/accessibility/").content.decode()
    client.force_login(volunteer)

    # when
    as_volunteer = client.get("/accessibility/").content.decode()

    # then
    assert f'href="{URL}"' in as_staff
    assert f'href="{URL}"' not in as_volunteer


def test_the_page_costs_a_fixed_number_of_queries(client, manager, django_assert_max_num_queries):
    # given
    client.force_login(manager)
    client.get(URL, HTTP_ACCEPT_LANGUAGE="en")  # the schema is made once per language, then kept

    # when
    with django_assert_max_num_queries(8):
        response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert response.status_code == 200
    assert "Lists come in pages of 50" in response.content.decode()
