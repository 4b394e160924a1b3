"""A caseworker marks a letter as printed (or sent by Digital Post); it leaves the print list."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from integration_portal.audit.models import AuditAction, AuditEvent
from reception.letters import letter_mark_printed
from reception.models import Letter, LetterStatus
from tests.factories import HouseholdFactory
from tests.letters.factories import LetterFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def letter(municipality):
    return LetterFactory(household=HouseholdFactory(municipality=municipality,
                                                    reference="LEJ-2026-0003"))


def test_marking_records_who_and_when_and_is_audit_logged(caseworker, letter):
    # when
    marked = letter_mark_printed(letter=letter, actor=caseworker)

    # then
    assert marked.status == LetterStatus.PRINTED
    assert marked.printed_by == caseworker and marked.printed_at is not None
    event = AuditEvent.objects.get(action=AuditAction.UPDATE, object_id=str(letter.pk))
    assert event.actor == caseworker
    assert event.trail == f"reception.household:{letter.household_id}"


def test_a_letter_cannot_be_marked_twice(caseworker, coordinator, letter):
    # given a colleague marked it a moment ago
    letter_mark_printed(letter=letter, actor=coordinator)

    # when / then
    with pytest.raises(ValidationError):
        letter_mark_printed(letter=letter, actor=caseworker)
    assert Letter.objects.get(pk=letter.pk).printed_by == coordinator


def test_a_letter_sent_by_email_cannot_be_marked_printed(caseworker, letter):
    Letter.objects.filter(pk=letter.pk).update(status=LetterStatus.SENT)

    with pytest.raises(ValidationError):
        letter_mark_printed(letter=letter, actor=caseworker)


def test_another_municipalitys_caseworker_may_not_mark_it(other_caseworker, letter):
    with pytest.raises(PermissionError):
        letter_mark_printed(letter=letter, actor=other_caseworker)
    assert Letter.objects.get(pk=letter.pk).status == LetterStatus.AWAITING_PRINT


def url(letter) -> str:
    return reverse("reception:letter_printed", args=[letter.pk])


def test_the_button_marks_it_and_returns_to_the_list(client, caseworker, letter):
    # given
    client.force_login(caseworker)

    # when
    response = client.post(url(letter), follow=True, HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert response.redirect_chain == [(reverse("reception:letter_print_list"), 302)]
    assert Letter.objects.get(pk=letter.pk).status == LetterStatus.PRINTED
    assert "LEJ-2026-0003" in response.content.decode()  # in the confirmation
    assert list(response.context["page"].object_list) == []


def test_pressing_the_button_again_only_warns(client, caseworker, letter):
    client.force_login(caseworker)
    client.post(url(letter))

    response = client.post(url(letter), follow=True, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert "not waiting to be printed" in response.content.decode()


def test_another_municipalitys_caseworker_gets_404(client, other_caseworker, letter):
    client.force_login(other_caseworker)

    assert client.post(url(letter)).status_code == 404
    assert Letter.objects.get(pk=letter.pk).status == LetterStatus.AWAITING_PRINT


def test_a_volunteer_gets_404(client, volunteer, letter):
    client.force_login(volunteer)

    assert client.post(url(letter)).status_code == 404


def test_an_anonymous_user_is_sent_to_login(client, letter):
    response = client.post(url(letter))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_get_is_not_allowed(client, caseworker, letter):
    client.force_login(caseworker)

    assert client.get(url(letter)).status_code == 405
