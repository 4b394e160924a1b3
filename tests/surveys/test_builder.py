"""A manager builds a survey: settings, per-language texts, questions; bad input is kept."""

import pytest
from django.urls import reverse

from integration_portal.audit.models import AuditEvent
from surveys.models import Question, Survey
from tests.surveys.factories import QuestionFactory, SurveyFactory

pytestmark = pytest.mark.django_db


def survey_post(**overrides):
    data = {"year": "2026", "opens_on": "2026-12-01", "closes_on": "2026-12-31",
            "languages": ["en", "ar"], "title_da": "Evaluering 2026",
            "title_en": "Evaluation 2026", "title_ar": "تقييم 2026",
            "intro_da": "Sig din mening."}
    data.update(overrides)
    return data


def test_a_manager_creates_a_draft_survey_in_three_languages(manager_client, manager):
    # when
    response = manager_client.post(reverse("surveys:create"), survey_post())

    # then
    survey = Survey.objects.get()
    assert response.status_code == 302
    assert survey.status == "draft"
    assert survey.languages == ["da", "en", "ar"]
    assert survey.title == {"da": "Evaluering 2026", "en": "Evaluation 2026",
                            "ar": "تقييم 2026"}
    assert survey.municipality == manager.municipality
    assert AuditEvent.objects.filter(object_type="surveys.survey", action="create").exists()


def test_a_missing_translated_title_keeps_what_was_typed(manager_client):
    # when the Arabic title is left out although Arabic is offered
    response = manager_client.post(reverse("surveys:create"),
                                   survey_post(title_ar="", intro_da="Vores intro"))

    # then nothing is saved and the form comes back with the values
    assert response.status_code == 400
    assert not Survey.objects.exists()
    body = response.content.decode()
    assert "Give the title in every language offered" in body
    assert "Vores intro" in body and "Evaluation 2026" in body


def test_a_survey_cannot_close_before_it_opens(manager_client):
    response = manager_client.post(reverse("surveys:create"),
                                   survey_post(closes_on="2026-11-01"))
    assert response.status_code == 400
    assert "must close on or after" in response.content.decode()
    assert not Survey.objects.exists()


def test_a_manager_adds_a_question_with_texts_per_language(manager_client, municipality):
    # given
    survey = SurveyFactory(municipality=municipality, status="draft")

    # when
    response = manager_client.post(reverse("surveys:question_create", args=[survey.pk]), {
        "position": "1", "kind": "scale", "required": "on", "groups": ["citizens"],
        "text_da": "Hvor tilfreds er du?", "text_en": "How satisfied are you?",
        "text_ar": "ما مدى رضاك؟", "low_da": "Slet ikke", "high_da": "Meget"})

    # then
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.text["ar"] == "ما مدى رضاك؟"
    assert question.low_label == {"da": "Slet ikke"}
    assert question.groups == ["citizens"] and question.required


def test_a_question_without_danish_text_is_refused_with_the_values_kept(manager_client,
                                                                          municipality):
    survey = SurveyFactory(municipality=municipality, status="draft")
    response = manager_client.post(reverse("surveys:question_create", args=[survey.pk]), {
        "position": "1", "kind": "scale", "text_en": "How satisfied are you?"})
    assert response.status_code == 400
    assert "How satisfied are you?" in response.content.decode()
    assert not Question.objects.exists()


def test_a_survey_with_a_missing_translation_cannot_open(manager_client, municipality):
    # given a question with no Arabic text
    survey = SurveyFactory(municipality=municipality, status="draft")
    QuestionFactory(survey=survey, text={"da": "Hvordan gik det?", "en": "How did it go?"})

    # when
    response = manager_client.post(reverse("surveys:open", args=[survey.pk]), follow=True)

    # then
    survey.refresh_from_db()
    assert survey.status == "draft"
    assert "Translate every question" in response.content.decode()


def test_an_open_survey_can_no_longer_be_changed(manager_client, survey):
    QuestionFactory(survey=survey)
    response = manager_client.post(reverse("surveys:question_create", args=[survey.pk]), {
        "position": "2", "kind": "text", "text_da": "Ny?", "text_en": "New?", "text_ar": "؟"})
    assert response.status_code == 302
    assert survey.questions.count() == 1


def test_opening_and_closing_are_audit_logged(manager_client, municipality):
    survey = SurveyFactory(municipality=municipality, status="draft")
    QuestionFactory(survey=survey)
    manager_client.post(reverse("surveys:open", args=[survey.pk]))
    survey.refresh_from_db()
    assert survey.status == "open"
    manager_client.post(reverse("surveys:close", args=[survey.pk]))
    survey.refresh_from_db()
    assert survey.status == "closed"
    assert set(AuditEvent.objects.filter(object_type="surveys.survey")
               .values_list("summary", flat=True)) >= {"opened", "closed"}


def test_the_builder_pages_render(manager_client, survey, questions):
    for name, args in (("list", []), ("create", []), ("detail", [survey.pk]),
                       ("preview", [survey.pk])):
        assert manager_client.get(reverse(f"surveys:{name}", args=args)).status_code == 200
    response = manager_client.get(reverse("surveys:preview", args=[survey.pk]) + "?lang=ar")
    assert 'dir="rtl"' in response.content.decode()
