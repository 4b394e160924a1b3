"""The managers' start page: the report's sections as figures, charts with their numbers as
tables, for a period the manager chooses (default: this year to date)."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import formats, timezone, translation
from freezegun import freeze_time

from integration_portal.reports.registry import Period
from tests.factories import HouseholdFactory, MilestoneFactory, PersonFactory
from tests.reports.sections import arrivals, empty_section, only_sections

pytestmark = pytest.mark.django_db

TODAY = "2026-06-15"
URL = "/manager/"
FRESH = URL + "?refresh=1"  # figures built for this request, not kept ones


@pytest.fixture
def english(client):
    # The assertions read the English source texts; the portal's default language is Danish.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def arrived(municipality, day: datetime.date, count: int = 1) -> None:
    for _ in range(count):
        HouseholdFactory(municipality=municipality, status="arrived", arrival_date=day)


@freeze_time(TODAY)
def test_the_page_shows_every_section_for_this_year_to_date(english, manager, municipality,
                                                            monkeypatch):
    # given a section, and three households that arrived this year and one last year
    calls = only_sections(monkeypatch, arrivals)
    arrived(municipality, datetime.date(2026, 2, 1), count=3)
    arrived(municipality, datetime.date(2025, 12, 31))
    english.force_login(manager)

    # when
    response = english.get(URL)

    # then the section was built for the manager's municipality and this year to date
    assert response.status_code == 200
    assert calls == [(municipality, Period(datetime.date(2026, 1, 1), datetime.date(2026, 6, 15)))]
    page = response.content.decode()
    assert '<h2 id="report-arrivals-heading">Ankomster og kvote</h2>' in page
    assert _figure(page, "Households arrived") == "3"
    assert _figure(page, "Started on time") == "87.5 %"
    # and a figure that cannot be computed says so, not 0
    assert _figure(page, "Median days to a home") == "–cannot be computed"
    # and the form holds the default period
    assert 'name="start" class="form-input" value="2026-01-01"' in page
    assert 'name="end" class="form-input" value="2026-06-15"' in page


def test_each_chart_is_followed_by_its_numbers_as_a_table(english, manager, monkeypatch):
    # given
    only_sections(monkeypatch, arrivals)
    english.force_login(manager)

    # when
    page = english.get(URL).content.decode()

    # then the chart is an SVG image named by its title and description
    svg_at = page.index('<svg xmlns="http://www.w3.org/2000/svg" class="portal-chart" role="img"')
    assert 'aria-labelledby="chart-arrivals-arrivals_by_category-title ' in page
    # and after it comes a table with the same title, every bar and the reference line
    table_at = page.index('id="chart-arrivals-arrivals_by_category-table"')
    assert svg_at < table_at
    table = page[table_at:page.index("</table>", table_at)]
    assert "<caption>Arrivals against the quota</caption>" in table
    assert _row(table, "Flygtninge (kvoteflygtninge)") == "1,234 persons"
    assert _row(table, "Ukrainere") == "–"
    assert _row(table, "Familiesammenførte") == "2.5 persons"
    assert _row(table, "Quota") == "40 persons"


def test_the_sections_tables_are_shown_and_an_empty_one_says_so(english, manager, monkeypatch):
    # given
    only_sections(monkeypatch, arrivals)
    english.force_login(manager)

    # when
    page = english.get(URL).content.decode()

    # then
    assert '<caption id="table-arrivals-overdue_by_caseworker-caption">' in page
    assert '<th scope="row">Søren Ågård</th><td>3</td><td>03/02/2026</td>' in page
    # and text from the database is escaped
    assert '<th scope="row">=HYPERLINK(&quot;x&quot;)</th><td>0</td><td>–</td>' in page
    assert "Every task has a volunteer." in page


def test_a_chart_without_bars_says_there_is_nothing_to_show(english, manager, monkeypatch):
    only_sections(monkeypatch, empty_section)
    english.force_login(manager)

    page = english.get(URL).content.decode()

    assert "Tasks by kind" in page
    assert "Nothing to show for this period." in page
    assert 'class="portal-chart"' not in page


def test_the_chosen_period_is_used_and_kept_in_the_form_and_the_csv_link(
        english, manager, municipality, monkeypatch):
    # given households that arrived in March and in May
    calls = only_sections(monkeypatch, arrivals)
    arrived(municipality, datetime.date(2026, 3, 10), count=2)
    arrived(municipality, datetime.date(2026, 5, 10))
    english.force_login(manager)

    # when the manager chooses March
    response = english.get(URL, {"start": "2026-03-01", "end": "2026-03-31"})

    # then
    page = response.content.decode()
    assert calls[0][1] == Period(datetime.date(2026, 3, 1), datetime.date(2026, 3, 31))
    assert _figure(page, "Households arrived") == "2"
    assert 'value="2026-03-01"' in page and 'value="2026-03-31"' in page
    assert f'href="{reverse("reports:csv")}?start=2026-03-01&amp;end=2026-03-31"' in page
    assert "The figures below are for 03/01/2026 to 03/31/2026" in page


@freeze_time(TODAY)
@pytest.mark.parametrize(("start", "end", "message"), [
    ("2026-05-01", "2026-04-01", "The period must end on or after the day it starts."),
    ("2026-02-30", "2026-04-01", "Enter a valid date."),
    ("2020-01-01", "2026-04-01", "A period can be at most 5 years long."),
    ("", "2026-04-01", "This field is required."),
])
def test_a_bad_period_is_explained_kept_and_the_default_period_shown(
        english, manager, monkeypatch, start, end, message):
    # given
    calls = only_sections(monkeypatch, arrivals)
    english.force_login(manager)

    # when
    response = english.get(URL, {"start": start, "end": end})

    # then the page says what is wrong, in the user's language
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert "Please correct the following" in page
    # and the values typed are kept
    assert f'name="end" class="form-input" value="{end}"' in page
    if start:
        assert f'name="start" class="form-input" value="{start}"' in page
    # and the figures are this year to date, which the page says
    assert calls[0][1] == Period(datetime.date(2026, 1, 1), datetime.date(2026, 6, 15))
    assert "could not be used, so the figures below are for this year to date" in page
    assert "start=2026-01-01&amp;end=2026-06-15" in page


@freeze_time(TODAY)
def test_the_message_is_in_danish_for_a_danish_user(client, manager, monkeypatch):
    # given the portal's default language
    only_sections(monkeypatch, arrivals)
    client.force_login(manager)

    # when a date cannot be read
    page = client.get(URL, {"start": "2026-02-30", "end": "2026-04-01"}).content.decode()

    # then Django's own message is Danish (the portal's texts are translated with the rest)
    assert "Indtast en gyldig dato." in page
    assert '<html lang="da"' in page


def test_only_the_managers_municipality_is_reported(english, manager, municipality,
                                                    other_municipality, monkeypatch):
    # given households in both municipalities this year
    calls = only_sections(monkeypatch, arrivals)
    today = datetime.date.today()
    arrived(municipality, today, count=2)
    arrived(other_municipality, today, count=5)
    english.force_login(manager)

    # when
    page = english.get(URL).content.decode()

    # then
    assert [call[0] for call in calls] == [municipality]
    assert _figure(page, "Households arrived") == "2"


def test_the_page_keeps_the_people_figures_and_administration(english, manager, monkeypatch):
    only_sections(monkeypatch)
    english.force_login(manager)

    page = english.get(URL).content.decode()

    assert "Active accounts by role." in page
    assert reverse("accounts:staff") in page
    # and without any section the page says there is nothing yet
    assert "No report sections are available yet." in page


def test_the_page_links_the_csv_export(english, manager, monkeypatch):
    only_sections(monkeypatch, arrivals)
    english.force_login(manager)

    page = english.get(URL).content.decode()

    assert re.search(r'<a class="button button-secondary" href="/reports/csv/\?start=\d{4}-01-01'
                     r'&amp;end=[\d-]+" download[^>]*>Export CSV</a>', page)


@pytest.mark.parametrize(("role", "status"), [
    ("caseworker", 403), ("coordinator", 403), ("volunteer", 404),
])
def test_other_roles_cannot_see_the_page(client, request, monkeypatch, role, status):
    calls = only_sections(monkeypatch, arrivals)
    client.force_login(request.getfixturevalue(role))

    response = client.get(URL)

    assert response.status_code == status
    assert calls == []


def test_an_anonymous_visitor_is_sent_to_log_in(client, monkeypatch):
    calls = only_sections(monkeypatch, arrivals)

    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert calls == []


def test_the_query_count_does_not_grow_with_the_data(english, manager, municipality,
                                                     monkeypatch, django_assert_max_num_queries):
    # given a section that costs one query
    only_sections(monkeypatch, arrivals, empty_section)
    english.force_login(manager)
    today = datetime.date.today()
    arrived(municipality, today)
    with CaptureQueriesContext(connection) as few:
        english.get(FRESH)

    # when there is much more data
    arrived(municipality, today, count=25)

    # then the page costs the same, and no more than pinned
    with django_assert_max_num_queries(len(few.captured_queries)) as many:
        english.get(FRESH)
    assert len(many.captured_queries) == len(few.captured_queries)
    # session, user, municipality, people figures, unread notifications; and the section's one
    with django_assert_max_num_queries(6):
        english.get(FRESH)


def test_with_every_apps_section_the_query_count_does_not_grow(
        english, manager, caseworker, municipality, django_assert_max_num_queries):
    # given the sections the apps register, and one case with an overdue milestone
    english.force_login(manager)
    today = datetime.date.today()

    def cases(count: int) -> None:
        for _ in range(count):
            household = HouseholdFactory(municipality=municipality, status="arrived",
                                         arrival_date=today, caseworker=caseworker)
            PersonFactory(household=household)
            MilestoneFactory(household=household, due_date=today - datetime.timedelta(days=3))

    cases(1)
    with CaptureQueriesContext(connection) as few:
        assert english.get(FRESH).status_code == 200

    # when there are many more
    cases(15)

    # then the page costs the same
    # (5 for the page itself, the rest the four apps' sections, measured on 23.11.2026;
    # children's section adds 4 and community's 3)
    with django_assert_max_num_queries(29) as many:
        english.get(FRESH)
    assert len(many.captured_queries) == len(few.captured_queries)


def _figure(page: str, label: str) -> str:
    """The value of the figure card with `label`, its markup stripped."""
    match = re.search(
        r'<span class="portal-figure-value">((?:[^<]|<span[^>]*>[^<]*</span>)*)</span>\s*'
        rf'<span class="portal-figure-label">{re.escape(label)}</span>', page, re.S)
    assert match, f"no figure {label!r}"
    return re.sub(r"<[^>]+>", "", match.group(1)).strip()


def _row(table: str, label: str) -> str:
    match = re.search(rf'<th scope="row">{re.escape(label)}</th><td[^>]*>(.*?)</td>', table)
    assert match, f"no row {label!r}"
    return match.group(1)


def test_figures_are_kept_for_a_few_minutes_and_can_be_made_again(
        english, manager, municipality, monkeypatch, django_assert_max_num_queries):
    # given the page seen once
    calls = only_sections(monkeypatch, arrivals)
    english.force_login(manager)
    today = datetime.date.today()
    arrived(municipality, today)
    start = timezone.now()
    with freeze_time(start):
        first = english.get(URL).content.decode()
    assert _made_at(first) == _time(start)

    # when a household arrives and the page is opened again two minutes later
    arrived(municipality, today)
    with freeze_time(start + datetime.timedelta(minutes=2)), django_assert_max_num_queries(5):
        kept = english.get(URL).content.decode()

    # then the figures kept are shown, saying when they were made, without building them
    assert len(calls) == 1
    assert _figure(kept, "Households arrived") == _figure(first, "Households arrived") == "1"
    assert _made_at(kept) == _time(start)
    assert 'href="/manager/?start=' in kept and "&amp;refresh=1" in kept

    # when the manager asks for them to be made again
    with freeze_time(start + datetime.timedelta(minutes=3)):
        fresh = english.get(FRESH).content.decode()
    # then they are, and say so
    assert _figure(fresh, "Households arrived") == "2"
    assert _made_at(fresh) == _time(start + datetime.timedelta(minutes=3))

    # and five minutes after that they are made again without asking
    arrived(municipality, today)
    with freeze_time(start + datetime.timedelta(minutes=8, seconds=30)):
        later = english.get(URL).content.decode()
    assert _figure(later, "Households arrived") == "3"
    assert len(calls) == 3


def _made_at(page: str) -> str:
    return re.search(r"Figures made at ([^;]+);", page).group(1)


def _time(moment: datetime.datetime) -> str:
    with translation.override("en"):
        return formats.time_format(timezone.localtime(moment), "TIME_FORMAT")


def test_figures_are_kept_per_period_and_language(english, manager, municipality, monkeypatch):
    # given the page seen in English for this year to date
    calls = only_sections(monkeypatch, arrivals)
    english.force_login(manager)
    english.get(URL)

    # when it is opened for another period, and in Danish
    english.get(URL, {"start": "2025-01-01", "end": "2025-12-31"})
    english.get(URL, HTTP_ACCEPT_LANGUAGE="da")

    # then each was built for itself
    assert len(calls) == 3
