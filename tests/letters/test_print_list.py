"""Caseworkers see their municipality's letters waiting to be printed or sent by Digital Post."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from reception.models import LetterStatus
from tests.factories import HouseholdFactory
from tests.letters.factories import LetterFactory

pytestmark = pytest.mark.django_db

URL = "/cases/letters/print/"


def test_the_url_is_named():
    assert reverse("reception:letter_print_list") == URL


def test_the_list_shows_waiting_letters_of_the_users_municipality(
    client, caseworker, municipality, other_municipality
):
    # given
    waiting = LetterFactory(
        household=HouseholdFactory(municipality=municipality, reference="LEJ-2026-0001"),
        languages=["da", "ti"], needs_oral_backup=True,
    )
    LetterFactory(household=HouseholdFactory(municipality=municipality, reference="LEJ-SENT"),
                  status=LetterStatus.SENT)
    LetterFactory(household=HouseholdFactory(municipality=municipality, reference="LEJ-DONE"),
                  status=LetterStatus.PRINTED)
    LetterFactory(household=HouseholdFactory(municipality=other_municipality,
                                             reference="VEJ-2026-0001"))
    client.force_login(caseworker)

    # when
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")

    # then only the waiting letter of the user's municipality is listed
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == [waiting]
    content = response.content.decode()
    assert "LEJ-2026-0001" in content
    assert "VEJ-2026-0001" not in content and "LEJ-SENT" not in content
    assert "LEJ-DONE" not in content
    assert reverse("reception:letter_download", args=[waiting.pk]) in content
    assert reverse("reception:letter_printed", args=[waiting.pk]) in content
    assert "Mark as printed/sent by Digital Post" in content
    assert "Danish, Tigrinya" in content
    assert "read it aloud or use an interpreter" in content


def test_an_empty_list_says_so(client, caseworker):
    client.force_login(caseworker)

    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")

    assert "There are no letters to print." in response.content.decode()


@pytest.mark.parametrize(("role", "status"), [("volunteer", 404), ("manager", 403)])
def test_users_who_do_not_work_on_cases_are_refused(client, request, role, status):
    client.force_login(request.getfixturevalue(role))

    assert client.get(URL).status_code == status


def test_an_anonymous_user_is_sent_to_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_number_of_queries_does_not_grow_with_the_letters(
    client, caseworker, municipality, django_assert_max_num_queries
):
    # given
    client.force_login(caseworker)
    client.get(URL)  # warm up: session, user and per-process caches
    for _ in range(2):
        LetterFactory(household=HouseholdFactory(municipality=municipality))
    with CaptureQueriesContext(connection) as with_two:
        client.get(URL)

    # when the list holds 20 letters
    for _ in range(18):
        LetterFactory(household=HouseholdFactory(municipality=municipality))
    # session, user, municipality, the navigation's badge count, the page count, the page
    with django_assert_max_num_queries(6):
        response = client.get(URL)

    # then
    assert len(response.context["page"].object_list) == 20
    with CaptureQueriesContext(connection) as with_twenty:
        client.get(URL)
    assert len(with_twenty) == len(with_two)
