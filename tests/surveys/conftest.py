import pytest

from tests.factories import MunicipalityFactory, UserFactory
from tests.surveys.factories import QuestionFactory, SurveyFactory


@pytest.fixture(autouse=True)
def _messages_in_english():
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(name="Lejre", slug="lejre-s", code="350")


@pytest.fixture
def manager(municipality):
    return UserFactory(municipality=municipality, manager=True)


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def survey(municipality):
    return SurveyFactory(municipality=municipality)


@pytest.fixture
def questions(survey):
    """A required scale, an optional yes/no for citizens only, an optional free text."""
    return [
        QuestionFactory(survey=survey, position=1, kind="scale", required=True),
        QuestionFactory(survey=survey, position=2, kind="yes_no", required=False,
                        groups=["citizens"],
                        text={"da": "Har du fået hjælp?", "en": "Did you get help?",
                              "ar": "هل حصلت على مساعدة؟"}),
        QuestionFactory(survey=survey, position=3, kind="text", required=False,
                        text={"da": "Hvad kan vi gøre bedre?", "en": "What could be better?",
                              "ar": "ما الذي يمكن تحسينه؟"}),
    ]
