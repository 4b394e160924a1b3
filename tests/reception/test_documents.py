"""Uploads are checked by content and size, stored privately, served through a checked view."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from reception import services
from reception.forms import DocumentForm
from reception.models import Document
from tests.core.test_uploads import encrypted_pdf_bytes, pdf_bytes, png_bytes, scripted_pdf_bytes

pytestmark = pytest.mark.django_db


def test_a_pdf_is_stored_without_its_name_on_disk(household, caseworker):
    document = services.document_upload(
        household=household, actor=caseworker, document_type="placement_decision",
        uploaded_file=SimpleUploadedFile("Ahmad 140385-1237.pdf", b"%PDF-1.7\n...",
                                         "application/pdf"),
    )

    assert document.content_type == "application/pdf"
    assert "1237" not in document.file.name and "Ahmad" not in document.file.name
    assert document.original_name == "Ahmad 140385-1237.pdf"


@pytest.mark.parametrize(("name", "content"), [
    ("virus.exe", b"MZ\x90\x00"),
    ("renamed.pdf", b"MZ\x90\x00 not a pdf"),
    ("page.html", b"<html><script>"),
    ("image.png", b"%PDF-1.4 a pdf named png"),
])
def test_disallowed_files_are_refused_by_content(household, caseworker, name, content):
    with pytest.raises(ValidationError):
        services.document_upload(household=household, actor=caseworker, document_type="other",
                                 uploaded_file=SimpleUploadedFile(name, content))
    assert not Document.objects.exists()


def test_an_oversize_file_is_refused(household, caseworker, settings):
    settings.DOCUMENT_MAX_BYTES = 1024

    with pytest.raises(ValidationError):
        services.document_upload(
            household=household, actor=caseworker, document_type="other",
            uploaded_file=SimpleUploadedFile("big.pdf", b"%PDF-" + b"x" * 2000))


def test_an_upload_error_is_shown_on_the_case_page(client, household, caseworker):
    client.force_login(caseworker)

    response = client.post(
        reverse("reception:document_upload", args=[household.pk]),
        {"document_type": "other", "file": SimpleUploadedFile("x.exe", b"MZ")}, follow=True,
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert "The file must be a PDF, PNG or JPEG file" in response.content.decode()
    assert not Document.objects.exists()


def test_a_refused_upload_keeps_what_was_chosen_and_opens_the_form(client, household,
                                                                   caseworker):
    # given a person of the case
    from tests.factories import PersonFactory

    person = PersonFactory(household=household)
    client.force_login(caseworker)

    # when a file that is not a PDF, PNG or JPEG is sent for them as an integration contract
    response = client.post(
        reverse("reception:document_upload", args=[household.pk]),
        {"document_type": "contract", "person": person.pk,
         "file": SimpleUploadedFile("permit.pdf", b"MZ not a pdf")},
        HTTP_ACCEPT_LANGUAGE="en",
    )

    # then the case page comes back with the form open, the error, and both choices kept
    assert response.status_code == 400
    form = response.context["document_form"]
    assert form.errors
    assert form.data["document_type"] == "contract"
    html = response.content.decode()
    assert f'<option value="{person.pk}" selected>' in html
    assert '<option value="contract" selected>' in html
    assert not Document.objects.exists()


def test_a_refused_journal_note_keeps_its_text(client, household, caseworker, monkeypatch):
    # given the service refuses the note (e.g. the case was closed in another tab)
    def refuse(**kwargs):
        raise ValidationError("The case is closed.")

    monkeypatch.setattr(services, "journal_note_add", refuse)
    client.force_login(caseworker)

    # when a long note is posted
    response = client.post(reverse("reception:journal_add", args=[household.pk]),
                           {"text": "Talte med familien om skolestart."},
                           HTTP_ACCEPT_LANGUAGE="en")

    # then the page comes back with the message and the text still in the field
    assert response.status_code == 400
    html = response.content.decode()
    assert "The case is closed." in html
    assert "Talte med familien om skolestart.</textarea>" in html


def test_the_download_serves_the_file_to_the_caseworker(client, household, caseworker):
    document = services.document_upload(
        household=household, actor=caseworker, document_type="other",
        uploaded_file=SimpleUploadedFile("a.png", png_bytes(), "image/png"))
    client.force_login(caseworker)

    response = client.get(reverse("reception:document_download",
                                  args=[household.pk, document.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")


def test_the_download_is_an_attachment_of_the_detected_type_never_sniffed(
        client, household, caseworker):
    # given a real PNG uploaded with a misleading declared type
    document = services.document_upload(
        household=household, actor=caseworker, document_type="other",
        uploaded_file=SimpleUploadedFile("scan.png", png_bytes(), "text/html"))
    client.force_login(caseworker)

    # when
    response = client.get(reverse("reception:document_download",
                                  args=[household.pk, document.pk]))

    # then
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(("name", "content"), [
    ("scan.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),  # a PNG's first bytes only
    ("scan.jpg", b"\xff\xd8\xff" + b"<script>alert(1)</script>"),
    ("letter.pdf", None),  # a PDF with JavaScript
    ("letter.pdf", "encrypted"),
])
def test_files_that_only_look_right_are_refused(household, caseworker, name, content):
    # given
    content = {None: scripted_pdf_bytes, "encrypted": encrypted_pdf_bytes}.get(
        content, lambda: content)()

    # when / then
    with pytest.raises(ValidationError) as error:
        services.document_upload(household=household, actor=caseworker, document_type="other",
                                 uploaded_file=SimpleUploadedFile(name, content))
    assert "file" in error.value.message_dict
    assert not Document.objects.exists()


def test_the_document_form_checks_the_content_and_keeps_the_other_fields(household):
    # given a form with a real choice of type and a disguised file
    form = DocumentForm(
        {"document_type": "identity"},
        {"file": SimpleUploadedFile("passport.pdf", b"MZ\x90\x00", "application/pdf")},
        persons=household.persons.all())

    # when
    with translation.override("en"):
        valid = form.is_valid()

    # then
    assert not valid
    assert list(form.errors) == ["file"]
    assert form.cleaned_data["document_type"] == "identity"


def test_the_document_form_refuses_a_file_over_the_limit(household, settings):
    # given
    settings.DOCUMENT_MAX_BYTES = 1024
    upload = SimpleUploadedFile("big.pdf", pdf_bytes() + b"\n%" + b"x" * 2000)

    # when
    form = DocumentForm({"document_type": "other"}, {"file": upload},
                        persons=household.persons.all())

    # then
    with translation.override("en"):
        assert not form.is_valid()
    assert form.errors["file"][0].startswith("The file is too large")


def test_a_real_pdf_and_jpeg_are_accepted(household, caseworker):
    # when
    pdf = services.document_upload(household=household, actor=caseworker, document_type="other",
                                   uploaded_file=SimpleUploadedFile("a.PDF", pdf_bytes()))
    jpeg = services.document_upload(household=household, actor=caseworker,
                                    document_type="other",
                                    uploaded_file=SimpleUploadedFile("b.jpeg", png_bytes("JPEG")))

    # then
    assert (pdf.content_type, jpeg.content_type) == ("application/pdf", "image/jpeg")
