"""Following a measure: its page shows the facts and the actions its status allows; it is
started, ended with an outcome, cancelled with a reason, or changed — each a dated step that
refuses bad input on its field and changes nothing then."""

from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from integration_portal.audit.models import AuditEvent
from tests.employment.factories import EmployerFactory, MeasureFactory, measure_type
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def person(municipality):
    household = HouseholdFactory(municipality=municipality)
    return PersonFactory(household=household, first_name="Amina", last_name="Haddad",
                         birth_date=date(1995, 5, 1))


@pytest.fixture
def planned(person):
    return MeasureFactory(person=person, starts_on=TODAY - timedelta(days=3),
                          employer_name="Lejre Bageri")


@pytest.fixture
def running(person):
    return MeasureFactory(person=person, status="active", starts_on=TODAY - timedelta(days=30),
                          actual_starts_on=TODAY - timedelta(days=28))


def audit_updates(measure):
    return AuditEvent.objects.filter(object_type="employment.measure",
                                     object_id=str(measure.pk), action="update")


# --- The measure's page -----------------------------------------------------------------------


def test_a_planned_measures_page_shows_the_facts_and_its_actions(client, caseworker, planned):
    client.force_login(caseworker)

    response = client.get(reverse("employment:measure_detail", args=[planned.pk]))

    content = response.content.decode()
    assert "Company internship for Amina Haddad" in content
    assert "Lejre Bageri" in content and "not in the register" in content
    assert f'<time datetime="{planned.starts_on:%Y-%m-%d}">' in content
    for action in ("measure_start", "measure_edit", "measure_cancel"):
        assert reverse(f"employment:{action}", args=[planned.pk]) in content
    assert reverse("employment:measure_end", args=[planned.pk]) not in content
    # reading it is logged on the case
    assert AuditEvent.objects.filter(object_type="employment.measure", action="view",
                                     trail=f"reception.household:{planned.household_id}",
                                     ).exists()


def test_a_running_measure_can_end_and_be_changed_but_not_started(client, caseworker,
                                                                   running):
    client.force_login(caseworker)

    content = client.get(reverse("employment:measure_detail",
                                 args=[running.pk])).content.decode()

    assert reverse("employment:measure_end", args=[running.pk]) in content
    assert reverse("employment:measure_edit", args=[running.pk]) in content
    assert reverse("employment:measure_start", args=[running.pk]) not in content
    assert reverse("employment:measure_cancel", args=[running.pk]) not in content


def test_an_igus_page_links_to_its_follow_up(client, caseworker, person):
    igu = MeasureFactory(person=person, category="igu", starts_on=date(2026, 9, 1),
                         ends_on=date(2028, 8, 31), hours_per_week=Decimal("30"))
    internship = MeasureFactory(person=person, starts_on=date(2027, 1, 4))
    client.force_login(caseworker)

    igu_page = client.get(reverse("employment:measure_detail", args=[igu.pk]))
    other_page = client.get(reverse("employment:measure_detail", args=[internship.pk]))

    assert reverse("employment:igu", args=[igu.pk]) in igu_page.content.decode()
    assert "IGU follow-up" not in other_page.content.decode()


# --- Start ------------------------------------------------------------------------------------


def test_starting_records_the_date_and_runs_the_measure(client, caseworker, planned):
    client.force_login(caseworker)
    url = reverse("employment:measure_start", args=[planned.pk])
    started = TODAY - timedelta(days=1)

    form_page = client.get(url)
    response = client.post(url, {"started_on": started.isoformat()})

    assert form_page.context["form"].initial == {"started_on": planned.starts_on}
    assert response.status_code == 302
    assert response["Location"] == reverse("employment:measure_detail", args=[planned.pk])
    planned.refresh_from_db()
    assert (planned.status, planned.actual_starts_on) == ("active", started)
    assert audit_updates(planned).get().summary == "Measure started"


def test_a_start_in_the_future_is_refused_on_its_field(client, caseworker, planned):
    client.force_login(caseworker)
    tomorrow = (TODAY + timedelta(days=1)).isoformat()

    response = client.post(reverse("employment:measure_start", args=[planned.pk]),
                           {"started_on": tomorrow})

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "started_on": ["The date cannot be in the future."]}
    assert f'value="{tomorrow}"' in response.content.decode()
    planned.refresh_from_db()
    assert planned.status == "planned"


def test_a_running_measure_cannot_start_again(client, caseworker, running):
    client.force_login(caseworker)

    response = client.post(reverse("employment:measure_start", args=[running.pk]),
                           {"started_on": TODAY.isoformat()})

    assert response.status_code == 302
    running.refresh_from_db()
    assert running.actual_starts_on == TODAY - timedelta(days=28)


# --- End --------------------------------------------------------------------------------------


def test_ending_records_the_date_and_the_outcome(client, caseworker, running):
    client.force_login(caseworker)

    response = client.post(reverse("employment:measure_end", args=[running.pk]), {
        "ended_on": TODAY.isoformat(), "outcome": "hired",
        "outcome_note": "Fastansat 25 timer om ugen."})

    assert response.status_code == 302
    running.refresh_from_db()
    assert (running.status, running.actual_ends_on, running.outcome) == (
        "ended", TODAY, "hired")
    assert running.outcome_note == "Fastansat 25 timer om ugen."
    content = client.get(response["Location"]).content.decode()
    assert "Hired by the employer" in content and "Fastansat 25 timer om ugen." in content


def test_an_end_before_the_start_or_without_an_outcome_is_refused(client, caseworker,
                                                                  running):
    client.force_login(caseworker)
    url = reverse("employment:measure_end", args=[running.pk])
    too_early = (TODAY - timedelta(days=40)).isoformat()

    no_outcome = client.post(url, {"ended_on": TODAY.isoformat(), "outcome": "",
                                   "outcome_note": "Stoppede."})
    before_start = client.post(url, {"ended_on": too_early, "outcome": "dropped_out"})

    assert "outcome" in no_outcome.context["form"].errors
    assert "Stoppede." in no_outcome.content.decode()
    assert before_start.context["form"].errors == {
        "ended_on": ["The end is before the start."]}
    assert f'value="{too_early}"' in before_start.content.decode()
    running.refresh_from_db()
    assert (running.status, running.outcome) == ("active", "")


# --- Cancel -----------------------------------------------------------------------------------


def test_cancelling_needs_a_reason_and_keeps_it(client, caseworker, planned):
    client.force_login(caseworker)
    url = reverse("employment:measure_cancel", args=[planned.pk])

    refused = client.post(url, {"reason": "   "})
    planned.refresh_from_db()
    assert "reason" in refused.context["form"].errors
    assert planned.status == "planned"

    response = client.post(url, {"reason": "Arbejdsgiveren trak tilbuddet."})

    assert response.status_code == 302
    planned.refresh_from_db()
    assert (planned.status, planned.outcome_note) == ("cancelled", "Arbejdsgiveren trak tilbuddet.")
    content = client.get(response["Location"]).content.decode()
    assert "Reason for cancelling" in content
    assert reverse("employment:measure_edit", args=[planned.pk]) not in content


def test_a_running_measure_cannot_be_cancelled(client, caseworker, running):
    client.force_login(caseworker)

    response = client.post(reverse("employment:measure_cancel", args=[running.pk]),
                           {"reason": "Fejl."})

    assert response.status_code == 302
    running.refresh_from_db()
    assert running.status == "active"


# --- Change -----------------------------------------------------------------------------------


def test_changing_a_plan_shows_it_and_saves_the_change(client, caseworker, person,
                                                       municipality):
    # given a planned internship with an employer that has since left the register
    employer = EmployerFactory(municipality=municipality, name="Gammel Købmand",
                               is_active=False)
    measure = MeasureFactory(person=person, starts_on=date(2026, 9, 1), employer=employer,
                             employer_name="Gammel Købmand")
    client.force_login(caseworker)
    url = reverse("employment:measure_edit", args=[measure.pk])

    # when
    form_page = client.get(url)
    response = client.post(url, {
        "measure_type": measure_type("company_internship").pk, "employer": employer.pk,
        "employer_name": "", "opening": "", "starts_on": "2026-09-01",
        "ends_on": "2026-11-30", "hours_per_week": "25", "notes": "Flere timer."})

    # then the form showed the plan with its employer, and the change is saved and logged
    form_content = form_page.content.decode()
    assert "Change the measure for Amina Haddad" in form_content
    assert f'<option value="{employer.pk}" selected>Gammel Købmand' in form_content
    assert response.status_code == 302
    measure.refresh_from_db()
    assert (measure.hours_per_week, measure.notes, measure.employer) == (
        Decimal("25"), "Flere timer.", employer)
    event = audit_updates(measure).get()
    assert set(event.changed_fields) >= {"hours_per_week", "notes"}


def test_an_ended_measure_cannot_be_changed(client, caseworker, person):
    measure = MeasureFactory(person=person, status="ended", starts_on=date(2026, 1, 5),
                             actual_starts_on=date(2026, 1, 5), actual_ends_on=date(2026, 3, 1),
                             outcome="completed")
    client.force_login(caseworker)

    response = client.get(reverse("employment:measure_edit", args=[measure.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("employment:measure_detail", args=[measure.pk])


def test_a_drafts_page_points_to_the_queue(client, caseworker, municipality):
    # given a draft from a volunteer's report on a task linked to no case
    draft = MeasureFactory(person=None, household=None, municipality=municipality,
                           category="language_internship", status="draft", starts_on=None,
                           ends_on=None, hours_per_week=None)
    client.force_login(caseworker)

    response = client.get(reverse("employment:measure_detail", args=[draft.pk]))
    edit = client.get(reverse("employment:measure_edit", args=[draft.pk]))

    content = response.content.decode()
    assert "Not chosen yet" in content and "No case" in content
    assert reverse("employment:queue") in content
    assert reverse("employment:measure_start", args=[draft.pk]) not in content
    assert edit.status_code == 302
