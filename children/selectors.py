"""Reads of children's data, always scoped to the viewer's municipality.

Children depend on reception (never the other way round): the children of a case are the
persons under 18 of its household, read here through reception's models.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Exists, F, Min, OuterRef, Prefetch, Q, QuerySet

from children.kinds import DAYCARE_START, LANGUAGE_ASSESSMENT, SCHOOL_START, YOUTH_GUIDANCE
from children.models import (
    CHILD_AGE_LIMIT,
    YOUTH_GUIDANCE_AGES,
    ChildPlacement,
    ChildrenSettings,
    Institution,
    LanguageAssessment,
    YouthGuidance,
)
from integration_portal.core.scoping import get_visible_or_404
from reception.models import Milestone, Person

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User
    from reception.models import Household

CHILDREN_MILESTONE_KINDS = (DAYCARE_START, SCHOOL_START, LANGUAGE_ASSESSMENT, YOUTH_GUIDANCE)


def settings_for(municipality: Municipality | int) -> ChildrenSettings:
    """The municipality's settings, or the defaults (unsaved) when it has set none."""
    municipality_id = getattr(municipality, "pk", municipality)
    found = ChildrenSettings.objects.filter(municipality_id=municipality_id).first()
    return found or ChildrenSettings(municipality_id=municipality_id)


def born_after_for_age_under(age: int, on: datetime.date) -> datetime.date:
    """Persons born after the returned day are under `age` on `on` (as Person.age_on counts)."""
    try:
        return on.replace(year=on.year - age)
    except ValueError:  # 29 February
        return on.replace(year=on.year - age, day=28)


def is_youth_guidance_age(age: int) -> bool:
    low, high = YOUTH_GUIDANCE_AGES
    return low <= age <= high


# Institutions.


@dataclass(frozen=True)
class InstitutionFilters:
    kind: str = ""
    strategy: str = ""  # "", "yes", "no"
    include_inactive: bool = False


def institution_list(*, user: User, filters: InstitutionFilters) -> QuerySet[Institution]:
    """The registry with the number of children placed there now, in one query per page."""
    institutions = Institution.objects.visible_to(user)
    if filters.kind:
        institutions = institutions.filter(kind=filters.kind)
    if filters.strategy == "yes":
        institutions = institutions.exclude(strategy="")
    elif filters.strategy == "no":
        institutions = institutions.filter(strategy="")
    if not filters.include_inactive:
        institutions = institutions.filter(active=True)
    return institutions.annotate(
        children_now=Count("placements", filter=Q(placements__status="started")),
    ).order_by("name", "pk")


def institution_detail(*, user: User, pk: int) -> Institution:
    return get_visible_or_404(Institution.objects.all(), user, pk=pk)


def institution_placements(*, institution: Institution) -> list[ChildPlacement]:
    """The places at the institution not yet ended, with the child and the case."""
    return list(ChildPlacement.objects.filter(institution=institution)
                .exclude(status="ended").select_related("person__household")
                .order_by("status", "starts_on", "pk"))


def institutions_for_choice(*, municipality_id: int) -> QuerySet[Institution]:
    return Institution.objects.in_municipality(municipality_id).filter(active=True).order_by(
        "name", "pk")


# Children.


def child_for(*, user: User, pk: int) -> Person:
    """A person of the user's municipality, or 404. Whether they are a child the page says."""
    return get_visible_or_404(Person.objects.select_related("household__municipality"),
                              user, pk=pk)


def placement_for(*, user: User, pk: int) -> ChildPlacement:
    return get_visible_or_404(
        ChildPlacement.objects.select_related("person__household__municipality",
                                              "institution"), user, pk=pk)


def assessment_for(*, user: User, pk: int) -> LanguageAssessment:
    return get_visible_or_404(
        LanguageAssessment.objects.select_related("person__household__municipality"),
        user, pk=pk)


def child_placements(*, person: Person) -> list[ChildPlacement]:
    return list(ChildPlacement.objects.filter(person=person).select_related("institution")
                .order_by("-requested_on", "-pk"))


def child_assessments(*, person: Person) -> list[LanguageAssessment]:
    return list(LanguageAssessment.objects.filter(person=person)
                .order_by("-assessed_on", "-pk"))


def youth_guidance_of(*, person: Person) -> YouthGuidance | None:
    return YouthGuidance.objects.filter(person=person).first()


def child_milestones(*, person: Person) -> list[Milestone]:
    return list(Milestone.objects.filter(person=person, kind__in=CHILDREN_MILESTONE_KINDS)
                .order_by("due_date", "pk"))


def open_milestones(*, person: Person, kind: str) -> list[Milestone]:
    return list(Milestone.objects.filter(person=person, kind=kind, done_on__isnull=True)
                .order_by("due_date", "pk"))


@dataclass(frozen=True)
class ChildRow:
    person: Person
    age: int
    placements: list
    assessments: list
    guidance: YouthGuidance | None
    shows_guidance: bool


def case_children(*, household: Household, today: datetime.date) -> list[ChildRow]:
    """The case's children with their places, assessments and youth guidance: one query
    when it has no children, three when it has (persons with their guidance, then places
    and assessments prefetched)."""
    persons = list(
        Person.objects.filter(household=household,
                              birth_date__gt=born_after_for_age_under(CHILD_AGE_LIMIT, today))
        .select_related("youth_guidance")
        .prefetch_related(
            Prefetch("child_placements", queryset=ChildPlacement.objects.select_related(
                "institution").order_by("-requested_on", "-pk")),
            Prefetch("language_assessments",
                     queryset=LanguageAssessment.objects.order_by("-assessed_on", "-pk")),
        )
        .order_by("birth_date", "pk")
    )
    rows = []
    for person in persons:
        age = person.age_on(today)
        try:
            guidance = person.youth_guidance
        except YouthGuidance.DoesNotExist:
            guidance = None
        rows.append(ChildRow(
            person=person, age=age, placements=list(person.child_placements.all()),
            assessments=list(person.language_assessments.all()), guidance=guidance,
            shows_guidance=is_youth_guidance_age(age) or guidance is not None,
        ))
    return rows


# Figures for the managers' report.


# The places the managers' report counts: daycare (and international preschool), SFO, school
# and reception class. Youth education and "other" are not a child's daily place here.
REPORT_PLACE_KINDS = ("daycare", "international_preschool", "sfo", "school", "reception_class")
SCHOOL_PLACE_KINDS = ("school", "reception_class")
# A place that has started keeps its start when it ends; "ended" without a start was a
# request or offer withdrawn.
_HAS_STARTED = Q(status__in=("started", "ended"), starts_on__isnull=False)


def _started_on(day: datetime.date, prefix: str = "") -> Q:
    """Places running on `day`: started on or before it and not ended before it."""
    return Q(**{f"{prefix}status__in": ("started", "ended"), f"{prefix}starts_on__lte": day}) & (
        Q(**{f"{prefix}ends_on__isnull": True}) | Q(**{f"{prefix}ends_on__gte": day}))


def _waiting_on(day: datetime.date, prefix: str = "") -> Q:
    """Places requested or offered by `day` and not yet started on it (a request withdrawn,
    "ended" without a start, waits no more)."""
    return Q(**{f"{prefix}requested_on__lte": day}) & (
        Q(**{f"{prefix}status__in": ("requested", "offered")})
        | Q(**{f"{prefix}status__in": ("started", "ended"), f"{prefix}starts_on__gt": day}))


@dataclass(frozen=True)
class ChildrenOnDay:
    in_place: int
    waiting: int


def children_places_on(*, municipality_id: int, day: datetime.date) -> ChildrenOnDay:
    """Children (under 18 on `day`) of the municipality's cases with a place running on
    `day`, and those waiting for one with none running. One query."""
    places = ChildPlacement.objects.filter(person=OuterRef("pk"), kind__in=REPORT_PLACE_KINDS)
    counts = (
        Person.objects.filter(household__municipality_id=municipality_id,
                              birth_date__gt=born_after_for_age_under(CHILD_AGE_LIMIT, day),
                              birth_date__lte=day)
        .annotate(has_place=Exists(places.filter(_started_on(day))),
                  has_request=Exists(places.filter(_waiting_on(day))))
        .aggregate(in_place=Count("pk", filter=Q(has_place=True)),
                   waiting=Count("pk", filter=Q(has_request=True, has_place=False)))
    )
    return ChildrenOnDay(in_place=counts["in_place"], waiting=counts["waiting"])


def places_started_by_kind(*, municipality_id: int, start: datetime.date,
                           end: datetime.date) -> dict[str, int]:
    """{kind: places started in [start, end]} for every kind the report counts. One query."""
    counts = dict(
        ChildPlacement.objects.in_municipality(municipality_id)
        .filter(_HAS_STARTED, kind__in=REPORT_PLACE_KINDS, starts_on__gte=start,
                starts_on__lte=end)
        .values_list("kind").annotate(total=Count("pk")).order_by()
    )
    return {kind: counts.get(kind, 0) for kind in REPORT_PLACE_KINDS}


def days_to_first_school_place(*, municipality_id: int, start: datetime.date,
                               end: datetime.date) -> list[int]:
    """Days from the household's arrival to each child's first school or reception-class
    place, for the children whose first such place started in [start, end]. A case without
    an arrival date has no waiting time. One query."""
    rows = (
        Person.objects.filter(household__municipality_id=municipality_id,
                              household__arrival_date__isnull=False)
        .annotate(first_school=Min("child_placements__starts_on", filter=Q(
            child_placements__kind__in=SCHOOL_PLACE_KINDS,
            child_placements__status__in=("started", "ended"))))
        .filter(first_school__gte=start, first_school__lte=end)
        .values_list("first_school", "household__arrival_date")
    )
    return [(first - arrival).days for first, arrival in rows]


@dataclass(frozen=True)
class MilestonesMet:
    on_time: int
    late: int

    @property
    def on_time_share(self) -> float | None:
        met = self.on_time + self.late
        return round(100 * self.on_time / met, 1) if met else None


def milestones_met(*, municipality_id: int, kind: str, start: datetime.date,
                   end: datetime.date) -> MilestonesMet:
    """The milestones of `kind` met in [start, end]: on or before their due date, or late.
    One query."""
    counts = (
        Milestone.objects.in_municipality(municipality_id)
        .filter(kind=kind, done_on__gte=start, done_on__lte=end)
        .aggregate(on_time=Count("pk", filter=Q(done_on__lte=F("due_date"))),
                   late=Count("pk", filter=Q(done_on__gt=F("due_date"))))
    )
    return MilestonesMet(on_time=counts["on_time"], late=counts["late"])
