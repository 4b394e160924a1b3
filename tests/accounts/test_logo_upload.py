"""A manager uploads the municipality's logo: PNG or JPEG by content, at most 1 MB."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def _image(image_format: str, size=(60, 20)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (0, 89, 179)).save(buffer, image_format)
    return buffer.getvalue()


def _settings(**overrides):
    data = {"contact_email": "kontakt@lejre.example", "milestone_warning_days": "9",
            "job_centre_email": "", "boerneattest_renewal_months": "36"}
    return {**data, **overrides}


def _upload(client, name: str, content: bytes, content_type="image/png", **overrides):
    logo = SimpleUploadedFile(name, content, content_type=content_type)
    return client.post(reverse("accounts:municipality_settings"),
                       _settings(logo=logo, **overrides))


@pytest.mark.parametrize(("image_format", "name", "extension"), [
    ("PNG", "logo.png", ".png"),
    ("JPEG", "logo.jpeg", ".jpg"),
    # Named by its content, not by the name it was uploaded with.
    ("PNG", "logo.jpg", ".png"),
])
def test_a_png_or_jpeg_logo_is_stored_with_the_settings(client, manager, image_format, name,
                                                        extension):
    # given
    client.force_login(manager)

    # when
    response = _upload(client, name, _image(image_format))

    # then
    assert response.status_code == 302
    municipality = manager.municipality
    municipality.refresh_from_db()
    assert municipality.logo.name == f"logos/{municipality.slug}{extension}"
    assert municipality.milestone_warning_days == 9
    with municipality.logo.open("rb") as stored:
        assert stored.read() == _image(image_format)


@pytest.mark.parametrize(("name", "content", "content_type"), [
    ("logo.png", b"<html>not a picture</html>", "image/png"),
    ("logo.png", _image("GIF"), "image/png"),
    ("logo.jpg", b"\xff\xd8\xff" + b"\x00" * 100, "image/jpeg"),  # a JPEG's first bytes only
    ("logo.pdf", b"%PDF-1.7", "application/pdf"),
])
def test_anything_but_a_png_or_jpeg_is_refused_and_nothing_is_lost(
    client, manager, media, name, content, content_type
):
    # given
    client.force_login(manager)

    # when
    response = _upload(client, name, content, content_type)

    # then the page says what is wrong, keeps what was typed, and saves nothing
    assert response.status_code == 200
    assert response.context["form"].errors["logo"] == [
        "The logo must be a PNG or JPEG image. The file you chose is not one."]
    assert 'value="9"' in response.content.decode()
    municipality = manager.municipality
    municipality.refresh_from_db()
    assert not municipality.logo
    assert municipality.milestone_warning_days != 9
    assert not (media / "logos").exists()


def test_a_logo_over_1_mb_is_refused(client, manager):
    # given a valid PNG padded past 1 MB (a PNG reader ignores what follows its end)
    client.force_login(manager)
    content = _image("PNG") + b"\x00" * (1024 * 1024)

    # when
    response = _upload(client, "logo.png", content)

    # then
    assert response.status_code == 200
    assert response.context["form"].errors["logo"] == [
        "The logo is too large: it can be at most 1 MB. Save it smaller and try again."]
    manager.municipality.refresh_from_db()
    assert not manager.municipality.logo


def test_a_new_logo_replaces_the_old_file(client, manager, media,
                                          django_capture_on_commit_callbacks):
    # given
    client.force_login(manager)
    _upload(client, "first.png", _image("PNG"))
    manager.municipality.refresh_from_db()
    first = media / manager.municipality.logo.name

    # when
    with django_capture_on_commit_callbacks(execute=True):
        _upload(client, "second.jpg", _image("JPEG"), content_type="image/jpeg")

    # then
    manager.municipality.refresh_from_db()
    assert manager.municipality.logo.name.endswith(".jpg")
    assert not first.exists()


def test_saving_the_other_settings_keeps_the_logo(client, manager):
    client.force_login(manager)
    _upload(client, "logo.png", _image("PNG"))
    manager.municipality.refresh_from_db()
    stored = manager.municipality.logo.name

    response = client.post(reverse("accounts:municipality_settings"),
                           _settings(milestone_warning_days="5"))

    assert response.status_code == 302
    manager.municipality.refresh_from_db()
    assert manager.municipality.logo.name == stored
    assert manager.municipality.milestone_warning_days == 5


def test_the_logo_can_be_removed(client, manager):
    client.force_login(manager)
    _upload(client, "logo.png", _image("PNG"))

    response = client.post(reverse("accounts:municipality_settings"),
                           _settings(**{"logo-clear": "on"}))

    assert response.status_code == 302
    manager.municipality.refresh_from_db()
    assert not manager.municipality.logo


def test_the_settings_page_shows_the_current_logo_from_an_access_checked_address(
    client, manager
):
    # given
    client.force_login(manager)
    _upload(client, "logo.png", _image("PNG"))

    # when
    page = client.get(reverse("accounts:municipality_settings"))
    logo = client.get(reverse("accounts:municipality_logo"))

    # then
    content = page.content.decode()
    assert 'enctype="multipart/form-data"' in content
    assert f'src="{reverse("accounts:municipality_logo")}"' in content
    assert "/media/" not in content
    assert logo.status_code == 200
    assert logo["Content-Type"] == "image/png"
    assert logo.content == _image("PNG")


@pytest.mark.parametrize(("role", "expected"), [
    ("caseworker", 403), ("volunteer", 404), ("other_manager", 404),
])
def test_only_the_municipalitys_managers_see_the_logo(client, request, manager, role, expected):
    # given Lejre has a logo (and Vejen has none)
    client.force_login(manager)
    _upload(client, "logo.png", _image("PNG"))

    # when
    client.force_login(request.getfixturevalue(role))
    response = client.get(reverse("accounts:municipality_logo"))

    # then
    assert response.status_code == expected
