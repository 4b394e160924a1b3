"""Everything the portal holds about one person (GDPR art. 15, "indsigt"), as JSON and PDF.

The registry lives in reception because its subject is reception's `Person`, and reception
may not import housing, employment or volunteers: each app that holds data about persons
registers a section from its own `<app>/personal_data.py`, which reception's ready() imports
(`autodiscover_modules`). `integration_portal` could not hold it: it knows no Person.

A section builder takes the person and the viewer and returns a `Section` of plain values
(str, int, bool, Decimal, date, datetime, None, list of str); the same sections make both
downloads, so the JSON and the PDF cannot disagree. Household-level records (letters,
journal notes, placements, volunteer tasks) are included because they are about the person
too; other members of the household appear only by their relation, not by name.

The JSON document (`personal_data_document`), version 1:

    {"format": "integration-portal/personal-data", "version": 1,
     "generated_at": ISO 8601, "language": "da" | "en",
     "municipality": {"id": int, "name": str},
     "person": {"id": int, "name": str, "case_reference": str},
     "sections": [{"key": str, "title": str,
                   "facts": [{"key": str, "label": str, "value": …}],
                   "tables": [{"key": str, "title": str,
                               "columns": [{"key": str, "label": str}],
                               "rows": [{column key: value, …}]}]}]}

Keys are stable; titles and labels are in the reader's language; dates are ISO 8601,
decimals are strings, empty values null.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db.models import Model, Q
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from integration_portal.audit.models import AuditAction, AuditEvent
from integration_portal.audit.services import audit_record
from integration_portal.letters.languages import Language, LetterLanguage
from reception.models import Document, Household, JournalNote, Letter, Milestone, Person
from reception.pdf import render_pdf
from reception.services import case_trail

if TYPE_CHECKING:
    from integration_portal.accounts.models import User

FORMAT = "integration-portal/personal-data"
VERSION = 1
TEMPLATE = "reception/pdf/personal_data.html"
EXPORT_FORMATS = ("json", "pdf")


# --- The sections ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    key: str
    label: str
    value: Any


@dataclass(frozen=True)
class Column:
    key: str
    label: str


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: Sequence[Column]
    rows: list[dict[str, Any]]


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    facts: list[Fact] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


SectionBuilder = Callable[[Person, "User"], Section]


@dataclass(frozen=True)
class _Registered:
    key: str
    build: SectionBuilder
    order: int


_sections: list[_Registered] = []


def register_personal_data_section(*, key: str, build: SectionBuilder, order: int) -> None:
    """Add an app's section to every export; registering a key twice keeps the first."""
    if any(section.key == key for section in _sections):
        return
    _sections.append(_Registered(key=key, build=build, order=order))
    _sections.sort(key=lambda section: section.order)


def personal_data_sections(*, person: Person, viewer: User) -> list[Section]:
    return [section.build(person, viewer) for section in _sections]


# --- Helpers for the apps' builders -----------------------------------------------------------


def _value(obj: Model, name: str) -> Any:
    model_field = obj._meta.get_field(name)
    value = getattr(obj, name)
    if value == "":
        return None
    if model_field.choices and value is not None:
        return str(getattr(obj, f"get_{name}_display")())
    if model_field.is_relation:
        return str(value) if value is not None else None
    return value


def columns(model: type[Model], names: Iterable[str],
            extra: Iterable[tuple[str, str]] = ()) -> list[Column]:
    """Columns labelled with the fields' verbose names, then `extra` (key, label) pairs."""
    return [Column(key=name, label=capfirst(str(model._meta.get_field(name).verbose_name)))
            for name in names] + [Column(key=key, label=str(label)) for key, label in extra]


def record(obj: Model, names: Iterable[str], **extra: Any) -> dict[str, Any]:
    """A table row of `obj`'s fields (choices by their label, relations by name), then `extra`."""
    return {name: _value(obj, name) for name in names} | extra


def facts(obj: Model, names: Iterable[str]) -> list[Fact]:
    return [Fact(key=column.key, label=column.label, value=_value(obj, column.key))
            for column in columns(type(obj), names)]


def language_names(codes: Iterable[str]) -> list[str]:
    labels = dict(Language.choices) | dict(LetterLanguage.choices)
    return [str(labels.get(code, code)) for code in codes]


# --- The export -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonalDataExport:
    person: Person
    generated_at: datetime.datetime
    language: str
    sections: list[Section]


def personal_data_export(*, person: Person, viewer: User) -> PersonalDataExport:
    """What every registered app holds about a person loaded with its household and
    municipality, in the active language."""
    return PersonalDataExport(
        person=person, generated_at=timezone.localtime(), language=get_language(),
        sections=personal_data_sections(person=person, viewer=viewer),
    )


def personal_data_document(export: PersonalDataExport) -> dict:
    """The JSON document described at the top of this module (dump with DjangoJSONEncoder)."""
    person = export.person
    household = person.household
    return {
        "format": FORMAT,
        "version": VERSION,
        "generated_at": export.generated_at,
        "language": export.language,
        "municipality": {"id": household.municipality_id, "name": household.municipality.name},
        "person": {"id": person.pk, "name": person.full_name,
                   "case_reference": household.reference},
        "sections": [
            {
                "key": section.key,
                "title": section.title,
                "facts": [{"key": fact.key, "label": fact.label, "value": fact.value}
                          for fact in section.facts],
                "tables": [
                    {"key": table.key, "title": table.title,
                     "columns": [{"key": column.key, "label": column.label}
                                 for column in table.columns],
                     "rows": [{column.key: row.get(column.key) for column in table.columns}
                              for row in table.rows]}
                    for table in section.tables
                ],
            }
            for section in export.sections
        ],
    }


def display(value: Any) -> str:
    """A value as the PDF shows it, in the active language's formats."""
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(value, Decimal):
        return formats.number_format(value)
    if isinstance(value, list | tuple):
        return ", ".join(display(item) for item in value)
    return str(value)


# A table with more columns than this does not fit across A4: each row is printed as a
# block of label and value lines instead.
PRINT_TABLE_MAX_COLUMNS = 5


def _printable(section: Section) -> dict:
    return {
        "title": section.title,
        "facts": [(fact.label, display(fact.value)) for fact in section.facts],
        "tables": [
            {"title": table.title, "columns": [column.label for column in table.columns],
             "as_blocks": len(table.columns) > PRINT_TABLE_MAX_COLUMNS,
             # (label, value) pairs: the template prints them as cells or as lines.
             "rows": [[(column.label, display(row.get(column.key))) for column in table.columns]
                      for row in table.rows]}
            for table in section.tables
        ],
    }


def personal_data_pdf(export: PersonalDataExport) -> bytes:
    person = export.person
    footer = _("Personal data of %(name)s · %(date)s") % {
        "name": person.full_name,
        "date": formats.date_format(export.generated_at, "SHORT_DATETIME_FORMAT"),
    }
    return render_pdf(TEMPLATE, {
        "person": person,
        "household": person.household,
        "municipality_name": person.household.municipality.name,
        "generated_at": export.generated_at,
        "sections": [_printable(section) for section in export.sections],
    }, footer=footer)


def personal_data_record_export(*, person: Person, actor: User, export_format: str) -> None:
    """An export is a read of everything about the person: the case's trail says who did."""
    household = person.household
    audit_record(
        actor=actor, municipality=household.municipality, action=AuditAction.EXPORT,
        obj=person, trail=case_trail(household),
        summary=f"Personal data exported ({export_format.upper()})",
    )


def personal_data_filename(*, person: Person, on: datetime.date, export_format: str) -> str:
    # No name in the file name: downloads folders and mail attachments outlive the case.
    reference = person.household.reference
    return f"personal-data-{reference}-{person.pk}-{on.isoformat()}.{export_format}"


# --- Reception's own sections -----------------------------------------------------------------

PERSON_FIELDS = (
    "relation", "first_name", "last_name", "cpr_registration_date", "birth_date",
    "nationality", "residence_basis", "letter_language", "literacy",
    "interpreter_needed", "interpreter_language", "interpreter_dialect", "phone", "email",
    "email_consent", "digital_post_exempt", "digital_post_exempt_until", "needs_note",
    "takeover_date", "takeover_date_override", "takeover_override_reason",
    "created_at", "updated_at",
)


def _person_section(person: Person, viewer: User) -> Section:
    person_facts = facts(person, PERSON_FIELDS)
    # The full CPR number, decrypted: it is the person's own data (the export is logged).
    person_facts.insert(PERSON_FIELDS.index("cpr_registration_date"),
                        Fact(key="cpr", label=_("CPR number"), value=person.cpr or None))
    languages = Fact(key="languages", label=capfirst(str(person._meta.get_field("languages")
                                                         .verbose_name)),
                     value=language_names(person.languages))
    person_facts.insert(PERSON_FIELDS.index("letter_language") + 1, languages)
    return Section(key="reception.person", title=_("Personal details"), facts=person_facts)


def _case_section(person: Person, viewer: User) -> Section:
    household = person.household
    household_facts = facts(household, (
        "reference", "status", "caseworker", "expected_arrival_date", "arrival_date",
        "placement_decision_date", "address", "created_at",
    ))
    members = (Person.objects.visible_to(viewer).filter(household=household)
               .exclude(pk=person.pk).order_by("birth_date", "pk"))
    milestones = (Milestone.objects.visible_to(viewer).filter(household=household)
                  .filter(Q(person=person) | Q(person__isnull=True))
                  .select_related("done_by").order_by("due_date", "pk"))
    documents = (Document.objects.visible_to(viewer).filter(household=household)
                 .filter(Q(person=person) | Q(person__isnull=True))
                 .select_related("uploaded_by").order_by("uploaded_at", "pk"))
    letters = Letter.objects.visible_to(viewer).filter(household=household).order_by(
        "created_at", "pk")
    notes = (JournalNote.objects.visible_to(viewer).filter(household=household)
             .select_related("author").order_by("created_at", "pk"))
    milestone_fields = ("due_date", "done_on", "done_by", "note")
    document_fields = ("document_type", "original_name", "uploaded_at", "uploaded_by")
    letter_fields = ("kind", "channel", "status", "created_at", "sent_at", "printed_at")
    note_fields = ("created_at", "author", "text")
    return Section(
        key="reception.case", title=_("Case"), facts=household_facts,
        tables=[
            Table(key="household_members", title=_("Other members of the household"),
                  columns=columns(Person, ("relation",)),
                  rows=[record(member, ("relation",)) for member in members]),
            Table(key="milestones", title=capfirst(str(Milestone._meta.verbose_name_plural)),
                  columns=[*columns(Milestone, (), [("kind", _("Milestone")),
                                                    ("about", _("About"))]),
                           *columns(Milestone, milestone_fields)],
                  rows=[record(milestone, milestone_fields, kind=milestone.kind_label,
                               about=person.full_name if milestone.person_id
                               else str(Household._meta.verbose_name))
                        for milestone in milestones]),
            Table(key="documents", title=capfirst(str(Document._meta.verbose_name_plural)),
                  columns=columns(Document, document_fields),
                  rows=[record(document, document_fields) for document in documents]),
            Table(key="letters", title=capfirst(str(Letter._meta.verbose_name_plural)),
                  columns=columns(Letter, letter_fields, [("languages", _("Languages"))]),
                  rows=[record(letter, letter_fields, languages=letter.language_labels)
                        for letter in letters]),
            Table(key="journal_notes", title=capfirst(str(JournalNote._meta.verbose_name_plural)),
                  columns=columns(JournalNote, note_fields),
                  rows=[record(note, note_fields) for note in notes]),
        ],
    )


def _record_type(label: str) -> str:
    try:
        return capfirst(str(apps.get_model(label)._meta.verbose_name))
    except (LookupError, ValueError):
        return label


def _audit_section(person: Person, viewer: User) -> Section:
    """Who read or changed the person's data, and when (art. 15 covers the recipients too):
    the events on the person, on the case (its page and printouts show every member) and on
    the person's own documents and milestones."""
    household = person.household
    about_person = (
        Q(object_type=person._meta.label_lower, object_id=str(person.pk))
        | Q(object_type=Household._meta.label_lower, object_id=str(household.pk))
        | Q(object_type=Document._meta.label_lower, object_id__in=[
            str(pk) for pk in Document.objects.filter(person=person).values_list("pk", flat=True)
        ])
        | Q(object_type=Milestone._meta.label_lower, object_id__in=[
            str(pk) for pk in Milestone.objects.filter(person=person).values_list("pk", flat=True)
        ])
    )
    events = (AuditEvent.objects.visible_to(viewer).filter(about_person)
              .select_related("actor").order_by("at", "pk"))
    event_fields = ("at", "actor", "action", "summary")
    return Section(
        key="reception.audit", title=_("Who has read or changed the data"),
        tables=[Table(
            key="audit_events", title=capfirst(str(AuditEvent._meta.verbose_name_plural)),
            columns=[*columns(AuditEvent, event_fields[:3], [("record", _("Record"))]),
                     *columns(AuditEvent, event_fields[3:])],
            rows=[record(event, event_fields, record=_record_type(event.object_type))
                  for event in events],
        )],
    )


register_personal_data_section(key="reception.person", build=_person_section, order=10)
register_personal_data_section(key="reception.case", build=_case_section, order=20)
register_personal_data_section(key="reception.audit", build=_audit_section, order=1000)
