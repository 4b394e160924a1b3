"""Reads of the employer register, scoped to the viewer's municipality."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import (
    Case,
    Count,
    Prefetch,
    Q,
    QuerySet,
    When,
)

from employment.models import (
    Employer,
    Measure,
    MeasureStatus,
    MeasureType,
    Opening,
    OpeningStatus,
)
from integration_portal.core.scoping import get_visible_or_404
from integration_portal.core.selectors import count_per_row
from integration_portal.letters.languages import Language

if TYPE_CHECKING:
    from integration_portal.accounts.models import User


def employer_list(
    *, viewer: User, query: str = "", in_network: bool | None = None, sector: str = "",
) -> QuerySet[Employer]:
    """The register with each employer's open openings and live measures, in one query.

    `query` finds a name by any of its words, or a CVR number by its start (spaces and "DK"
    are ignored, as when a number is copied from an invoice)."""
    employers = Employer.objects.visible_to(viewer)
    query = query.strip()
    if query:
        digits = "".join(query.split()).upper().removeprefix("DK")
        by_name = Q()
        for word in query.split():
            by_name &= Q(name__icontains=word)
        by_cvr = Q(cvr__startswith=digits) if digits.isdigit() else Q(pk__in=[])
        employers = employers.filter(by_name | by_cvr)
    if in_network is not None:
        employers = employers.filter(in_network=in_network)
    if sector:
        employers = employers.filter(sector=sector)
    return employers.annotate(
        open_openings=count_per_row(Opening.objects.open(), field="employer"),
        live_measures=count_per_row(Measure.objects.live(), field="employer"),
    ).order_by("-is_active", "name", "pk")


def employer_detail(*, viewer: User, pk: int) -> Employer:
    """One employer with all its openings, open ones first."""
    openings = Opening.objects.order_by(
        Case(When(status=OpeningStatus.OPEN, then=0), default=1), "title", "pk")
    employers = Employer.objects.select_related("municipality").prefetch_related(
        Prefetch("openings", queryset=openings))
    return get_visible_or_404(employers, viewer, pk=pk)


@dataclass(frozen=True)
class MeasureCountRow:
    kind: str
    counts: list[int]  # in the order of MeasureStatus
    total: int


@dataclass(frozen=True)
class MeasureCounts:
    statuses: list[str]  # the labels of the columns
    rows: list[MeasureCountRow]
    total: int


def employer_measure_counts(*, viewer: User, employer: Employer) -> MeasureCounts:
    """How many measures the employer has had, by kind and status: counts only, so that
    the employer's page names no person."""
    grouped = list(
        Measure.objects.visible_to(viewer).filter(employer=employer)
        .order_by().values("measure_type", "status").annotate(total=Count("pk"))
    )
    kinds = MeasureType.objects.in_bulk({row["measure_type"] for row in grouped})
    statuses = list(MeasureStatus.values)
    table: dict[int, list[int]] = {}
    for row in grouped:
        table.setdefault(row["measure_type"], [0] * len(statuses))[
            statuses.index(row["status"])] += row["total"]
    ordered = sorted(table, key=lambda pk: (kinds[pk].position, str(kinds[pk]), pk))
    rows = [MeasureCountRow(kind=str(kinds[pk]), counts=table[pk], total=sum(table[pk]))
            for pk in ordered]
    return MeasureCounts(statuses=[str(label) for label in MeasureStatus.labels], rows=rows,
                         total=sum(row.total for row in rows))


def open_openings(*, viewer: User, kind: str = "", language: str = "") -> QuerySet[Opening]:
    """Open openings at active employers, optionally of one kind or with one language
    spoken at the workplace."""
    openings = (Opening.objects.visible_to(viewer).open()
                .filter(employer__is_active=True).select_related("employer"))
    if kind:
        openings = openings.filter(kind=kind)
    if language in Language.values:
        # The JSON list as text: '["ar", "fa"]' contains '"ar"'; works on SQLite and
        # PostgreSQL, and the code is one of the known ones, so nothing else can match.
        openings = openings.filter(languages__icontains=f'"{language}"')
    return openings.order_by("employer__name", "title", "pk")


def employer_choices(*, viewer: User) -> QuerySet[Employer]:
    """The active employers a measure can be planned with."""
    return Employer.objects.visible_to(viewer).active().order_by("name", "pk")


def opening_choices(*, viewer: User) -> QuerySet[Opening]:
    """The open openings at active employers, with their employer, for the measure form."""
    return open_openings(viewer=viewer)


def employer_contact_emails(*, municipality_id: int) -> list[str]:
    """For the evaluation survey (surveys app): the contact e-mails of active employers."""
    return sorted({email.strip().lower() for email in
                   Employer.objects.in_municipality(municipality_id).active()
                   .exclude(contact_email="").values_list("contact_email", flat=True)})
