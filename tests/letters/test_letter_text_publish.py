"""Publishing a letter text makes a new version; earlier versions are kept as they were."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from integration_portal.letters.models import LetterKind, LetterText
from integration_portal.letters.services import letter_text_publish
from tests.factories import UserFactory
from tests.letters.factories import LetterTextFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(municipality):
    return UserFactory(municipality=municipality, is_staff=True)


def publish(**overrides):
    values = {
        "municipality": None, "kind": LetterKind.WELCOME, "language": "ar",
        "subject": "مرحباً {first_names}", "body": "نص {caseworker}",
    }
    return letter_text_publish(**{**values, **overrides})


def test_publishing_the_national_text_adds_the_next_version(administrator):
    # given the seeded version 1
    original = LetterText.objects.national().get(language="ar")

    # when
    text = publish(actor=administrator)

    # then version 2 is published and version 1 is unchanged
    assert (text.version, text.created_by, text.municipality) == (2, administrator, None)
    original_after = LetterText.objects.get(pk=original.pk)
    assert (original_after.subject, original_after.body) == (original.subject, original.body)


def test_a_municipalitys_versions_are_numbered_on_their_own(municipality, administrator):
    # when the municipality publishes its first and second texts
    first = publish(municipality=municipality, actor=administrator)
    second = publish(municipality=municipality, actor=administrator, subject="Andet")

    # then they are its versions 1 and 2, whatever the national default's numbers are
    assert (first.version, second.version) == (1, 2)
    assert LetterText.objects.national().get(language="ar").version == 1


def test_the_system_may_publish_without_an_actor():
    assert publish(actor=None).created_by is None


def test_a_text_with_an_unknown_placeholder_is_refused(administrator):
    # when / then
    with pytest.raises(ValidationError) as error:
        publish(actor=administrator, body="Hej {name}, din sag er {reference}")

    assert "body" in error.value.message_dict
    assert "{name}" in error.value.message_dict["body"][0]
    assert not LetterText.objects.filter(version=2).exists()


def test_a_caseworker_may_not_publish(caseworker):
    with pytest.raises(PermissionError):
        publish(actor=caseworker)


def test_the_database_refuses_two_national_texts_with_the_same_version():
    # given (NULL municipalities are distinct in a plain unique index)
    LetterTextFactory(language="so", version=5)

    # when / then
    with pytest.raises(IntegrityError):
        LetterText.objects.create(kind=LetterKind.WELCOME, language="so", version=5,
                                  subject="x", body="y")
