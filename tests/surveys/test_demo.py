import pytest

from integration_portal.core.demo import DemoContext
from surveys.demo import FINISHED_TITLE, seed_surveys
from surveys.models import Response, Survey
from surveys.selectors import survey_results
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_finished_survey_with_responses_and_a_draft(municipality):
    # given
    manager = UserFactory(municipality=municipality, manager=True)
    context = DemoContext(municipalities={"lejre": municipality},
                          users={("lejre", "manager"): manager})

    # when run twice
    seed_surveys(context)
    seed_surveys(context)

    # then
    finished = Survey.objects.get(title__da=FINISHED_TITLE)
    assert finished.status == "closed"
    assert 6 <= finished.questions.count() <= 8
    assert 20 <= Response.objects.filter(survey=finished).count() <= 40
    assert Survey.objects.filter(status="draft").count() == 1
    results = survey_results(survey=finished)
    assert results.questions[0].average is not None
    assert any(result.texts for result in results.questions)
