"""Without an e-mail address and consent, the welcome letter goes on the print list; the
letter's languages and its need for oral backup follow the household's adults."""

from datetime import date

import pytest
from django.core import mail

from integration_portal.audit.models import AuditAction, AuditEvent
from reception.letters import welcome_letter_deliver
from reception.models import LetterChannel, LetterStatus, Person
from tests.factories import HouseholdFactory, PersonFactory
from tests.letters.factories import LetterTextFactory
from tests.letters.pdf import pdf_pages_text

pytestmark = pytest.mark.django_db


def pdf_of(letter) -> list[str]:
    with letter.pdf.open("rb") as pdf:
        return [" ".join(page.split()) for page in pdf_pages_text(pdf.read())]


def test_without_consent_the_letter_waits_to_be_printed(arrived_household):
    # given Amal withdrew her consent to e-mail
    Person.objects.filter(first_name="Amal").update(email_consent=False)

    # when
    letter = welcome_letter_deliver(household_id=arrived_household.pk)

    # then no e-mail; the rendered letter is listed for print, and that is audit-logged
    assert mail.outbox == []
    assert (letter.channel, letter.status) == (LetterChannel.PRINT, LetterStatus.AWAITING_PRINT)
    assert letter.pdf and letter.sent_at is None
    assert AuditEvent.objects.filter(
        trail=f"reception.household:{arrived_household.pk}", action=AuditAction.UPDATE,
        summary__contains="listed for print",
    ).exists()


def test_an_adult_who_cannot_read_makes_the_letter_need_oral_backup(arrived_household):
    # given
    Person.objects.filter(first_name="Omar").update(literacy="limited")

    # when
    letter = welcome_letter_deliver(household_id=arrived_household.pk)

    # then
    assert letter.needs_oral_backup


def test_a_child_who_cannot_read_yet_does_not(arrived_household):
    # given Lina (8) does not read yet; her parents do
    assert Person.objects.get(first_name="Lina").literacy == "none"

    # when
    letter = welcome_letter_deliver(household_id=arrived_household.pk)

    # then
    assert not letter.needs_oral_backup


def test_danish_comes_first_then_each_adults_language(municipality, caseworker):
    # given a main person who reads Tigrinya and a spouse who reads English
    household = HouseholdFactory(municipality=municipality, caseworker=caseworker)
    PersonFactory(household=household, relation="spouse", first_name="Sara",
                  birth_date=date(1991, 1, 1), letter_language="en")
    PersonFactory(household=household, relation="applicant", first_name="Amanuel",
                  birth_date=date(1993, 1, 1), letter_language="ti")

    # when
    letter = welcome_letter_deliver(household_id=household.pk)

    # then
    assert letter.languages == ["da", "ti", "en"]
    danish, tigrinya, english = pdf_of(letter)
    assert "Kære Amanuel, Sara" in danish
    assert "ክቡራን Amanuel, Sara" in tigrinya
    assert "Dear Amanuel, Sara" in english


def test_a_household_reading_danish_gets_a_danish_letter_only(municipality, caseworker):
    household = HouseholdFactory(municipality=municipality, caseworker=caseworker)
    PersonFactory(household=household, letter_language="da")

    letter = welcome_letter_deliver(household_id=household.pk)

    assert letter.languages == ["da"]
    assert len(pdf_of(letter)) == 1


def test_the_municipalitys_own_text_is_used(arrived_household, municipality):
    # given Lejre's own Arabic text
    LetterTextFactory(municipality=municipality, language="ar", version=1,
                      subject="أهلاً {first_names}", body="نص لاير الخاص {reference}")

    # when
    letter = welcome_letter_deliver(household_id=arrived_household.pk)

    # then
    arabic = pdf_of(letter)[1]
    assert "نص لاير الخاص" in arabic and "LEJ-2026-0007" in arabic
    assert "الموظف المسؤول عن ملفك" not in arabic


def test_before_a_caseworker_is_assigned_the_letter_names_the_team(arrived_household):
    # given
    arrived_household.caseworker = None
    arrived_household.save()

    # when
    letter = welcome_letter_deliver(household_id=arrived_household.pk)

    # then
    danish, arabic = pdf_of(letter)
    assert "Din sagsbehandler er integrationsteamet." in danish
    assert "الموظف المسؤول عن ملفك هو فريق الاندماج" in arabic


def test_a_household_without_persons_gets_no_letter(municipality):
    household = HouseholdFactory(municipality=municipality)

    assert welcome_letter_deliver(household_id=household.pk) is None
    assert not household.letters.exists()


def test_a_household_that_no_longer_exists_gets_no_letter():
    assert welcome_letter_deliver(household_id=987654) is None
