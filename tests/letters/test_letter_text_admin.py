"""In Django admin a published text is read-only; a change is published as a new version."""

import pytest
from django.urls import reverse

from integration_portal.letters.models import LetterText
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, municipality):
    client.force_login(UserFactory(municipality=municipality, is_staff=True, is_superuser=True))
    return client


@pytest.fixture
def national_danish():
    return LetterText.objects.national().get(language="da")


def test_the_list_shows_the_seeded_national_texts(admin_client):
    # when
    response = admin_client.get(reverse("admin:letters_lettertext_changelist"),
                                {"municipality__isnull": "True"})

    # then
    assert response.status_code == 200
    assert response.context["cl"].result_count == 8


def test_a_published_version_cannot_be_changed(admin_client, national_danish):
    # when an administrator posts a change to the published version
    url = reverse("admin:letters_lettertext_change", args=[national_danish.pk])
    response = admin_client.post(url, {
        "municipality": "", "kind": "welcome", "language": "da",
        "subject": "Overskrevet", "body": "Overskrevet",
    })

    # then it is refused and the text is as it was
    assert response.status_code == 403
    national_danish.refresh_from_db()
    assert national_danish.subject == "Velkommen til {municipality} Kommune"


def test_a_published_version_cannot_be_deleted(admin_client, national_danish):
    response = admin_client.post(
        reverse("admin:letters_lettertext_delete", args=[national_danish.pk]), {"post": "yes"}
    )

    assert response.status_code == 403
    assert LetterText.objects.filter(pk=national_danish.pk).exists()


def test_the_published_version_links_to_a_new_version_filled_in_with_it(
    admin_client, national_danish
):
    # given the read-only page of the published version
    page = admin_client.get(
        reverse("admin:letters_lettertext_change", args=[national_danish.pk])
    ).content.decode()
    add_url = reverse("admin:letters_lettertext_add") + f"?copy_from={national_danish.pk}"
    assert add_url.replace("&", "&amp;") in page

    # when the administrator follows the link
    response = admin_client.get(add_url)

    # then the add form holds the published text
    form = response.context["adminform"].form
    assert form.initial["subject"] == national_danish.subject
    assert form.initial["body"] == national_danish.body
    assert form.initial["language"] == "da"


def test_saving_the_add_form_publishes_the_next_version(admin_client, national_danish):
    # when
    response = admin_client.post(reverse("admin:letters_lettertext_add"), {
        "municipality": "", "kind": "welcome", "language": "da",
        "subject": "Velkommen til {municipality}", "body": "Kære {first_names}",
    })

    # then version 2 is published beside version 1
    assert response.status_code == 302, response.context["errors"] if response.context else ""
    versions = LetterText.objects.national().filter(language="da").order_by("version")
    assert [(text.version, text.subject) for text in versions] == [
        (1, national_danish.subject), (2, "Velkommen til {municipality}"),
    ]
    assert versions[1].created_by.is_superuser


def test_the_add_form_refuses_an_unknown_placeholder(admin_client, municipality):
    # when
    response = admin_client.post(reverse("admin:letters_lettertext_add"), {
        "municipality": municipality.pk, "kind": "welcome", "language": "da",
        "subject": "Velkommen", "body": "Kære {fornavn}",
    })

    # then the form is shown again and nothing is published
    assert response.status_code == 200
    assert "{fornavn}" in response.content.decode()
    assert not LetterText.objects.in_municipality(municipality).exists()
