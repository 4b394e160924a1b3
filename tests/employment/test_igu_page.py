"""The IGU follow-up page: who may open it, what it shows, and its forms."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from employment.models import IguSchoolWeek, MeasureInterruption, RuleAcknowledgement
from integration_portal.audit.models import AuditEvent
from reception.services import milestones_recompute
from tests.employment.factories import EmployerFactory, IguFactory, MeasureFactory
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 9, 1)
FIRST_MONDAY = datetime.date(2026, 9, 7)
# Session, user, municipality, the IGU, the audit row of the reading, milestones, rules,
# weeks, interruptions, acknowledgements, the notification badge.
MAX_QUERIES = 11


@pytest.fixture
def pages_in_english(client):
    # The assertions read the English source texts; the portal's default language is Danish.
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def igu(household):
    igu = IguFactory(person=PersonFactory(household=household, first_name="Amina",
                                          birth_date=datetime.date(1990, 5, 1)),
                     starts_on=START)
    milestones_recompute(household=household)
    return igu


def add_weeks(igu, count, *, held=0):
    IguSchoolWeek.objects.bulk_create(
        IguSchoolWeek(measure=igu, week_starts_on=FIRST_MONDAY + datetime.timedelta(weeks=4 * n),
                      status="held" if n < held else "planned", school="AMU")
        for n in range(count))


def page(igu):
    return reverse("employment:igu", args=[igu.pk])


def post_urls(igu):
    week = IguSchoolWeek.objects.filter(measure=igu).first()
    return [reverse("employment:igu_week_add", args=[igu.pk]),
            reverse("employment:igu_week_status", args=[igu.pk, week.pk]),
            reverse("employment:igu_week_remove", args=[igu.pk, week.pk]),
            reverse("employment:igu_interruption_add", args=[igu.pk])]


def test_the_caseworker_sees_the_progress_the_bonus_and_the_forms(pages_in_english, caseworker,
                                                                   igu):
    # given 15 weeks in the plan, 9 of them held
    add_weeks(igu, 15, held=9)
    pages_in_english.force_login(caseworker)

    # when
    response = pages_in_english.get(page(igu))

    # then
    assert response.status_code == 200
    text = response.content.decode()
    assert "15 of 23 school weeks planned, 9 held" in text
    assert "Plan 8 more school weeks: the rules ask for 23." in text
    assert "Private employers only: DKK 20,000 after 6 months" in text
    assert [(m.kind, m.due_date) for m in response.context["follow_up"].bonus_milestones] == [
        ("igu_bonus_first", datetime.date(2027, 3, 1)),
        ("igu_bonus_final", datetime.date(2028, 8, 31))]
    assert 'datetime="2027-03-01"' in text
    assert "Add the week" in text and "Record the interruption" in text
    # Reading a person's IGU is logged on the case's trail.
    assert AuditEvent.objects.filter(action="view", object_type="employment.measure",
                                     object_id=str(igu.pk), actor=caseworker).exists()


def test_no_warning_once_the_required_weeks_are_planned(pages_in_english, caseworker, igu):
    # given
    add_weeks(igu, 23)
    pages_in_english.force_login(caseworker)

    # when
    text = pages_in_english.get(page(igu)).content.decode()

    # then
    assert "23 of 23 school weeks planned, 0 held" in text
    assert "more school week" not in text


def test_weeks_left_outside_by_a_changed_start_are_pointed_out(pages_in_english, caseworker,
                                                               igu):
    # given the IGU's start was moved after the first weeks were planned
    add_weeks(igu, 3)
    igu.starts_on = datetime.date(2026, 10, 1)
    igu.save(update_fields=["starts_on"])
    pages_in_english.force_login(caseworker)

    # when
    response = pages_in_english.get(page(igu))

    # then of the weeks of 7 September, 5 October and 2 November the first is outside
    assert [w.week_starts_on for w in response.context["follow_up"].weeks_outside] == [
        FIRST_MONDAY]
    assert "These planned weeks fall outside the IGU's period" in response.content.decode()


def test_a_public_employer_gets_no_bonus(pages_in_english, caseworker, household):
    # given
    igu = IguFactory(person=PersonFactory(household=household), starts_on=START,
                     employer=EmployerFactory(municipality=household.municipality,
                                              is_public=True))
    milestones_recompute(household=household)
    pages_in_english.force_login(caseworker)

    # when
    response = pages_in_english.get(page(igu))

    # then
    assert response.context["follow_up"].bonus_milestones == []
    assert "the IGU bonus is for private employers only" in response.content.decode()


def test_another_municipality_and_volunteers_do_not_find_the_page(
        client, igu, other_caseworker, other_manager, volunteer):
    add_weeks(igu, 1)
    for user in (other_caseworker, other_manager, volunteer):
        client.force_login(user)
        assert client.get(page(igu)).status_code == 404, user
        for url in post_urls(igu):
            # Another municipality's manager may not post at all: 403 before the lookup.
            expected = 403 if user == other_manager else 404
            assert client.post(url).status_code == expected, (user, url)
    assert IguSchoolWeek.objects.count() == 1


def test_a_measure_that_is_not_an_igu_has_no_igu_page(client, caseworker, household):
    internship = MeasureFactory(person=PersonFactory(household=household))
    client.force_login(caseworker)
    assert client.get(reverse("employment:igu", args=[internship.pk])).status_code == 404


def test_a_manager_reads_the_page_but_changes_nothing(pages_in_english, manager, igu):
    # given
    add_weeks(igu, 2)
    pages_in_english.force_login(manager)

    # when
    response = pages_in_english.get(page(igu))

    # then
    assert response.status_code == 200
    text = response.content.decode()
    assert "2 of 23 school weeks planned" in text
    assert "<form" not in text.split("<main", 1)[-1]
    for url in post_urls(igu):
        assert pages_in_english.post(url).status_code == 403, url
    assert IguSchoolWeek.objects.count() == 2


def cost(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


def test_the_page_costs_the_same_for_one_week_as_for_twenty_three(
        client, caseworker, igu, django_assert_max_num_queries):
    # given
    client.force_login(caseworker)
    add_weeks(igu, 1)
    MeasureInterruption.objects.create(measure=igu, reason="illness",
                                       starts_on=datetime.date(2027, 1, 4),
                                       ends_on=datetime.date(2027, 1, 10))
    few = cost(client, page(igu))

    # when
    IguSchoolWeek.objects.all().delete()
    add_weeks(igu, 23, held=5)
    for n in range(1, 4):
        MeasureInterruption.objects.create(
            measure=igu, reason="leave", starts_on=datetime.date(2027, 2 * n, 1),
            ends_on=datetime.date(2027, 2 * n, 10))

    # then
    with django_assert_max_num_queries(MAX_QUERIES):
        many = cost(client, page(igu))
    assert many == few


def test_a_week_is_added_from_the_page(pages_in_english, caseworker, igu):
    pages_in_english.force_login(caseworker)

    response = pages_in_english.post(reverse("employment:igu_week_add", args=[igu.pk]),
                                     {"week_starts_on": "2026-10-08", "school": "AMU"})

    assert response.status_code == 302
    assert response["Location"] == page(igu) + "#school-weeks-heading"
    assert IguSchoolWeek.objects.get().week_starts_on == datetime.date(2026, 10, 5)


def test_a_week_outside_the_igu_is_refused_and_the_typing_kept(pages_in_english, caseworker,
                                                               igu):
    pages_in_english.force_login(caseworker)

    # when
    response = pages_in_english.post(reverse("employment:igu_week_add", args=[igu.pk]),
                                     {"week_starts_on": "2029-01-10", "school": "AMU Holbæk"})

    # then
    assert response.status_code == 200
    assert response.context["add_form"].errors["week_starts_on"][0].startswith(
        "The week starting 01/08/2029 is outside the IGU")
    text = response.content.decode()
    assert 'value="2029-01-10"' in text and 'value="AMU Holbæk"' in text
    assert "<title>Error:" in text
    assert not IguSchoolWeek.objects.exists()


def test_a_week_not_yet_begun_cannot_be_marked_held_and_the_row_says_why(
        pages_in_english, caseworker, household):
    # given an IGU that starts in a month
    start = timezone.localdate() + datetime.timedelta(days=30)
    igu = IguFactory(person=PersonFactory(household=household), starts_on=start)
    next_monday = start + datetime.timedelta(days=7 - start.weekday())
    week = IguSchoolWeek.objects.create(measure=igu, week_starts_on=next_monday)
    pages_in_english.force_login(caseworker)

    # when
    response = pages_in_english.post(
        reverse("employment:igu_week_status", args=[igu.pk, week.pk]),
        {f"w{week.pk}-status": "held", f"w{week.pk}-note": "Was there"})

    # then
    assert response.status_code == 200
    text = response.content.decode()
    assert "has not begun: it can only be planned" in text
    assert 'value="Was there"' in text
    week.refresh_from_db()
    assert week.status == "planned"


def test_a_held_week_is_recorded_from_its_row(pages_in_english, caseworker, igu):
    add_weeks(igu, 1)
    week = IguSchoolWeek.objects.get()
    pages_in_english.force_login(caseworker)

    response = pages_in_english.post(
        reverse("employment:igu_week_status", args=[igu.pk, week.pk]),
        {f"w{week.pk}-status": "held", f"w{week.pk}-note": ""})

    assert response.status_code == 302
    week.refresh_from_db()
    assert week.status == "held"


def interruption_data(**overrides):
    data = {"reason": "illness", "starts_on": "2027-01-04", "ends_on": "2027-01-31",
            "extend": "on", "note": "Knee operation"}
    data.update(overrides)
    return data


def test_a_short_extension_asks_for_a_reason_and_goes_ahead_with_one(pages_in_english,
                                                                     caseworker, igu):
    pages_in_english.force_login(caseworker)
    url = reverse("employment:igu_interruption_add", args=[igu.pk])

    # when four weeks of illness are to extend the IGU
    warned = pages_in_english.post(url, interruption_data())

    # then the warning asks for a reason; everything typed is kept and nothing is saved
    assert warned.status_code == 200
    text = warned.content.decode()
    assert "longer than 8 weeks; this interruption lasts 28 days." in text
    assert 'name="ack_igu_extension"' in text
    assert 'value="2027-01-31"' in text and "Knee operation" in text
    assert not MeasureInterruption.objects.exists()

    # when submitted again without a reason
    again = pages_in_english.post(url, interruption_data(warnings_shown="igu_extension",
                                                         ack_igu_extension=" "))
    # then
    assert again.status_code == 200
    assert again.context["interruption_form"].errors["ack_igu_extension"]
    assert not MeasureInterruption.objects.exists()

    # when a reason is given
    done = pages_in_english.post(url, interruption_data(
        warnings_shown="igu_extension", ack_igu_extension="Agreed with the job centre."))

    # then
    assert done.status_code == 302
    igu.refresh_from_db()
    assert igu.ends_on == datetime.date(2028, 8, 31) + datetime.timedelta(days=28)
    assert RuleAcknowledgement.objects.get().reason == "Agreed with the job centre."


def test_an_overlapping_interruption_is_refused_on_the_form(pages_in_english, caseworker, igu):
    # given
    MeasureInterruption.objects.create(measure=igu, reason="leave",
                                       starts_on=datetime.date(2027, 1, 1),
                                       ends_on=datetime.date(2027, 1, 10))
    pages_in_english.force_login(caseworker)

    # when
    response = pages_in_english.post(reverse("employment:igu_interruption_add", args=[igu.pk]),
                                     interruption_data(extend=""))

    # then
    assert response.status_code == 200
    assert response.context["interruption_form"].errors["starts_on"][0].startswith(
        "Another interruption, from 01/01/2027 to 01/10/2027")
    assert MeasureInterruption.objects.count() == 1
