"""The volunteer's pages: the board, taking a task, hours, giving back and reporting."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from tests.volunteers.factories import TaskFactory, VolunteerProfileFactory
from volunteers.models import HoursLog, Task, TaskReport

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _pages_in_english(client):
    # The assertions read the English source texts; the portal's default language is Danish.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def volunteer_client(client, volunteer_profile):
    client.force_login(volunteer_profile.user)
    return client


def test_a_volunteer_takes_a_task_from_the_board(volunteer_client, volunteer_profile, task):
    # given the task on the board
    board = volunteer_client.get(reverse("volunteers:board"))
    assert task.title in board.content.decode()
    assert "Take the task" in board.content.decode()
    # when
    response = volunteer_client.post(reverse("volunteers:task_claim", args=[task.pk]))
    # then
    assert response.status_code == 302
    assert response["Location"] == reverse("volunteers:my_tasks")
    task.refresh_from_db()
    assert task.status == "claimed"
    assert task.claimed_by == volunteer_profile.user


def test_a_task_taken_just_before_says_so_on_the_board(volunteer_client, municipality, task):
    # given another volunteer took the task first
    other = VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True))
    Task.objects.filter(pk=task.pk).update(status="claimed", claimed_by=other.user)
    # when
    response = volunteer_client.post(
        reverse("volunteers:task_claim", args=[task.pk]) + "?area=4330")
    # then the board is shown again with why, and the filter the volunteer chose
    assert response.status_code == 200
    assert "This task was just taken by another volunteer." in response.content.decode()
    assert response.context["form"]["area"].value() == "4330"
    task.refresh_from_db()
    assert task.claimed_by == other.user


def test_a_volunteer_who_may_not_take_a_task_sees_why_instead_of_the_button(
        client, volunteer, municipality):
    # given a pending volunteer
    VolunteerProfileFactory(user=volunteer, status="pending")
    TaskFactory(municipality=municipality)
    client.force_login(volunteer)
    # when
    content = client.get(reverse("volunteers:board")).content.decode()
    # then
    assert "Your volunteer profile has not been approved yet" in content
    assert "Take the task" not in content


def test_another_municipalitys_task_is_not_found(volunteer_client, other_municipality):
    # given
    foreign = TaskFactory(municipality=other_municipality)
    # when / then
    for name in ("task_claim", "task_release", "hours_add", "task_complete"):
        assert volunteer_client.post(
            reverse(f"volunteers:{name}", args=[foreign.pk])).status_code == 404, name
    foreign.refresh_from_db()
    assert foreign.status == "open"


def test_someone_elses_taken_task_is_not_found_for_hours_or_release(
        volunteer_client, municipality):
    # given
    other = VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True))
    theirs = TaskFactory(municipality=municipality, status="claimed", claimed_by=other.user,
                         claimed_at=timezone.now())
    # when / then
    assert volunteer_client.post(
        reverse("volunteers:task_release", args=[theirs.pk])).status_code == 404
    assert volunteer_client.post(reverse("volunteers:hours_add", args=[theirs.pk]), {
        f"hours-{theirs.pk}-date": "2026-01-01", f"hours-{theirs.pk}-hours": "2",
    }).status_code == 404


def test_staff_cannot_use_the_volunteer_pages(client, caseworker, task):
    client.force_login(caseworker)
    assert client.get(reverse("volunteers:board")).status_code == 403
    assert client.get(reverse("volunteers:my_tasks")).status_code == 403
    assert client.post(reverse("volunteers:task_claim", args=[task.pk])).status_code == 403
    task.refresh_from_db()
    assert task.status == "open"


def test_the_board_filters_by_area_language_and_date(volunteer_client, municipality):
    # given
    TaskFactory(municipality=municipality, title="I Hvalsø", area="4330 Hvalsø")
    TaskFactory(municipality=municipality, title="I Lejre", area="4320 Lejre")
    # when
    content = volunteer_client.get(reverse("volunteers:board"), {
        "area": "4330", "language": "ar", "date_from": timezone.localdate().isoformat(),
    }).content.decode()
    # then
    assert "I Hvalsø" in content
    assert "I Lejre" not in content


def test_my_tasks_shows_what_i_took_and_gives_it_back(volunteer_client, claimed_task):
    # given
    page = volunteer_client.get(reverse("volunteers:my_tasks"))
    assert claimed_task.title in page.content.decode()
    # when
    response = volunteer_client.post(reverse("volunteers:task_release", args=[claimed_task.pk]))
    # then
    assert response.status_code == 302
    claimed_task.refresh_from_db()
    assert claimed_task.status == "open"
    assert claimed_task.claimed_by is None


def test_hours_are_logged(volunteer_client, claimed_task):
    prefix = f"hours-{claimed_task.pk}"
    response = volunteer_client.post(reverse("volunteers:hours_add", args=[claimed_task.pk]), {
        f"{prefix}-date": timezone.localdate().isoformat(), f"{prefix}-hours": "2,5",
        f"{prefix}-note": "Samlede en seng",
    })
    assert response.status_code == 302
    entry = HoursLog.objects.get(task=claimed_task)
    assert str(entry.hours) == "2.50"
    assert entry.note == "Samlede en seng"


@pytest.mark.parametrize(("hours", "day_offset", "message"), [
    ("to timer", 0, "Enter the hours as a number"),
    ("30", 0, "One entry can be at most 24 hours."),
    ("2", 3, "Hours cannot be logged for a day in the future."),
])
def test_bad_hours_keep_what_was_typed_and_save_nothing(volunteer_client, claimed_task,
                                                        hours, day_offset, message):
    # given
    prefix = f"hours-{claimed_task.pk}"
    day = (timezone.localdate() + datetime.timedelta(days=day_offset)).isoformat()
    # when
    response = volunteer_client.post(reverse("volunteers:hours_add", args=[claimed_task.pk]), {
        f"{prefix}-date": day, f"{prefix}-hours": hours, f"{prefix}-note": "Min note",
    })
    # then the page is shown again with the message and the typed values
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert f'value="{hours}"' in content
    assert f'value="{day}"' in content
    assert 'value="Min note"' in content
    assert not HoursLog.objects.exists()


def test_a_task_is_reported_done(volunteer_client, claimed_task):
    prefix = f"complete-{claimed_task.pk}"
    response = volunteer_client.post(
        reverse("volunteers:task_complete", args=[claimed_task.pk]), {
            f"{prefix}-report_text": "Sengene er samlet.",
        })
    assert response.status_code == 302
    claimed_task.refresh_from_db()
    assert claimed_task.status == "done"
    assert TaskReport.objects.get(task=claimed_task).text == "Sengene er samlet."


def test_an_internship_without_employer_keeps_the_report(volunteer_client, claimed_task):
    prefix = f"complete-{claimed_task.pk}"
    response = volunteer_client.post(
        reverse("volunteers:task_complete", args=[claimed_task.pk]), {
            f"{prefix}-report_text": "Vi talte om praktik.",
            f"{prefix}-found_language_internship": "on",
        })
    assert response.status_code == 200
    content = response.content.decode()
    assert "Enter the employer who offered the language internship." in content
    assert "Vi talte om praktik." in content
    claimed_task.refresh_from_db()
    assert claimed_task.status == "claimed"
    assert not TaskReport.objects.exists()


def test_the_board_shows_a_page_of_tasks_at_a_time_and_keeps_the_filter(volunteer_client,
                                                                         municipality):
    # given 30 tasks in Hvalsø, soonest first
    now = timezone.now()
    for number in range(30):
        TaskFactory(municipality=municipality, area="4330 Hvalsø", title=f"Task {number:02d}",
                    starts_at=now + datetime.timedelta(days=1, hours=number))

    # when the volunteer filters and opens the second page
    first = volunteer_client.get(reverse("volunteers:board"), {"area": "Hvalsø"})
    second = volunteer_client.get(reverse("volunteers:board"), {"area": "Hvalsø", "page": 2})

    # then the count is of all of them, and each page holds its share
    content = first.content.decode()
    assert "30 open tasks" in content
    assert "Task 00" in content and "Task 24" in content and "Task 25" not in content
    assert "?area=Hvals%C3%B8&amp;page=2" in content
    content = second.content.decode()
    assert "Task 25" in content and "Task 29" in content and "Task 24" not in content
    # and taking a task there comes back to the same page of the same filter
    assert "claim/?area=Hvals%C3%B8&amp;page=2" in content


def test_my_tasks_show_the_current_ones_first_and_the_done_ones_a_page_at_a_time(
        volunteer_client, volunteer_profile, municipality):
    # given a task under way and 30 done ones
    now = timezone.now()
    volunteer = volunteer_profile.user
    for number in range(30):
        TaskFactory(municipality=municipality, status="done", claimed_by=volunteer,
                    claimed_at=now, title=f"Done {number:02d}",
                    starts_at=now - datetime.timedelta(days=60 - number))
    TaskFactory(municipality=municipality, status="claimed", claimed_by=volunteer,
                claimed_at=now, title="Under way")

    # when the volunteer opens their tasks, and the second page
    first = volunteer_client.get(reverse("volunteers:my_tasks"))
    second = volunteer_client.get(reverse("volunteers:my_tasks"), {"page": 2})

    # then the current task leads the first page, and the rest follow
    titles = [row["task"].title for row in first.context["rows"]]
    assert titles[0] == "Under way" and len(titles) == 25
    assert [row["task"].title for row in second.context["rows"]] == [
        f"Done {number:02d}" for number in range(24, 30)]
