"""Letters to a household: services and selectors.

The welcome letter is written once and delivered once, however often its task runs and
however many workers run it at the same time:

1. The `Letter` row is created once: the unique constraint on (household, kind) lets only one
   run insert it; a run that loses the race leaves the letter to the run that won.
2. The PDF is rendered only while the letter is `pending`, under a row lock.
3. Delivery is claimed with a conditional UPDATE (`rendered` → `sent` or `awaiting_print`):
   the run that changes the row delivers; a run that changes nothing does nothing.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integration_portal.accounts.permissions import Perm, can
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record
from integration_portal.letters.languages import LetterLanguage, is_rtl
from integration_portal.letters.models import LetterKind
from integration_portal.letters.placeholders import fill_placeholders
from integration_portal.letters.sections import LetterSection
from integration_portal.letters.selectors import letter_text_for
from reception.models import (
    Household,
    Letter,
    LetterChannel,
    LetterQuerySet,
    LetterStatus,
    Literacy,
    Person,
    Relation,
)
from reception.services import case_trail

if TYPE_CHECKING:
    from integration_portal.accounts.models import User

logger = logging.getLogger(__name__)

ADULT_AGE = 18
LOW_LITERACY = frozenset({Literacy.NONE, Literacy.LIMITED})

# Until a caseworker is assigned, the letter names the team. Part of the welcome texts'
# wording, so the same translator review applies (see letters migration 0002).
NO_CASEWORKER_YET = {
    "da": "integrationsteamet",
    "en": "the integration team",
    "ar": "فريق الاندماج",
    "uk": "команда з питань інтеграції",
    "ti": "ጉጅለ ምትእስሳር",
    "prs": "تیم ادغام",
    "fa": "تیم ادغام",
    "so": "kooxda is-dhexgalka",
}


# --- Selectors ------------------------------------------------------------------------------


def letters_awaiting_print(*, viewer: User) -> LetterQuerySet:
    """The viewer's municipality's letters to print or send by Digital Post, oldest first."""
    return (
        Letter.objects.visible_to(viewer)
        .awaiting_print()
        .select_related("household")
        .order_by("created_at", "pk")
    )


def households_awaiting_welcome_letter(
    *, arrived_before: datetime.datetime, after_pk: int, limit: int
) -> list[int]:
    """Ids of open, arrived households whose welcome letter is missing or not yet delivered,
    one page (by primary key) at a time."""
    delivered = Letter.objects.filter(household=OuterRef("pk"), kind=LetterKind.WELCOME).exclude(
        status__in=[LetterStatus.PENDING, LetterStatus.RENDERED]
    )
    return list(
        Household.objects.open()
        .filter(arrival_date__isnull=False, pk__gt=after_pk)
        .filter(Q(status_changed_at__lt=arrived_before) | Q(status_changed_at__isnull=True))
        .filter(~Exists(delivered))
        .order_by("pk")
        .values_list("pk", flat=True)[:limit]
    )


def letter_addressees(*, persons: Sequence[Person], on: datetime.date) -> list[Person]:
    """Who a letter to the household is written to: its adults, the main person first.

    A household without adults (an unaccompanied minor) is written to all its persons.
    """
    adults = [person for person in persons if person.age_on(on) >= ADULT_AGE]
    return sorted(
        adults or persons,
        key=lambda person: (person.relation != Relation.APPLICANT, person.birth_date, person.pk),
    )


def welcome_letter_languages(*, addressees: Sequence[Person]) -> list[str]:
    """Danish first, then each addressee's letter language (the main person's first)."""
    languages = [LetterLanguage.DANISH.value]
    for person in addressees:
        if person.letter_language not in languages:
            languages.append(person.letter_language)
    return languages


def letter_email_recipients(*, addressees: Sequence[Person]) -> list[str]:
    """Addresses of the addressees who gave an e-mail address and consent to use it."""
    recipients: list[str] = []
    for person in addressees:
        if person.email and person.email_consent and person.email not in recipients:
            recipients.append(person.email)
    return recipients


def _placeholder_values(
    *, household: Household, addressees: Sequence[Person], language: str
) -> dict[str, str]:
    arrival = household.arrival_date or household.expected_arrival_date
    caseworker = household.caseworker
    contact_email = household.municipality.contact_email or (
        caseworker.email if caseworker is not None else ""
    )
    return {
        "first_names": ("، " if is_rtl(language) else ", ").join(
            person.first_name for person in addressees
        ),
        "municipality": household.municipality.name,
        "caseworker": (
            caseworker.full_name if caseworker is not None and caseworker.full_name
            else NO_CASEWORKER_YET.get(language, NO_CASEWORKER_YET["en"])
        ),
        "contact_email": contact_email,
        "reference": household.reference,
        "arrival_date": arrival.strftime("%d.%m.%Y") if arrival else "",
    }


def welcome_letter_sections(
    *, household: Household, addressees: Sequence[Person], languages: Sequence[str]
) -> list[LetterSection]:
    sections = []
    for language in languages:
        text = letter_text_for(
            municipality=household.municipality, kind=LetterKind.WELCOME, language=language
        )
        values = _placeholder_values(household=household, addressees=addressees, language=language)
        sections.append(LetterSection(
            language=language,
            subject=fill_placeholders(text.subject, values),
            body=fill_placeholders(text.body, values),
        ))
    return sections


# --- Services -------------------------------------------------------------------------------


def welcome_letter_deliver(*, household_id: int) -> Letter | None:
    """Create, render and deliver the household's welcome letter; safe to run any number of
    times, also concurrently. Returns the letter, or None when this run left it to another
    (or there is nothing to write to).

    Each step is its own transaction, so a run that fails half-way (a mail server that is
    down) keeps what is done and the retry goes on from there.
    """
    letter = _welcome_letter_create(household_id=household_id)
    if letter is None:
        return None
    if letter.status == LetterStatus.PENDING:
        letter = _welcome_letter_render(letter_id=letter.pk)
    if letter.status == LetterStatus.RENDERED:
        letter = _letter_dispatch(letter_id=letter.pk)
    return letter


def _welcome_letter_create(*, household_id: int) -> Letter | None:
    household = Household.objects.select_related("municipality").filter(pk=household_id).first()
    if household is None:
        logger.warning("No welcome letter: household %s does not exist", household_id)
        return None
    existing = Letter.objects.filter(household=household, kind=LetterKind.WELCOME).first()
    if existing is not None:
        return existing
    addressees = letter_addressees(persons=list(household.persons.all()), on=timezone.localdate())
    if not addressees:
        logger.warning("No welcome letter: household %s has no persons", household_id)
        return None
    letter = Letter(
        household=household,
        kind=LetterKind.WELCOME,
        languages=welcome_letter_languages(addressees=addressees),
        channel=(
            LetterChannel.EMAIL if letter_email_recipients(addressees=addressees)
            else LetterChannel.PRINT
        ),
        needs_oral_backup=any(person.literacy in LOW_LITERACY for person in addressees),
    )
    # The unique constraint is left to the database: a concurrent run's insert must show up
    # as an IntegrityError below, not as a validation error that would be retried.
    letter.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            letter.save()
            audit_record(
                actor=None, municipality=household.municipality, action=AuditAction.CREATE,
                obj=letter, trail=case_trail(household),
                summary=f"Welcome letter created ({', '.join(letter.languages)}; "
                        f"{letter.get_channel_display()})",
            )
    except IntegrityError:
        logger.info("Welcome letter of household %s is being created by another run",
                    household_id)
        return None
    return letter


@transaction.atomic
def _welcome_letter_render(*, letter_id: int) -> Letter:
    # The row lock makes a concurrent run wait here and then find the letter rendered.
    letter = (
        Letter.objects.select_for_update(of=("self",))
        .select_related("household__municipality", "household__caseworker")
        .get(pk=letter_id)
    )
    if letter.status != LetterStatus.PENDING:
        return letter
    # Imported here: WeasyPrint and Pango take most of a second to load, and only the
    # worker that renders letters needs them (not every web process that imports this).
    from integration_portal.letters.rendering import render_letter_pdf

    household = letter.household
    today = timezone.localdate()
    addressees = letter_addressees(persons=list(household.persons.all()), on=today)
    pdf = render_letter_pdf(
        sections=welcome_letter_sections(
            household=household, addressees=addressees, languages=letter.languages
        ),
        municipality_name=f"{household.municipality.name} Kommune",
        reference=household.reference,
        date=today,
        recipient_lines=[person.full_name for person in addressees]
        + ([household.address] if household.address else []),
    )
    # The file name is chosen by `letter_upload_to` (a random name); this one is ignored.
    letter.pdf.save("letter.pdf", ContentFile(pdf), save=False)
    letter.status = LetterStatus.RENDERED
    letter.rendered_at = timezone.now()
    letter.save(update_fields=["pdf", "status", "rendered_at"])
    return letter


def _letter_dispatch(*, letter_id: int) -> Letter:
    letter = Letter.objects.select_related("household__municipality").get(pk=letter_id)
    recipients = []
    if letter.channel == LetterChannel.EMAIL:
        addressees = letter_addressees(
            persons=list(letter.household.persons.all()), on=timezone.localdate()
        )
        recipients = letter_email_recipients(addressees=addressees)
    if recipients:
        _letter_send_email(letter=letter, recipients=recipients)
    else:
        # Also when consent to e-mail was withdrawn after the letter was created.
        _letter_list_for_print(letter=letter)
    letter.refresh_from_db()
    return letter


@transaction.atomic
def _letter_send_email(*, letter: Letter, recipients: list[str]) -> None:
    now = timezone.now()
    claimed = Letter.objects.filter(pk=letter.pk, status=LetterStatus.RENDERED).update(
        status=LetterStatus.SENT, sent_at=now
    )
    if not claimed:
        return  # another run has sent it, or is sending it and holds the row
    household = letter.household
    addressees = letter_addressees(
        persons=list(household.persons.all()), on=timezone.localdate()
    )
    sections = welcome_letter_sections(
        household=household, addressees=addressees, languages=letter.languages
    )
    message = EmailMessage(
        subject=" / ".join(dict.fromkeys(section.subject for section in sections)),
        body="\n\n\n".join(section.body for section in sections),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=recipients,
        reply_to=[household.municipality.contact_email] if household.municipality.contact_email
        else None,
    )
    with letter.pdf.open("rb") as pdf:
        message.attach("velkomstbrev.pdf", pdf.read(), "application/pdf")
    # Sent inside the transaction that holds the claim: if sending fails, the claim is rolled
    # back and the task's retry sends it; a concurrent run waits on the row, then finds it sent.
    message.send()
    audit_record(
        actor=None, municipality=household.municipality, action=AuditAction.UPDATE,
        obj=letter, trail=case_trail(household), changed_fields=["status", "sent_at"],
        summary=f"Welcome letter sent by e-mail to {len(recipients)} recipient(s)",
    )


@transaction.atomic
def _letter_list_for_print(*, letter: Letter) -> None:
    claimed = Letter.objects.filter(pk=letter.pk, status=LetterStatus.RENDERED).update(
        status=LetterStatus.AWAITING_PRINT, channel=LetterChannel.PRINT
    )
    if claimed:
        audit_record(
            actor=None, municipality=letter.household.municipality, action=AuditAction.UPDATE,
            obj=letter, trail=case_trail(letter.household_id), changed_fields=["channel", "status"],
            summary="Welcome letter listed for print or Digital Post",
        )


@transaction.atomic
def letter_mark_printed(*, letter: Letter, actor: User) -> Letter:
    """A caseworker has printed the letter (or sent it by Digital Post)."""
    if not can(actor, Perm.WORK_ON_CASES) or actor.municipality_id != (
        letter.household.municipality_id
    ):
        raise PermissionError("Only the municipality's caseworkers may mark its letters")
    claimed = Letter.objects.filter(pk=letter.pk, status=LetterStatus.AWAITING_PRINT).update(
        status=LetterStatus.PRINTED, printed_at=timezone.now(), printed_by=actor
    )
    if not claimed:
        raise ValidationError(
            _("This letter is not waiting to be printed; someone may have marked it already."),
            code="not_awaiting_print",
        )
    letter.refresh_from_db()
    audit_record(
        actor=actor, municipality=letter.household.municipality, action=AuditAction.UPDATE,
        obj=letter, trail=case_trail(letter.household_id),
        changed_fields=["printed_at", "printed_by", "status"],
        summary="Welcome letter marked as printed or sent by Digital Post",
    )
    return letter


@transaction.atomic
def letter_record_download(*, letter: Letter, actor: User) -> None:
    audit_record(
        actor=actor, municipality=letter.household.municipality, action=AuditAction.DOWNLOAD,
        obj=letter, trail=case_trail(letter.household_id), summary="Letter PDF downloaded",
    )
