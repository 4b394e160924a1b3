"""The volunteers' morning scan reminds the right people once, and only in their municipality.

a. an open task starting within two days → the coordinators;
b. an agreement's yearly evaluation → coordinators and managers, overdue once passed;
c. a child certificate reaching the renewal interval → the volunteer and the coordinators.
"""

import ast
import inspect
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.urls import reverse

from integration_portal.celery import app
from integration_portal.notifications.models import Notification
from tests.factories import UserFactory
from tests.notifications.factories import NotificationFactory
from tests.notifications.helpers import tasks_run_eagerly
from tests.volunteers.factories import (
    CooperationAgreementFactory,
    OrganisationFactory,
    TaskFactory,
    VolunteerProfileFactory,
)
from volunteers import reminders
from volunteers.reminders import volunteer_reminder_scan
from volunteers.tasks import volunteer_reminder_scan_task

pytestmark = pytest.mark.django_db

DANISH = ZoneInfo("Europe/Copenhagen")
TODAY = date(2026, 3, 2)
NOW = datetime.combine(TODAY, time(6, 30), tzinfo=DANISH)


def _at(days: int, hour: int = 10) -> datetime:
    return datetime.combine(TODAY + timedelta(days=days), time(hour), tzinfo=DANISH)


def _received() -> set[tuple[str, str, int]]:
    return set(Notification.objects.values_list("subject_key", "stage", "recipient_id"))


@pytest.fixture
def coordinators(municipality):
    return [UserFactory(municipality=municipality, coordinator=True) for _ in range(2)]


@pytest.fixture
def others(other_municipality):
    """Another municipality's coordinator and manager, who must hear nothing of ours."""
    return [UserFactory(municipality=other_municipality, coordinator=True),
            UserFactory(municipality=other_municipality, manager=True)]


def _agreement(municipality, **fields):
    organisation = OrganisationFactory(municipality=municipality, name="Frivillignet Lejre")
    return CooperationAgreementFactory(organisation=organisation, **fields)


# --- a. Open tasks ----------------------------------------------------------------------------


def test_an_open_task_starting_soon_reminds_every_coordinator_once(
    municipality, coordinators, caseworker, manager, volunteer, others
):
    # given a task nobody took, starting the day after tomorrow
    task = TaskFactory(municipality=municipality, title="Hjælp til flytning",
                       starts_at=_at(2), ends_at=_at(2, 13))

    # when the scan runs twice
    first = volunteer_reminder_scan(now=NOW)
    second = volunteer_reminder_scan(now=NOW)

    # then each coordinator has one warning, nobody else any, and the second run added none
    assert _received() == {(f"volunteers.task:{task.pk}", "warning", c.pk) for c in coordinators}
    assert (first.notifications_created, second.notifications_created) == (2, 0)
    # the title is written in the portal's language: check what it names, not its wording
    notification = Notification.objects.first()
    assert "Hjælp til flytning" in notification.title
    assert "04.03.2026 10:00" in notification.title
    assert notification.url == reverse("volunteers:coordination")


@pytest.mark.parametrize("status", ["claimed", "done", "cancelled"])
def test_a_task_already_taken_or_over_reminds_nobody(municipality, coordinators, status):
    TaskFactory(municipality=municipality, status=status, starts_at=_at(1), ends_at=_at(1, 13))

    volunteer_reminder_scan(now=NOW)

    assert not Notification.objects.exists()


@pytest.mark.parametrize("starts", [_at(3), NOW - timedelta(minutes=1)],
                         ids=["in three days", "already started"])
def test_a_task_further_off_or_already_started_reminds_nobody(municipality, coordinators,
                                                              starts):
    TaskFactory(municipality=municipality, starts_at=starts, ends_at=starts + timedelta(hours=3))

    volunteer_reminder_scan(now=NOW)

    assert not Notification.objects.exists()


def test_another_municipalitys_task_reminds_only_its_own_coordinators(
    municipality, other_municipality, coordinators, others
):
    task = TaskFactory(municipality=other_municipality, starts_at=_at(1), ends_at=_at(1, 13))

    volunteer_reminder_scan(now=NOW)

    assert _received() == {(f"volunteers.task:{task.pk}", "warning", others[0].pk)}


# --- b. Agreement evaluations -----------------------------------------------------------------


def test_an_evaluation_coming_up_reminds_coordinators_and_managers(
    municipality, coordinators, manager, caseworker, others
):
    # given the yearly evaluation is due in 5 days, inside the 7-day warning window
    agreement = _agreement(municipality, evaluation_due_on=TODAY + timedelta(days=5))

    # when
    volunteer_reminder_scan(now=NOW)
    volunteer_reminder_scan(now=NOW)

    # then
    key = f"volunteers.agreement:{agreement.pk}@2026-03-07"
    assert _received() == {(key, "warning", user.pk) for user in [*coordinators, manager]}
    notification = Notification.objects.get(recipient=coordinators[0])
    assert "07.03.2026" in notification.title
    assert "Frivillignet Lejre" in notification.title
    assert notification.url == reverse("volunteers:agreement_detail", args=[agreement.pk])


def test_coordinators_and_managers_can_open_the_agreement_they_are_reminded_of(
    client, municipality, coordinators, manager
):
    _agreement(municipality, evaluation_due_on=TODAY + timedelta(days=5))
    volunteer_reminder_scan(now=NOW)

    for user in [coordinators[0], manager]:
        client.force_login(user)
        url = Notification.objects.get(recipient=user).url
        assert client.get(url).status_code == 200


def test_a_passed_evaluation_is_overdue(municipality, coordinators, manager):
    agreement = _agreement(municipality, evaluation_due_on=TODAY - timedelta(days=1))

    volunteer_reminder_scan(now=NOW)

    key = f"volunteers.agreement:{agreement.pk}@2026-03-01"
    assert _received() == {(key, "overdue", user.pk) for user in [*coordinators, manager]}
    assert "01.03.2026" in Notification.objects.first().title


def test_a_warning_then_overdue_then_next_years_evaluation_each_remind_once(
    municipality, coordinators
):
    # given a warning was sent
    agreement = _agreement(municipality, evaluation_due_on=TODAY + timedelta(days=1))
    volunteer_reminder_scan(now=NOW)
    # when the date passes, and then the agreement is evaluated and due again next year
    volunteer_reminder_scan(now=NOW + timedelta(days=2))
    agreement.evaluation_due_on = date(2027, 3, 3)
    agreement.save(update_fields=["evaluation_due_on"])
    volunteer_reminder_scan(now=datetime(2027, 3, 1, 6, 30, tzinfo=DANISH))

    # then
    subjects = sorted(Notification.objects.filter(recipient=coordinators[0])
                      .values_list("subject_key", "stage"))
    assert subjects == [
        (f"volunteers.agreement:{agreement.pk}@2026-03-03", "overdue"),
        (f"volunteers.agreement:{agreement.pk}@2026-03-03", "warning"),
        (f"volunteers.agreement:{agreement.pk}@2027-03-03", "warning"),
    ]


@pytest.mark.parametrize("fields", [
    {"terminated_on": date(2026, 1, 15)},     # notice given: ended on 15 February
    {"period_end": date(2026, 2, 28)},        # its agreed end has passed
    {"signed_on": None},                      # a draft, never signed
    {"evaluation_due_on": None},
], ids=["notice given", "agreed end passed", "not signed", "no evaluation date"])
def test_an_agreement_not_in_force_reminds_nobody(municipality, coordinators, manager, fields):
    _agreement(municipality, **{"evaluation_due_on": TODAY + timedelta(days=2), **fields})

    volunteer_reminder_scan(now=NOW)

    assert not Notification.objects.exists()


def test_the_warning_window_is_the_municipalitys(municipality, coordinators):
    # given a municipality that is warned only 3 days ahead
    municipality.milestone_warning_days = 3
    municipality.save(update_fields=["milestone_warning_days"])
    _agreement(municipality, evaluation_due_on=TODAY + timedelta(days=5))

    volunteer_reminder_scan(now=NOW)

    assert not Notification.objects.exists()


# --- c. Child certificates --------------------------------------------------------------------


def test_a_child_certificate_due_for_renewal_reminds_the_volunteer_and_the_coordinators(
    municipality, coordinators, manager, others
):
    # given a certificate obtained 24 months (the municipality's interval) minus 4 days ago
    profile = VolunteerProfileFactory(
        user=UserFactory(municipality=municipality, volunteer=True, full_name="Karen Holm"),
        boerneattest_obtained_on=date(2024, 3, 6))

    # when
    volunteer_reminder_scan(now=NOW)
    volunteer_reminder_scan(now=NOW)

    # then
    key = f"volunteers.profile:{profile.pk}@2024-03-06"
    recipients = [profile.user, *coordinators]
    assert _received() == {(key, "warning", user.pk) for user in recipients}
    own = Notification.objects.get(recipient=profile.user)
    assert "06.03.2026" in own.title
    assert own.url == reverse("volunteers:profile")
    staff = Notification.objects.get(recipient=coordinators[0])
    assert staff.url == reverse("volunteers:volunteer_detail", args=[profile.pk])
    # the volunteer's name is not in any title: titles are e-mailed
    assert not Notification.objects.filter(title__contains="Karen").exists()


def test_an_expired_child_certificate_is_overdue(municipality, coordinators):
    profile = VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True),
                                      boerneattest_obtained_on=date(2024, 3, 2))

    volunteer_reminder_scan(now=NOW)

    key = f"volunteers.profile:{profile.pk}@2024-03-02"
    assert _received() == {(key, "overdue", user.pk) for user in [profile.user, *coordinators]}


def test_the_renewal_interval_is_the_municipalitys(municipality, coordinators):
    # given a municipality that wants a new certificate every 12 months
    municipality.boerneattest_renewal_months = 12
    municipality.save(update_fields=["boerneattest_renewal_months"])
    profile = VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True),
                                      boerneattest_obtained_on=date(2025, 3, 5))
    VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True),
                            boerneattest_obtained_on=date(2025, 4, 1))

    volunteer_reminder_scan(now=NOW)

    assert {key for key, _, _ in _received()} == {f"volunteers.profile:{profile.pk}@2025-03-05"}


def test_a_certificate_renewed_reminds_again_when_it_in_turn_grows_old(municipality):
    profile = VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True),
                                      boerneattest_obtained_on=date(2024, 3, 6))
    volunteer_reminder_scan(now=NOW)
    profile.boerneattest_obtained_on = date(2026, 3, 1)
    profile.save(update_fields=["boerneattest_obtained_on"])

    volunteer_reminder_scan(now=datetime(2028, 2, 28, 6, 30, tzinfo=DANISH))

    assert set(Notification.objects.values_list("subject_key", flat=True)) == {
        f"volunteers.profile:{profile.pk}@2024-03-06",
        f"volunteers.profile:{profile.pk}@2026-03-01",
    }


@pytest.mark.parametrize("status", ["pending", "ended"])
def test_a_volunteer_not_active_or_paused_is_not_reminded(municipality, coordinators, status):
    VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True),
                            status=status, boerneattest_obtained_on=date(2024, 3, 6))

    volunteer_reminder_scan(now=NOW)

    assert not Notification.objects.exists()


def test_a_paused_volunteer_is_reminded(municipality):
    profile = VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True),
                                      status="paused", boerneattest_obtained_on=date(2024, 3, 6))

    volunteer_reminder_scan(now=NOW)

    assert Notification.objects.get().recipient == profile.user


def test_a_fresh_or_missing_certificate_reminds_nobody(municipality, coordinators):
    VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True),
                            boerneattest_obtained_on=date(2025, 6, 1))
    VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True),
                            boerneattest_obtained_on=None, boerneattest_no_concerns=False)

    volunteer_reminder_scan(now=NOW)

    assert not Notification.objects.exists()


def test_a_certificate_obtained_at_a_months_end_is_found(municipality):
    # given 31 August + 18 months = 28 February (clamped), due before the 7-day horizon
    municipality.boerneattest_renewal_months = 18
    municipality.save(update_fields=["boerneattest_renewal_months"])
    profile = VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True),
                                      boerneattest_obtained_on=date(2024, 8, 31))

    volunteer_reminder_scan(now=datetime(2026, 2, 21, 6, 30, tzinfo=DANISH))

    assert Notification.objects.get().subject_key == f"volunteers.profile:{profile.pk}@2024-08-31"


# --- Batches, e-mails, the task ---------------------------------------------------------------


def test_the_scan_pages_through_the_rows(municipality, coordinators):
    # given more candidates of each rule than one batch holds
    for _ in range(5):
        TaskFactory(municipality=municipality, starts_at=_at(1), ends_at=_at(1, 13))
        VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True),
                                boerneattest_obtained_on=date(2024, 3, 6))

    result = volunteer_reminder_scan(now=NOW, batch_size=2)

    assert (result.tasks, result.profiles) == (5, 5)
    assert result.notifications_created == 5 * 2 + 5 * 3


def test_a_second_run_sends_no_second_email(municipality, coordinators, mailoutbox,
                                            django_capture_on_commit_callbacks):
    TaskFactory(municipality=municipality, starts_at=_at(1), ends_at=_at(1, 13))
    with tasks_run_eagerly(), django_capture_on_commit_callbacks(execute=True):
        volunteer_reminder_scan(now=NOW)
    assert sorted(email.to[0] for email in mailoutbox) == sorted(c.email for c in coordinators)

    with tasks_run_eagerly(), django_capture_on_commit_callbacks(execute=True):
        volunteer_reminder_scan(now=NOW)

    assert len(mailoutbox) == 2


def test_the_scan_runs_every_morning_at_half_past_six():
    entry = settings.CELERY_BEAT_SCHEDULE["volunteer-reminder-scan"]
    app.loader.import_default_modules()  # what a worker does at start-up

    assert entry["task"] in app.tasks
    assert entry["schedule"] == crontab(hour=6, minute=30)


def test_the_task_scans_now(monkeypatch):
    scanned = []
    monkeypatch.setattr("volunteers.tasks.volunteer_reminder_scan",
                        lambda **kwargs: scanned.append(kwargs))

    volunteer_reminder_scan_task()

    [call] = scanned
    assert set(call) == {"now"}


def test_the_scan_does_not_import_reception():
    tree = ast.parse(inspect.getsource(reminders))
    imported = {node.module for node in ast.walk(tree)
                if isinstance(node, ast.ImportFrom) and node.module}
    imported |= {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                 for alias in node.names}
    assert imported
    assert not [name for name in imported if name.split(".")[0] == "reception"]


# --- The volunteer's inbox --------------------------------------------------------------------


def test_a_volunteer_reads_their_reminder_in_their_own_inbox_and_follows_it(
    client, municipality, caseworker
):
    # given a volunteer's certificate reminder and a caseworker's case reminder
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    profile = VolunteerProfileFactory(user=UserFactory(municipality=municipality, volunteer=True),
                                      boerneattest_obtained_on=date(2024, 3, 6))
    volunteer_reminder_scan(now=NOW)
    NotificationFactory(recipient=caseworker, title="Deadline: Danish referral (case T-1)")
    client.force_login(profile.user)

    # when
    inbox = client.get(reverse("notifications:inbox"))

    # then the volunteer sees their own reminder and nothing of the staff's
    content = inbox.content.decode()
    assert inbox.status_code == 200
    own = Notification.objects.get(recipient=profile.user)
    assert own.title in content
    assert "case T-1" not in content
    assert "Notifications (1)" in content  # the header's unread count
    assert client.get(own.url).status_code == 200
