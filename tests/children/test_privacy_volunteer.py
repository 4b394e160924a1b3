"""No child's data ever reaches a volunteer: the children pages answer 404, and the task
board, the volunteer's own tasks and the tasks API never show a child's name, institution or
language assessment, even for a task posted from the child's case."""

import pytest
from django.urls import reverse
from rest_framework.test import APIClient

from children import services
from tests.children.conftest import ARRIVAL, DAY, TODAY
from tests.volunteers.factories import TaskFactory, VolunteerProfileFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def child_data(child, teenager, daycare, caseworker):
    services.placement_create(person=child, actor=caseworker, institution=daycare,
                              status="started", requested_on=ARRIVAL,
                              starts_on=TODAY - 2 * DAY, note="Allergisk over nødder")
    services.assessment_create(person=child, actor=caseworker, assessed_on=TODAY,
                               result="Særlig indsats", note="Taler kun arabisk")
    services.youth_guidance_save(person=teenager, actor=caseworker,
                                 contact_name="Lars Holmgaard", first_meeting_on=TODAY,
                                 education_plan="Elektrikeruddannelse efter 10. klasse")
    return [child.first_name, teenager.first_name, child.last_name, daycare.name,
            "Allergisk over nødder", "Særlig indsats", "Taler kun arabisk", "Lars Holmgaard",
            "Elektrikeruddannelse"]


def test_the_volunteer_sees_the_task_but_nothing_about_the_children(
        client, municipality, volunteer, household, child_data, child):
    # given a task posted from the children's case, which the volunteer took, and another
    profile = VolunteerProfileFactory(user=volunteer)
    on_board = TaskFactory(municipality=municipality, household=household,
                           title="Følgeskab til forældremøde", area="4330 Hvalsø")
    taken = TaskFactory(municipality=municipality, household=household, status="claimed",
                        claimed_by=volunteer, title="Hjælp med cykel")
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    client.force_login(profile.user)
    api = APIClient()
    api.force_login(volunteer)

    # when
    pages = {
        "board": client.get(reverse("volunteers:board")),
        "my tasks": client.get(reverse("volunteers:my_tasks")),
        "api": api.get(reverse("volunteer-tasks-list")),
        "api task": api.get(reverse("volunteer-tasks-detail", kwargs={"pk": taken.pk})),
    }

    # then the tasks are there and no child's data is
    assert on_board.title in pages["board"].content.decode()
    assert taken.title in pages["my tasks"].content.decode()
    for name, response in pages.items():
        assert response.status_code == 200, name
        content = response.content.decode()
        for secret in child_data:
            assert secret not in content, (name, secret)
    assert client.get(reverse("children:child", args=[child.pk])).status_code == 404
