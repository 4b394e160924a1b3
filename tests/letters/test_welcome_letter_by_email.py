"""A household whose adults consented to e-mail gets the welcome letter by e-mail, with the PDF."""

import re

import pytest
from django.core import mail

from integration_portal.audit.models import AuditAction, AuditEvent
from reception.letters import welcome_letter_deliver
from reception.models import LetterChannel, LetterStatus
from tests.letters.pdf import pdf_pages_text

pytestmark = pytest.mark.django_db


def test_the_letter_is_emailed_to_the_adults_who_consented(arrived_household):
    # when
    letter = welcome_letter_deliver(household_id=arrived_household.pk)

    # then one e-mail, to Amal only: Omar did not consent and Lina is a child
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amal@example.org"]
    assert message.reply_to == [arrived_household.municipality.contact_email]
    assert (letter.channel, letter.status) == (LetterChannel.EMAIL, LetterStatus.SENT)
    assert letter.sent_at is not None and letter.rendered_at is not None


def test_the_email_has_the_letter_in_danish_and_arabic_and_the_pdf_attached(arrived_household):
    # when
    letter = welcome_letter_deliver(household_id=arrived_household.pk)

    # then
    message = mail.outbox[0]
    assert message.subject == "Velkommen til Lejre Kommune / مرحباً بك في بلدية Lejre"
    assert message.body.startswith("Kære Amal, Omar")
    assert "عزيزي/عزيزتي Amal، Omar" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("velkomstbrev.pdf", "application/pdf")
    with letter.pdf.open("rb") as pdf:
        assert content == pdf.read()


def test_the_pdf_names_the_household_and_caseworker_in_both_languages(
    arrived_household, caseworker
):
    # when
    letter = welcome_letter_deliver(household_id=arrived_household.pk)

    # then
    assert letter.languages == ["da", "ar"]
    with letter.pdf.open("rb") as pdf:
        danish, arabic = pdf_pages_text(pdf.read())
    for page in (danish, arabic):
        assert caseworker.full_name in " ".join(page.split())
        assert "LEJ-2026-0007" in page
    assert "Amal Haddad" in danish and "Hovedgaden 1, 4320 Lejre" in danish
    assert "Kære Amal, Omar" in danish
    assert "Lina" not in danish
    assert "الموظف المسؤول عن ملفك هو" in arabic
    assert "integration@lejre.example" in arabic


def test_the_pdf_is_stored_privately_under_a_random_name(arrived_household, media_root):
    # when
    letter = welcome_letter_deliver(household_id=arrived_household.pk)

    # then it sits in the municipality's folder, with no name of a person in its path
    municipality_id = arrived_household.municipality_id
    assert re.fullmatch(rf"letters/{municipality_id}/[0-9a-f]{{32}}\.pdf", letter.pdf.name)
    assert (media_root / letter.pdf.name).is_file()
    assert "Haddad" not in letter.pdf.name and "Amal" not in letter.pdf.name


def test_creating_and_sending_are_audit_logged_on_the_case(arrived_household):
    # when
    letter = welcome_letter_deliver(household_id=arrived_household.pk)

    # then two system events in the case's trail, without personal data in them
    events = list(
        AuditEvent.objects.filter(trail=f"reception.household:{arrived_household.pk}")
        .order_by("pk")
    )
    assert [(event.action, event.object_id, event.actor) for event in events] == [
        (AuditAction.CREATE, str(letter.pk), None),
        (AuditAction.UPDATE, str(letter.pk), None),
    ]
    assert "sent by e-mail" in events[1].summary
    assert events[1].changed_fields == ["sent_at", "status"]
    assert not any("Haddad" in event.summary or "amal@" in event.summary for event in events)
