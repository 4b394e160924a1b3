"""An upload is what its content says, not what its name or declared type says: documents
and logos share one check, which opens images with the expected decoder only and refuses
PDFs that are encrypted or carry scripts."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    TextStringObject,
)

from integration_portal.core.uploads import JPEG, PDF, PNG, upload_check

DOCUMENTS = (PDF, PNG, JPEG)
MB = 1024 * 1024


def png_bytes(image_format: str = "PNG", size=(40, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 89, 179)).save(buffer, image_format)
    return buffer.getvalue()


def _pdf(prepare=lambda writer: None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    prepare(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_bytes() -> bytes:
    return _pdf()


def _open_action(kind: str, **entries):
    def prepare(writer):
        action = DictionaryObject({NameObject("/S"): NameObject(kind)})
        action.update({NameObject(key): TextStringObject(value) for key, value in entries.items()})
        writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)

    return prepare


def scripted_pdf_bytes() -> bytes:
    return _pdf(_open_action("/JavaScript", **{"/JS": "app.alert('hello');"}))


def encrypted_pdf_bytes() -> bytes:
    return _pdf(lambda writer: writer.encrypt("secret", algorithm="RC4-128"))


def _check(name: str, content: bytes, **kwargs):
    return upload_check(SimpleUploadedFile(name, content, "application/octet-stream"),
                        kinds=kwargs.pop("kinds", DOCUMENTS), max_bytes=kwargs.pop(
                            "max_bytes", 10 * MB), **kwargs)


@pytest.mark.parametrize(("name", "content", "kind"), [
    ("scan.pdf", pdf_bytes(), PDF),
    ("photo.png", png_bytes(), PNG),
    ("photo.JPG", png_bytes("JPEG"), JPEG),
    ("photo.jpeg", png_bytes("JPEG"), JPEG),
])
def test_real_files_are_known_by_their_content(name, content, kind):
    # when / then
    assert _check(name, content) == kind


@pytest.mark.parametrize(("name", "content", "code"), [
    ("virus.pdf", b"MZ\x90\x00", "invalid_type"),
    ("page.png", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>", "invalid_type"),
    ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "invalid_type"),
    ("photo.gif", png_bytes("GIF"), "invalid_type"),
    ("photo.png", png_bytes("JPEG"), "invalid_type"),  # content and name disagree
    ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "unreadable"),
    ("photo.jpg", b"\xff\xd8\xff<html><script>", "unreadable"),
    ("letter.pdf", scripted_pdf_bytes(), "active_content"),
    ("letter.pdf", b"%PDF-1.4\n1 0 obj << /S /J#61vaScript /JS (x) >> endobj", "active_content"),
    ("letter.pdf", encrypted_pdf_bytes(), "encrypted"),
])
def test_files_are_refused_by_what_they_are(name, content, code):
    # when / then
    with pytest.raises(ValidationError) as error:
        _check(name, content)
    assert error.value.code == code


def test_a_pdf_that_starts_a_program_when_opened_is_refused():
    # when / then
    with pytest.raises(ValidationError) as error:
        _check("letter.pdf", _pdf(_open_action("/Launch", **{"/F": "cmd.exe"})))
    assert error.value.code == "active_content"


def test_a_pdf_that_opens_at_a_page_is_accepted():
    # given the harmless kind of open action: a destination, not an action to run
    def open_at_first_page(writer):
        writer._root_object[NameObject("/OpenAction")] = ArrayObject(
            [writer.pages[0].indirect_reference, NameObject("/Fit")])

    # when / then
    assert _check("letter.pdf", _pdf(open_at_first_page)) == PDF


def test_a_pdf_whose_page_content_happens_to_hold_such_a_name_is_accepted():
    # given page content (as compressed data can) with the bytes of /JS in it: a font name
    def content_naming_a_font_js(writer):
        stream = DecodedStreamObject()
        stream.set_data(b"BT /JS 12 Tf (Hello) Tj ET")
        writer.pages[0][NameObject("/Contents")] = writer._add_object(stream)

    # when / then
    assert _check("letter.pdf", _pdf(content_naming_a_font_js)) == PDF


def test_the_name_need_not_agree_where_the_server_names_the_file():
    # when / then (a logo is stored under a name the server chooses)
    assert _check("logo.jpg", png_bytes(), kinds=(PNG, JPEG), name_must_agree=False) == PNG


def test_a_file_over_the_limit_is_refused_before_it_is_read():
    # when / then
    with translation.override("en"), pytest.raises(ValidationError) as error:
        _check("scan.pdf", pdf_bytes(), max_bytes=100)
    assert error.value.code == "too_large"
    assert "at most" in error.value.messages[0]


def test_an_image_with_too_many_pixels_is_refused():
    # when / then
    with pytest.raises(ValidationError) as error:
        _check("big.png", png_bytes(size=(200, 200)), max_pixels=100 * 100)
    assert error.value.code == "too_many_pixels"


@pytest.mark.django_db
def test_a_logo_uploaded_in_the_admin_gets_the_same_check_and_a_server_chosen_name(
        municipality):
    # given the admin's form with the municipality's values
    from django.forms.models import model_to_dict

    from integration_portal.accounts.admin import MunicipalityAdminForm

    data = {key: value for key, value in model_to_dict(municipality).items()
            if value is not None and key != "logo"}

    def form_with(name, content):
        return MunicipalityAdminForm(data, {"logo": SimpleUploadedFile(name, content)},
                                     instance=municipality)

    # when
    disguised, real = form_with("logo.png", b"<svg onload='x'/>"), form_with("Ahmad.jpg",
                                                                             png_bytes())

    # then
    assert not disguised.is_valid() and list(disguised.errors) == ["logo"]
    assert real.is_valid(), real.errors
    assert real.cleaned_data["logo"].name == f"{municipality.slug}.png"
