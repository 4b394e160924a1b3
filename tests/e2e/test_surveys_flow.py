"""A manager builds the yearly evaluation survey, opens it and sends it; a citizen answers it
anonymously in Arabic (right to left); the manager reads the results. Every page on the way
passes an axe scan (WCAG 2.1 AA): the builder, the respondent page in Danish and Arabic, and
the results."""

import datetime

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone
from playwright.sync_api import expect

from surveys import services as survey_services
from surveys.models import Dispatch, Response, Survey
from tests.e2e.axe import blocking_findings
from tests.factories import HouseholdFactory, PersonFactory
from tests.surveys.factories import invite

pytestmark = pytest.mark.e2e



def assert_accessible(browser_page, name: str) -> None:
    blocking = blocking_findings(browser_page)
    assert blocking == [], f"{name}: {blocking}"


def in_english(browser_page, base: str) -> None:
    browser_page.context.add_cookies([{"name": "django_language", "value": "en", "url": base}])


@pytest.fixture
def citizen(people):
    """An adult in an open case who consented to e-mail."""
    household = HouseholdFactory(municipality=people["manager"].municipality, status="arrived")
    return PersonFactory(household=household, first_name="Rania", last_name="Haddad",
                         email="rania@example.org", email_consent=True,
                         birth_date=datetime.date(1988, 7, 2))


@pytest.fixture
def sending_after_commit(monkeypatch):
    # No worker in a browser test: the task runs in the server's thread once the send commits.
    monkeypatch.setattr(survey_services, "enqueue_on_commit",
                        lambda task, *args: transaction.on_commit(lambda: task.run(*args)))


def test_a_manager_sends_a_survey_and_reads_its_results(
        page, live_server, people, login, screenshot, citizen, sending_after_commit):
    today = timezone.localdate()
    # The builder in English (its Danish translations are merged into locale/ separately).
    in_english(page, live_server.url)
    login(people["manager"])

    # when the manager builds a survey in Danish, English and Arabic
    page.goto(f"{live_server.url}/surveys/")
    assert_accessible(page, "list")
    page.get_by_role("link", name="New survey").click()
    assert_accessible(page, "create")
    page.fill("#id_year", str(today.year))
    page.fill("#id_opens_on", today.isoformat())
    page.fill("#id_closes_on", (today + datetime.timedelta(days=14)).isoformat())
    page.fill("#id_title_da", "Evaluering af velkomstpolitikken")
    page.fill("#id_title_en", "Evaluation of the welcome policy")
    page.fill("#id_title_ar", "تقييم سياسة الاستقبال")
    page.get_by_role("button", name="Save the survey").click()
    expect(page.locator("h1")).to_have_text("Evaluering af velkomstpolitikken")
    survey = Survey.objects.get()

    # and adds a required scale question in every language
    page.get_by_role("link", name="Add a question").click()
    assert_accessible(page, "question form")
    page.get_by_label("Scale from 1 to 5").check()
    page.get_by_label("An answer is required").check()
    page.fill("#id_text_da", "Hvor tilfreds er du med modtagelsen?")
    page.fill("#id_text_en", "How satisfied are you with the welcome?")
    page.fill("#id_text_ar", "ما مدى رضاك عن الاستقبال؟")
    page.get_by_role("button", name="Save the question").click()
    expect(page.locator("table")).to_contain_text("Hvor tilfreds er du med modtagelsen?")
    assert_accessible(page, "detail")

    # and previews it, opens it and sends it to the citizens
    page.get_by_role("link", name="Preview").click()
    assert_accessible(page, "preview")
    page.get_by_role("link", name="Back to the survey").click()
    page.get_by_role("button", name="Open the survey").click()
    page.get_by_role("link", name="Send the survey").click()
    assert_accessible(page, "send")
    page.get_by_label("Citizens").check()
    page.get_by_role("button", name="Send the e-mails").click()
    screenshot("surveys-sent")

    # then the citizen got one e-mail with a single-use link
    assert Dispatch.objects.get(survey=survey).sent_count == 1
    assert [message.to for message in mail.outbox] == [["rania@example.org"]]
    link = mail.outbox[0].body.split("http", 1)[1].split()[0]
    path = "/" + link.split("/", 3)[3]

    # when the citizen opens the link in Danish, then in Arabic
    page.context.clear_cookies()
    page.goto(f"{live_server.url}{path}")
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.locator("h1")).to_have_text("Evaluering af velkomstpolitikken")
    assert_accessible(page, "respondent da")
    page.select_option("#respondent-language", "ar")
    page.get_by_role("button", name="Skift sprog").click()
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("h1")).to_have_text("تقييم سياسة الاستقبال")
    assert_accessible(page, "respondent ar")
    screenshot("surveys-respondent-ar")

    # and sends without answering, then answers
    page.get_by_role("button", name="إرسال الإجابات").click()
    expect(page.locator(".alert-error")).to_be_visible()
    assert_accessible(page, "respondent errors")
    page.get_by_label("4", exact=True).check()
    screenshot("surveys-respondent-ar-answered")
    page.get_by_role("button", name="إرسال الإجابات").click()
    expect(page.locator("h1")).to_have_text("شكرًا على إجاباتك")
    assert Response.objects.get().language == "ar"

    # and the same link used again says so
    page.goto(f"{live_server.url}{path}")
    expect(page.locator("h1")).to_contain_text("Linket er allerede brugt")

    # then the manager reads the results
    in_english(page, live_server.url)
    login(people["manager"])
    page.goto(f"{live_server.url}/surveys/{survey.pk}/results/")
    expect(page.locator("#response-total")).to_contain_text("1")
    expect(page.locator("#rates")).to_contain_text("Citizens")
    assert_accessible(page, "results")
    screenshot("surveys-results")


def test_the_respondent_page_passes_axe_in_an_rtl_language_for_each_group(
        page, live_server, people):
    # given an open survey in Danish and Farsi
    from tests.surveys.factories import QuestionFactory, SurveyFactory

    survey = SurveyFactory(municipality=people["manager"].municipality,
                           languages=["da", "fa"], title={"da": "Evaluering", "fa": "ارزیابی"})
    QuestionFactory(survey=survey, kind="yes_no", text={"da": "Fik du hjælp?",
                                                        "fa": "آیا کمک گرفتید؟"})
    QuestionFactory(survey=survey, kind="text", required=False,
                    text={"da": "Hvad kan vi gøre bedre?", "fa": "چه چیزی را بهتر کنیم؟"})
    token = invite(survey, group="associations")

    # when
    page.goto(f"{live_server.url}/surveys/r/{token}/?lang=fa")

    # then
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    assert_accessible(page, "respondent fa")
    page.goto(f"{live_server.url}/surveys/r/")
    assert_accessible(page, "code entry")
