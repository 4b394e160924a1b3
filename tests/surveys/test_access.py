"""Managers only, in their own municipality; the respondent pages are public."""

import pytest
from django.urls import reverse

from surveys.models import Survey
from tests.factories import MunicipalityFactory, UserFactory
from tests.surveys.factories import QuestionFactory, SurveyFactory

pytestmark = pytest.mark.django_db


def manager_urls(survey, question):
    pk, q = survey.pk, question.pk
    return [
        ("get", reverse("surveys:detail", args=[pk])),
        ("get", reverse("surveys:edit", args=[pk])),
        ("get", reverse("surveys:question_create", args=[pk])),
        ("get", reverse("surveys:question_edit", args=[pk, q])),
        ("post", reverse("surveys:question_delete", args=[pk, q])),
        ("get", reverse("surveys:preview", args=[pk])),
        ("post", reverse("surveys:open", args=[pk])),
        ("post", reverse("surveys:close", args=[pk])),
        ("get", reverse("surveys:send", args=[pk])),
        ("get", reverse("surveys:slips", args=[pk])),
        ("get", reverse("surveys:results", args=[pk])),
        ("get", reverse("surveys:results_pdf", args=[pk])),
        ("get", reverse("surveys:results_csv", args=[pk])),
    ]


@pytest.fixture
def draft(municipality):
    survey = SurveyFactory(municipality=municipality, status="draft")
    return survey, QuestionFactory(survey=survey)


@pytest.mark.parametrize("role", ["caseworker", "coordinator"])
def test_staff_who_are_not_managers_are_refused(client, municipality, draft, role):
    client.force_login(UserFactory(municipality=municipality, **{role: True}))
    for method, url in [("get", reverse("surveys:list")), ("get", reverse("surveys:create")),
                        *manager_urls(*draft)]:
        assert getattr(client, method)(url).status_code == 403, url
    assert Survey.objects.get().questions.count() == 1


def test_a_volunteer_is_not_told_the_pages_exist(client, municipality, draft):
    client.force_login(UserFactory(municipality=municipality, volunteer=True))
    for method, url in [("get", reverse("surveys:list")), *manager_urls(*draft)]:
        assert getattr(client, method)(url).status_code == 404, url


def test_another_municipalitys_manager_finds_nothing(client, draft):
    other = MunicipalityFactory(name="Vejen", slug="vejen-s", code="575")
    client.force_login(UserFactory(municipality=other, manager=True))
    for method, url in manager_urls(*draft):
        assert getattr(client, method)(url).status_code == 404, url
    assert client.get(reverse("surveys:list")).context["surveys"] == []
    survey = Survey.objects.get()
    assert survey.status == "draft" and survey.questions.count() == 1


def test_anonymous_visitors_are_sent_to_login(client, draft):
    response = client.get(reverse("surveys:detail", args=[draft[0].pk]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_nav_shows_evaluation_surveys_to_managers_only(client, municipality):
    client.force_login(UserFactory(municipality=municipality, manager=True))
    assert reverse("surveys:list") in client.get(reverse("surveys:list")).content.decode()
