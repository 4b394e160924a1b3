"""The cooperation agreement pages: coordinators keep them, managers read them, no one else
sees them; and the agreement as a PDF."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import UserFactory
from tests.letters.pdf import pdf_words
from tests.volunteers.factories import CooperationAgreementFactory, OrganisationFactory
from volunteers.models import CooperationAgreement, Organisation

pytestmark = pytest.mark.django_db

ORGANISATION_NAME = "Frivillignet Lejre Flygtningevenner"
CHILD_CERTIFICATE = "Alle frivillige udfylder en børneattest."


@pytest.fixture(autouse=True)
def _pages_in_english(client):
    # The assertions read the English source texts; the portal's default language is Danish.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


@pytest.fixture
def organisation(municipality):
    return OrganisationFactory(municipality=municipality, name=ORGANISATION_NAME)


@pytest.fixture
def agreement(organisation):
    return CooperationAgreementFactory(
        organisation=organisation, period_start=datetime.date(2025, 1, 1),
        signed_on=datetime.date(2025, 1, 1),
        evaluation_due_on=timezone.localdate() + datetime.timedelta(days=200),
        commitments=[
            {"party": "organisation", "text": CHILD_CERTIFICATE, "done": True},
            {"party": "organisation", "text": "Holde kontakt med de frivillige.", "done": False},
            {"party": "municipality", "text": "Stille lokaler til rådighed.", "done": False},
        ],
    )


@pytest.fixture
def other_coordinator(other_municipality):
    return UserFactory(municipality=other_municipality, coordinator=True)


def _url(name, agreement=None):
    return reverse(f"volunteers:{name}", args=[agreement.pk] if agreement else [])


# Access


def test_an_anonymous_visitor_is_sent_to_log_in(client, agreement):
    response = client.get(_url("agreement_detail", agreement))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("name", ["agreement_list", "organisation_create", "agreement_create"])
def test_a_volunteer_is_not_told_the_pages_exist_and_a_caseworker_is_refused(
        client, volunteer, caseworker, name):
    client.force_login(volunteer)
    assert client.get(_url(name)).status_code == 404
    client.force_login(caseworker)
    assert client.get(_url(name)).status_code == 403


@pytest.mark.parametrize(("name", "method"), [
    ("agreement_detail", "get"), ("agreement_edit", "get"), ("agreement_commitments", "get"),
    ("agreement_pdf", "get"), ("agreement_notice", "post"), ("agreement_evaluation", "post"),
])
def test_an_agreement_is_closed_to_volunteers_caseworkers_and_other_municipalities(
        client, agreement, volunteer, caseworker, other_coordinator, other_manager, name,
        method):
    url = _url(name, agreement)
    data = {"notice_on": "2026-01-31", "evaluated_on": "2026-01-31", "confirm": "1"}
    for user, status in ((volunteer, 404), (caseworker, 403), (other_coordinator, 404)):
        client.force_login(user)
        assert getattr(client, method)(url, data).status_code == status, user
    if name in ("agreement_detail", "agreement_pdf"):
        client.force_login(other_manager)
        assert client.get(url).status_code == 404
    agreement.refresh_from_db()
    assert agreement.terminated_on is None
    assert agreement.last_evaluated_on is None


def test_another_municipalitys_organisation_cannot_be_edited(client, organisation,
                                                            other_coordinator):
    client.force_login(other_coordinator)
    response = client.post(reverse("volunteers:organisation_edit", args=[organisation.pk]),
                           {"name": "Overtaget"})
    assert response.status_code == 404
    organisation.refresh_from_db()
    assert organisation.name == ORGANISATION_NAME


def test_a_manager_reads_the_list_the_agreement_and_the_pdf_but_changes_nothing(
        client, manager, agreement):
    # given
    client.force_login(manager)
    # when / then: reading
    assert client.get(_url("agreement_list")).status_code == 200
    detail = client.get(_url("agreement_detail", agreement))
    assert detail.status_code == 200
    content = detail.content.decode()
    assert "Edit the agreement" not in content
    assert "Give notice" not in content
    assert "Edit the checklist" not in content
    assert client.get(_url("agreement_pdf", agreement)).status_code == 200
    # and changing is refused
    edit = {"period_start": "2025-01-01", "period_end": "2025-06-30"}
    assert client.get(_url("agreement_edit", agreement)).status_code == 403
    assert client.post(_url("agreement_edit", agreement), edit).status_code == 403
    assert client.post(_url("agreement_notice", agreement),
                       {"notice_on": "2026-01-31", "confirm": "1"}).status_code == 403
    assert client.post(_url("agreement_evaluation", agreement),
                       {"evaluated_on": "2026-01-31"}).status_code == 403
    assert client.get(_url("agreement_commitments", agreement)).status_code == 403
    assert client.post(_url("organisation_create"), {"name": "Ny"}).status_code == 403
    agreement.refresh_from_db()
    assert agreement.period_end is None
    assert agreement.terminated_on is None


# The list


def test_the_list_shows_each_status_in_words_and_flags_a_late_evaluation(
        client, coordinator, municipality, organisation):
    # given an active agreement whose evaluation is late, a draft and one under notice
    today = timezone.localdate()
    CooperationAgreementFactory(organisation=organisation, period_start=datetime.date(2025, 1, 1),
                                signed_on=datetime.date(2025, 1, 1),
                                evaluation_due_on=today - datetime.timedelta(days=3))
    CooperationAgreementFactory(organisation=OrganisationFactory(municipality=municipality,
                                                                 name="Kladdeforeningen"),
                                period_start=today, signed_on=None)
    CooperationAgreementFactory(organisation=OrganisationFactory(municipality=municipality,
                                                                 name="Opsagt forening"),
                                period_start=datetime.date(2025, 1, 1),
                                signed_on=datetime.date(2025, 1, 1), terminated_on=today,
                                evaluation_due_on=today + datetime.timedelta(days=10))
    OrganisationFactory(municipality=municipality, name="Uden aftale")
    client.force_login(coordinator)
    # when
    response = client.get(_url("agreement_list"))
    # then
    content = response.content.decode()
    for text in ("Active", "Draft", "Notice given", "Overdue", "Due soon",
                 "Kladdeforeningen", "Uden aftale", ORGANISATION_NAME):
        assert text in content, text


def test_the_list_costs_the_same_queries_for_few_and_many_agreements(
        client, coordinator, municipality, django_assert_num_queries):
    # given 2 organisations with an agreement each
    def add(count):
        for _ in range(count):
            CooperationAgreementFactory(
                organisation=OrganisationFactory(municipality=municipality))
    add(2)
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as few:
        client.get(_url("agreement_list"))
    # when there are 20, one with two agreements
    add(18)
    CooperationAgreementFactory(organisation=Organisation.objects.first(),
                                period_start=datetime.date(2024, 1, 1))
    # then the page costs exactly as much
    with django_assert_num_queries(len(few.captured_queries)):
        response = client.get(_url("agreement_list"))
    assert len(response.context["rows"]) == 20


# Drawing up an agreement


def test_a_coordinator_registers_an_organisation_and_draws_up_its_agreement(client, coordinator):
    # given
    client.force_login(coordinator)
    assert client.get(_url("organisation_create")).status_code == 200
    # when the organisation is registered
    response = client.post(_url("organisation_create"), {
        "name": "Frivillignet Hvalsø", "parent_network": "Dansk Flygtningehjælps Frivillignet",
        "contact_email": "hvalsoe@example.org"})
    # then the agreement form follows with the organisation chosen
    organisation = Organisation.objects.get()
    assert response.status_code == 302
    assert response["Location"] == (f"{_url('agreement_create')}"
                                    f"?organisation={organisation.pk}")
    form_page = client.get(response["Location"])
    assert form_page.context["form"]["organisation"].value() == str(organisation.pk)
    # when the agreement is drawn up
    response = client.post(response["Location"], {
        "organisation": organisation.pk, "period_start": "2025-03-01",
        "signed_on": "2025-03-01", "organisation_contacts": "Den siddende bestyrelsesformand",
        "municipality_contacts": "Inge Bagge\nLone Lykke Marker"})
    # then it is saved with the model commitments and a yearly evaluation
    agreement = CooperationAgreement.objects.get()
    assert response["Location"] == _url("agreement_detail", agreement)
    assert agreement.evaluation_due_on == datetime.date(2026, 3, 1)
    assert any(CHILD_CERTIFICATE in c["text"] for c in agreement.commitments)
    detail = client.get(response["Location"]).content.decode()
    assert "Active" in detail
    assert "Lone Lykke Marker" in detail
    assert CHILD_CERTIFICATE in detail


def test_a_duplicate_organisation_name_is_shown_on_the_field(client, coordinator, organisation):
    client.force_login(coordinator)
    response = client.post(_url("organisation_create"), {
        "name": ORGANISATION_NAME.upper(), "contact_phone": "46464640"})
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    assert "46464640" in response.content.decode()
    assert Organisation.objects.count() == 1


def test_another_municipalitys_organisation_cannot_be_chosen(client, coordinator,
                                                            other_municipality):
    foreign = OrganisationFactory(municipality=other_municipality)
    client.force_login(coordinator)
    response = client.post(_url("agreement_create"), {
        "organisation": foreign.pk, "period_start": "2025-03-01"})
    assert response.status_code == 200
    assert "organisation" in response.context["form"].errors
    assert not CooperationAgreement.objects.exists()


def test_an_end_before_the_start_keeps_everything_typed(client, coordinator, agreement):
    # given
    client.force_login(coordinator)
    # when
    response = client.post(_url("agreement_edit", agreement), {
        "period_start": "2025-01-01", "period_end": "2024-12-31", "signed_on": "2025-01-01",
        "municipality_contacts": "Inge Bagge, afdelingsleder"})
    # then
    assert response.status_code == 200
    assert "period_end" in response.context["form"].errors
    content = response.content.decode()
    assert "Inge Bagge, afdelingsleder" in content
    assert 'value="2024-12-31"' in content
    agreement.refresh_from_db()
    assert agreement.period_end is None
    assert agreement.municipality_contacts == ""


def test_a_future_signing_date_is_refused_on_its_field(client, coordinator, agreement):
    client.force_login(coordinator)
    response = client.post(_url("agreement_edit", agreement), {
        "period_start": "2025-01-01", "signed_on": "2999-01-01"})
    assert response.status_code == 200
    assert "signed_on" in response.context["form"].errors


# The checklist of commitments


def _checklist(organisation_rows, municipality_rows, *, initial=(2, 1)):
    """POST data of both formsets: rows are (text, done, delete)."""
    data = {}
    for prefix, rows, count in (("organisation", organisation_rows, initial[0]),
                                ("municipality", municipality_rows, initial[1])):
        data |= {f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(count),
                 f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}
        for index, (text, done, delete) in enumerate(rows):
            data[f"{prefix}-{index}-text"] = text
            if done:
                data[f"{prefix}-{index}-done"] = "on"
            if delete:
                data[f"{prefix}-{index}-DELETE"] = "on"
    return data


def test_the_checklist_page_lists_each_partys_commitments(client, coordinator, agreement):
    client.force_login(coordinator)
    response = client.get(_url("agreement_commitments", agreement))
    assert response.status_code == 200
    sections = {s["party"]: s["formset"] for s in response.context["sections"]}
    # each party's lines and one empty line to add a commitment
    assert len(sections["organisation"].forms) == 3
    assert len(sections["municipality"].forms) == 2
    assert sections["organisation"].forms[0].initial == {"text": CHILD_CERTIFICATE,
                                                         "done": True}


def test_ticking_changing_adding_and_removing_commitments(client, coordinator, agreement):
    # given
    client.force_login(coordinator)
    # when the second line is ticked and reworded, the first removed, one added for each side
    response = client.post(_url("agreement_commitments", agreement), _checklist(
        [(CHILD_CERTIFICATE, True, True),
         ("Holde løbende kontakt med de frivillige.", True, False),
         ("Arrangere velkomstmøder.", False, False)],
        [("Stille lokaler til rådighed.", False, False),
         ("Bidrage med tolkebistand.", True, False)],
    ))
    # then
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.commitments == [
        {"party": "organisation", "text": "Holde løbende kontakt med de frivillige.",
         "done": True},
        {"party": "organisation", "text": "Arrangere velkomstmøder.", "done": False},
        {"party": "municipality", "text": "Stille lokaler til rådighed.", "done": False},
        {"party": "municipality", "text": "Bidrage med tolkebistand.", "done": True},
    ]


def test_an_empty_new_line_is_ignored(client, coordinator, agreement):
    client.force_login(coordinator)
    before = list(agreement.commitments)
    response = client.post(_url("agreement_commitments", agreement), _checklist(
        [(CHILD_CERTIFICATE, True, False), ("Holde kontakt med de frivillige.", False, False),
         ("", False, False)],
        [("Stille lokaler til rådighed.", False, False), ("", False, False)],
    ))
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.commitments == before


def test_a_bad_line_keeps_everything_typed_and_saves_nothing(client, coordinator, agreement):
    # given
    client.force_login(coordinator)
    before = list(agreement.commitments)
    # when an existing line is emptied while other lines are changed and added
    response = client.post(_url("agreement_commitments", agreement), _checklist(
        [(CHILD_CERTIFICATE, False, False), ("", True, False),
         ("En ny forpligtelse skrevet med omhu.", False, False)],
        [("Stille lokaler til rådighed i hele perioden.", True, False),
         ("Kommunens nye linje.", False, False)],
    ))
    # then the page comes back with the error on that line and everything typed
    assert response.status_code == 200
    organisation_formset = response.context["sections"][0]["formset"]
    assert organisation_formset.forms[1].errors
    content = response.content.decode()
    assert "En ny forpligtelse skrevet med omhu." in content
    assert "Stille lokaler til rådighed i hele perioden." in content
    assert "Kommunens nye linje." in content
    assert 'href="#id_organisation-1-text"' in content
    agreement.refresh_from_db()
    assert agreement.commitments == before


def test_a_too_long_commitment_is_refused_on_its_line(client, coordinator, agreement):
    client.force_login(coordinator)
    response = client.post(_url("agreement_commitments", agreement), _checklist(
        [(CHILD_CERTIFICATE, True, False), ("x" * 1001, False, False)],
        [("Stille lokaler til rådighed.", False, False)],
    ))
    assert response.status_code == 200
    assert "text" in response.context["sections"][0]["formset"].forms[1].errors


# Notice and evaluation


def test_notice_shows_the_end_date_before_it_is_confirmed(client, coordinator, agreement):
    # given
    client.force_login(coordinator)
    detail = client.get(_url("agreement_detail", agreement))
    assert detail.context["notice_form"]["notice_on"].value() == timezone.localdate()
    # when a date is chosen
    response = client.post(_url("agreement_notice", agreement), {"notice_on": "2026-01-31"})
    # then the end date it results in is shown, and nothing is recorded yet
    assert response.status_code == 200
    assert response.context["ends_on"] == datetime.date(2026, 2, 28)
    agreement.refresh_from_db()
    assert agreement.terminated_on is None
    # when it is confirmed
    response = client.post(_url("agreement_notice", agreement),
                           {"notice_on": "2026-01-31", "confirm": "1"})
    # then
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.terminated_on == datetime.date(2026, 1, 31)
    content = client.get(response["Location"]).content.decode()
    assert "Notice given" in content
    assert "Give notice" not in content


def test_notice_dated_before_the_start_is_shown_on_the_page(client, coordinator, agreement):
    client.force_login(coordinator)
    response = client.post(_url("agreement_notice", agreement),
                           {"notice_on": "2024-06-01", "confirm": "1"})
    assert response.status_code == 200
    assert "notice_on" in response.context["notice_form"].errors
    assert 'value="2024-06-01"' in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.terminated_on is None


def test_an_evaluation_is_recorded_and_the_next_falls_a_year_later(client, coordinator,
                                                                   agreement):
    client.force_login(coordinator)
    response = client.post(_url("agreement_evaluation", agreement),
                           {"evaluated_on": "2026-01-20"})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.last_evaluated_on == datetime.date(2026, 1, 20)
    assert agreement.evaluation_due_on == datetime.date(2027, 1, 20)


def test_an_evaluation_in_the_future_is_refused_on_its_field(client, coordinator, agreement):
    client.force_login(coordinator)
    response = client.post(_url("agreement_evaluation", agreement),
                           {"evaluated_on": "2999-01-01"})
    assert response.status_code == 200
    assert "evaluated_on" in response.context["evaluation_form"].errors
    assert 'value="2999-01-01"' in response.content.decode()


# The PDF


def test_the_pdf_is_the_agreement_in_danish_as_an_attachment(client, coordinator, agreement):
    # given
    client.force_login(coordinator)
    # when
    response = client.get(_url("agreement_pdf", agreement))
    # then
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="samarbejdsaftale-frivillignet-lejre-flygtningevenner-'
        '2025-01-01.pdf"')
    assert response["Cache-Control"] == "private, no-store"
    assert response.content.startswith(b"%PDF")
    text = pdf_words(response.content)
    assert ORGANISATION_NAME in text
    assert CHILD_CERTIFICATE in text
    assert "Stille lokaler til rådighed." in text
    # in Danish, whatever the page's language: Django's own Danish month names
    assert "1. januar 2025" in text


def test_the_pdf_can_be_read_in_english(client, manager, agreement):
    client.force_login(manager)
    response = client.get(_url("agreement_pdf", agreement), {"lang": "en"})
    text = pdf_words(response.content)
    assert "Cooperation agreement" in text
    assert "Jan. 1, 2025" in text
    assert "Page 1 of" in text
