"""Reception's endpoints: notices are imported through the registration service, lists page
and filter, persons read are audit-logged, and a list costs the same queries for 3 rows as
for 30."""

import datetime

import pytest
from django.utils import timezone

from integration_portal.audit.models import AuditAction, AuditEvent
from reception.models import ArrivalNotice, Household, Milestone
from tests.factories import HouseholdFactory, MilestoneFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

NOTICE = {
    "source_reference": "US-2026-118", "received_on": "2026-09-01",
    "expected_arrival_date": "2026-10-01", "residence_basis": "quota_refugee",
    "placement_decision_date": "2026-09-10", "adults": 2, "children_0_5": 1,
    "languages": ["ar", "en"], "need_flags": ["step_free"],
}


@pytest.fixture
def api(token_client, caseworker):
    return token_client(caseworker)


def _ids(response) -> list[int]:
    return [row["id"] for row in response.json()["results"]]


# --- Notices ----------------------------------------------------------------------------------


def test_a_notice_posted_with_a_token_registers_an_announced_case(api, caseworker, municipality):
    # when
    response = api.post("/api/v1/notices/", NOTICE, format="json")

    # then
    assert response.status_code == 201, response.content
    household = Household.objects.get()
    assert household.municipality == municipality
    assert household.status == "announced"
    assert household.expected_arrival_date == datetime.date(2026, 10, 1)
    notice = household.notice
    assert (notice.source, notice.adults, notice.children_0_5) == ("api", 2, 1)
    assert notice.languages == ["ar", "en"]
    assert notice.created_by == caseworker
    assert response.json()["household"] == {"id": household.pk, "reference": household.reference}
    assert response["Location"].endswith(f"/api/v1/notices/{notice.pk}/")
    event = AuditEvent.objects.get(object_type="reception.household")
    assert (event.action, event.actor) == (AuditAction.CREATE, caseworker)


def test_a_notice_lands_in_the_token_users_municipality_whatever_the_payload_says(
        token_client, other_caseworker, municipality):
    # when
    response = token_client(other_caseworker).post(
        "/api/v1/notices/", {**NOTICE, "municipality": municipality.pk}, format="json")

    # then
    assert response.status_code == 201
    assert Household.objects.get().municipality == other_caseworker.municipality


@pytest.mark.parametrize(("change", "field"), [
    ({"received_on": None}, "received_on"),
    ({"received_on": "1. september"}, "received_on"),
    ({"expected_arrival_date": "2026-08-01"}, "expected_arrival_date"),
    ({"adults": 0, "children_0_5": 0}, "adults"),
    ({"adults": 31}, "adults"),
    ({"residence_basis": "tourist"}, "residence_basis"),
    ({"languages": ["xx"]}, "languages"),
    ({"need_flags": ["vip"]}, "need_flags"),
])
def test_bad_input_answers_400_naming_the_field_and_saves_nothing(api, change, field):
    # when
    response = api.post("/api/v1/notices/", {**NOTICE, **change}, format="json")

    # then
    assert response.status_code == 400
    assert field in response.json()
    assert not ArrivalNotice.objects.exists()
    assert not Household.objects.exists()
    assert not AuditEvent.objects.filter(object_type="reception.household").exists()


def test_error_messages_follow_the_requests_language(api):
    # given
    missing = {key: value for key, value in NOTICE.items() if key != "received_on"}
    before_arrival = {**NOTICE, "expected_arrival_date": "2026-08-01"}

    # when
    danish = api.post("/api/v1/notices/", missing, format="json", HTTP_ACCEPT_LANGUAGE="da")
    english = api.post("/api/v1/notices/", before_arrival, format="json",
                       HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert danish.json()["received_on"] == ["Dette felt er påkrævet."]
    assert english.json()["expected_arrival_date"] == [
        "The expected arrival cannot be before the notice was received."]


def test_a_manager_reads_notices_but_cannot_post_one(token_client, manager):
    # given
    client = token_client(manager)

    # when
    listed = client.get("/api/v1/notices/")
    posted = client.post("/api/v1/notices/", NOTICE, format="json")

    # then
    assert listed.status_code == 200
    assert posted.status_code == 403
    assert not ArrivalNotice.objects.exists()


# --- Households: pages and filters ------------------------------------------------------------


def test_lists_come_in_pages_with_count_and_next(api, municipality):
    # given
    for _ in range(3):
        HouseholdFactory(municipality=municipality)

    # when
    first = api.get("/api/v1/households/", {"page_size": 2})
    second = api.get(first.json()["next"])

    # then
    assert first.json()["count"] == 3
    assert len(first.json()["results"]) == 2
    assert second.json()["next"] is None
    assert len(second.json()["results"]) == 1


def test_households_filter_by_status_caseworker_reference_and_arrival(api, municipality,
                                                                        caseworker):
    # given
    mine = HouseholdFactory(municipality=municipality, caseworker=caseworker, status="arrived",
                            arrival_date=datetime.date(2026, 9, 15), reference="LEJ-2026-0007")
    early = HouseholdFactory(municipality=municipality, status="arrived",
                             arrival_date=datetime.date(2026, 8, 1))
    announced = HouseholdFactory(municipality=municipality, status="announced")

    # when
    def ids(**params):
        return set(_ids(api.get("/api/v1/households/", params)))

    # then
    assert ids(status="arrived") == {mine.pk, early.pk}
    assert ids(status="announced") == {announced.pk}
    assert ids(caseworker=caseworker.pk) == {mine.pk}
    assert ids(reference="lej-2026-0007") == {mine.pk}
    assert ids(arrival_from="2026-09-01") == {mine.pk}
    assert ids(arrival_from="2026-07-01", arrival_to="2026-08-31") == {early.pk}


def test_a_bad_filter_value_answers_400(api):
    # when
    response = api.get("/api/v1/households/", {"status": "lost", "arrival_from": "soon"})

    # then
    assert response.status_code == 400
    assert set(response.json()) == {"status", "arrival_from"}


def test_reading_a_case_is_audit_logged(api, caseworker, municipality):
    # given
    household = HouseholdFactory(municipality=municipality)

    # when
    response = api.get(f"/api/v1/households/{household.pk}/")

    # then
    assert response.status_code == 200
    event = AuditEvent.objects.get(action=AuditAction.VIEW)
    assert (event.actor, event.object_type, event.object_id) == (
        caseworker, "reception.household", str(household.pk))


# --- Persons: filters and audit ---------------------------------------------------------------


def test_every_person_read_is_audit_logged_in_the_case_trail(api, caseworker, municipality):
    # given
    household = HouseholdFactory(municipality=municipality)
    persons = [PersonFactory(household=household) for _ in range(3)]
    PersonFactory(household=HouseholdFactory(municipality=municipality))

    # when
    listed = api.get("/api/v1/persons/", {"household": household.pk})
    read = api.get(f"/api/v1/persons/{persons[0].pk}/")

    # then
    assert set(_ids(listed)) == {person.pk for person in persons}
    assert read.status_code == 200
    events = AuditEvent.objects.filter(action=AuditAction.VIEW, object_type="reception.person")
    assert sorted(int(event.object_id) for event in events) == sorted(
        [person.pk for person in persons] + [persons[0].pk])
    assert {(event.actor, event.trail, event.municipality) for event in events} == {
        (caseworker, f"reception.household:{household.pk}", municipality)}


def test_a_person_is_served_without_health_notes(api, municipality):
    # given
    person = PersonFactory(household=HouseholdFactory(municipality=municipality),
                           needs_note="Diabetes", cpr="140385-1237")

    # when
    body = api.get(f"/api/v1/persons/{person.pk}/").json()

    # then
    assert body["cpr"] == "140385-XXXX"
    assert "needs_note" not in body
    assert "Diabetes" not in str(body)


# --- Milestones: filters and marking done -----------------------------------------------------


def test_milestones_filter_by_case_person_kind_overdue_done_and_due_dates(api, municipality,
                                                                           caseworker):
    # given
    today = timezone.localdate()
    household = HouseholdFactory(municipality=municipality)
    person = PersonFactory(household=household)
    overdue = MilestoneFactory(household=household, person=person, kind="programme_start",
                               due_date=today - datetime.timedelta(days=5))
    upcoming = MilestoneFactory(household=household, person=person, kind="danish_referral",
                                due_date=today + datetime.timedelta(days=10))
    done = MilestoneFactory(household=household, kind="welcome_meeting",
                            due_date=today - datetime.timedelta(days=20),
                            done_on=today - datetime.timedelta(days=21), done_by=caseworker)
    elsewhere = MilestoneFactory(household=HouseholdFactory(municipality=municipality),
                                 due_date=today + datetime.timedelta(days=1))

    # when
    def ids(**params):
        return set(_ids(api.get("/api/v1/milestones/", params)))

    # then
    assert ids(household=household.pk) == {overdue.pk, upcoming.pk, done.pk}
    assert ids(person=person.pk) == {overdue.pk, upcoming.pk}
    assert ids(kind="danish_referral") == {upcoming.pk}
    assert ids(overdue="true") == {overdue.pk}
    assert ids(overdue="false") == {upcoming.pk, done.pk, elsewhere.pk}
    assert ids(done="true") == {done.pk}
    assert ids(done="false") == {overdue.pk, upcoming.pk, elsewhere.pk}
    assert ids(due_after=str(today), due_before=str(today + datetime.timedelta(days=5))) == {
        elsewhere.pk}
    listed = {row["id"]: row for row in api.get("/api/v1/milestones/").json()["results"]}
    assert listed[overdue.pk]["is_overdue"] is True
    assert listed[done.pk]["is_overdue"] is False


def test_marking_a_milestone_done_goes_through_the_service(api, caseworker, municipality):
    # given
    milestone = MilestoneFactory(household=HouseholdFactory(municipality=municipality),
                                 due_date=timezone.localdate())
    url = f"/api/v1/milestones/{milestone.pk}/complete/"

    # when
    done = api.post(url, {"note": "Held at the town hall"}, format="json")
    again = api.post(url, {}, format="json", HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert done.status_code == 200
    milestone.refresh_from_db()
    assert (milestone.done_on, milestone.done_by, milestone.note) == (
        timezone.localdate(), caseworker, "Held at the town hall")
    assert done.json()["done_on"] == str(timezone.localdate())
    assert AuditEvent.objects.filter(object_type="reception.milestone",
                                     action=AuditAction.UPDATE).count() == 1
    assert again.status_code == 400
    assert again.json() == {"non_field_errors": ["This milestone is already done."]}


def test_a_milestone_cannot_be_marked_done_in_the_future(api, municipality):
    # given
    milestone = MilestoneFactory(household=HouseholdFactory(municipality=municipality))
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    # when
    response = api.post(f"/api/v1/milestones/{milestone.pk}/complete/",
                        {"done_on": str(tomorrow)}, format="json", HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert response.status_code == 400
    assert response.json() == {"done_on": ["The date cannot be in the future."]}
    assert Milestone.objects.get().done_on is None


# --- Query counts -----------------------------------------------------------------------------


def _cases(municipality, caseworker, count):
    today = timezone.localdate()
    for _ in range(count):
        household = HouseholdFactory(municipality=municipality, caseworker=caseworker)
        person = PersonFactory(household=household)
        PersonFactory(household=household, relation="child")
        MilestoneFactory(household=household, person=person,
                         due_date=today - datetime.timedelta(days=1), done_by=caseworker)
        services_notice(municipality)


def services_notice(municipality):
    from reception import services

    services.notice_register(
        municipality=municipality, actor=None, source="email",
        received_on=datetime.date(2026, 9, 1), expected_arrival_date=datetime.date(2026, 10, 1),
        residence_basis="asylum_refugee",
    )


@pytest.mark.parametrize("path", ["/api/v1/notices/", "/api/v1/households/",
                                  "/api/v1/persons/", "/api/v1/milestones/"])
def test_a_list_costs_the_same_queries_for_3_rows_as_for_30(
        path, token_client, municipality, django_assert_max_num_queries,
        django_assert_num_queries):
    # given
    caseworker = UserFactory(municipality=municipality, caseworker=True)
    client = token_client(caseworker)
    _cases(municipality, caseworker, 3)
    client.get(path)  # the token's first use records when it was last used

    # when
    with django_assert_max_num_queries(4) as few:
        assert client.get(path).status_code == 200
    _cases(municipality, caseworker, 27)

    # then
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(path)
    assert response.json()["count"] >= 30
