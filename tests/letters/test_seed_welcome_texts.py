"""The national default welcome texts are seeded by migration in the eight letter languages."""

import re
from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from integration_portal.letters.languages import LetterLanguage
from integration_portal.letters.models import LetterKind, LetterText

pytestmark = pytest.mark.django_db

SEED_MIGRATION = "0002_seed_national_welcome_texts"
migration = import_module(f"integration_portal.letters.migrations.{SEED_MIGRATION}")

# A letter in each language is written in that language's script.
SCRIPTS = {
    "da": r"[æøå]", "en": r"[A-Za-z]", "so": r"[A-Za-z]",
    "ar": r"[\u0600-\u06FF]", "fa": r"[\u0600-\u06FF]", "prs": r"[\u0600-\u06FF]",
    "uk": r"[\u0400-\u04FF]", "ti": r"[\u1200-\u137F]",
}


def national_welcome_texts() -> dict[str, LetterText]:
    return {text.language: text
            for text in LetterText.objects.national().filter(kind=LetterKind.WELCOME)}


def test_every_letter_language_has_a_national_welcome_text():
    # when
    texts = national_welcome_texts()

    # then
    assert set(texts) == set(LetterLanguage.values)
    assert {text.version for text in texts.values()} == {1}


@pytest.mark.parametrize("language", LetterLanguage.values)
def test_each_text_names_the_caseworker_and_the_way_to_contact_the_office(language):
    # when
    text = national_welcome_texts()[language]

    # then the text says what the issue asks of it, and is valid
    for placeholder in ("{first_names}", "{municipality}", "{caseworker}",
                        "{contact_email}", "{reference}"):
        assert placeholder in text.body, placeholder
    assert "{municipality}" in text.subject
    assert re.search(SCRIPTS[language], text.body)
    assert len(text.body.split("\n\n")) >= 6  # short paragraphs, one message each
    text.full_clean()


def test_the_migration_says_the_translations_need_a_professional_review():
    assert "REVIEWED BY A PROFESSIONAL TRANSLATOR" in migration.__doc__


def test_the_seed_can_be_reversed_and_reapplied():
    # given the historical models the migration was written against (run directly: SQLite
    # cannot unapply a migration inside the test's transaction)
    historical_apps = MigrationLoader(connection).project_state(("letters", SEED_MIGRATION)).apps

    # when reversed
    migration.remove_welcome_texts(historical_apps, None)

    # then
    assert not LetterText.objects.exists()

    # and when applied again (twice), each text comes back once
    migration.seed_welcome_texts(historical_apps, None)
    migration.seed_welcome_texts(historical_apps, None)
    assert LetterText.objects.count() == len(LetterLanguage.values)
