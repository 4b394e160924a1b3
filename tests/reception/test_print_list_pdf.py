"""'Print all (PDF)': a cover page, then every letter waiting for print or Digital Post."""

import io
from datetime import date

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from pypdf import PdfReader, PdfWriter

from integration_portal.audit.models import AuditAction, AuditEvent
from reception import print_bundle
from reception.models import LetterStatus
from reception.services import case_trail
from tests.factories import HouseholdFactory, PersonFactory
from tests.letters.factories import LetterFactory
from tests.letters.pdf import pdf_pages_text

pytestmark = pytest.mark.django_db

URL = "/cases/letters/print/pdf/"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _pdf(pages: int, width: int) -> ContentFile:
    """A stand-in letter: `pages` blank pages `width` points wide (the width tells letters
    apart in the bundle)."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=width, height=800)
    output = io.BytesIO()
    writer.write(output)
    return ContentFile(output.getvalue(), name="letter.pdf")


def _letter(municipality, reference, *, pages=1, width=500, status=LetterStatus.AWAITING_PRINT,
            **person):
    household = HouseholdFactory(municipality=municipality, reference=reference)
    PersonFactory(household=household, birth_date=date(1980, 1, 1), **person)
    return LetterFactory(household=household, status=status, pdf=_pdf(pages, width))


def _widths(content: bytes) -> list[int]:
    return [round(float(page.mediabox.width)) for page in PdfReader(io.BytesIO(content)).pages]


def test_the_url_is_named():
    assert reverse("reception:letter_print_bundle") == URL


def test_the_bundle_is_the_cover_and_then_each_waiting_letter_in_order(
    client, caseworker, municipality, other_municipality
):
    # given two waiting letters (the older of two pages), and letters that must stay out
    _letter(municipality, "LEJ-2026-0001", pages=2, width=501, first_name="Amal",
            last_name="Haddad")
    _letter(municipality, "LEJ-2026-0002", pages=1, width=502, first_name="Yonas",
            last_name="Tesfaye", digital_post_exempt=True)
    _letter(municipality, "LEJ-SENT", width=503, status=LetterStatus.SENT)
    _letter(municipality, "LEJ-DONE", width=504, status=LetterStatus.PRINTED)
    _letter(other_municipality, "VEJ-2026-0001", width=505)
    client.force_login(caseworker)

    # when
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")

    # then one PDF to save: the A4 cover, then the letters' own pages, oldest letter first
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"
    widths = _widths(response.content)
    assert len(widths) == 1 + 2 + 1
    assert widths[1:] == [501, 501, 502]
    cover = pdf_pages_text(response.content)[0]
    assert "Letters to print" in cover
    assert "LEJ-2026-0001" in cover and "Amal Haddad" in cover
    assert "LEJ-2026-0002" in cover and "Yonas Tesfaye" in cover
    assert "2–3" in cover and "4–4" in cover
    assert "Digital Post" in cover and "Paper (exempt from Digital Post)" in cover
    assert "Danish, Arabic" in cover
    for absent in ("LEJ-SENT", "LEJ-DONE", "VEJ-2026-0001"):
        assert absent not in cover


def test_another_municipalitys_letters_are_never_included(
    client, other_caseworker, municipality, other_municipality
):
    # given
    _letter(municipality, "LEJ-2026-0001", width=501)
    _letter(other_municipality, "VEJ-2026-0001", width=505)
    client.force_login(other_caseworker)

    # when
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")

    # then only Vejen's own letter follows the cover
    assert _widths(response.content)[1:] == [505]
    cover = pdf_pages_text(response.content)[0]
    assert "VEJ-2026-0001" in cover and "LEJ-2026-0001" not in cover


def test_downloading_marks_nothing_as_sent_and_is_logged_per_letter(
    client, caseworker, municipality
):
    # given
    first = _letter(municipality, "LEJ-2026-0001")
    second = _letter(municipality, "LEJ-2026-0002")
    client.force_login(caseworker)

    # when
    client.get(URL)

    # then the letters still wait on the print list
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == second.status == LetterStatus.AWAITING_PRINT
    assert first.printed_at is None and second.printed_at is None
    # and each case's trail says who downloaded its letter
    events = AuditEvent.objects.filter(action=AuditAction.DOWNLOAD).order_by("pk")
    assert [(event.object_id, event.trail, event.actor) for event in events] == [
        (str(first.pk), case_trail(first.household_id), caseworker),
        (str(second.pk), case_trail(second.household_id), caseworker),
    ]


def test_a_letter_whose_file_is_gone_is_named_on_the_cover(client, caseworker, municipality):
    # given
    _letter(municipality, "LEJ-2026-0001", width=501)
    gone = _letter(municipality, "LEJ-2026-0002", width=502)
    gone.pdf.storage.delete(gone.pdf.name)
    client.force_login(caseworker)

    # when
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")

    # then the others are printed and the cover says which one to fetch from its case
    assert response.status_code == 200
    assert _widths(response.content)[1:] == [501]
    assert "PDF missing" in pdf_pages_text(response.content)[0]


def test_a_bundle_holds_at_most_the_oldest_letters_and_says_so(
    client, caseworker, municipality, monkeypatch
):
    # given three letters waiting and room for two in a bundle
    monkeypatch.setattr(print_bundle, "MAX_LETTERS", 2)
    for number, width in ((1, 501), (2, 502), (3, 503)):
        _letter(municipality, f"LEJ-2026-000{number}", width=width)
    client.force_login(caseworker)

    # when
    response = client.get(URL, HTTP_ACCEPT_LANGUAGE="en")

    # then the two oldest follow the cover, which tells what to do about the third
    assert _widths(response.content)[1:] == [501, 502]
    cover = pdf_pages_text(response.content)[0]
    assert "LEJ-2026-0003" not in cover
    assert "3 letters are waiting; this bundle holds the oldest 2" in cover


def test_with_no_letters_waiting_it_goes_back_to_the_list(client, caseworker):
    client.force_login(caseworker)

    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == reverse("reception:letter_print_list")
    assert not AuditEvent.objects.filter(action=AuditAction.DOWNLOAD).exists()


@pytest.mark.parametrize(("role", "status"), [("volunteer", 404), ("manager", 403)])
def test_users_who_do_not_work_on_cases_are_refused(client, request, municipality, role,
                                                    status):
    _letter(municipality, "LEJ-2026-0001")
    client.force_login(request.getfixturevalue(role))

    assert client.get(URL).status_code == status
    assert not AuditEvent.objects.filter(action=AuditAction.DOWNLOAD).exists()


def test_an_anonymous_user_is_sent_to_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_print_list_links_to_it(client, caseworker, municipality):
    _letter(municipality, "LEJ-2026-0001")
    client.force_login(caseworker)

    response = client.get(reverse("reception:letter_print_list"), HTTP_ACCEPT_LANGUAGE="en")

    assert URL in response.content.decode()
    assert "Print all (PDF)" in response.content.decode()
