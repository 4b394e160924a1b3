"""The volunteer's pages cost the same number of queries for 3 tasks as for 30."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.volunteers.factories import TaskFactory
from volunteers.views.volunteer import TASKS_PER_PAGE

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


@pytest.mark.parametrize("count", [3, 30])
def test_the_board_costs_a_fixed_number_of_queries(client, volunteer_profile, municipality,
                                                   count, django_assert_max_num_queries):
    # given tasks with and without children, so both kinds of refusal are asked for
    for n in range(count):
        TaskFactory(municipality=municipality, involves_children_under_15=bool(n % 2))
    client.force_login(volunteer_profile.user)
    # when / then
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse("volunteers:board"), {"area": "4330", "language": "ar"})
    assert len(response.context["rows"]) == min(count, TASKS_PER_PAGE)


def test_the_board_does_not_grow_with_the_tasks(client, volunteer_profile, municipality,
                                                django_assert_num_queries):
    # given 3 tasks, one with children
    client.force_login(volunteer_profile.user)
    TaskFactory.create_batch(2, municipality=municipality)
    TaskFactory(municipality=municipality, involves_children_under_15=True)
    with CaptureQueriesContext(connection) as three:
        client.get(reverse("volunteers:board"))
    # when there are 30
    TaskFactory.create_batch(27, municipality=municipality)
    # then the page costs exactly as much
    with django_assert_num_queries(len(three.captured_queries)):
        client.get(reverse("volunteers:board"))


@pytest.mark.parametrize("count", [3, 30])
def test_my_tasks_costs_a_fixed_number_of_queries(client, volunteer_profile, municipality,
                                                  count, django_assert_max_num_queries):
    for _ in range(count):
        TaskFactory(municipality=municipality, status="claimed",
                    claimed_by=volunteer_profile.user, claimed_at=timezone.now())
    client.force_login(volunteer_profile.user)
    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(reverse("volunteers:my_tasks"))
    assert len(response.context["rows"]) == min(count, TASKS_PER_PAGE)
