"""The job centre's queue: open items are listed, planned as a measure or closed with a reason.

Bad input keeps what was typed and saves nothing; only staff who work on cases in the
municipality reach it (a volunteer and another municipality get 404).
"""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from employment.models import JobcentreReferral, Measure, RuleAcknowledgement
from integration_portal.audit.models import AuditEvent
from tests.employment.conftest import claimed_task_for, report_internship
from tests.employment.factories import EmployerFactory
from tests.factories import HouseholdFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def person(household):
    return household.persons.get()


def _complete_data(person, **overrides):
    data = {"person": person.pk, "starts_on": "2026-04-06", "ends_on": "2026-07-03",
            "hours_per_week": "15", "employer_name": "Lejre Bageri ApS"}
    return {**data, **overrides}


# --- The list ---------------------------------------------------------------------------------


def test_the_queue_lists_the_open_items_with_what_the_job_centre_needs(
    client, caseworker, referral, job_centre
):
    # given
    client.force_login(caseworker)

    # when
    response = client.get(reverse("employment:queue"))

    # then
    assert response.status_code == 200
    assert list(response.context["referrals"]) == [referral]
    content = response.content.decode()
    case_url = reverse("reception:case_detail", args=[referral.household.pk])
    assert f'<a href="{case_url}">LEJ-2026-00042</a>' in content
    assert "Lejre Bageri" in content
    assert "Bageren vil gerne tage imod i sprogpraktik." in content
    assert "Language internship (draft)" in content
    assert "Not yet" in content  # the job centre has not been e-mailed yet
    assert reverse("employment:referral_complete", args=[referral.pk]) in content
    assert reverse("employment:referral_close", args=[referral.pk]) in content
    assert "is not configured" not in content


def test_the_queue_says_whether_the_job_centre_was_emailed(client, caseworker, referral,
                                                           job_centre):
    JobcentreReferral.objects.filter(pk=referral.pk).update(emailed_at=timezone.now())
    client.force_login(caseworker)

    content = client.get(reverse("employment:queue")).content.decode()

    assert "Yes, " in content


def test_the_queue_says_when_the_job_centres_address_is_not_configured(
    client, caseworker, referral
):
    client.force_login(caseworker)

    content = client.get(reverse("employment:queue")).content.decode()

    assert "e-mail address is not configured" in content
    assert "No: no address configured" in content


def test_items_dealt_with_leave_the_queue(client, caseworker, referral, municipality,
                                          volunteer_profile):
    # given a second item, closed
    task = claimed_task_for(municipality, volunteer_profile.user)
    closed = report_internship(task, employer="Hvalsø Brugs").jobcentre_referral
    JobcentreReferral.objects.filter(pk=closed.pk).update(status="closed",
                                                          closed_reason="Trukket tilbage.")
    client.force_login(caseworker)

    response = client.get(reverse("employment:queue"))

    assert list(response.context["referrals"]) == [referral]
    assert "Hvalsø Brugs" not in response.content.decode()


def test_the_start_page_links_to_the_queue(client, caseworker, referral):
    client.force_login(caseworker)

    response = client.get(reverse("employment:start"))

    assert reverse("employment:queue") in response.content.decode()


# --- Planning the measure ---------------------------------------------------------------------


def test_completing_the_draft_plans_the_measure_and_takes_the_item_off_the_queue(
    client, caseworker, referral, person
):
    # given
    client.force_login(caseworker)

    # when
    response = client.post(reverse("employment:referral_complete", args=[referral.pk]),
                           _complete_data(person))

    # then
    assert response.status_code == 302
    assert response["Location"] == reverse("employment:queue")
    measure = Measure.objects.get()
    assert (measure.status, measure.person, measure.employer_name) == (
        "planned", person, "Lejre Bageri ApS")
    assert (measure.starts_on, measure.ends_on) == (date(2026, 4, 6), date(2026, 7, 3))
    assert str(measure.hours_per_week) == "15.0"
    referral.refresh_from_db()
    assert referral.status == "converted"
    events = AuditEvent.objects.filter(actor=caseworker, action="update")
    assert {event.object_type for event in events} == {"employment.measure",
                                                        "employment.jobcentrereferral"}
    assert {event.trail for event in events} == {f"reception.household:{person.household_id}"}


def test_the_form_offers_only_the_cases_persons_and_the_reported_employer(
    client, caseworker, referral, person, municipality
):
    # given a person of another case
    PersonFactory(household=HouseholdFactory(municipality=municipality),
                  first_name="Omar", last_name="Saleh")
    client.force_login(caseworker)

    # when
    response = client.get(reverse("employment:referral_complete", args=[referral.pk]))

    # then
    content = response.content.decode()
    assert "Amina Haddad" in content
    assert "Omar" not in content
    assert 'value="Lejre Bageri"' in content
    # looking at the case's persons is logged on the case
    assert AuditEvent.objects.filter(actor=caseworker, action="view",
                                     trail=f"reception.household:{person.household_id}").exists()


def test_an_end_before_the_start_is_refused_and_keeps_what_was_typed(
    client, caseworker, referral, person
):
    client.force_login(caseworker)

    response = client.post(reverse("employment:referral_complete", args=[referral.pk]),
                           _complete_data(person, starts_on="2026-07-03", ends_on="2026-04-06",
                                          employer_name="Bageriet på torvet"))

    assert response.status_code == 200
    assert response.context["form"].errors["ends_on"] == ["The end is before the start."]
    content = response.content.decode()
    assert 'value="2026-07-03"' in content and 'value="2026-04-06"' in content
    assert 'value="Bageriet på torvet"' in content
    assert f'value="{person.pk}" selected' in content
    assert Measure.objects.get().status == "draft"
    referral.refresh_from_db()
    assert referral.status == "open"


def test_a_person_of_another_case_is_refused(client, caseworker, referral, municipality):
    # given a person of another case of the same municipality
    stranger = PersonFactory(household=HouseholdFactory(municipality=municipality))
    client.force_login(caseworker)

    # when
    response = client.post(reverse("employment:referral_complete", args=[referral.pk]),
                           _complete_data(stranger, hours_per_week="22.5"))

    # then
    assert response.status_code == 200
    assert "person" in response.context["form"].errors
    assert 'value="22.5"' in response.content.decode()
    measure = Measure.objects.get()
    assert (measure.status, measure.person) == ("draft", None)


def test_the_service_refuses_a_person_of_another_case_too(caseworker, referral, municipality):
    from django.core.exceptions import ValidationError

    from employment.services.referrals import measure_complete_draft

    stranger = PersonFactory(household=HouseholdFactory(municipality=municipality))
    with pytest.raises(ValidationError) as caught:
        measure_complete_draft(referral=referral, actor=caseworker, person=stranger,
                               starts_on=date(2026, 4, 6), ends_on=date(2026, 7, 3),
                               hours_per_week=15, employer_name="Lejre Bageri")
    assert "person" in caught.value.message_dict
    assert Measure.objects.get().status == "draft"


def test_missing_hours_are_refused(client, caseworker, referral, person):
    client.force_login(caseworker)

    response = client.post(reverse("employment:referral_complete", args=[referral.pk]),
                           _complete_data(person, hours_per_week=""))

    assert "hours_per_week" in response.context["form"].errors
    assert Measure.objects.get().status == "draft"


def test_an_item_dealt_with_cannot_be_planned_again(client, caseworker, referral, person):
    client.force_login(caseworker)
    url = reverse("employment:referral_complete", args=[referral.pk])
    client.post(url, _complete_data(person))

    response = client.post(url, _complete_data(person, employer_name="Et andet firma"))

    assert response.status_code == 302
    assert Measure.objects.get().employer_name == "Lejre Bageri ApS"


def test_an_empty_end_gives_the_standard_length_and_a_register_employer_can_be_chosen(
    client, caseworker, referral, person, municipality
):
    # given the bakery is in the register
    bakery = EmployerFactory(municipality=municipality, name="Lejre Bageri ApS")
    client.force_login(caseworker)

    # when
    response = client.post(reverse("employment:referral_complete", args=[referral.pk]),
                           _complete_data(person, ends_on="", employer=bakery.pk,
                                          employer_name=""))

    # then 13 weeks from 6 April
    assert response.status_code == 302
    measure = Measure.objects.get()
    assert (measure.employer, measure.employer_name) == (bakery, "Lejre Bageri ApS")
    assert measure.ends_on == date(2026, 7, 5)


def test_an_internship_past_the_rules_warns_and_plans_with_a_reason(client, caseworker,
                                                                    referral, person):
    client.force_login(caseworker)
    url = reverse("employment:referral_complete", args=[referral.pk])
    long = _complete_data(person, ends_on="2026-08-28", employer_name="Bageriet på torvet")

    # when the internship is planned for 21 weeks
    warned = client.post(url, long)

    # then the form is back with the warning and everything typed; nothing is saved
    assert warned.status_code == 200
    assert [field.name for field in warned.context["form"].warning_fields] == [
        "ack_internship_extension"]
    content = warned.content.decode()
    assert "An internship lasts 13 weeks; a longer one is an extension" in content
    assert "Plan despite the warnings" in content
    assert 'value="Bageriet på torvet"' in content and 'value="2026-08-28"' in content
    assert Measure.objects.get().status == "draft"
    referral.refresh_from_db()
    assert referral.status == "open"

    # when the caseworker gives a reason
    response = client.post(url, {**long, "warnings_shown": "internship_extension",
                                 "ack_internship_extension": "Sproget kræver længere tid."})

    # then
    assert response.status_code == 302
    measure = Measure.objects.get()
    assert (measure.status, measure.ends_on) == ("planned", date(2026, 8, 28))
    acknowledgement = RuleAcknowledgement.objects.get()
    assert (acknowledgement.measure, acknowledgement.code, acknowledgement.reason) == (
        measure, "internship_extension", "Sproget kræver længere tid.")
    referral.refresh_from_db()
    assert referral.status == "converted"


# --- Closing ----------------------------------------------------------------------------------


def test_closing_needs_a_reason(client, caseworker, referral):
    client.force_login(caseworker)

    response = client.post(reverse("employment:referral_close", args=[referral.pk]),
                           {"closed_reason": "   "})

    assert response.status_code == 200
    assert "closed_reason" in response.context["form"].errors
    referral.refresh_from_db()
    assert referral.status == "open"
    assert referral.measure.status == "draft"


def test_closing_with_a_reason_cancels_the_draft(client, caseworker, referral):
    client.force_login(caseworker)

    response = client.post(reverse("employment:referral_close", args=[referral.pk]),
                           {"closed_reason": "Arbejdsgiveren trak tilbuddet tilbage."})

    assert response.status_code == 302
    referral.refresh_from_db()
    assert referral.status == "closed"
    assert referral.closed_reason == "Arbejdsgiveren trak tilbuddet tilbage."
    assert (referral.closed_by, referral.closed_at is not None) == (caseworker, True)
    assert referral.measure.status == "cancelled"
    assert AuditEvent.objects.filter(object_type="employment.jobcentrereferral",
                                     object_id=str(referral.pk), action="update").exists()


def test_an_item_without_a_case_can_be_closed_but_not_planned(
    client, caseworker, municipality, volunteer_profile
):
    # given an item from a task linked to no case
    task = claimed_task_for(municipality, volunteer_profile.user, household=None)
    referral = report_internship(task).jobcentre_referral
    client.force_login(caseworker)

    # when
    content = client.get(reverse("employment:queue")).content.decode()

    # then
    assert "No case" in content
    assert reverse("employment:referral_complete", args=[referral.pk]) not in content
    assert reverse("employment:referral_close", args=[referral.pk]) in content
    assert client.get(reverse("employment:referral_close", args=[referral.pk])).status_code == 200
    planned = client.get(reverse("employment:referral_complete", args=[referral.pk]))
    assert planned.status_code == 302
    assert planned["Location"] == reverse("employment:queue")


# --- The case page ----------------------------------------------------------------------------


def test_the_case_page_shows_the_queue_items_and_then_the_planned_measure(
    client, caseworker, referral, household, person
):
    client.force_login(caseworker)
    case_url = reverse("reception:case_detail", args=[household.pk])

    # given an open item: the case page points to the queue; the draft names nobody yet
    content = client.get(case_url).content.decode()
    assert "Language internships found by volunteers" in content
    assert reverse("employment:queue") in content
    assert reverse("employment:person", args=[person.pk]) in content  # "other adults"

    # when the draft is planned for the person
    client.post(reverse("employment:referral_complete", args=[referral.pk]),
                _complete_data(person))

    # then the person's measure is listed under their name, with their employment page
    content = client.get(case_url).content.decode()
    measure = Measure.objects.get()
    assert f"Measures for {person.full_name}" in content
    assert reverse("employment:measure_detail", args=[measure.pk]) in content
    assert "Employment and outcomes" in content
    assert "Made into a measure" in content


# --- Who may ----------------------------------------------------------------------------------


def _urls(referral):
    return [
        reverse("employment:queue"),
        reverse("employment:referral_complete", args=[referral.pk]),
        reverse("employment:referral_close", args=[referral.pk]),
    ]


def test_a_volunteer_gets_404_everywhere(client, referral, volunteer_profile):
    client.force_login(volunteer_profile.user)
    for url in _urls(referral):
        assert client.get(url).status_code == 404
        assert client.post(url, {"closed_reason": "x"}).status_code == 404
    referral.refresh_from_db()
    assert referral.status == "open"


def test_another_municipalitys_caseworker_gets_404_on_the_item(client, referral,
                                                               other_caseworker):
    client.force_login(other_caseworker)

    queue = client.get(reverse("employment:queue"))
    complete = client.post(reverse("employment:referral_complete", args=[referral.pk]), {})
    close = client.post(reverse("employment:referral_close", args=[referral.pk]),
                        {"closed_reason": "Ikke vores."})

    assert list(queue.context["referrals"]) == []
    assert (complete.status_code, close.status_code) == (404, 404)
    referral.refresh_from_db()
    assert referral.status == "open"


def test_a_manager_gets_403_and_an_anonymous_user_the_login(client, referral, manager):
    for url in _urls(referral):
        assert client.get(url).status_code == 302
    client.force_login(manager)
    for url in _urls(referral):
        assert client.get(url).status_code == 403


# --- Queries ----------------------------------------------------------------------------------


def _referrals(municipality, volunteer, count):
    for n in range(count):
        household = HouseholdFactory(municipality=municipality)
        task = claimed_task_for(municipality, volunteer, household if n % 3 else None)
        report_internship(task, employer=f"Arbejdsgiver {n}")


@pytest.mark.parametrize("count", [3, 30])
def test_the_queue_costs_a_fixed_number_of_queries(client, caseworker, municipality,
                                                   volunteer_profile, count,
                                                   django_assert_max_num_queries):
    _referrals(municipality, volunteer_profile.user, count)
    client.force_login(caseworker)

    with django_assert_max_num_queries(6):
        response = client.get(reverse("employment:queue"))

    assert len(response.context["referrals"]) == count


def test_the_queue_does_not_grow_with_the_items(client, caseworker, municipality,
                                                volunteer_profile, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(caseworker)
    _referrals(municipality, volunteer_profile.user, 3)
    with CaptureQueriesContext(connection) as three:
        client.get(reverse("employment:queue"))

    _referrals(municipality, volunteer_profile.user, 27)
    with django_assert_num_queries(len(three.captured_queries)):
        client.get(reverse("employment:queue"))


def test_another_role_combination_sees_the_queue(client, municipality, referral):
    # a volunteer coordinator works on cases too
    coordinator = UserFactory(municipality=municipality, coordinator=True)
    client.force_login(coordinator)
    assert client.get(reverse("employment:queue")).status_code == 200
