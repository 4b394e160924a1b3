"""A volunteer's "language internship found" report reaches the job centre's queue.

The report becomes a referral with a draft measure in the same transaction, the caseworker is
told in the portal, and the job centre gets one e-mail — with no name or CPR number in it.
"""

import logging
from datetime import timedelta

import pytest
from django.conf import settings
from django.core import mail
from django.utils import timezone

from employment.models import JobcentreReferral, Measure
from employment.services import referrals as employment_services
from employment.tasks import jobcentre_email_sweep_task, jobcentre_email_task
from integration_portal.audit.models import AuditEvent
from integration_portal.notifications.models import Notification
from tests.employment.conftest import JOB_CENTRE, claimed_task_for, report_internship
from tests.factories import HouseholdFactory, UserFactory
from tests.notifications.helpers import tasks_run_eagerly
from volunteers.models import TaskReport
from volunteers.services import task_complete

pytestmark = pytest.mark.django_db


def _job_centre_mails():
    return [message for message in mail.outbox if message.to == [JOB_CENTRE]]


def test_the_report_creates_a_referral_with_a_draft_measure(
    municipality, household, volunteer_profile
):
    # given a volunteer's task for the case
    task = claimed_task_for(municipality, volunteer_profile.user, household)

    # when the volunteer reports a language internship
    report = report_internship(task, employer="Lejre Bageri", text="Starter efter påske.")

    # then the job centre's queue holds it, with a draft measure naming no person
    referral = JobcentreReferral.objects.get()
    assert referral.task_report == report
    assert (referral.municipality, referral.household) == (municipality, household)
    assert referral.employer_name == "Lejre Bageri"
    assert referral.summary == "Starter efter påske."
    assert referral.status == "open"
    measure = referral.measure
    assert (measure.measure_type.category, measure.status) == ("language_internship", "draft")
    assert (measure.household, measure.person, measure.employer_name) == (
        household, None, "Lejre Bageri")


def test_the_cases_caseworker_is_told_without_any_name(
    municipality, household, caseworker, volunteer_profile
):
    # given another caseworker in the municipality, who does not own the case
    UserFactory(municipality=municipality, caseworker=True)
    task = claimed_task_for(municipality, volunteer_profile.user, household)

    # when
    report_internship(task)

    # then only the case's caseworker is told, by case reference and employer
    referral = JobcentreReferral.objects.get()
    notification = Notification.objects.get()
    assert notification.recipient == caseworker
    assert notification.subject_key == f"employment.referral:{referral.pk}"
    assert notification.stage == "info"
    assert notification.url == "/employment/queue/"
    assert "LEJ-2026-00042" in notification.title
    assert "Lejre Bageri" in notification.title
    assert "Amina" not in notification.title and "Haddad" not in notification.title


def test_a_case_without_a_caseworker_is_told_to_every_caseworker(
    municipality, other_municipality, volunteer_profile, manager
):
    # given a case nobody owns, two caseworkers (one a coordinator) and another municipality's
    household = HouseholdFactory(municipality=municipality, caseworker=None)
    first = UserFactory(municipality=municipality, caseworker=True)
    second = UserFactory(municipality=municipality, coordinator=True)
    UserFactory(municipality=other_municipality, caseworker=True)
    UserFactory(municipality=municipality, caseworker=True, is_active=False)
    task = claimed_task_for(municipality, volunteer_profile.user, household)

    # when
    report_internship(task)

    # then
    assert set(Notification.objects.values_list("recipient", flat=True)) == {first.pk, second.pk}


def test_a_task_without_a_case_still_reaches_the_queue(
    municipality, caseworker, volunteer_profile
):
    # given a task posted from coordination, linked to no case
    task = claimed_task_for(municipality, volunteer_profile.user, household=None)

    # when
    report_internship(task)

    # then
    referral = JobcentreReferral.objects.get()
    assert referral.household is None
    assert referral.measure.household is None
    assert Notification.objects.get().recipient == caseworker


def test_the_referral_is_in_the_cases_audit_trail(municipality, household, volunteer_profile):
    task = claimed_task_for(municipality, volunteer_profile.user, household)

    report_internship(task)

    referral = JobcentreReferral.objects.get()
    event = AuditEvent.objects.get(object_type="employment.jobcentrereferral",
                                   object_id=str(referral.pk))
    assert event.trail == f"reception.household:{household.pk}"
    assert event.actor == volunteer_profile.user


def test_a_report_without_an_internship_puts_nothing_in_the_queue(
    municipality, household, volunteer_profile
):
    task = claimed_task_for(municipality, volunteer_profile.user, household)

    task_complete(task=task, volunteer=task.claimed_by, report_text="Møblerne er samlet.",
                  found_language_internship=False, employer_name="")

    assert not JobcentreReferral.objects.exists()
    assert not Measure.objects.exists()
    assert not Notification.objects.exists()


def test_a_failing_referral_fails_the_completion_as_a_whole(
    municipality, household, volunteer_profile, monkeypatch
):
    # given the queue cannot be written to
    def broken(**kwargs):
        raise RuntimeError("database trouble")

    monkeypatch.setattr("employment.receivers.referral_create_from_report", broken)
    task = claimed_task_for(municipality, volunteer_profile.user, household)

    # when
    with pytest.raises(RuntimeError):
        report_internship(task)

    # then the report is not half-saved without its referral
    task.refresh_from_db()
    assert task.status == "claimed"
    assert not TaskReport.objects.filter(task=task).exists()


def test_the_job_centre_is_emailed_once_after_commit(
    municipality, household, volunteer_profile, job_centre, django_capture_on_commit_callbacks
):
    # given
    task = claimed_task_for(municipality, volunteer_profile.user, household)

    # when the report commits
    with tasks_run_eagerly(), django_capture_on_commit_callbacks(execute=True):
        report_internship(task, employer="Lejre Bageri")

    # then one e-mail with the case reference, the employer and the link to the queue
    [message] = _job_centre_mails()
    assert "LEJ-2026-00042" in message.subject
    assert "LEJ-2026-00042" in message.body
    assert "Lejre Bageri" in message.body
    assert f"{settings.PORTAL_BASE_URL}/employment/queue/" in message.body
    # and no name or CPR number: e-mail is not a secure channel
    for secret in ("Amina", "Haddad", "010190-1234", volunteer_profile.user.full_name):
        assert secret not in message.subject and secret not in message.body
    assert JobcentreReferral.objects.get().emailed_at is not None


def test_running_the_email_task_twice_sends_one_email(
    municipality, household, volunteer_profile, job_centre
):
    # given a referral
    task = claimed_task_for(municipality, volunteer_profile.user, household)
    referral = report_internship(task).jobcentre_referral

    # when the task runs twice (a redelivered message, a sweep)
    jobcentre_email_task.apply(args=[referral.pk])
    jobcentre_email_task.apply(args=[referral.pk])

    # then
    assert len(_job_centre_mails()) == 1


def test_without_a_configured_address_nothing_is_sent(
    municipality, household, volunteer_profile, caplog, django_capture_on_commit_callbacks
):
    # given the municipality has no job centre address
    assert municipality.job_centre_email == ""
    task = claimed_task_for(municipality, volunteer_profile.user, household)

    # when
    with tasks_run_eagerly(), django_capture_on_commit_callbacks(execute=True), \
            caplog.at_level(logging.WARNING, logger="employment.services"):
        report_internship(task)

    # then no e-mail, the referral still waits for one, and the log says why
    assert _job_centre_mails() == []
    assert JobcentreReferral.objects.get().emailed_at is None
    assert "no job centre address" in caplog.text


def test_a_failed_send_gives_the_claim_back_so_that_a_retry_sends_it(
    municipality, household, volunteer_profile, job_centre, monkeypatch
):
    # given a referral and a mail server that is down
    task = claimed_task_for(municipality, volunteer_profile.user, household)
    referral = report_internship(task).jobcentre_referral

    def refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("mail server down")

    with monkeypatch.context() as patched:
        patched.setattr("django.core.mail.EmailMessage.send", refuse)
        # when
        with pytest.raises(ConnectionRefusedError):
            employment_services.referral_email_send(referral_id=referral.pk)

    # then the claim is given back, and the next try sends it
    referral.refresh_from_db()
    assert referral.emailed_at is None
    assert employment_services.referral_email_send(referral_id=referral.pk) is True
    assert len(_job_centre_mails()) == 1


def test_the_email_task_retries_on_a_mail_server_error():
    assert OSError in jobcentre_email_task.autoretry_for
    assert 0 < jobcentre_email_task.max_retries <= 10
    assert jobcentre_email_task.acks_late is True


def test_the_sweep_enqueues_the_referrals_still_waiting_for_their_email(
    municipality, other_municipality, household, volunteer_profile, job_centre, monkeypatch
):
    # given an old unsent referral, an old sent one, a closed one, a fresh one, and an old
    # unsent one of a municipality with no job centre address
    def referral_made(at, **fields):
        task = claimed_task_for(municipality, volunteer_profile.user, household)
        referral = report_internship(task).jobcentre_referral
        JobcentreReferral.objects.filter(pk=referral.pk).update(created_at=at, **fields)
        return referral

    hour_ago = timezone.now() - timedelta(hours=1)
    waiting = referral_made(hour_ago)
    referral_made(hour_ago, emailed_at=timezone.now())
    referral_made(hour_ago, status="closed", closed_reason="Arbejdsgiveren trak tilbuddet.")
    referral_made(timezone.now())
    unconfigured = referral_made(hour_ago)
    JobcentreReferral.objects.filter(pk=unconfigured.pk).update(
        municipality=other_municipality)
    enqueued = []
    monkeypatch.setattr(jobcentre_email_task, "delay", enqueued.append)

    # when
    count = jobcentre_email_sweep_task()

    # then
    assert enqueued == [waiting.pk]
    assert count == 1


def test_the_sweep_runs_every_hour():
    from celery.schedules import crontab

    from integration_portal.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["jobcentre-email-sweep"]
    app.loader.import_default_modules()
    assert entry["task"] in app.tasks
    assert entry["schedule"] == crontab(minute=25)
