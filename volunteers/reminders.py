"""The volunteers' morning reminder scan: what needs a coordinator's or a volunteer's attention.

Three rules, each notified at most once per subject, stage and recipient (the unique
constraint on `Notification` makes the scan safe to run twice):

- an open task that starts today or in the next UNCLAIMED_TASK_DAYS days and no volunteer
  has taken → the municipality's volunteer coordinators ("warning");
- the yearly evaluation of a cooperation agreement in force, due within the municipality's
  warning window (`milestone_warning_days`) → coordinators and managers ("warning"; once
  the date has passed, "overdue"). The subject holds the due date, so next year's
  evaluation reminds again;
- a volunteer's child certificate (børneattest) that reaches the municipality's renewal
  interval within the warning window → the volunteer and the coordinators ("warning"; from
  the day it is no longer accepted, "overdue"). The subject holds the date it was obtained,
  so a renewed certificate reminds again when it in turn grows old.

Titles are e-mailed, and e-mail is not a secure channel: they never hold a person's name —
not a citizen's, and not the volunteer's, whose certificate is criminal-record data (GDPR
art. 10). A task's title is volunteer-safe by construction. Titles are written in the
portal's default language (Danish), since users have no language preference yet.

Outside the privacy wall: this module reads no household and must not import reception.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from integration_portal.accounts.models import Municipality, User
from integration_portal.core.formats import short_date
from integration_portal.notifications.models import Notification, NotificationStage
from integration_portal.notifications.services import notifications_create_many
from integration_portal.rules.calendar import add_months
from volunteers.models import (
    AgreementStatus,
    CooperationAgreement,
    Task,
    VolunteerProfile,
    VolunteerStatus,
)

logger = logging.getLogger(__name__)

DANISH_TIME = ZoneInfo("Europe/Copenhagen")

TASK_SUBJECT = "volunteers.task"
AGREEMENT_SUBJECT = "volunteers.agreement"
PROFILE_SUBJECT = "volunteers.profile"

# An open task starting today, tomorrow or the day after is flagged to the coordinators.
UNCLAIMED_TASK_DAYS = 2
# Only an agreement in force is evaluated: not a draft, not one that has ended.
_IN_FORCE = frozenset({AgreementStatus.ACTIVE, AgreementStatus.TERMINATING})


@dataclass(frozen=True)
class ScanResult:
    tasks: int = 0
    agreements: int = 0
    profiles: int = 0
    notifications_created: int = 0

    def __add__(self, other: ScanResult) -> ScanResult:
        return ScanResult(
            tasks=self.tasks + other.tasks,
            agreements=self.agreements + other.agreements,
            profiles=self.profiles + other.profiles,
            notifications_created=self.notifications_created + other.notifications_created,
        )


def volunteer_reminder_scan(*, now: datetime.datetime, batch_size: int = 500) -> ScanResult:
    """Create the notifications due at `now`, municipality by municipality, page by page.

    Every batch is stored in its own transaction (`notifications_create_many`), and its
    e-mails are enqueued when it commits. Memory and queries are bounded per batch.
    """
    today = timezone.localdate(now, timezone=DANISH_TIME)
    result = ScanResult()
    municipalities = Municipality.objects.order_by("pk").only(
        "pk", "milestone_warning_days", "boerneattest_renewal_months")
    for municipality in municipalities:
        scan = _MunicipalityScan(municipality, now=now, today=today, batch_size=batch_size)
        result += scan.tasks() + scan.agreements() + scan.profiles()
    logger.info(
        "Volunteer reminder scan %s: %d task(s), %d agreement(s), %d certificate(s) due; "
        "%d new notification(s)",
        today, result.tasks, result.agreements, result.profiles, result.notifications_created,
    )
    return result


def _pages(queryset: QuerySet, batch_size: int) -> Iterator[list]:
    """The rows of `queryset` in pages by primary key: never the whole table at once."""
    last_pk = 0
    while True:
        batch = list(queryset.filter(pk__gt=last_pk).order_by("pk")[:batch_size])
        if not batch:
            return
        yield batch
        if len(batch) < batch_size:
            return
        last_pk = batch[-1].pk


def _title(text: str) -> str:
    return Truncator(text).chars(Notification._meta.get_field("title").max_length)


class _MunicipalityScan:
    def __init__(self, municipality: Municipality, *, now: datetime.datetime,
                 today: datetime.date, batch_size: int) -> None:
        self.municipality = municipality
        self.now = now
        self.today = today
        self.horizon = today + datetime.timedelta(days=municipality.milestone_warning_days)
        self.batch_size = batch_size
        self._coordinators: list[int] | None = None
        self._managers: list[int] | None = None

    # Recipients, loaded when first needed, once per municipality.

    @property
    def coordinators(self) -> list[int]:
        if self._coordinators is None:
            self._coordinators = self._active_users(is_volunteer_coordinator=True)
        return self._coordinators

    @property
    def managers(self) -> list[int]:
        if self._managers is None:
            self._managers = self._active_users(is_manager=True)
        return self._managers

    def _active_users(self, **role) -> list[int]:
        return list(User.objects.in_municipality(self.municipality)
                    .filter(is_active=True, **role).order_by("pk").values_list("pk", flat=True))

    def _notification(self, *, recipient: int, subject_key: str, stage: NotificationStage,
                      title: str, url: str) -> Notification:
        return Notification(municipality_id=self.municipality.pk, recipient_id=recipient,
                            subject_key=subject_key, stage=stage, title=title, url=url)

    # Rule a: open tasks starting soon.

    def tasks(self) -> ScanResult:
        first_day_after = self.today + datetime.timedelta(days=UNCLAIMED_TASK_DAYS + 1)
        candidates = (
            Task.objects.in_municipality(self.municipality).open()
            .filter(starts_at__gt=self.now,
                    starts_at__lt=datetime.datetime.combine(
                        first_day_after, datetime.time.min, tzinfo=DANISH_TIME))
            .only("pk", "title", "starts_at")
        )
        url = reverse("volunteers:coordination")
        result = ScanResult()
        for batch in _pages(candidates, self.batch_size):
            notifications = []
            for task in batch:
                with translation.override(settings.LANGUAGE_CODE):
                    starts = timezone.localtime(task.starts_at, DANISH_TIME)
                    title = _title(_("Task not yet taken: %(title)s on %(date)s") % {
                        "title": task.title,
                        "date": formats.date_format(starts, "SHORT_DATETIME_FORMAT")})
                notifications += [
                    self._notification(recipient=recipient, subject_key=f"{TASK_SUBJECT}:{task.pk}",
                                       stage=NotificationStage.WARNING, title=title, url=url)
                    for recipient in self.coordinators
                ]
            result += ScanResult(
                tasks=len(batch),
                notifications_created=notifications_create_many(notifications=notifications))
        return result

    # Rule b: the yearly evaluation of a cooperation agreement.

    def agreements(self) -> ScanResult:
        candidates = (
            CooperationAgreement.objects.in_municipality(self.municipality)
            .filter(signed_on__isnull=False, evaluation_due_on__lte=self.horizon)
            .select_related("organisation")
        )
        result = ScanResult()
        for batch in _pages(candidates, self.batch_size):
            in_force = [agreement for agreement in batch
                        if agreement.status_on(self.today) in _IN_FORCE]
            notifications = []
            for agreement in in_force:
                due = agreement.evaluation_due_on
                overdue = due < self.today
                stage = NotificationStage.OVERDUE if overdue else NotificationStage.WARNING
                with translation.override(settings.LANGUAGE_CODE):
                    values = {"organisation": agreement.organisation.name, "date": short_date(due)}
                    if overdue:
                        title = _("Overdue since %(date)s: yearly evaluation of the cooperation "
                                  "agreement with %(organisation)s") % values
                    else:
                        title = _("Due %(date)s: yearly evaluation of the cooperation "
                                  "agreement with %(organisation)s") % values
                subject_key = f"{AGREEMENT_SUBJECT}:{agreement.pk}@{due.isoformat()}"
                # Coordinators and managers both read the agreement's page.
                url = reverse("volunteers:agreement_detail", args=[agreement.pk])
                notifications += [
                    self._notification(recipient=recipient, subject_key=subject_key,
                                       stage=stage, title=_title(title), url=url)
                    for recipient in sorted({*self.coordinators, *self.managers})
                ]
            result += ScanResult(
                agreements=len(in_force),
                notifications_created=notifications_create_many(notifications=notifications))
        return result

    # Rule c: a volunteer's child certificate reaches the renewal interval.

    def profiles(self) -> ScanResult:
        months = self.municipality.boerneattest_renewal_months
        # Obtained on or before this day means renewal due by the horizon. add_months clamps
        # to the month's end (31 Jan + 1 month = 28 Feb), so the query takes a few days more
        # and the exact date is checked below with the same function the claim check uses.
        obtained_by = add_months(self.horizon, -months) + datetime.timedelta(days=3)
        candidates = (
            VolunteerProfile.objects.in_municipality(self.municipality)
            .filter(status__in=[VolunteerStatus.ACTIVE, VolunteerStatus.PAUSED],
                    user__is_active=True, boerneattest_obtained_on__lte=obtained_by)
            .select_related("user__municipality")
        )
        own_url = reverse("volunteers:profile")
        result = ScanResult()
        for batch in _pages(candidates, self.batch_size):
            notifications = []
            due_profiles = 0
            for profile in batch:
                due = profile.boerneattest_renewal_due_on
                if due > self.horizon:
                    continue
                due_profiles += 1
                # From its due day the certificate is no longer accepted (see claim_refusal).
                overdue = due <= self.today
                stage = NotificationStage.OVERDUE if overdue else NotificationStage.WARNING
                subject_key = (f"{PROFILE_SUBJECT}:{profile.pk}"
                               f"@{profile.boerneattest_obtained_on.isoformat()}")
                with translation.override(settings.LANGUAGE_CODE):
                    values = {"date": short_date(due)}
                    if overdue:
                        own = _("Your child certificate (børneattest) expired on %(date)s: "
                                "renew it to take tasks with children") % values
                        staff = _("A volunteer's child certificate (børneattest) expired on "
                                  "%(date)s") % values
                    else:
                        own = _("Your child certificate (børneattest) must be renewed by "
                                "%(date)s") % values
                        staff = _("A volunteer's child certificate (børneattest) must be "
                                  "renewed by %(date)s") % values
                notifications.append(self._notification(
                    recipient=profile.user_id, subject_key=subject_key, stage=stage,
                    title=_title(own), url=own_url))
                notifications += [
                    self._notification(recipient=recipient, subject_key=subject_key,
                                       stage=stage, title=_title(staff),
                                       url=reverse("volunteers:volunteer_detail",
                                                   args=[profile.pk]))
                    for recipient in self.coordinators
                ]
            result += ScanResult(
                profiles=due_profiles,
                notifications_created=notifications_create_many(notifications=notifications))
        return result
