"""Retention of closed cases: which cases are closed and since when, and erasing a case's
personal fields once a manager has approved it (see integration_portal.retention).

A case's type is its residence basis: the arrival notice's, or else the main person's. It
closed when its status last changed to closed (`status_changed_at`); a reopened case is no
longer closed and so is never listed or erased.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping

from django.db import transaction
from django.db.models import Case, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from integration_portal.audit.services import trail_key
from integration_portal.core.demo import DemoContext, demo_seeder
from integration_portal.retention.registry import (
    ClosedCase,
    register_anonymiser,
    register_case_source,
)
from reception.models import (
    Document,
    Household,
    HouseholdStatus,
    JournalNote,
    Letter,
    Milestone,
    Person,
    Relation,
)


def _closed_households():
    main_person_basis = (
        Person.objects.filter(household=OuterRef("pk"))
        .order_by(Case(When(relation=Relation.APPLICANT, then=Value(0)), default=Value(1),
                       output_field=IntegerField()), "pk")
        .values("residence_basis")[:1]
    )
    return (Household.objects.filter(status=HouseholdStatus.CLOSED,
                                     status_changed_at__isnull=False)
            .annotate(case_type=Coalesce("notice__residence_basis", Subquery(main_person_basis))))


def _as_closed_case(household: Household) -> ClosedCase:
    return ClosedCase(
        case_id=household.pk, municipality_id=household.municipality_id,
        reference=household.reference, case_type=household.case_type or "",
        closed_at=household.status_changed_at, changed_at=household.updated_at,
        trail=trail_key(household),
    )


class ClosedHouseholds:
    def closed_cases(
        self, *, municipality_id: int, closed_before: Mapping[str, datetime.datetime],
        exclude_ids: Iterable[int], limit: int,
    ) -> list[ClosedCase]:
        past_period = Q()
        for case_type, moment in closed_before.items():
            past_period |= Q(case_type=case_type, status_changed_at__lt=moment)
        households = (
            _closed_households().filter(past_period, municipality_id=municipality_id)
            .exclude(pk__in=exclude_ids)
            .only("pk", "municipality_id", "reference", "status_changed_at", "updated_at")
            .order_by("status_changed_at", "pk")[:limit]
        )
        return [_as_closed_case(household) for household in households]

    def closed_case(self, *, case_id: int) -> ClosedCase | None:
        household = _closed_households().filter(pk=case_id).first()
        return None if household is None else _as_closed_case(household)


def anonymise_household(household_id: int) -> dict[str, int]:
    """Erase the personal fields of one case's records; keep what the statistics count.

    Kept: the case reference, status and dates, residence basis, languages, nationality,
    household composition, milestones' kinds and due/done dates, letters' kinds and dates.
    Erased: names, CPR numbers, birth dates (1 January of the year is kept), contact
    details, free-text notes, the address; documents' and letters' files are deleted from
    storage once the transaction commits, their rows kept as erased.
    """
    household = (Household.objects.select_for_update(of=("self",)).select_related("notice")
                 .get(pk=household_id))
    counts: dict[str, int] = {}
    household.address = ""
    household.save()
    if household.notice is not None and household.notice.note:
        household.notice.note = ""
        household.notice.save(update_fields=["note"])
    persons = list(household.persons.all())
    for person in persons:
        person.first_name = ""
        person.last_name = ""
        # Through the attribute, not the column: the CPR number may be stored encrypted.
        person.cpr = ""
        person.birth_date = datetime.date(person.birth_date.year, 1, 1)
        person.phone = ""
        person.email = ""
        person.email_consent = False
        person.interpreter_dialect = ""
        person.needs_note = ""
        person.takeover_override_reason = ""
        person.save()
    counts["persons"] = len(persons)
    counts["journal notes"] = JournalNote.objects.filter(household=household).update(text="")
    counts["milestone notes"] = (Milestone.objects.filter(household=household)
                                 .exclude(note="").update(note=""))
    files: list[tuple[object, str]] = []
    documents = list(Document.objects.filter(household=household).exclude(file=""))
    for document in documents:
        files.append((document.file.storage, document.file.name))
    Document.objects.filter(pk__in=[d.pk for d in documents]).update(file="", original_name="")
    counts["document files"] = len(documents)
    letters = list(Letter.objects.filter(household=household).exclude(pdf=""))
    for letter in letters:
        files.append((letter.pdf.storage, letter.pdf.name))
    Letter.objects.filter(pk__in=[letter.pk for letter in letters]).update(pdf="")
    counts["letter files"] = len(letters)

    def delete_files() -> None:
        for storage, name in files:
            storage.delete(name)

    # Only once the rows no longer point at them: a rollback must not leave rows without files.
    transaction.on_commit(delete_files)
    return counts


register_case_source(ClosedHouseholds())
register_anonymiser(name="reception", anonymiser=anonymise_household)


# Demo: two cases closed six years ago, so that the managers' retention page lists something.
# Seeded here rather than in reception/demo.py, beside the code they demonstrate.
DEMO_RETENTION_CASES = [
    ("DEMO-R-0001", "asylum_refugee", "Karim", "Nasser", datetime.date(1970, 4, 2)),
    ("DEMO-R-0002", "quota_refugee", "Luwam", "Tesfaye", datetime.date(1984, 8, 19)),
]


@demo_seeder(order=25)
def seed_closed_cases(context: DemoContext) -> None:
    closed_at = timezone.now() - datetime.timedelta(days=6 * 365 + 30)
    for municipality in context.municipalities.values():
        for reference, basis, first, last, birth in DEMO_RETENTION_CASES:
            household, created = Household.objects.get_or_create(
                municipality=municipality, reference=reference,
                defaults={"status": HouseholdStatus.CLOSED, "address": "Demovej 1",
                          "arrival_date": closed_at.date() - datetime.timedelta(days=3 * 365)},
            )
            if not created:
                continue
            Person.objects.create(household=household, relation=Relation.APPLICANT,
                                  first_name=first, last_name=last, birth_date=birth,
                                  residence_basis=basis, languages=["ar"])
            # Backdated past any service on purpose: the demo needs cases closed long ago.
            Household.objects.filter(pk=household.pk).update(status_changed_at=closed_at,
                                                             updated_at=closed_at)
