"""All letters waiting for print or Digital Post as one PDF: a cover page, then each letter.

Downloading the bundle does not mark any letter as printed or sent. A download is not a
delivery: the printer jams, a letter goes by Digital Post later, the bundle is printed
tomorrow. Each letter is marked on the print list, as before, when it has actually gone out
(`reception.letters.letter_mark_printed`), so a letter never drops off the list unsent.
"""

from __future__ import annotations

import datetime
import io
import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from django.db import transaction
from django.db.models import Prefetch
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError

from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record_many
from reception.letters import letter_addressees, letters_awaiting_print
from reception.models import Letter, Person
from reception.pdf import render_pdf
from reception.services import case_trail

if TYPE_CHECKING:
    from integration_portal.accounts.models import User

logger = logging.getLogger(__name__)

COVER_TEMPLATE = "reception/pdf/print_cover.html"
# A bound on the work and memory of one download; a caseworker who has more waiting marks
# these as sent and downloads the next bundle (the cover says so).
MAX_LETTERS = 200


@dataclass(frozen=True)
class BundleEntry:
    letter: Letter
    recipients: list[str]
    paper: bool  # an addressee is exempt from Digital Post on the day
    pdf: PdfReader | None  # None: the stored file is missing or unreadable
    first_page: int = 0
    last_page: int = 0


@dataclass(frozen=True)
class PrintBundle:
    entries: list[BundleEntry]
    waiting: int  # all letters waiting, also those beyond MAX_LETTERS

    @property
    def letters(self) -> list[Letter]:
        return [entry.letter for entry in self.entries]


def _exempt_from_digital_post(person: Person, on: datetime.date) -> bool:
    return person.digital_post_exempt and (
        person.digital_post_exempt_until is None or person.digital_post_exempt_until >= on
    )


def _read_pdf(letter: Letter) -> PdfReader | None:
    try:
        with letter.pdf.open("rb") as file:
            reader = PdfReader(io.BytesIO(file.read()))
        # Counting the pages parses the page tree now, not half-way through the merge.
        return reader if len(reader.pages) else None
    except (OSError, ValueError, PyPdfError):
        # Listed on the cover as missing: one broken file must not stop the whole bundle.
        logger.warning("Letter %s: its PDF cannot be read for the print bundle", letter.pk)
        return None


def print_bundle_for(*, viewer: User, today: datetime.date) -> PrintBundle:
    """The viewer's municipality's waiting letters (oldest first, at most MAX_LETTERS) with
    their PDFs read. At most three queries, however many letters."""
    waiting = letters_awaiting_print(viewer=viewer)
    letters = list(
        waiting.prefetch_related(
            Prefetch("household__persons", queryset=Person.objects.order_by("birth_date", "pk"))
        )[:MAX_LETTERS]
    )
    total = len(letters) if len(letters) < MAX_LETTERS else waiting.count()
    entries = []
    for letter in letters:
        # Written to as the letter was: the addressees on the day it was created.
        addressees = letter_addressees(
            persons=list(letter.household.persons.all()),
            on=timezone.localdate(letter.created_at),
        )
        entries.append(BundleEntry(
            letter=letter,
            recipients=[person.full_name for person in addressees],
            paper=any(_exempt_from_digital_post(person, today) for person in addressees),
            pdf=_read_pdf(letter),
        ))
    return PrintBundle(entries=entries, waiting=total)


def _numbered(entries: list[BundleEntry], *, cover_pages: int) -> list[BundleEntry]:
    numbered, page = [], cover_pages
    for entry in entries:
        pages = len(entry.pdf.pages) if entry.pdf is not None else 0
        numbered.append(replace(entry, first_page=page + 1 if pages else 0,
                                last_page=page + pages))
        page += pages
    return numbered


def print_bundle_pdf(*, bundle: PrintBundle, municipality_name: str) -> bytes:
    """The cover page (in the active language) and then every readable letter, in order."""
    now = timezone.localtime()
    footer = _("Letters to print · %(date)s") % {
        "date": formats.date_format(now, "SHORT_DATETIME_FORMAT")
    }
    # The cover lists the pages each letter starts and ends on, which depends on how long the
    # cover itself is: render it again until its length stops changing (once, in practice).
    cover_pages, cover = 1, b""
    for _attempt in range(3):
        entries = _numbered(bundle.entries, cover_pages=cover_pages)
        cover = render_pdf(COVER_TEMPLATE, {
            "municipality_name": municipality_name,
            "entries": entries,
            "waiting": bundle.waiting,
            "max_letters": MAX_LETTERS,
        }, footer=footer)
        length = len(PdfReader(io.BytesIO(cover)).pages)
        if length == cover_pages:
            break
        cover_pages = length
    writer = PdfWriter()
    # Bookmarks: a PDF viewer's outline lists the cover and each letter by its case.
    writer.append(PdfReader(io.BytesIO(cover)), outline_item=_("Cover page"))
    for entry in bundle.entries:
        if entry.pdf is not None:
            writer.append(entry.pdf, outline_item=entry.letter.household.reference)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


@transaction.atomic
def print_bundle_record_download(*, bundle: PrintBundle, actor: User) -> None:
    """Each letter's case trail says who downloaded it in a bundle (as for one letter)."""
    audit_record_many(
        actor=actor, municipality=actor.municipality, action=AuditAction.DOWNLOAD,
        objects=[(letter, case_trail(letter.household_id)) for letter in bundle.letters],
        summary="Letter PDF downloaded in the print bundle",
    )


def print_bundle_filename(*, on: datetime.date) -> str:
    return f"letters-to-print-{on.isoformat()}.pdf"
