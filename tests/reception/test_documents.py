"""Uploads are checked by content and size, stored privately, served through a checked view."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reception import services
from reception.models import Document

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

    assert "Only PDF, PNG and JPEG files can be uploaded" in response.content.decode()
    assert not Document.objects.exists()


def test_the_download_serves_the_file_to_the_caseworker(client, household, caseworker):
    document = services.document_upload(
        household=household, actor=caseworker, document_type="other",
        uploaded_file=SimpleUploadedFile("a.png", b"\x89PNG\r\n\x1a\nrest", "image/png"))
    client.force_login(caseworker)

    response = client.get(reverse("reception:document_download",
                                  args=[household.pk, document.pk]))

    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
