import datetime

import pytest
from django.utils import timezone

from tests.factories import HouseholdFactory, PersonFactory
from tests.volunteers.factories import TaskFactory
from volunteers.selectors import my_tasks, task_board, tasks_for_household

pytestmark = pytest.mark.django_db


def test_board_shows_open_tasks_of_the_volunteers_municipality(
        volunteer, municipality, other_municipality):
    # given open, taken and foreign tasks
    mine = TaskFactory(municipality=municipality)
    TaskFactory(municipality=municipality, status="claimed")
    TaskFactory(municipality=other_municipality)
    # when / then
    assert list(task_board(volunteer=volunteer)) == [mine]


def test_board_never_loads_the_case_link(volunteer, municipality, django_assert_num_queries):
    # given a task linked to a case
    household = HouseholdFactory(municipality=municipality)
    PersonFactory(household=household, first_name="Amina")
    TaskFactory(municipality=municipality, household=household)
    # when
    with django_assert_num_queries(1) as captured:
        tasks = list(task_board(volunteer=volunteer))
        assert tasks[0].kind.label
    # then the one query selects no household column and joins no reception table
    sql = captured.captured_queries[0]["sql"]
    assert "household" not in sql
    assert "reception" not in sql
    assert "household_id" in tasks[0].get_deferred_fields()


def test_board_filters_by_area_language_and_date(volunteer, municipality):
    now = timezone.now()
    hvalsoe = TaskFactory(municipality=municipality, area="4330 Hvalsø", languages=["ar"])
    TaskFactory(municipality=municipality, area="4320 Lejre", languages=["ar"])
    any_language = TaskFactory(municipality=municipality, area="4330 Hvalsø", languages=[])
    TaskFactory(municipality=municipality, area="4330 Hvalsø", languages=["ti"])
    later = TaskFactory(municipality=municipality, area="4330 Hvalsø", languages=["ar"],
                        starts_at=now + datetime.timedelta(days=30))

    assert set(task_board(volunteer=volunteer, area="hvalsø", language="ar")) == {
        hvalsoe, any_language, later}
    assert set(task_board(volunteer=volunteer, area="4330", language="ar",
                          on_or_after=timezone.localdate() + datetime.timedelta(days=20))) == {
        later}


def test_a_task_that_ended_unclaimed_is_off_the_board(volunteer, municipality):
    # given a task that ended an hour ago and one that is under way
    now = timezone.now()
    TaskFactory(municipality=municipality, starts_at=now - datetime.timedelta(hours=3),
                ends_at=now - datetime.timedelta(hours=1))
    under_way = TaskFactory(municipality=municipality,
                            starts_at=now - datetime.timedelta(hours=1),
                            ends_at=now + datetime.timedelta(hours=1))

    # then only the one a volunteer can still help with is offered
    assert list(task_board(volunteer=volunteer)) == [under_way]


def test_my_tasks_are_the_ones_i_took(claimed_task, municipality):
    TaskFactory(municipality=municipality)
    assert list(my_tasks(volunteer=claimed_task.claimed_by)) == [claimed_task]


def test_staff_see_a_cases_tasks_and_volunteers_do_not(caseworker, volunteer,
                                                       other_caseworker, municipality):
    household = HouseholdFactory(municipality=municipality)
    linked = TaskFactory(municipality=municipality, household=household)
    TaskFactory(municipality=municipality)
    assert list(tasks_for_household(viewer=caseworker, household=household)) == [linked]
    assert list(tasks_for_household(viewer=volunteer, household=household)) == []
    assert list(tasks_for_household(viewer=other_caseworker, household=household)) == []
