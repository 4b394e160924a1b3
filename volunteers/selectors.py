"""Reads of volunteer tasks.

`task_board` and `my_tasks` serve volunteers, who stand outside the privacy wall: they read
only the task's own volunteer-safe fields and never its link to a case. This module must not
import reception at all (a test checks it), so that no change here can reach a citizen's data.
"""

from __future__ import annotations

import copy
import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db.models import (
    Case,
    Count,
    IntegerField,
    Model,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
    TextChoices,
    Value,
    When,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integration_portal.accounts.permissions import Perm, can
from integration_portal.core.scoping import get_visible_or_404
from volunteers.events import DEFAULT_WEEKS, Occurrence, occurrence_on, occurrences, upcoming_window
from volunteers.models import (
    AgreementStatus,
    CommitmentParty,
    CooperationAgreement,
    Event,
    EventQuerySet,
    EventSignup,
    HoursLog,
    Organisation,
    Task,
    TaskKind,
    TaskQuerySet,
    TaskStatus,
    VolunteerInvitation,
    VolunteerProfile,
    VolunteerStatus,
    invitation_token_hash,
)

if TYPE_CHECKING:
    from integration_portal.accounts.models import User

# Everything a volunteer may see of a task. Not `household`, not `created_by`.
VOLUNTEER_SAFE_FIELDS = (
    "title", "description", "area", "starts_at", "ends_at", "languages",
    "involves_children_under_15", "estimated_hours", "status", "claimed_by", "claimed_at",
    "kind__code", "kind__label",
)


def _volunteer_tasks(volunteer: User) -> TaskQuerySet:
    return (
        Task.objects.visible_to(volunteer)
        .select_related("kind")
        .only(*VOLUNTEER_SAFE_FIELDS)
    )


def task_board(
    *, volunteer: User, area: str = "", language: str = "",
    on_or_after: datetime.date | None = None,
) -> TaskQuerySet:
    """Open tasks of the volunteer's municipality that have not ended, soonest first,
    optionally filtered. A task whose time has passed unclaimed cannot be helped with any
    more; the coordinators see it on their own page.

    A task that asks for no particular language is shown whatever language is chosen.
    """
    tasks = _volunteer_tasks(volunteer).open().filter(ends_at__gte=timezone.now())
    area = area.strip()
    if area:
        tasks = tasks.filter(area__icontains=area)
    language = language.strip()
    if language:
        # The JSON list as text: '["ar", "fa"]' contains '"ar"'; works on SQLite and PostgreSQL.
        tasks = tasks.filter(Q(languages=[]) | Q(languages__icontains=f'"{language}"'))
    if on_or_after is not None:
        tasks = tasks.filter(ends_at__date__gte=on_or_after)
    return tasks.order_by("starts_at", "pk")


def my_tasks(*, volunteer: User) -> TaskQuerySet:
    """The tasks this volunteer has taken, current ones first."""
    return (
        _volunteer_tasks(volunteer)
        .filter(claimed_by=volunteer, status__in=[TaskStatus.CLAIMED, TaskStatus.DONE])
        .order_by("status", "starts_at", "pk")
    )


def tasks_for_household(*, viewer: User, household: Model) -> TaskQuerySet:
    """Staff side: the volunteer tasks linked to a case, with who took them, the hours they
    logged (`hours_logged`) and the report.

    `household` is typed as a plain model so that this module need not import reception.
    """
    if not can(viewer, Perm.VIEW_CASES) or household.municipality_id != viewer.municipality_id:
        return Task.objects.none()
    return (
        Task.objects.visible_to(viewer)
        .filter(household=household)
        .select_related("kind", "claimed_by", "report")
        .annotate(hours_logged=Sum("hours__hours"))
        .order_by("-starts_at", "-pk")
    )


def profile_of(volunteer: User) -> VolunteerProfile | None:
    """The volunteer's own profile with their municipality (for its renewal interval)."""
    return (VolunteerProfile.objects.select_related("user__municipality")
            .filter(user=volunteer).first())


def volunteer_profiles(*, viewer: User):
    """The coordinator's list: volunteers awaiting approval first, then by name."""
    pending_first = Case(When(status=VolunteerStatus.PENDING, then=Value(0)), default=Value(1),
                         output_field=IntegerField())
    return (VolunteerProfile.objects.visible_to(viewer)
            .select_related("user", "organisation")
            .order_by(pending_first, "user__full_name", "pk"))


def open_tasks_for_staff(*, viewer: User) -> TaskQuerySet:
    """Open tasks with their case link — for staff pages only, never a volunteer's."""
    return (Task.objects.visible_to(viewer).open()
            .select_related("kind", "household").order_by("starts_at", "pk"))


# Cooperation agreements (staff only; no personal data of citizens).

# An evaluation falling due within this many days is flagged on the list before it is late.
EVALUATION_DUE_SOON_DAYS = 30
# Only an agreement in force is evaluated: not a draft, not one that has ended.
_IN_FORCE = frozenset({AgreementStatus.ACTIVE, AgreementStatus.TERMINATING})


def agreement_evaluation_state(agreement: CooperationAgreement, *, today: datetime.date) -> str:
    """"overdue", "due" (within EVALUATION_DUE_SOON_DAYS) or "" for an agreement in force."""
    due = agreement.evaluation_due_on
    if due is None or agreement.status_on(today) not in _IN_FORCE:
        return ""
    if due < today:
        return "overdue"
    if due <= today + datetime.timedelta(days=EVALUATION_DUE_SOON_DAYS):
        return "due"
    return ""


@dataclass(frozen=True)
class AgreementRow:
    agreement: CooperationAgreement
    status: AgreementStatus
    evaluation: str


@dataclass(frozen=True)
class OrganisationRow:
    organisation: Organisation
    agreements: list[AgreementRow]


def organisations_with_agreements(*, viewer: User, today: datetime.date) -> list[OrganisationRow]:
    """Every organisation of the viewer's municipality, its newest agreements first."""
    organisations = Organisation.objects.visible_to(viewer).prefetch_related(
        Prefetch("agreements",
                 queryset=CooperationAgreement.objects.order_by("-period_start", "-pk")),
    ).order_by("name", "pk")
    return [
        OrganisationRow(organisation=organisation, agreements=[
            AgreementRow(agreement=agreement, status=agreement.status_on(today),
                         evaluation=agreement_evaluation_state(agreement, today=today))
            for agreement in organisation.agreements.all()
        ])
        for organisation in organisations
    ]


def organisation_for(*, viewer: User, pk: int) -> Organisation:
    """One organisation of the viewer's municipality, or 404."""
    return get_visible_or_404(Organisation.objects, viewer, pk=pk)


def agreement_for(*, viewer: User, pk: int) -> CooperationAgreement:
    """One agreement of the viewer's municipality with its organisation, or 404."""
    return get_visible_or_404(
        CooperationAgreement.objects.select_related("organisation__municipality"), viewer,
        pk=pk,
    )


def agreement_ends_if_notice_on(agreement: CooperationAgreement,
                                notice_on: datetime.date) -> datetime.date:
    """The day the agreement would end if notice were given on `notice_on`."""
    hypothetical = copy.copy(agreement)
    hypothetical.terminated_on = notice_on
    return hypothetical.ends_on


# Events volunteers sign up for. An event holds no personal data, so volunteers read all of
# it; of the sign-ups, volunteers see only counts and their own, staff see the names.


@dataclass(frozen=True)
class Meeting:
    """One meeting of an event with its sign-ups: how many, whose (staff), and whether mine."""

    occurrence: Occurrence
    signed_up: int
    mine: bool = False
    names: tuple[str, ...] = ()

    @property
    def places_left(self) -> int | None:
        """None when the event wants any number of volunteers."""
        wanted = self.occurrence.event.volunteers_wanted
        return max(wanted - self.signed_up, 0) if wanted else None

    @property
    def is_full(self) -> bool:
        return self.places_left == 0


@dataclass(frozen=True)
class EventMeetings:
    event: Event
    meetings: list[Meeting]


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=timezone.get_default_timezone())


def _events_meeting_between(viewer: User, start: datetime.date,
                            end: datetime.date) -> EventQuerySet:
    """Active events with a meeting dated from `start` to `end` (a superset for weekly ones;
    the caller expands them)."""
    return (
        Event.objects.visible_to(viewer).active()
        .filter(starts_at__lt=_local_midnight(end + datetime.timedelta(days=1)))
        .filter(Q(repeats_weekly_until__gte=start)
                | Q(repeats_weekly_until__isnull=True, starts_at__gte=_local_midnight(start)))
        .order_by("starts_at", "pk")
    )


def meetings_for_volunteer(
    *, volunteer: User, now: datetime.datetime | None = None, weeks: int = DEFAULT_WEEKS,
) -> list[EventMeetings]:
    """The coming weeks' meetings, per event, with how many signed up and whether I did.

    Two queries whatever the number of events and meetings.
    """
    now = now or timezone.now()
    start, end = upcoming_window(timezone.localdate(now), weeks)
    events = list(_events_meeting_between(volunteer, start, end))
    counts = {
        (row["event_id"], row["occurs_on"]): (row["signed_up"], bool(row["mine"]))
        for row in EventSignup.objects.filter(event__in=[event.pk for event in events],
                                              occurs_on__range=(start, end))
        .values("event_id", "occurs_on")
        .annotate(signed_up=Count("pk"), mine=Count("pk", filter=Q(volunteer=volunteer)))
        .order_by()
    }
    result = []
    for event in events:
        meetings = []
        for occurrence in occurrences(event, start=start, end=end):
            if occurrence.is_over(now):
                continue
            signed_up, mine = counts.get((event.pk, occurrence.occurs_on), (0, False))
            meetings.append(Meeting(occurrence=occurrence, signed_up=signed_up, mine=mine))
        if meetings:
            result.append(EventMeetings(event=event, meetings=meetings))
    return result


def my_meetings(*, volunteer: User, now: datetime.datetime | None = None) -> list[Occurrence]:
    """The meetings I signed up for that are not over, soonest first; cancelled ones too,
    so that I learn of the cancellation."""
    now = now or timezone.now()
    signups = (EventSignup.objects.visible_to(volunteer)
               .filter(volunteer=volunteer, occurs_on__gte=timezone.localdate(now)
                       - datetime.timedelta(days=1))
               .select_related("event"))
    upcoming = [occurrence_on(signup.event, signup.occurs_on) for signup in signups]
    return sorted((o for o in upcoming if not o.is_over(now)),
                  key=lambda o: (o.starts_at, o.event.pk))


def meetings_for_staff(
    *, viewer: User, now: datetime.datetime | None = None, weeks: int = DEFAULT_WEEKS,
) -> list[EventMeetings]:
    """Staff: every active event that is not over, with its coming weeks' meetings and the
    names of the volunteers signed up for each. An event that starts later than the coming
    weeks is listed without meetings, so that it can still be changed or cancelled."""
    now = now or timezone.now()
    start, end = upcoming_window(timezone.localdate(now), weeks)
    events = list(
        Event.objects.visible_to(viewer).active()
        .filter(Q(repeats_weekly_until__gte=start)
                | Q(repeats_weekly_until__isnull=True, ends_at__gt=now))
        .order_by("starts_at", "pk")
    )
    names: dict[tuple[int, datetime.date], list[str]] = {}
    signups = (EventSignup.objects.filter(event__in=[event.pk for event in events],
                                          occurs_on__range=(start, end))
               .select_related("volunteer")
               .only("event", "occurs_on", "volunteer__full_name", "volunteer__email")
               .order_by("volunteer__full_name", "pk"))
    for signup in signups:
        names.setdefault((signup.event_id, signup.occurs_on), []).append(
            signup.volunteer.full_name or signup.volunteer.email)
    result = []
    for event in events:
        meetings = []
        for occurrence in occurrences(event, start=start, end=end):
            if occurrence.is_over(now):
                continue
            signed_up = tuple(names.get((event.pk, occurrence.occurs_on), ()))
            meetings.append(Meeting(occurrence=occurrence, signed_up=len(signed_up),
                                    names=signed_up))
        result.append(EventMeetings(event=event, meetings=meetings))
    return result


def calendar_profile(token: str) -> VolunteerProfile | None:
    """The profile whose calendar feed this key opens, if its volunteer is active.

    A paused or ended volunteer, or one whose account is closed, has no feed: their key
    answers as if it did not exist.
    """
    return (VolunteerProfile.objects.select_related("user__municipality")
            .filter(calendar_token=token, status=VolunteerStatus.ACTIVE,
                    user__is_active=True, user__is_volunteer=True,
                    user__municipality__isnull=False)
            .first())


def calendar_tasks(*, volunteer: User, since: datetime.datetime) -> TaskQuerySet:
    """The volunteer's taken and done tasks that end after `since`, volunteer-safe fields only."""
    return (_volunteer_tasks(volunteer)
            .filter(claimed_by=volunteer, status__in=[TaskStatus.CLAIMED, TaskStatus.DONE],
                    ends_at__gte=since)
            .order_by("starts_at", "pk"))


def calendar_signups(*, volunteer: User, since: datetime.date):
    """The volunteer's sign-ups for meetings from `since` on, with their events."""
    return (EventSignup.objects.visible_to(volunteer)
            .filter(volunteer=volunteer, occurs_on__gte=since)
            .select_related("event").order_by("occurs_on", "pk"))


def agreement_commitments_by_party(agreement: CooperationAgreement) -> dict[str, list[dict]]:
    """The checklist split by party, each in its agreed order: {"organisation": [...], ...}."""
    by_party: dict[str, list[dict]] = {party: [] for party in CommitmentParty.values}
    for commitment in agreement.commitments:
        by_party.setdefault(commitment["party"], []).append(commitment)
    return by_party


def coming_signup_count(*, event: Event, today: datetime.date | None = None) -> int:
    """How many sign-ups the event has for meetings from today on (staff)."""
    return EventSignup.objects.filter(
        event=event, occurs_on__gte=today or timezone.localdate()).count()


# Invitations, and the coordinator's view of one volunteer.


class InvitationState(TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ACCEPTED = "accepted", _("Accepted")


def invitation_state(invitation: VolunteerInvitation, *,
                     now: datetime.datetime | None = None) -> InvitationState:
    if invitation.accepted_at is not None:
        return InvitationState.ACCEPTED
    if invitation.revoked_at is not None:
        return InvitationState.WITHDRAWN
    if invitation.expires_at <= (now or timezone.now()):
        return InvitationState.EXPIRED
    return InvitationState.PENDING


def invitation_by_token(token: str) -> VolunteerInvitation | None:
    """The invitation a link's token opens, or None.

    Not scoped to a municipality: the invitee has no account yet, and holding the link is
    what proves who they are. Only the token's hash is stored, so only the hash is compared.
    """
    return (VolunteerInvitation.objects.select_related("municipality", "organisation")
            .filter(token_hash=invitation_token_hash(token)).first())


@dataclass(frozen=True)
class InvitationRow:
    invitation: VolunteerInvitation
    state: InvitationState


def unanswered_invitations(*, viewer: User,
                           now: datetime.datetime | None = None) -> list[InvitationRow]:
    """Invitations neither accepted nor withdrawn: waiting ones (soonest to expire first),
    then expired ones (most recent first), which the coordinator may send again."""
    now = now or timezone.now()
    invitations = (VolunteerInvitation.objects.visible_to(viewer)
                   .filter(accepted_at__isnull=True, revoked_at__isnull=True)
                   .select_related("organisation").order_by("expires_at", "pk"))
    rows = [InvitationRow(invitation, invitation_state(invitation, now=now))
            for invitation in invitations]
    waiting = [row for row in rows if row.state == InvitationState.PENDING]
    expired = [row for row in rows if row.state == InvitationState.EXPIRED]
    return waiting + expired[::-1]


def waiting_invitation_for(*, viewer: User, email: str) -> VolunteerInvitation | None:
    """The invitation to `email` still waiting for an answer, if there is one."""
    return (VolunteerInvitation.objects.visible_to(viewer).pending()
            .filter(email__iexact=email.strip()).order_by("-created_at", "-pk").first())


def volunteer_for_coordinator(*, viewer: User, pk: int) -> VolunteerProfile:
    """One volunteer of the viewer's municipality, or 404."""
    return get_visible_or_404(
        VolunteerProfile.objects.select_related("user__municipality", "organisation",
                                                "approved_by"),
        viewer, pk=pk,
    )


def volunteer_tasks_for_staff(*, viewer: User, volunteer: User) -> TaskQuerySet:
    """Staff: the tasks a volunteer has taken or logged hours on, each with their hours."""
    own_hours = HoursLog.objects.filter(volunteer=volunteer)
    hours_on_task = (own_hours.filter(task=OuterRef("pk")).order_by()
                     .values("task").annotate(total=Sum("hours")).values("total"))
    return (Task.objects.visible_to(viewer)
            .filter(Q(claimed_by=volunteer) | Q(pk__in=own_hours.values("task")))
            .select_related("kind")
            .annotate(volunteer_hours=Subquery(hours_on_task))
            .order_by("-starts_at", "-pk"))


def volunteer_total_hours(*, viewer: User, volunteer: User) -> Decimal:
    total = (HoursLog.objects.visible_to(viewer).filter(volunteer=volunteer)
             .aggregate(total=Sum("hours"))["total"])
    return total or Decimal("0")


# The managers' report (volunteers/reports.py): aggregates only, one query each whatever the
# number of volunteers and tasks. No volunteer's or citizen's name leaves these functions.


def active_volunteer_count(*, municipality_id: int, on: datetime.date) -> int:
    """Volunteers who may take tasks: approved (status active), with a volunteer agreement
    signed by `on` and an open account. The status has no history, so it is today's."""
    return (VolunteerProfile.objects.in_municipality(municipality_id)
            .filter(status=VolunteerStatus.ACTIVE, agreement_signed_on__lte=on,
                    user__is_active=True, user__is_volunteer=True)
            .count())


@dataclass(frozen=True)
class HoursLogged:
    hours: Decimal
    volunteers: int


def hours_logged(*, municipality_id: int, start: datetime.date,
                 end: datetime.date) -> HoursLogged:
    """Hours logged on the municipality's tasks for days from `start` to `end`, and by how
    many volunteers."""
    totals = (HoursLog.objects.in_municipality(municipality_id)
              .filter(date__gte=start, date__lte=end)
              .aggregate(hours=Sum("hours"), volunteers=Count("volunteer", distinct=True)))
    return HoursLogged(hours=totals["hours"] or Decimal("0"), volunteers=totals["volunteers"])


@dataclass(frozen=True)
class TaskFigures:
    done: int
    unclaimed: int
    unclaimed_starting_soon: int
    ended_unclaimed: int


def task_figures(*, municipality_id: int, start: datetime.date, end: datetime.date,
                 at: datetime.datetime, soon_days: int) -> TaskFigures:
    """The municipality's task counts for the period from `start` to `end`:

    - done: reported done in the period (the report is written when the task is done);
    - unclaimed: waiting for a volunteer at `at` — created by then, not yet over, not
      cancelled and not taken by then (a task taken and given back before `at` counts as
      waiting: who took it when is not kept);
    - unclaimed_starting_soon: of those, starting by the end of the `soon_days`th day after
      `at`'s date (the window in which the coordinators are reminded);
    - ended_unclaimed: over in the period (by `at`) without a volunteer ever taking it.
    """
    period_from, period_until = _local_midnight(start), _local_midnight(
        end + datetime.timedelta(days=1))
    soon_until = _local_midnight(timezone.localdate(at, timezone.get_default_timezone())
                                 + datetime.timedelta(days=soon_days + 1))
    waiting = (Q(created_at__lte=at, ends_at__gt=at) & ~Q(status=TaskStatus.CANCELLED)
               & (Q(claimed_at__isnull=True) | Q(claimed_at__gt=at)))
    counts = Task.objects.in_municipality(municipality_id).aggregate(
        done=Count("pk", filter=Q(status=TaskStatus.DONE, report__created_at__gte=period_from,
                                  report__created_at__lt=period_until)),
        unclaimed=Count("pk", filter=waiting),
        unclaimed_starting_soon=Count("pk", filter=waiting & Q(starts_at__lt=soon_until)),
        ended_unclaimed=Count("pk", filter=Q(status=TaskStatus.OPEN, ends_at__gte=period_from,
                                             ends_at__lt=period_until, ends_at__lte=at)),
    )
    return TaskFigures(**counts)


@dataclass(frozen=True)
class KindCount:
    code: str
    label: str
    count: int


def tasks_done_by_kind(*, municipality_id: int, start: datetime.date,
                       end: datetime.date) -> list[KindCount]:
    """Every task kind the municipality uses (national and its own), with how many of its
    tasks were reported done from `start` to `end`; most done first."""
    # Counted from the municipality's own tasks and then put on the kinds: a count joined
    # from the kinds would read every municipality's tasks before filtering (250 ms instead of
    # 16 ms at national scale, bench/RESULTS.md).
    done = dict(
        Task.objects.filter(
            municipality_id=municipality_id, status=TaskStatus.DONE,
            report__created_at__gte=_local_midnight(start),
            report__created_at__lt=_local_midnight(end + datetime.timedelta(days=1)))
        .order_by().values("kind").annotate(count=Count("pk")).values_list("kind", "count")
    )
    kinds = TaskKind.objects.for_municipality(municipality_id).values_list("pk", "code", "label")
    rows = sorted(((code, label, done.get(pk, 0)) for pk, code, label in kinds),
                  key=lambda row: (-row[2], row[1]))
    return [KindCount(code=code, label=label, count=count) for code, label, count in rows]


def active_volunteer_emails(*, municipality_id: int, on: datetime.date) -> list[str]:
    """For the evaluation survey (surveys app): the e-mail addresses of the volunteers counted
    by `active_volunteer_count`."""
    return sorted(set(
        VolunteerProfile.objects.in_municipality(municipality_id)
        .filter(status=VolunteerStatus.ACTIVE, agreement_signed_on__lte=on,
                user__is_active=True, user__is_volunteer=True)
        .exclude(user__email="")
        .values_list("user__email", flat=True)
    ))


# community: the welcome and information meetings on the community start page (staff only).
def upcoming_meetings_of_kinds(
    *, viewer: User, kinds: tuple[str, ...], now: datetime.datetime | None = None,
    weeks: int = DEFAULT_WEEKS, limit: int = 20,
) -> list[Occurrence]:
    """The coming weeks' meetings of active events of `kinds`, soonest first; the event's own
    fields only, no sign-ups (one query)."""
    now = now or timezone.now()
    start, end = upcoming_window(timezone.localdate(now), weeks)
    events = _events_meeting_between(viewer, start, end).filter(kind__in=kinds)
    upcoming = [occurrence for event in events
                for occurrence in occurrences(event, start=start, end=end)
                if not occurrence.is_over(now)]
    return sorted(upcoming, key=lambda o: (o.starts_at, o.event.pk))[:limit]
