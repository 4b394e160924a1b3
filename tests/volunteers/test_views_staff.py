"""Staff pages: posting a task (from a case or not) and coordinating volunteers."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import HouseholdFactory, PersonFactory, UserFactory
from tests.volunteers.factories import TaskFactory, TaskKindFactory, VolunteerProfileFactory
from volunteers.models import Task

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_in_english(client):
    # The assertions read the English source texts; the portal's default language is Danish.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def kind(municipality):
    return TaskKindFactory(municipality=municipality, label="Følgeskab")


def _task_data(kind, **overrides):
    starts = timezone.localtime() + datetime.timedelta(days=3)
    data = {
        "kind": kind.pk, "title": "Følg til lægen", "description": "Følgeskab til lægen.",
        "area": "4330 Hvalsø", "starts_at": starts.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (starts + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
        "languages": ["ar"], "estimated_hours": "2",
    }
    data.update(overrides)
    return data


def test_a_caseworker_posts_a_task_from_the_case(client, caseworker, municipality, kind):
    # given
    household = HouseholdFactory(municipality=municipality)
    client.force_login(caseworker)
    url = reverse("volunteers:task_create") + f"?household={household.pk}"
    assert client.get(url).status_code == 200
    # when
    response = client.post(url, _task_data(kind))
    # then
    assert response.status_code == 302
    assert response["Location"] == reverse("reception:case_detail", args=[household.pk])
    task = Task.objects.get()
    assert task.household == household
    assert task.languages == ["ar"]
    # and the case page lists it
    case_page = client.get(response["Location"]).content.decode()
    assert "Følg til lægen" in case_page


def test_a_coordinator_posts_a_task_without_a_case(client, coordinator, kind):
    client.force_login(coordinator)
    response = client.post(reverse("volunteers:task_create"), _task_data(kind))
    assert response.status_code == 302
    assert response["Location"] == reverse("volunteers:coordination")
    assert Task.objects.get().household is None


def test_a_cpr_number_in_the_description_is_refused_and_the_input_kept(client, caseworker,
                                                                       kind):
    # given
    client.force_login(caseworker)
    description = "Hjælp til 140385-1237 med at samle møbler."
    # when
    response = client.post(reverse("volunteers:task_create"),
                           _task_data(kind, description=description))
    # then a field error, nothing saved, everything typed still there
    assert response.status_code == 200
    form = response.context["form"]
    assert "description" in form.errors
    assert not Task.objects.exists()
    content = response.content.decode()
    assert description in content
    assert 'value="Følg til lægen"' in content
    assert 'value="4330 Hvalsø"' in content


def test_a_household_members_name_is_refused(client, caseworker, municipality, kind):
    household = HouseholdFactory(municipality=municipality)
    PersonFactory(household=household, first_name="Zainab", last_name="Qudsi")
    client.force_login(caseworker)
    response = client.post(reverse("volunteers:task_create") + f"?household={household.pk}",
                           _task_data(kind, title="Hjælp Zainab med cyklen"))
    assert response.status_code == 200
    assert "title" in response.context["form"].errors
    assert not Task.objects.exists()


def test_another_municipalitys_case_is_not_found(client, caseworker, other_municipality, kind):
    household = HouseholdFactory(municipality=other_municipality)
    client.force_login(caseworker)
    url = reverse("volunteers:task_create") + f"?household={household.pk}"
    assert client.get(url).status_code == 404
    assert client.post(url, _task_data(kind)).status_code == 404
    assert client.get(reverse("volunteers:task_create") + "?household=x").status_code == 404
    assert not Task.objects.exists()


def test_volunteers_and_managers_cannot_post_tasks(client, volunteer, manager, kind):
    client.force_login(volunteer)
    assert client.get(reverse("volunteers:task_create")).status_code == 404
    assert client.post(reverse("volunteers:task_create"), _task_data(kind)).status_code == 404
    client.force_login(manager)
    assert client.get(reverse("volunteers:task_create")).status_code == 403
    assert not Task.objects.exists()


def test_coordination_lists_pending_volunteers_first_and_open_tasks(
        client, coordinator, municipality, other_municipality):
    # given
    VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True,
                                             full_name="Aase Aktiv"))
    pending = VolunteerProfileFactory(
        user=UserFactory(municipality=municipality, volunteer=True, full_name="Peter Venter"),
        status="pending")
    VolunteerProfileFactory(user=UserFactory(municipality=other_municipality, volunteer=True,
                                             full_name="Fremmed Frivillig"))
    TaskFactory(municipality=municipality, title="Ledig opgave")
    TaskFactory(municipality=municipality, title="Taget opgave", status="claimed")
    client.force_login(coordinator)
    # when
    response = client.get(reverse("volunteers:coordination"))
    # then
    profiles = list(response.context["profiles"])
    assert profiles[0] == pending
    content = response.content.decode()
    assert "Fremmed Frivillig" not in content
    assert "Ledig opgave" in content
    assert "Taget opgave" not in content


def test_a_coordinator_approves_a_volunteer(client, coordinator, municipality):
    profile = VolunteerProfileFactory(
        user=UserFactory(municipality=municipality, volunteer=True), status="pending")
    client.force_login(coordinator)
    response = client.post(reverse("volunteers:volunteer_approve", args=[profile.pk]))
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.status == "active"
    assert profile.approved_by == coordinator


def test_approval_is_for_coordinators_of_the_municipality(client, caseworker, volunteer,
                                                          other_municipality):
    foreign = VolunteerProfileFactory(
        user=UserFactory(municipality=other_municipality, volunteer=True), status="pending")
    coordinator_elsewhere = UserFactory(municipality=other_municipality, coordinator=True)
    mine = VolunteerProfileFactory(user=volunteer, status="pending")
    url = reverse("volunteers:volunteer_approve", args=[mine.pk])

    client.force_login(caseworker)
    assert client.post(url).status_code == 403
    assert client.get(reverse("volunteers:coordination")).status_code == 403
    client.force_login(volunteer)
    assert client.post(url).status_code == 404
    client.force_login(coordinator_elsewhere)
    assert client.post(url).status_code == 404
    mine.refresh_from_db()
    foreign.refresh_from_db()
    assert mine.status == foreign.status == "pending"
