"""Writes of employment data: the job centre's queue and the draft measures it holds.

A volunteer who finds a language internship (sprogpraktik) reports it when completing a
task; the job centre then sets up the formal agreement with the employer (domain.md §4).
The report becomes a referral in the queue with a draft measure, which a caseworker turns
into a planned measure for one person of the case, or closes with a reason.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from employment.models import (
    Employer,
    JobcentreReferral,
    Measure,
    MeasureCategory,
    MeasureStatus,
    ReferralStatus,
)
from employment.selectors.rules import measure_type_for_category
from employment.services.common import audit_case_write
from employment.services.measures import check_and_save
from integration_portal.accounts.models import User
from integration_portal.accounts.permissions import Perm, require
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record
from integration_portal.core.mail import send_once
from integration_portal.core.queue import enqueue_on_commit
from integration_portal.notifications.models import Notification, NotificationStage
from integration_portal.notifications.services import notifications_create_many

# Employment stands on reception: the case trail is the case's, whichever app writes to it.
from reception.services import case_trail

if TYPE_CHECKING:
    from reception.models import Person
    from volunteers.models import TaskReport

logger = logging.getLogger(__name__)

SUBJECT_PREFIX = "employment.referral"


@transaction.atomic
def referral_create_from_report(*, report: TaskReport) -> JobcentreReferral:
    """Put a volunteer's "internship found" report in the job centre's queue.

    Creates the referral and its draft measure (no person: the caseworker chooses one),
    tells the case's caseworker (or, for a case without one, every caseworker) in the
    portal, and e-mails the job centre once the transaction commits. Run inside the
    volunteer's completion of the task. A report already in the queue is returned as it is.
    """
    existing = JobcentreReferral.objects.filter(task_report=report).first()
    if existing is not None:
        return existing
    task = report.task
    household = task.household
    municipality = task.municipality
    measure = Measure(
        municipality=municipality, household=household, person=None,
        measure_type=measure_type_for_category(municipality_id=municipality.pk,
                                               category=MeasureCategory.LANGUAGE_INTERNSHIP),
        status=MeasureStatus.DRAFT,
        employer_name=report.employer_name,
    )
    measure.full_clean()
    measure.save()
    referral = JobcentreReferral(
        municipality=municipality, household=household, task_report=report,
        employer_name=report.employer_name, summary=report.text, measure=measure,
    )
    referral.full_clean()
    referral.save()
    audit_record(actor=task.claimed_by, municipality=municipality, action=AuditAction.CREATE,
                 obj=referral, trail=case_trail(household) if household else None,
                 summary="Language internship found by a volunteer: job centre referral "
                         "and draft measure created")
    _notify_caseworkers(referral)
    enqueue_on_commit(_email_task(), referral.pk)
    return referral


def _email_task():
    # Imported here: the task module imports this one for the service it runs.
    from employment.tasks import jobcentre_email_task

    return jobcentre_email_task


def _notify_caseworkers(referral: JobcentreReferral) -> None:
    household = referral.household
    caseworker = household.caseworker if household is not None else None
    if (caseworker is not None and caseworker.is_active
            and caseworker.municipality_id == referral.municipality_id):
        recipients = [caseworker.pk]
    else:
        # Nobody owns the case (or there is none): every caseworker sees it in the portal.
        recipients = list(
            User.objects.in_municipality(referral.municipality_id)
            .filter(is_caseworker=True, is_active=True)
            .order_by("pk").values_list("pk", flat=True)
        )
    if not recipients:
        logger.warning("Referral %s: no active caseworker to notify", referral.pk)
        return
    with translation.override(settings.LANGUAGE_CODE):
        # Never a citizen's name: the title is e-mailed, and e-mail is not a secure channel.
        if household is not None:
            title = _("Language internship found: case %(reference)s (%(employer)s)") % {
                "reference": household.reference, "employer": referral.employer_name}
        else:
            title = _("Language internship found (%(employer)s)") % {
                "employer": referral.employer_name}
    title = Truncator(title).chars(Notification._meta.get_field("title").max_length)
    notifications_create_many(notifications=[
        Notification(
            municipality_id=referral.municipality_id, recipient_id=recipient,
            subject_key=f"{SUBJECT_PREFIX}:{referral.pk}", stage=NotificationStage.INFO,
            title=title, url=reverse("employment:queue"),
        )
        for recipient in recipients
    ])


def _locked_open_referral(referral: JobcentreReferral) -> JobcentreReferral:
    # The row lock makes two caseworkers acting on one item at once take turns; the second
    # then finds it no longer open.
    locked = (JobcentreReferral.objects.select_for_update(of=("self",))
              .select_related("measure", "household").get(pk=referral.pk))
    if locked.status != ReferralStatus.OPEN:
        raise ValidationError(_("This item in the queue has already been dealt with."))
    return locked


@transaction.atomic
def measure_complete_draft(
    *,
    referral: JobcentreReferral,
    actor: User,
    person: Person,
    starts_on: datetime.date,
    hours_per_week: Decimal,
    ends_on: datetime.date | None = None,
    employer: Employer | None = None,
    employer_name: str = "",
    acknowledgements: Mapping[str, str] | None = None,
) -> Measure:
    """Turn the referral's draft measure into a planned one for a person of the case.

    Checked like any planned measure (`services.measures`): what can never be right is
    refused, and a rule's warning needs a reason in `acknowledgements`. The referral counts
    as dealt with ("made into a measure").
    """
    require(actor, Perm.WORK_ON_CASES, municipality_id=referral.municipality_id)
    referral = _locked_open_referral(referral)
    measure = referral.measure
    if referral.household_id is None:
        raise ValidationError(_("The item is linked to no case, so there is nobody to plan "
                                "the measure for. Close it with a reason instead."))
    if measure is None or measure.status != MeasureStatus.DRAFT:
        raise ValidationError(_("The draft measure is no longer a draft."))
    if person.household_id != referral.household_id:
        raise ValidationError({"person": _("The person is not a member of this case.")})
    measure.person = person
    measure.starts_on = starts_on
    measure.ends_on = ends_on
    measure.hours_per_week = hours_per_week
    measure.employer = employer
    measure.employer_name = employer_name.strip()
    measure.status = MeasureStatus.PLANNED
    check_and_save(measure=measure, actor=actor, acknowledgements=acknowledgements or {})
    fields = ["person", "starts_on", "ends_on", "hours_per_week", "employer", "employer_name",
              "status"]
    referral.status = ReferralStatus.CONVERTED
    referral.full_clean()
    referral.save(update_fields=["status"])
    audit_case_write(actor=actor, household_id=referral.household_id, obj=measure,
                     action=AuditAction.UPDATE, fields=fields,
                     summary="Draft language internship planned for a person of the case")
    audit_case_write(actor=actor, household_id=referral.household_id, obj=referral,
                     action=AuditAction.UPDATE, fields=["status"],
                     summary="Job centre referral made into a measure")
    return measure


@transaction.atomic
def referral_close(*, referral: JobcentreReferral, actor: User, reason: str) -> JobcentreReferral:
    """Take an item off the queue without a measure, saying why; its draft is cancelled."""
    require(actor, Perm.WORK_ON_CASES, municipality_id=referral.municipality_id)
    reason = reason.strip()
    if not reason:
        raise ValidationError({"closed_reason": _("Give a reason for closing.")})
    referral = _locked_open_referral(referral)
    referral.status = ReferralStatus.CLOSED
    referral.closed_reason = reason
    referral.closed_by = actor
    referral.closed_at = timezone.now()
    referral.full_clean()
    fields = ["status", "closed_reason", "closed_by", "closed_at"]
    referral.save(update_fields=fields)
    measure = referral.measure
    if measure is not None and measure.status == MeasureStatus.DRAFT:
        measure.status = MeasureStatus.CANCELLED
        measure.save(update_fields=["status"])
        audit_case_write(actor=actor, household_id=referral.household_id, obj=measure,
                         action=AuditAction.UPDATE, fields=["status"],
                         summary="Draft measure cancelled with its job centre referral")
    audit_case_write(actor=actor, household_id=referral.household_id, obj=referral,
                     action=AuditAction.UPDATE, fields=fields,
                     summary="Job centre referral closed")
    return referral


# --- The e-mail to the job centre ---------------------------------------------------------


def referral_email_send(*, referral_id: int) -> bool:
    """E-mail the job centre about a referral, at most once; True if this run sent it.

    Claimed on `emailed_at` before sending (`core.mail.send_once`): never twice, as the job
    centre would otherwise set up the same internship twice.
    """
    referral = (JobcentreReferral.objects.select_related("municipality", "household")
                .filter(pk=referral_id).first())
    if referral is None:
        logger.warning("No job centre e-mail: referral %s does not exist", referral_id)
        return False
    if referral.status == ReferralStatus.CLOSED or referral.emailed_at is not None:
        return False
    address = referral.municipality.job_centre_email
    if not address:
        # The queue page says so; the hourly sweep sends it once an address is configured.
        logger.warning("No job centre e-mail for referral %s: municipality %s has no job "
                       "centre address", referral.pk, referral.municipality_id)
        return False
    if not send_once(row=JobcentreReferral.objects.filter(pk=referral.pk), field="emailed_at",
                     message=lambda: _referral_email(referral, to=address)):
        return False
    logger.info("Job centre e-mailed about referral %s", referral.pk)
    return True


def _referral_email(referral: JobcentreReferral, *, to: str) -> EmailMessage:
    # No name or CPR number: only the case reference, the employer and a link behind a login.
    base = settings.PORTAL_BASE_URL.rstrip("/")
    context = {
        "referral": referral,
        "municipality": referral.municipality,
        "reference": referral.household.reference if referral.household else "",
        "reported_on": timezone.localdate(referral.created_at),
        "queue_link": f"{base}{reverse('employment:queue')}",
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("employment/email/referral_subject.txt", context)
        body = render_to_string("employment/email/referral_body.txt", context)
    return EmailMessage(subject=" ".join(subject.split()), body=body, to=[to])

