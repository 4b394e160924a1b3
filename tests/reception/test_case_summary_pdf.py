"""Caseworkers download a case's summary as PDF: the persons, deadlines and letters, logged."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from integration_portal.audit.models import AuditAction, AuditEvent
from reception import services
from reception.models import Household
from tests.factories import HouseholdFactory, MilestoneFactory, PersonFactory
from tests.letters.factories import LetterFactory
from tests.letters.pdf import pdf_font_names, pdf_words
from tests.volunteers.factories import TaskFactory

pytestmark = pytest.mark.django_db

ARABIC_FIRST_NAME = "أحمد"
ARABIC_LAST_NAME = "الحسن"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def case(household, caseworker, adult_data):
    """The reception fixture's case with Ahmad (Latin script), his wife in Arabic script, an
    overdue, a done and a future milestone, a welcome letter waiting for print and a
    volunteer task."""
    ahmad = services.person_add(household=household, actor=caseworker, **adult_data)
    PersonFactory(household=household, relation="spouse", first_name=ARABIC_FIRST_NAME,
                  last_name=ARABIC_LAST_NAME, birth_date=date(1987, 6, 2), cpr="020687-1234",
                  interpreter_needed=True, interpreter_language="ar")
    household.milestones.all().delete()
    today = timezone.localdate()
    MilestoneFactory(household=household, person=ahmad, kind="programme_start",
                     due_date=today - timedelta(days=3))
    MilestoneFactory(household=household, person=ahmad, kind="danish_referral",
                     due_date=today - timedelta(days=10), done_on=today - timedelta(days=12),
                     done_by=caseworker)
    MilestoneFactory(household=household, person=None, kind="contract_and_declaration",
                     due_date=today + timedelta(days=20))
    LetterFactory(household=household)
    TaskFactory(municipality=household.municipality, household=household,
                title="Bike repair with the family")
    return household


def _url(household: Household) -> str:
    return reverse("reception:case_summary_pdf", args=[household.pk])


def test_the_url_is_named(household):
    assert _url(household) == f"/cases/{household.pk}/summary/pdf/"


def test_the_summary_holds_the_case(client, caseworker, case):
    # given
    client.force_login(caseworker)

    # when
    response = client.get(_url(case), HTTP_ACCEPT_LANGUAGE="en")

    # then it is a PDF to save, named by the case reference
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert case.reference in response["Content-Disposition"]
    assert response["Cache-Control"] == "private, no-store"
    text = pdf_words(response.content)
    # the case
    assert f"Case summary {case.reference}" in text
    assert case.municipality.name in text
    assert caseworker.full_name in text
    assert "Announced" in text
    # the persons, with their CPR numbers masked as on screen
    assert "Ahmad Al-Hassan" in text and "140385-XXXX" in text
    assert "020687-XXXX" in text
    assert "140385-1237" not in text and "020687-1234" not in text
    assert "Refugee (asylum)" in text
    # the milestones, the open past one marked overdue and the done one not
    assert "Introduction programme start" in text
    assert "Referral to Danish education" in text
    assert "Integration contract and declaration" in text
    assert text.count("Overdue") == 1
    # the letter
    assert "Welcome letter" in text and "Print or Digital Post" in text
    # the other apps' parts, through their registered print sections
    assert "Housing" in text and "Employment" in text and "Volunteer tasks" in text
    assert "Bike repair with the family" in text
    # the footer
    assert "Page 1 of" in text and "printed" in text


def test_a_name_in_arabic_script_is_set_in_the_arabic_font(client, caseworker, case):
    client.force_login(caseworker)

    response = client.get(_url(case))

    text = pdf_words(response.content)
    assert ARABIC_FIRST_NAME in text and ARABIC_LAST_NAME in text
    # the heading's bold face: the shipped Naskh, not a system font or missing-glyph boxes
    assert any(name.startswith("Letter-Arabic") for name in pdf_font_names(response.content))


def test_the_summary_is_in_danish_by_default(client, caseworker, case):
    client.force_login(caseworker)

    response = client.get(_url(case))

    text = pdf_words(response.content)
    assert "Personer" in text and "Milepæle" in text and "Sagsnummer" in text


def test_downloading_it_is_logged_on_the_cases_trail(client, caseworker, case):
    # given
    client.force_login(caseworker)
    before = AuditEvent.objects.filter(action=AuditAction.EXPORT).count()

    # when
    client.get(_url(case))

    # then
    event = AuditEvent.objects.filter(action=AuditAction.EXPORT).get()
    assert before == 0
    assert event.actor == caseworker
    assert event.trail == services.case_trail(case)
    assert (event.object_type, event.object_id) == ("reception.household", str(case.pk))
    assert event.municipality_id == case.municipality_id


@pytest.mark.parametrize(("role", "status"), [
    ("caseworker", 200),
    ("coordinator", 200),
    # Managers read cases on screen but do not print them.
    ("manager", 403),
    ("volunteer", 404),
    ("other_caseworker", 404),
])
def test_who_may_download_it(client, request, household, role, status):
    client.force_login(request.getfixturevalue(role))

    response = client.get(_url(household))

    assert response.status_code == status
    if status != 200:
        assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_an_anonymous_user_is_sent_to_login(client, household):
    response = client.get(_url(household))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_the_case_page_links_to_it_for_caseworkers_only(client, caseworker, manager,
                                                        household):
    client.force_login(caseworker)
    assert _url(household) in client.get(
        reverse("reception:case_detail", args=[household.pk])).content.decode()

    client.force_login(manager)
    assert _url(household) not in client.get(
        reverse("reception:case_detail", args=[household.pk])).content.decode()


def _case_of_size(municipality, caseworker, persons: int) -> Household:
    household = HouseholdFactory(municipality=municipality, caseworker=caseworker,
                                 status="arrived", arrival_date=date(2026, 3, 1))
    for n in range(persons):
        person = PersonFactory(household=household, birth_date=date(1980 + n, 1, 1),
                               languages=["ar", "en"], interpreter_language="ar")
        MilestoneFactory(household=household, person=person, kind="programme_start")
        MilestoneFactory(household=household, person=person, kind="danish_referral",
                         done_on=date(2026, 3, 5), done_by=caseworker)
    LetterFactory(household=household)
    return household


def test_the_number_of_queries_does_not_grow_with_the_case(
    client, municipality, caseworker, django_assert_max_num_queries
):
    # given a small and a large case
    client.force_login(caseworker)
    small = _case_of_size(municipality, caseworker, persons=1)
    large = _case_of_size(municipality, caseworker, persons=8)
    client.get(_url(small))  # warm up: session, user and per-process caches

    # when
    with CaptureQueriesContext(connection) as for_small:
        assert client.get(_url(small)).status_code == 200
    # session, user, the user's municipality, the case with its persons and milestones (3),
    # the case's municipality, the letters, the other apps' sections (volunteers 1, housing 2,
    # employment 4) and the audit row
    with django_assert_max_num_queries(15):
        response = client.get(_url(large))

    # then
    assert response.status_code == 200
    with CaptureQueriesContext(connection) as for_large:
        client.get(_url(large))
    assert len(for_large) == len(for_small)
