"""Danish is the default language; English is complete; the switcher changes language."""

from pathlib import Path

import polib
import pytest
from django.urls import reverse

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def test_the_danish_catalogue_translates_every_message():
    catalogue = polib.pofile(str(LOCALE / "da" / "LC_MESSAGES" / "django.po"))

    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]

    assert len(catalogue) > 50
    assert untranslated == []
    assert fuzzy == []


def test_the_english_catalogue_exists():
    assert (LOCALE / "en" / "LC_MESSAGES" / "django.po").exists()


@pytest.mark.django_db
def test_pages_are_in_danish_by_default(client):
    response = client.get(reverse("account_login"))

    assert response.status_code == 200
    assert 'lang="da"' in response.content.decode()
    assert "Tilgængelighedserklæring" in response.content.decode()


@pytest.mark.django_db
def test_the_language_switcher_changes_to_english(client, caseworker):
    client.force_login(caseworker)

    # when the user picks English in the switcher
    response = client.post(
        reverse("set_language"), {"language": "en", "next": reverse("reception:start")},
        follow=True,
    )

    # then the page comes back in English
    content = response.content.decode()
    assert 'lang="en"' in content
    assert "Accessibility statement" in content
    assert "My overview" in content


def test_the_english_catalogue_has_no_guessed_translations():
    # English is the source language: a fuzzy guess there would show another message's text.
    catalogue = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))

    assert catalogue.fuzzy_entries() == []
