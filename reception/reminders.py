"""The morning reminder scan: deadlines that come near or have passed become notifications.

Every open milestone of an open case with a due date inside its municipality's warning
window (`Municipality.milestone_warning_days`) is notified at most once per stage and
recipient; the unique constraint on `Notification` makes the scan safe to run twice.

- "warning" (today <= due date <= today + window) goes to the case's caseworker.
- "overdue" (due date < today) goes to the caseworker AND the municipality's managers.
- A case without an active caseworker goes to the managers at both stages: nobody owns it,
  and allocating cases is the managers' job. If there is no active manager either, nobody is
  notified and the scan logs a warning.

Titles and e-mails never hold a person's name or CPR number (e-mail is not a secure channel):
only the kind of deadline, its date and the case reference. They are written in the
portal's default language (Danish), since users have no language preference yet.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.urls import reverse
from django.utils import formats, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from integration_portal.accounts.models import Municipality, User
from integration_portal.notifications.models import Notification, NotificationStage
from integration_portal.notifications.services import notifications_create_many
from reception.models import HouseholdStatus, Milestone

logger = logging.getLogger(__name__)

SUBJECT_PREFIX = "reception.milestone"
TITLE_MAX_LENGTH = Notification._meta.get_field("title").max_length


@dataclass(frozen=True)
class ScanResult:
    milestones: int = 0
    notifications_created: int = 0
    # Milestones that had nobody to notify: no active caseworker and no active manager.
    without_recipient: int = 0

    def __add__(self, other: ScanResult) -> ScanResult:
        return ScanResult(
            milestones=self.milestones + other.milestones,
            notifications_created=self.notifications_created + other.notifications_created,
            without_recipient=self.without_recipient + other.without_recipient,
        )


def reminder_scan(*, today: date, batch_size: int = 2000) -> ScanResult:
    """Create the notifications due on `today`, paging through milestones by primary key.

    The warning window differs by municipality, so the scan goes municipality by
    municipality (a short list: there are 98 in Denmark) and pages through each one's
    candidates in batches of `batch_size`; every batch is stored in its own transaction, and
    its e-mails are enqueued when it commits. Memory and queries are bounded per batch.
    """
    result = ScanResult()
    for municipality in Municipality.objects.order_by("pk").only("pk", "milestone_warning_days"):
        result += _scan_municipality(municipality, today=today, batch_size=batch_size)
    if result.without_recipient:
        logger.warning(
            "Reminder scan %s: %d deadline(s) had nobody to notify (no active caseworker or "
            "manager)", today, result.without_recipient,
        )
    logger.info(
        "Reminder scan %s: %d milestone(s) due or overdue, %d new notification(s)",
        today, result.milestones, result.notifications_created,
    )
    return result


def _scan_municipality(municipality: Municipality, *, today: date, batch_size: int) -> ScanResult:
    horizon = today + timedelta(days=municipality.milestone_warning_days)
    candidates = (
        Milestone.objects.open()
        .in_municipality(municipality)
        .exclude(household__status=HouseholdStatus.CLOSED)
        .filter(due_date__lte=horizon)
        .select_related("household__caseworker")
        # Only what the notifications are made of: a scan reads every due milestone in the
        # country, and loading whole rows (notes, addresses, a caseworker's password hash)
        # cost about a sixth of its time (bench/RESULTS.md).
        .only("pk", "kind", "due_date", "household__reference", "household__municipality_id",
              "household__caseworker__is_active", "household__caseworker__municipality_id")
    )
    # The municipality's active managers, loaded when first needed and then kept.
    managers = functools.cache(functools.partial(_active_managers, municipality))
    result = ScanResult()
    last_pk = 0
    while True:
        batch = list(candidates.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
        if not batch:
            break
        last_pk = batch[-1].pk
        # Titles are stored in the portal's language, whoever reads them; switching the
        # language once per batch rather than per title is a tenth of the scan's time.
        with translation.override(settings.LANGUAGE_CODE):
            without_recipient, notifications = _batch_notifications(
                batch, today=today, managers=managers)
        result += ScanResult(
            milestones=len(batch),
            notifications_created=notifications_create_many(notifications=notifications),
            without_recipient=without_recipient,
        )
        if len(batch) < batch_size:
            break
    return result


def _batch_notifications(batch: list[Milestone], *, today: date,
                         managers: Callable[[], list[int]]) -> tuple[int, list[Notification]]:
    """(milestones without anyone to tell, the notifications) for one batch."""
    notifications: list[Notification] = []
    without_recipient = 0
    for milestone in batch:
        overdue = milestone.due_date < today
        stage = NotificationStage.OVERDUE if overdue else NotificationStage.WARNING
        caseworker = _active_caseworker(milestone)
        recipients = set() if caseworker is None else {caseworker}
        if overdue or caseworker is None:
            recipients.update(managers())
        if not recipients:
            without_recipient += 1
            continue
        notifications += _notifications(milestone, stage=stage, recipients=recipients)
    return without_recipient, notifications


def _active_caseworker(milestone: Milestone) -> int | None:
    caseworker = milestone.household.caseworker
    if (
        caseworker is None
        or not caseworker.is_active
        or caseworker.municipality_id != milestone.household.municipality_id
    ):
        return None
    return caseworker.pk


def _active_managers(municipality: Municipality) -> list[int]:
    return list(
        User.objects.in_municipality(municipality)
        .filter(is_manager=True, is_active=True)
        .values_list("pk", flat=True)
    )


def _notifications(
    milestone: Milestone, *, stage: NotificationStage, recipients: set[int]
) -> list[Notification]:
    household = milestone.household
    title = _title(milestone, stage=stage)
    url = reverse("reception:case_detail", args=[household.pk])
    return [
        Notification(
            municipality_id=household.municipality_id,
            recipient_id=recipient,
            subject_key=f"{SUBJECT_PREFIX}:{milestone.pk}",
            stage=stage,
            title=title,
            url=url,
        )
        for recipient in sorted(recipients)
    ]


def _title(milestone: Milestone, *, stage: NotificationStage) -> str:
    # The title is stored and read days later, so it names the date rather than "in 3 days".
    # Called with the portal's language active (see _scan_municipality).
    values = {
        "date": formats.date_format(milestone.due_date, "SHORT_DATE_FORMAT"),
        "milestone": milestone.kind_label,
        "reference": milestone.household.reference,
    }
    if stage == NotificationStage.OVERDUE:
        title = _("Overdue since %(date)s: %(milestone)s (case %(reference)s)") % values
    else:
        title = _("Deadline %(date)s: %(milestone)s (case %(reference)s)") % values
    return Truncator(title).chars(TITLE_MAX_LENGTH)
