"""The results: distributions, averages, response rates, free texts; PDF, CSV; query counts."""

from decimal import Decimal

import pytest
from django.urls import reverse

from integration_portal.audit.models import AuditEvent
from surveys import services
from surveys.selectors import survey_results
from tests.surveys.factories import SurveyFactory, invite

pytestmark = pytest.mark.django_db


def answer(survey, group, values):
    token = invite(survey, group=group)
    services.response_submit(token=token, language="da", answers=values)


@pytest.fixture
def answered(survey, questions):
    scale, yes_no, text = questions
    answer(survey, "citizens", {scale.pk: 5, yes_no.pk: 1, text.pk: "Godt"})
    answer(survey, "citizens", {scale.pk: 4, yes_no.pk: 0})
    answer(survey, "employers", {scale.pk: 2, text.pk: "Mere kontakt"})
    invite(survey, group="citizens")  # invited, not answered
    return questions


def test_the_numbers_are_right(survey, answered):
    # when
    results = survey_results(survey=survey)

    # then
    scale, yes_no, text = results.questions
    assert results.responses == 3
    assert scale.counts == {1: 0, 2: 1, 3: 0, 4: 1, 5: 1}
    assert scale.average == Decimal("3.67")
    assert yes_no.counts == {1: 1, 0: 1}
    assert text.texts == ["Godt", "Mere kontakt"]
    rates = {rate.group: rate for rate in results.rates}
    assert (rates["citizens"].invited, rates["citizens"].responses) == (3, 2)
    assert rates["citizens"].rate == Decimal("66.7")
    assert rates["volunteers"].rate is None


def test_a_group_filter_counts_that_group_only(survey, answered):
    results = survey_results(survey=survey, group="employers")
    assert results.responses == 1
    assert results.questions[0].counts[2] == 1 and results.questions[0].average == Decimal("2")
    assert results.questions[2].texts == ["Mere kontakt"]


def test_the_results_page_shows_charts_tables_and_free_texts(manager_client, survey, answered):
    response = manager_client.get(reverse("surveys:results", args=[survey.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "<svg" in body and 'scope="row"' in body
    assert "Mere kontakt" in body
    assert "3.67" in body or "3,67" in body or "3.7" in body or "3,7" in body


def test_the_pdf_and_csv_exports_are_audit_logged(manager_client, survey, answered):
    # when
    pdf = manager_client.get(reverse("surveys:results_pdf", args=[survey.pk]))
    csv = manager_client.get(reverse("surveys:results_csv", args=[survey.pk]) + "?group=citizens")

    # then
    assert pdf.content.startswith(b"%PDF")
    text = csv.content.decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == "group;position;question;kind;key;value"
    assert "citizens;;;responses;count;2" in lines
    assert any(line.endswith(";scale;5;1") for line in lines)
    assert AuditEvent.objects.filter(action="export", object_type="surveys.survey").count() == 2


def test_a_formula_typed_by_a_respondent_is_defused_in_the_csv(manager_client, survey,
                                                               questions):
    answer(survey, "citizens", {questions[0].pk: 3, questions[2].pk: "=HYPERLINK(1)"})
    text = manager_client.get(reverse("surveys:results_csv", args=[survey.pk])).content.decode()
    assert "'=HYPERLINK(1)" in text


def test_the_results_page_costs_the_same_with_more_responses(manager_client, survey, answered,
                                                             django_assert_max_num_queries):
    url = reverse("surveys:results", args=[survey.pk])
    manager_client.get(url)
    with django_assert_max_num_queries(14) as few:
        manager_client.get(url)
    for _ in range(15):
        answer(survey, "volunteers", {answered[0].pk: 3, answered[2].pk: "Fint"})
    with django_assert_max_num_queries(len(few.captured_queries)):
        manager_client.get(url)


def test_the_list_costs_the_same_with_more_surveys(manager_client, municipality, survey,
                                                   django_assert_max_num_queries):
    url = reverse("surveys:list")
    manager_client.get(url)
    with django_assert_max_num_queries(10) as few:
        manager_client.get(url)
    for _ in range(8):
        SurveyFactory(municipality=municipality)
    with django_assert_max_num_queries(len(few.captured_queries)):
        manager_client.get(url)
