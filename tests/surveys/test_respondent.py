"""The public respondent page: single use, open dates, required answers, languages."""

import datetime
import threading

import pytest
from django.db import connection
from django.urls import reverse

from surveys import services
from surveys.models import Answer, Invitation, Response
from tests.surveys.factories import invite

pytestmark = pytest.mark.django_db


def url(token, lang=""):
    return reverse("surveys:respond", args=[token]) + (f"?lang={lang}" if lang else "")


def test_an_anonymous_respondent_answers_once(client, survey, questions):
    # given
    token = invite(survey)

    # when
    response = client.post(url(token), {"lang": "en", f"q{questions[0].pk}": "4",
                                        f"q{questions[1].pk}": "1",
                                        f"q{questions[2].pk}": "More Danish lessons"})

    # then
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("surveys:thanks"))
    saved = Response.objects.get()
    assert (saved.group, saved.language) == ("citizens", "en")
    assert sorted(Answer.objects.values_list("text", "value"), key=str) == [
        ("", 1), ("", 4), ("More Danish lessons", None)]
    assert Invitation.objects.get().used_at is not None


def test_a_link_used_twice_says_so_and_changes_nothing(client, survey, questions):
    # given
    token = invite(survey)
    client.post(url(token), {f"q{questions[0].pk}": "4"})

    # when the same respondent opens and submits the link again
    opened = client.get(url(token, "en"))
    again = client.post(url(token), {"lang": "en", f"q{questions[0].pk}": "1"})

    # then
    assert opened.status_code == 409
    assert again.status_code == 409
    assert "This link has already been used; your answers were received" in again.content.decode()
    assert Response.objects.count() == 1
    assert list(Answer.objects.values_list("value", flat=True)) == [4]


def test_the_service_refuses_a_second_use(survey, questions):
    token = invite(survey)
    services.response_submit(token=token, language="da", answers={questions[0].pk: 3})
    with pytest.raises(services.InvitationAlreadyUsed):
        services.response_submit(token=token, language="da", answers={questions[0].pk: 5})
    assert Response.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submits_count_once(survey, questions):
    # given
    token = invite(survey)
    barrier = threading.Barrier(2)
    outcomes = []

    def submit():
        barrier.wait()
        try:
            services.response_submit(token=token, language="da", answers={questions[0].pk: 2})
            outcomes.append("saved")
        except services.InvitationAlreadyUsed:
            outcomes.append("used")
        except Exception as error:  # SQLite may refuse the second writer outright
            outcomes.append(type(error).__name__)
        finally:
            connection.close()

    # when
    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    # then exactly one counts
    assert outcomes.count("saved") == 1
    assert Response.objects.count() == 1


def test_an_expired_survey_takes_no_answers(client, survey, questions):
    # given a survey past its closing day
    survey.closes_on = datetime.date.today() - datetime.timedelta(days=1)
    survey.opens_on = survey.closes_on - datetime.timedelta(days=10)
    survey.save()
    token = invite(survey)

    # when
    response = client.post(url(token), {"lang": "en", f"q{questions[0].pk}": "4"})

    # then
    assert response.status_code == 410
    assert "The survey is closed" in response.content.decode()
    assert not Response.objects.exists()
    assert Invitation.objects.get().used_at is None


def test_a_closed_survey_takes_no_answers(client, survey, questions):
    survey.status = "closed"
    survey.save()
    token = invite(survey)
    response = client.get(url(token, "en"))
    assert response.status_code == 410
    assert not Response.objects.exists()


def test_a_survey_not_yet_open_says_when_it_opens(client, survey, questions):
    survey.opens_on = datetime.date.today() + datetime.timedelta(days=3)
    survey.save()
    token = invite(survey)
    response = client.post(url(token), {"lang": "en", f"q{questions[0].pk}": "4"})
    assert response.status_code == 403
    assert "has not opened yet" in response.content.decode()
    assert not Response.objects.exists()


def test_an_unknown_token_is_a_404(client, survey):
    assert client.get(url("NOSUCHTOKEN22")).status_code == 404


def test_a_required_question_left_out_re_renders_with_what_was_typed(client, survey, questions):
    # given
    token = invite(survey)

    # when
    response = client.post(url(token), {"lang": "en", f"q{questions[2].pk}": "Kept text"})

    # then
    body = response.content.decode()
    assert response.status_code == 400
    assert "Please answer this question." in body
    assert "Kept text" in body
    assert not Response.objects.exists()
    assert Invitation.objects.get().used_at is None


def test_a_value_off_the_scale_is_refused(client, survey, questions):
    token = invite(survey)
    response = client.post(url(token), {"lang": "en", f"q{questions[0].pk}": "9"})
    assert response.status_code == 400
    assert not Response.objects.exists()


@pytest.mark.parametrize(("language", "direction"), [("ar", "rtl"), ("da", "ltr"),
                                                     ("en", "ltr")])
def test_the_page_is_in_the_chosen_language_and_direction(client, survey, questions, language,
                                                          direction):
    token = invite(survey)
    response = client.get(url(token, language))
    body = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}">' in body
    assert questions[0].text[language] in body


def test_a_language_the_survey_does_not_offer_falls_back_to_danish(client, survey, questions):
    token = invite(survey)
    body = client.get(url(token, "ti")).content.decode()
    assert '<html lang="da" dir="ltr">' in body


def test_questions_for_other_groups_are_not_shown(client, survey, questions):
    token = invite(survey, group="employers")
    body = client.get(url(token, "en")).content.decode()
    assert "Did you get help?" not in body
    assert "How satisfied are you?" in body


def test_a_code_from_a_paper_slip_leads_to_the_survey(client, survey, questions):
    token = invite(survey)
    typed = f"{token[:4].lower()}-{token[4:8]} {token[8:]}"
    response = client.post(reverse("surveys:respond_start"), {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == url(token)
    wrong = client.post(reverse("surveys:respond_start") + "?lang=en", {"code": "XXXX"})
    assert wrong.status_code == 400
    assert "We do not know that code" in wrong.content.decode()


def test_the_thank_you_page_is_in_the_respondents_language(client):
    response = client.get(reverse("surveys:thanks") + "?lang=ar")
    assert 'dir="rtl"' in response.content.decode()


def test_the_respondent_page_is_outside_the_two_factor_requirement(client, survey, questions,
                                                                   municipality):
    # given a caseworker who has not set up two-factor authentication yet (a staff member
    # may answer as a volunteer or test the link)
    from tests.factories import UserFactory

    municipality.mfa_required = True
    municipality.save()
    client.force_login(UserFactory(municipality=municipality, caseworker=True, totp=False))
    token = invite(survey)

    # when / then
    assert client.get(url(token, "en")).status_code == 200
