"""Reads of children's data, always scoped to the viewer's municipality.

Children depend on reception (never the other way round): the children of a case are the
persons under 18 of its household, read here through reception's models.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import Count, Prefetch, Q, QuerySet

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


def placement_status_counts(*, municipality_id: int) -> dict[str, int]:
    rows = (ChildPlacement.objects.in_municipality(municipality_id)
            .values_list("status").annotate(total=Count("pk")))
    return dict(rows)
