"""A caseworker downloads the letter PDF of a case in their municipality; nobody else can."""

import pytest
from django.urls import reverse

from integration_portal.audit.models import AuditAction, AuditEvent
from reception.models import LetterStatus
from tests.factories import HouseholdFactory
from tests.letters.factories import LetterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(municipality):
    return LetterFactory(household=HouseholdFactory(municipality=municipality,
                                                    reference="LEJ-2026-0001"))


def url(letter) -> str:
    return reverse("reception:letter_download", args=[letter.pk])


def test_the_url_is_under_cases(letter):
    assert url(letter) == f"/cases/letters/{letter.pk}/pdf/"


def test_a_caseworker_downloads_the_pdf_and_it_is_audit_logged(client, caseworker, letter):
    # given
    client.force_login(caseworker)

    # when
    response = client.get(url(letter))

    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="welcome-LEJ-2026-0001.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == b"%PDF-1.7 stand-in"
    event = AuditEvent.objects.get(action=AuditAction.DOWNLOAD)
    assert (event.actor, event.object_id, event.trail) == (
        caseworker, str(letter.pk), f"reception.household:{letter.household_id}"
    )


def test_another_municipalitys_caseworker_gets_404(client, other_caseworker, letter):
    client.force_login(other_caseworker)

    response = client.get(url(letter))

    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.DOWNLOAD).exists()


def test_a_volunteer_gets_404(client, volunteer, letter):
    client.force_login(volunteer)

    response = client.get(url(letter))

    assert response.status_code == 404


def test_a_manager_reads_the_letter_of_their_municipality(client, manager, letter):
    # Managers read cases (escalations link to them), letters included.
    client.force_login(manager)

    response = client.get(url(letter))

    assert response.status_code == 200


def test_an_anonymous_user_is_sent_to_login(client, letter):
    response = client.get(url(letter))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_a_letter_not_yet_rendered_has_no_pdf_to_download(client, caseworker, municipality):
    # given
    letter = LetterFactory(household=HouseholdFactory(municipality=municipality),
                           status=LetterStatus.PENDING, pdf="")
    client.force_login(caseworker)

    # when
    response = client.get(url(letter))

    # then
    assert response.status_code == 404
