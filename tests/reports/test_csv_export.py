"""The CSV export of the report: the same sections as the start page, one value a line, for
managers only and only their own municipality, audit-logged."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from freezegun import freeze_time

from integration_portal.audit.models import AuditAction, AuditEvent
from integration_portal.reports.registry import Period
from tests.factories import HouseholdFactory
from tests.reports.sections import arrivals, only_sections

pytestmark = pytest.mark.django_db

URL = reverse("reports:csv")
MARCH = {"start": "2026-03-01", "end": "2026-03-31"}


@pytest.fixture
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def rows_of(response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the byte-order mark to read UTF-8"
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_the_csv_holds_every_value_of_the_sections(english, manager, municipality, monkeypatch):
    # given two households that arrived in March
    only_sections(monkeypatch, arrivals)
    for _ in range(2):
        HouseholdFactory(municipality=municipality, status="arrived",
                         arrival_date=datetime.date(2026, 3, 5))
    english.force_login(manager)

    # when
    response = english.get(URL, MARCH)

    # then every figure, bar, reference and table cell is a line, worked out by hand
    assert response.status_code == 200
    head = ["arrivals", "Ankomster og kvote"]
    chart = [*head, "arrivals_by_category", "Arrivals against the quota"]
    table = [*head, "overdue_by_caseworker", "Overdue milestones per caseworker"]
    assert rows_of(response) == [
        ["section", "section_title", "item", "item_title", "key", "label", "value", "unit"],
        [*head, "figures", "Key figures", "households_arrived", "Households arrived", "2", ""],
        [*head, "figures", "Key figures", "share_on_time", "Started on time", "87,5", "%"],
        [*head, "figures", "Key figures", "median_days", "Median days to a home", "", "days"],
        [*chart, "refugees", "Flygtninge (kvoteflygtninge)", "1234", "persons"],
        [*chart, "ukrainian", "Ukrainere", "", "persons"],
        [*chart, "reunified", "Familiesammenførte", "2,5", "persons"],
        [*chart, "reference", "Quota", "40", "persons"],
        [*table, "1", "Caseworker", "Søren Ågård", ""],
        [*table, "1", "Overdue", "3", ""],
        [*table, "1", "Oldest due", "2026-03-02", ""],
        # a cell a spreadsheet would run as a formula is made text
        [*table, "2", "Caseworker", "'=HYPERLINK(\"x\")", ""],
        [*table, "2", "Overdue", "0", ""],
        [*table, "2", "Oldest due", "", ""],
    ]


def test_the_file_is_a_download_for_danish_excel(english, manager, municipality, monkeypatch):
    only_sections(monkeypatch, arrivals)
    english.force_login(manager)

    response = english.get(URL, MARCH)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        'attachment; filename="report-lejre-2026-03-01-2026-03-31.csv"')
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in response.content
    assert "Ågård".encode() in response.content


def test_the_labels_are_in_the_users_language_and_the_keys_are_not(client, manager,
                                                                   monkeypatch):
    # given the portal's default language, Danish
    only_sections(monkeypatch, arrivals)
    client.force_login(manager)

    rows = rows_of(client.get(URL, MARCH))

    # then the portal's own words are Danish and the keys stay English
    assert rows[0] == ["section", "section_title", "item", "item_title", "key", "label",
                       "value", "unit"]
    assert rows[1][2:5] == ["figures", "Nøgletal", "households_arrived"]


@freeze_time("2026-06-15")
def test_without_a_period_the_csv_is_for_this_year_to_date(english, manager, monkeypatch):
    calls = only_sections(monkeypatch, arrivals)
    english.force_login(manager)

    response = english.get(URL)

    assert response.status_code == 200
    assert calls[0][1] == Period(datetime.date(2026, 1, 1), datetime.date(2026, 6, 15))
    assert "report-lejre-2026-01-01-2026-06-15.csv" in response["Content-Disposition"]


@pytest.mark.parametrize(("query", "message"), [
    ({"start": "2026-05-01", "end": "2026-04-01"},
     "The period must end on or after the day it starts."),
    ({"start": "yesterday", "end": "2026-04-01"}, "Enter a valid date."),
])
def test_a_bad_period_is_refused_with_its_reason(english, manager, monkeypatch, query, message):
    calls = only_sections(monkeypatch, arrivals)
    english.force_login(manager)

    response = english.get(URL, query)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert calls == []
    assert not AuditEvent.objects.filter(action=AuditAction.EXPORT).exists()


def test_another_municipalitys_figures_are_never_included(english, manager, municipality,
                                                          other_municipality, monkeypatch):
    # given households in March in both municipalities
    calls = only_sections(monkeypatch, arrivals)
    HouseholdFactory(municipality=municipality, status="arrived",
                     arrival_date=datetime.date(2026, 3, 5))
    for _ in range(4):
        HouseholdFactory(municipality=other_municipality, status="arrived",
                         arrival_date=datetime.date(2026, 3, 5))
    english.force_login(manager)

    # when
    rows = rows_of(english.get(URL, MARCH))

    # then
    assert [call[0] for call in calls] == [municipality]
    arrived = next(row for row in rows if row[4] == "households_arrived")
    assert arrived[6] == "1"


def test_the_export_is_audit_logged_against_the_municipality(english, manager, municipality,
                                                             monkeypatch):
    only_sections(monkeypatch, arrivals)
    english.force_login(manager)

    english.get(URL, MARCH)

    event = AuditEvent.objects.get()
    assert (event.action, event.actor, event.municipality) == (
        AuditAction.EXPORT, manager, municipality)
    assert (event.object_type, event.object_id) == ("accounts.municipality", str(municipality.pk))
    assert "2026-03-01" in event.summary and "2026-03-31" in event.summary


@pytest.mark.parametrize(("role", "status"), [
    ("manager", 200), ("caseworker", 403), ("coordinator", 403), ("volunteer", 404),
    ("other_caseworker", 403),
])
def test_only_managers_can_export(client, request, monkeypatch, role, status):
    calls = only_sections(monkeypatch, arrivals)
    client.force_login(request.getfixturevalue(role))

    response = client.get(URL, MARCH)

    assert response.status_code == status
    assert bool(calls) == (status == 200)
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT).exists() == (status == 200)


def test_an_anonymous_visitor_is_sent_to_log_in(client, monkeypatch):
    calls = only_sections(monkeypatch, arrivals)

    response = client.get(URL, MARCH)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert calls == []


def test_the_export_only_answers_get(client, manager, monkeypatch):
    only_sections(monkeypatch, arrivals)
    client.force_login(manager)

    assert client.post(URL, MARCH).status_code == 405


def test_the_export_costs_a_fixed_number_of_queries(english, manager, municipality, monkeypatch,
                                                    django_assert_max_num_queries):
    # given much data
    only_sections(monkeypatch, arrivals)
    for _ in range(20):
        HouseholdFactory(municipality=municipality, status="arrived",
                         arrival_date=datetime.date(2026, 3, 5))
    english.force_login(manager)

    # session, user, municipality, the section's one query, the audit event
    with django_assert_max_num_queries(5):
        response = english.get(URL, MARCH)
    assert response.status_code == 200
