"""A person's data export (GDPR art. 15): everything every app holds about them, and nothing
about anyone else, as JSON and PDF, for the staff of their municipality, logged."""

import json
from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from housing.models import Placement
from integration_portal.audit.models import AuditAction, AuditEvent
from reception import services
from reception.models import Person
from tests.employment.factories import DanishEducationFactory, MeasureFactory
from tests.factories import HouseholdFactory, MilestoneFactory, PersonFactory, UserFactory
from tests.housing.factories import HousingUnitFactory
from tests.letters.factories import LetterFactory
from tests.letters.pdf import pdf_words
from tests.volunteers.factories import TaskFactory

pytestmark = pytest.mark.django_db

SPOUSE_FIRST_NAME = "Zainab"
SPOUSE_LAST_NAME = "Qasimova"
SPOUSE_CPR = "020687-1234"
NEIGHBOUR_NAME = "Boris Petrenko"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def ahmad(household, caseworker, adult_data):
    """Ahmad, with data in every app; his wife with data of her own; and a neighbour's case."""
    ahmad = services.person_add(household=household, actor=caseworker,
                                **{**adult_data, "phone": "+45 20 30 40 50"})
    spouse = PersonFactory(household=household, relation="spouse", first_name=SPOUSE_FIRST_NAME,
                           last_name=SPOUSE_LAST_NAME, cpr=SPOUSE_CPR,
                           birth_date=date(1987, 6, 2))
    municipality = household.municipality
    household.milestones.all().delete()
    today = timezone.localdate()
    MilestoneFactory(household=household, person=ahmad, kind="danish_referral",
                     due_date=today + timedelta(days=5), note="Ahmad's own milestone note")
    MilestoneFactory(household=household, person=spouse, kind="danish_referral",
                     due_date=today + timedelta(days=6), note="The spouse's milestone note")
    LetterFactory(household=household)
    services.journal_note_add(household=household, actor=caseworker,
                              text="Met the family at the station.")
    home = HousingUnitFactory(municipality=municipality, address="Testvej 7")
    Placement.objects.create(household=household, unit=home, is_permanent=False,
                             status="active", starts_on=date(2026, 10, 1), persons=3)
    MeasureFactory(person=ahmad, employer_name="Lejre Bageri")
    MeasureFactory(person=spouse, employer_name="Spouse Workshop ApS")
    DanishEducationFactory(person=ahmad, provider="Sprogcenter Roskilde")
    DanishEducationFactory(person=spouse, provider="Sprogcenter Holbæk")
    TaskFactory(municipality=municipality, household=household,
                title="Bike repair with the family")
    neighbours = HouseholdFactory(municipality=municipality)
    PersonFactory(household=neighbours, first_name="Boris", last_name="Petrenko")
    TaskFactory(municipality=municipality, household=neighbours, title="Neighbours' sofa")
    return ahmad


def _url(person: Person, export_format: str) -> str:
    return reverse("reception:person_personal_data",
                   args=[person.household_id, person.pk, export_format])


def _section(document: dict, key: str) -> dict:
    return next(section for section in document["sections"] if section["key"] == key)


def _table(section: dict, key: str) -> list[dict]:
    return next(table for table in section["tables"] if table["key"] == key)["rows"]


def test_the_urls_are_named(ahmad):
    assert _url(ahmad, "json") == (
        f"/cases/{ahmad.household_id}/persons/{ahmad.pk}/personal-data.json")


def test_the_json_holds_what_every_app_has_about_the_person(client, caseworker, ahmad):
    # given the caseworker once looked at Ahmad's page
    client.force_login(caseworker)
    client.get(reverse("reception:person_detail", args=[ahmad.household_id, ahmad.pk]))

    # when
    response = client.get(_url(ahmad, "json"), HTTP_ACCEPT_LANGUAGE="en")

    # then it is a JSON document to save
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    document = json.loads(response.content)
    assert document["format"] == "integration-portal/personal-data"
    assert document["version"] == 1
    assert document["generated_at"]
    assert document["language"] == "en"
    assert document["municipality"] == {"id": ahmad.household.municipality_id,
                                        "name": ahmad.household.municipality.name}
    assert document["person"] == {"id": ahmad.pk, "name": "Ahmad Al-Hassan",
                                  "case_reference": ahmad.household.reference}
    assert [section["key"] for section in document["sections"]] == [
        "reception.person", "reception.case", "housing", "children", "employment", "community",
        "volunteers", "reception.audit",
    ]
    # reception: his details with the full CPR number, the case, his milestones, letters, notes
    person = {fact["key"]: fact["value"]
              for fact in _section(document, "reception.person")["facts"]}
    assert person["cpr"] == "140385-1237"
    assert person["birth_date"] == "1985-03-14"
    assert person["phone"] == "+45 20 30 40 50"
    assert person["relation"] == "Main person"
    assert person["languages"] == ["Arabic"]
    case = _section(document, "reception.case")
    assert {fact["key"]: fact["value"] for fact in case["facts"]}["reference"] == (
        ahmad.household.reference)
    assert _table(case, "household_members") == [{"relation": "Spouse or partner"}]
    assert [row["note"] for row in _table(case, "milestones")
            if row["note"]] == ["Ahmad's own milestone note"]
    assert [row["kind"] for row in _table(case, "letters")] == ["Welcome letter"]
    assert [row["text"] for row in _table(case, "journal_notes")] == [
        "Met the family at the station."]
    # housing, employment, volunteers
    assert [row["address"] for row in _table(_section(document, "housing"), "placements")] == [
        "Testvej 7"]
    employment = _section(document, "employment")
    assert [row["employer"] for row in _table(employment, "measures")] == ["Lejre Bageri"]
    assert [row["provider"] for row in _table(employment, "danish_education")] == [
        "Sprogcenter Roskilde"]
    assert [row["title"] for row in _table(_section(document, "volunteers"), "tasks")] == [
        "Bike repair with the family"]
    # the audit trail: who looked at him
    events = _table(_section(document, "reception.audit"), "audit_events")
    assert {"action": "Viewed", "actor": caseworker.full_name, "record": "Person"}.items() <= (
        events[-1].items())


def test_the_json_holds_nothing_of_the_other_members_or_other_cases(client, caseworker, ahmad):
    # given
    client.force_login(caseworker)

    # when
    response = client.get(_url(ahmad, "json"), HTTP_ACCEPT_LANGUAGE="en")

    # then the wife appears only as a relation, the neighbours not at all
    text = response.content.decode()
    for other in (SPOUSE_FIRST_NAME, SPOUSE_LAST_NAME, SPOUSE_CPR, "The spouse's milestone note",
                  "Spouse Workshop ApS", "Sprogcenter Holbæk", NEIGHBOUR_NAME, "Boris",
                  "Neighbours' sofa"):
        assert other not in text


def test_the_pdf_holds_the_person_and_every_section(client, caseworker, ahmad):
    # given
    client.force_login(caseworker)

    # when
    response = client.get(_url(ahmad, "pdf"), HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_words(response.content)
    assert "Personal data: Ahmad Al-Hassan" in text
    assert ahmad.household.municipality.name in text
    for title in ("Personal details", "Case", "Housing", "Employment", "Volunteer help",
                  "Who has read or changed the data"):
        assert title in text
    for value in ("140385-1237", "Testvej 7", "Lejre Bageri", "Sprogcenter Roskilde",
                  "Bike repair with the family", "Met the family at the station."):
        assert value in text
    assert SPOUSE_FIRST_NAME not in text
    assert NEIGHBOUR_NAME not in text


@pytest.mark.parametrize("export_format", ["json", "pdf"])
def test_an_export_is_logged_and_never_cached(client, caseworker, ahmad, export_format):
    # given
    client.force_login(caseworker)

    # when
    response = client.get(_url(ahmad, export_format), HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Disposition"] == (
        f'attachment; filename="personal-data-{ahmad.household.reference}-{ahmad.pk}-'
        f'{timezone.localdate().isoformat()}.{export_format}"')
    event = AuditEvent.objects.filter(action=AuditAction.EXPORT).get()
    assert (event.actor, event.object_type, event.object_id) == (
        caseworker, "reception.person", str(ahmad.pk))
    assert event.trail == services.case_trail(ahmad.household)
    assert event.summary == f"Personal data exported ({export_format.upper()})"


@pytest.mark.parametrize("role", ["caseworker", "coordinator", "manager"])
def test_the_staff_of_the_municipality_may_export(client, ahmad, role, request):
    # given
    client.force_login(request.getfixturevalue(role))

    # when
    response = client.get(_url(ahmad, "json"))

    # then
    assert response.status_code == 200


def test_another_municipality_gets_404_and_nothing_is_logged(client, other_caseworker, ahmad):
    # given
    client.force_login(other_caseworker)

    # when
    response = client.get(_url(ahmad, "json"))

    # then
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_a_volunteer_is_not_told_the_page_exists(client, volunteer, ahmad):
    # given
    client.force_login(volunteer)

    # when / then: behind the privacy wall, 404 as for every case page
    assert client.get(_url(ahmad, "pdf")).status_code == 404


def test_a_user_without_a_role_gets_403(client, ahmad):
    # given
    client.force_login(UserFactory(municipality=ahmad.household.municipality))

    # when / then
    assert client.get(_url(ahmad, "json")).status_code == 403


def test_an_anonymous_visitor_is_sent_to_sign_in(client, ahmad):
    response = client.get(_url(ahmad, "json"))

    assert response.status_code == 302
    assert "login" in response["Location"]


def test_the_person_must_belong_to_the_case_in_the_url(client, caseworker, ahmad):
    # given another case of the same municipality
    other_case = HouseholdFactory(municipality=ahmad.household.municipality)
    client.force_login(caseworker)

    # when
    response = client.get(reverse("reception:person_personal_data",
                                  args=[other_case.pk, ahmad.pk, "json"]))

    # then
    assert response.status_code == 404


def test_an_unknown_format_is_404(client, caseworker, ahmad):
    client.force_login(caseworker)

    assert client.get(_url(ahmad, "xml")).status_code == 404
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_the_person_page_links_to_both_exports(client, caseworker, ahmad):
    # given
    client.force_login(caseworker)

    # when
    response = client.get(reverse("reception:person_detail", args=[ahmad.household_id, ahmad.pk]),
                          HTTP_ACCEPT_LANGUAGE="en")

    # then
    page = response.content.decode()
    assert "Export personal data" in page
    assert f'href="{_url(ahmad, "pdf")}"' in page
    assert f'href="{_url(ahmad, "json")}"' in page


def test_the_query_count_does_not_grow_with_the_records(client, caseworker, ahmad,
                                                        django_assert_num_queries):
    # given the export's query count for Ahmad's records
    client.force_login(caseworker)
    client.get(_url(ahmad, "json"))  # the session and the user are loaded once either way
    with CaptureQueriesContext(connection) as first:
        client.get(_url(ahmad, "json"))
    # Counted now: the next request clears the connection's query log.
    queries = len(first.captured_queries)

    # when he gets more of every kind of record
    household = ahmad.household
    services.journal_note_add(household=household, actor=caseworker, text="A second note.")
    MilestoneFactory(household=household, person=ahmad, kind="programme_start",
                     due_date=date(2026, 12, 1))
    MeasureFactory(person=ahmad, employer_name="Roskilde Kantine")
    DanishEducationFactory(person=ahmad, provider="Sprogcenter Køge")
    TaskFactory(municipality=household.municipality, household=household, title="Moving help")
    client.get(reverse("reception:person_detail", args=[household.pk, ahmad.pk]))

    # then the export costs the same
    with django_assert_num_queries(queries):
        response = client.get(_url(ahmad, "json"))
    assert "Roskilde Kantine" in response.content.decode()
