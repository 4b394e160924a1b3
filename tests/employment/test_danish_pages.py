"""The Danish education pages: record a referral, change it, record a passed test, and the
municipality's list. Bad input shows the page again with everything typed and saves nothing."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from employment.models import DanishEducation, DanishTestResult
from integration_portal.audit.models import AuditEvent
from integration_portal.rules.kinds import DANISH_REFERRAL
from reception.models import Milestone
from tests.employment.factories import DanishEducationFactory, MeasureFactory
from tests.factories import HouseholdFactory, MilestoneFactory, PersonFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def person(municipality, caseworker):
    household = HouseholdFactory(municipality=municipality, caseworker=caseworker,
                                 reference="LEJ-2026-00077")
    return PersonFactory(household=household, first_name="Amina", last_name="Haddad")


def education_data(**overrides):
    data = {"provider": "Sprogcenter Roskilde", "track": "DU2", "module": "1",
            "referred_on": (TODAY - 20 * DAY).isoformat(), "starts_on": "",
            "hours_per_week": "9", "note": "Hold om formiddagen"}
    return {**data, **overrides}


# --- Recording ---------------------------------------------------------------------------------


def test_the_form_offers_the_language_centres_already_used(client, caseworker, person,
                                                           municipality):
    # given centres used in the municipality, and one used elsewhere
    DanishEducationFactory(person=PersonFactory(household=person.household),
                           provider="Sprogcenter Holbæk")
    DanishEducationFactory(provider="Sprogcenter Esbjerg")
    client.force_login(caseworker)

    response = client.get(reverse("employment:danish_create", args=[person.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert 'list="danish-providers"' in page
    assert '<datalist id="danish-providers">' in page
    assert '<option value="Sprogcenter Holbæk">' in page
    assert "Sprogcenter Esbjerg" not in page
    assert reverse("employment:person", args=[person.pk]) in page
    assert AuditEvent.objects.filter(actor=caseworker, action="view",
                                     object_type="reception.person").exists()


def test_a_caseworker_records_the_referral(client, caseworker, person):
    # given the open referral milestone
    MilestoneFactory(household=person.household, person=person, kind=DANISH_REFERRAL,
                     due_date=TODAY + 10 * DAY)
    client.force_login(caseworker)

    # when
    response = client.post(reverse("employment:danish_create", args=[person.pk]),
                           education_data(hours_per_week="12.5"))

    # then the education is saved, the milestone ticked off, the person's page shown
    assert response.status_code == 302
    assert response["Location"] == reverse("employment:person", args=[person.pk])
    education = DanishEducation.objects.get()
    assert (education.person, education.provider, education.track, education.status,
            education.hours_per_week, education.created_by) == (
        person, "Sprogcenter Roskilde", "DU2", "referred", Decimal("12.5"), caseworker)
    assert Milestone.objects.get(kind=DANISH_REFERRAL).done_on == TODAY - 20 * DAY


def test_a_referral_dated_ahead_keeps_everything_typed(client, caseworker, person):
    client.force_login(caseworker)

    response = client.post(reverse("employment:danish_create", args=[person.pk]),
                           education_data(referred_on=(TODAY + DAY).isoformat(),
                                          provider="Sprogcenter Køge"))

    assert response.status_code == 200
    assert response.context["form"].errors["referred_on"] == [
        "The date cannot be in the future."]
    page = response.content.decode()
    assert "Sprogcenter Køge" in page and "Hold om formiddagen" in page
    assert (TODAY + DAY).isoformat() in page
    assert "Please correct the following" in page
    assert not DanishEducation.objects.exists()


def test_too_many_hours_with_the_measures_are_refused_on_the_hours(client, caseworker, person):
    MeasureFactory(person=person, status="active", starts_on=TODAY - 30 * DAY,
                   ends_on=TODAY + 60 * DAY, hours_per_week=Decimal("30"))
    client.force_login(caseworker)

    response = client.post(reverse("employment:danish_create", args=[person.pk]),
                           education_data(hours_per_week="10"))

    assert response.status_code == 200
    assert response.context["form"].errors["hours_per_week"][0].startswith(
        "With the person's measures")
    assert 'value="10"' in response.content.decode()
    assert not DanishEducation.objects.exists()


def test_a_start_before_the_referral_is_refused_by_the_form(client, caseworker, person):
    client.force_login(caseworker)

    response = client.post(reverse("employment:danish_create", args=[person.pk]), education_data(
        referred_on=(TODAY - 5 * DAY).isoformat(), starts_on=(TODAY - 6 * DAY).isoformat()))

    assert response.context["form"].errors["starts_on"] == ["The start is before the referral."]
    assert not DanishEducation.objects.exists()


# --- Changing ----------------------------------------------------------------------------------


@pytest.fixture
def education(person):
    return DanishEducationFactory(person=person, referred_on=TODAY - 40 * DAY,
                                  starts_on=TODAY - 30 * DAY, status="active",
                                  hours_per_week=Decimal("9"))


def edit_data(education, **overrides):
    data = {"provider": education.provider, "track": education.track, "module": "2",
            "referred_on": education.referred_on.isoformat(),
            "starts_on": education.starts_on.isoformat(), "ends_on": "",
            "hours_per_week": "9", "status": "active", "note": ""}
    return {**data, **overrides}


def test_the_edit_form_shows_the_education(client, caseworker, education):
    client.force_login(caseworker)

    response = client.get(reverse("employment:danish_edit", args=[education.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Change the Danish education" in page
    assert 'value="Sprogcenter Roskilde"' in page
    assert f'value="{education.starts_on.isoformat()}"' in page


def test_a_caseworker_completes_the_education(client, caseworker, education):
    client.force_login(caseworker)

    response = client.post(reverse("employment:danish_edit", args=[education.pk]), edit_data(
        education, module="6", status="completed", ends_on=(TODAY - DAY).isoformat()))

    assert response.status_code == 302
    assert response["Location"] == reverse("employment:person", args=[education.person_id])
    education.refresh_from_db()
    assert (education.module, education.status, education.ends_on) == (
        6, "completed", TODAY - DAY)
    event = AuditEvent.objects.get(action="update", object_type="employment.danisheducation")
    assert event.changed_fields == ["ends_on", "module", "status"]


def test_an_end_without_an_ended_status_keeps_what_was_typed(client, caseworker, education):
    client.force_login(caseworker)

    response = client.post(reverse("employment:danish_edit", args=[education.pk]), edit_data(
        education, ends_on=(TODAY - DAY).isoformat(), note="Sidste time i fredags"))

    assert response.status_code == 200
    assert response.context["form"].errors["status"] == [
        "An education with an end date is completed or stopped: choose which."]
    assert "Sidste time i fredags" in response.content.decode()
    education.refresh_from_db()
    assert (education.ends_on, education.module) == (None, 1)


# --- Passed tests -----------------------------------------------------------------------------


def test_a_caseworker_records_a_passed_test(client, caseworker, education):
    client.force_login(caseworker)

    response = client.post(reverse("employment:danish_test_add", args=[education.pk]),
                           {"test": "PD2", "module": "", "passed_on": TODAY.isoformat(),
                            "grade": "10"})

    assert response.status_code == 302
    result = DanishTestResult.objects.get()
    assert (result.education, result.test, result.passed_on, result.grade) == (
        education, "PD2", TODAY, "10")


def test_a_module_test_without_its_module_keeps_what_was_typed(client, caseworker, education):
    client.force_login(caseworker)

    response = client.post(reverse("employment:danish_test_add", args=[education.pk]),
                           {"test": "module", "module": "", "passed_on": TODAY.isoformat(),
                            "grade": "7"})

    assert response.status_code == 200
    assert response.context["form"].errors["module"] == ["Enter the module the test ends."]
    assert 'value="7"' in response.content.decode()
    assert not DanishTestResult.objects.exists()


# --- The list ---------------------------------------------------------------------------------


def test_the_list_filters_by_track_status_and_centre(client, manager, person, municipality):
    # given
    du1 = DanishEducationFactory(person=person, track="DU1", provider="Sprogcenter Holbæk")
    du3 = DanishEducationFactory(person=PersonFactory(household=person.household), track="DU3",
                                 status="active", starts_on=TODAY - 10 * DAY)
    elsewhere = DanishEducationFactory(track="DU1")
    client.force_login(manager)

    # when / then
    url = reverse("employment:danish_list")
    everything = client.get(url).context["page"].object_list
    assert set(everything) == {du1, du3}
    assert elsewhere not in everything
    assert list(client.get(url, {"track": "DU1"}).context["page"].object_list) == [du1]
    assert list(client.get(url, {"status": "active"}).context["page"].object_list) == [du3]
    assert list(client.get(url, {"provider": "Sprogcenter Holbæk"})
                .context["page"].object_list) == [du1]


def test_the_list_links_to_the_person_and_only_workers_get_change_links(
        client, caseworker, manager, education):
    client.force_login(caseworker)
    page = client.get(reverse("employment:danish_list")).content.decode()
    assert reverse("employment:person", args=[education.person_id]) in page
    assert "Amina Haddad" in page
    assert reverse("employment:danish_edit", args=[education.pk]) in page

    client.force_login(manager)
    page = client.get(reverse("employment:danish_list")).content.decode()
    assert reverse("employment:person", args=[education.person_id]) in page
    assert reverse("employment:danish_edit", args=[education.pk]) not in page


def test_the_lists_queries_do_not_grow_with_the_rows(client, caseworker, municipality,
                                                     django_assert_max_num_queries):
    def add(count):
        for n in range(count):
            household = HouseholdFactory(municipality=municipality)
            DanishEducationFactory(person=PersonFactory(household=household),
                                   provider=f"Sprogcenter {n % 3}")

    client.force_login(caseworker)
    add(2)
    with django_assert_max_num_queries(10) as few:
        client.get(reverse("employment:danish_list"))
    add(30)
    with django_assert_max_num_queries(len(few)) as many:
        response = client.get(reverse("employment:danish_list"))
    assert len(response.context["page"].object_list) == 32
    assert len(many) == len(few)
