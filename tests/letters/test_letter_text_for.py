"""A letter is written with the municipality's newest text version, else the national default's."""

import pytest

from integration_portal.letters.models import LetterKind, LetterText
from integration_portal.letters.selectors import letter_text_for
from tests.letters.factories import LetterTextFactory

pytestmark = pytest.mark.django_db


def test_without_a_text_of_its_own_the_municipality_gets_the_national_default(municipality):
    # when
    text = letter_text_for(municipality=municipality, kind=LetterKind.WELCOME, language="ar")

    # then the seeded national default, version 1
    assert text.is_national
    assert (text.language, text.version) == ("ar", 1)


def test_the_newest_national_version_is_used(municipality):
    # given a corrected national text
    LetterTextFactory(language="ar", version=2, subject="v2")

    # when
    text = letter_text_for(municipality=municipality, kind=LetterKind.WELCOME, language="ar")

    # then
    assert text.subject == "v2"


def test_the_municipalitys_newest_version_wins_over_a_newer_national_version(municipality):
    # given the municipality's own texts, and a national version numbered higher than them
    LetterTextFactory(municipality=municipality, language="ar", version=1, subject="own v1")
    LetterTextFactory(municipality=municipality, language="ar", version=2, subject="own v2")
    LetterTextFactory(language="ar", version=7, subject="national v7")

    # when
    text = letter_text_for(municipality=municipality, kind=LetterKind.WELCOME, language="ar")

    # then
    assert text.subject == "own v2"


def test_another_municipalitys_text_is_never_used(municipality, other_municipality):
    # given
    LetterTextFactory(municipality=other_municipality, language="ar", version=9, subject="Vejen")

    # when
    text = letter_text_for(municipality=municipality, kind=LetterKind.WELCOME, language="ar")

    # then
    assert text.is_national


def test_the_text_is_found_in_one_query(municipality, django_assert_num_queries):
    LetterTextFactory(municipality=municipality, language="ti", version=1)

    with django_assert_num_queries(1):
        text = letter_text_for(municipality=municipality, kind=LetterKind.WELCOME, language="ti")
        assert text.municipality.name == municipality.name


def test_a_language_without_any_text_is_an_error(municipality):
    # given no Somali text at all
    LetterText.objects.filter(language="so").delete()

    # when / then
    with pytest.raises(LetterText.DoesNotExist):
        letter_text_for(municipality=municipality, kind=LetterKind.WELCOME, language="so")
