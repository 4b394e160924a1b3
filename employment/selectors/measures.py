"""Reads of measures: a person's, one with what it was checked against, the municipality's
list, and the case page's employment section. Each is scoped to the viewer's municipality
and costs a fixed number of queries, whatever the number of rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import Exists, F, OuterRef, Prefetch, QuerySet
from django.utils import timezone

from employment.models import (
    DanishEducation,
    Employer,
    JobcentreReferral,
    Measure,
    MeasureType,
    RuleAcknowledgement,
)
from employment.selectors.outcomes import Outcome, outcomes_for_persons
from integration_portal.accounts.permissions import Perm, can
from integration_portal.core.scoping import get_visible_or_404
from reception.models import Person

if TYPE_CHECKING:
    from integration_portal.accounts.models import User
    from reception.models import Household

# The programme is for persons 18 or over at takeover (domain.md §1).
ADULT_AGE = 18
# A draft has no start yet: it goes last (NULL sorts first descending on PostgreSQL).
LATEST_START_FIRST = (F("starts_on").desc(nulls_last=True), "-pk")
# What every row of a measure shows: its kind, employer and person.
ROW_RELATED = ("measure_type", "employer", "person")


def person_measures(*, viewer: User, person: Person) -> list[Measure]:
    """The person's measures, the latest start first (cancelled ones too: they are history)."""
    return list(
        Measure.objects.visible_to(viewer).filter(person=person)
        .select_related("measure_type", "employer")
        .order_by(*LATEST_START_FIRST)
    )


def measure_for(*, viewer: User, pk: int) -> Measure:
    """One measure with what its page shows, or 404 for another municipality's."""
    return get_visible_or_404(
        Measure.objects
        .select_related("measure_type", "employer", "opening", "person__household",
                        "household", "rule_set__municipality", "created_by")
        .prefetch_related(Prefetch(
            "acknowledgements",
            queryset=RuleAcknowledgement.objects.select_related(
                "acknowledged_by", "rule_set__municipality"),
        )),
        viewer, pk=pk,
    )


def measure_list(
    *,
    viewer: User,
    measure_type: MeasureType | None = None,
    status: str = "",
    employer: Employer | None = None,
) -> QuerySet[Measure]:
    """The municipality's measures, the latest start first, narrowed by the filters given."""
    measures = Measure.objects.visible_to(viewer).select_related(*ROW_RELATED)
    if measure_type is not None:
        measures = measures.filter(measure_type=measure_type)
    if status:
        measures = measures.filter(status=status)
    if employer is not None:
        measures = measures.filter(employer=employer)
    return measures.order_by(*LATEST_START_FIRST)


@dataclass
class PersonEmployment:
    person: Person
    measures: list[Measure] = field(default_factory=list)
    # At 6, 12 and 24 months after takeover; [] outside the programme.
    outcomes: list[Outcome] = field(default_factory=list)


def household_employment(*, viewer: User, household: Household) -> dict:
    """The case page's section: per person with measures or Danish education, their
    measures and outcomes; and the case's items in the job centre's queue. At most four
    queries."""
    if not can(viewer, Perm.VIEW_CASES) or household.municipality_id != viewer.municipality_id:
        return {"persons": [], "others": [], "referrals": []}
    persons = (
        Person.objects.visible_to(viewer).filter(household=household)
        .annotate(has_danish=Exists(DanishEducation.objects.filter(person=OuterRef("pk"))))
        .prefetch_related(Prefetch(
            "measures",
            queryset=Measure.objects.select_related("measure_type", "employer")
            .order_by(*LATEST_START_FIRST),
        ))
        .order_by("birth_date", "pk")
    )
    today = timezone.localdate()
    with_employment = [person for person in persons
                       if person.has_danish or person.measures.all()]
    outcomes = outcomes_for_persons(persons=with_employment, today=today)
    return {
        "persons": [PersonEmployment(person=person, measures=list(person.measures.all()),
                                     outcomes=outcomes.get(person.pk, []))
                    for person in with_employment],
        # The others' pages are where their first measure is planned.
        "others": [person for person in persons if person not in with_employment
                   and person.age_on(today) >= ADULT_AGE],
        "referrals": list(JobcentreReferral.objects.visible_to(viewer)
                          .filter(household=household).order_by("-created_at", "-pk")),
    }
