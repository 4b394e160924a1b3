"""A caseworker plans an IGU for a person who is too old, sees the rule's warning, corrects
it by choosing the right person of the case, records the start, follows the school weeks
and sees the outcome on the case; and the employment pages pass axe."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from employment.models import Measure, RuleAcknowledgement
from reception.models import Milestone
from tests.e2e.axe import findings_on_pages
from tests.employment.factories import EmployerFactory, measure_type
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.e2e

DAY = datetime.timedelta(days=1)


@pytest.fixture
def family(people):
    """A case in the programme since 250 days: a man of 55 and his son of 35, and a baker in
    the employer network."""
    lejre = people["caseworker"].municipality
    today = timezone.localdate()
    household = HouseholdFactory(municipality=lejre, status="in_programme",
                                 reference="LEJ-2026-0077", caseworker=people["caseworker"],
                                 arrival_date=today - 260 * DAY)
    takeover = today - 250 * DAY
    father = PersonFactory(household=household, relation="other", first_name="Gul",
                           last_name="Haidari", birth_date=today.replace(year=today.year - 55),
                           takeover_date_override=takeover,
                           takeover_override_reason="Set by hand for the test")
    son = PersonFactory(household=household, relation="applicant", first_name="Farid",
                        last_name="Haidari", birth_date=datetime.date(1991, 4, 2),
                        takeover_date_override=takeover,
                        takeover_override_reason="Set by hand for the test")
    bakery = EmployerFactory(municipality=lejre, name="Hvalsø Bageri ApS", cvr="29189846",
                             in_network=True)
    return {"household": household, "father": father, "son": son, "bakery": bakery,
            "today": today, "takeover": takeover}


def test_a_caseworker_plans_an_igu_past_the_age_warning_by_choosing_the_right_person(
        page, live_server, people, login, screenshot, family):
    household, father, son = family["household"], family["father"], family["son"]
    starts_on = family["takeover"] + 20 * DAY
    login(people["caseworker"])

    # given the case page, where the father's employment page is linked
    page.goto(f"{live_server.url}/cases/{household.pk}/")
    expect(page.locator("#employment-heading")).to_be_visible()
    page.locator(f"a[href='/employment/persons/{father.pk}/']").first.click()

    # when the caseworker plans an IGU for him at the bakery
    page.locator(f"a[href='/employment/persons/{father.pk}/measures/new/']").click()
    page.select_option("#id_measure_type", value=str(measure_type("igu").pk))
    page.select_option("#id_employer", value=str(family["bakery"].pk))
    page.fill("#id_starts_on", starts_on.isoformat())
    page.fill("#id_hours_per_week", "30")
    page.locator("main form[method=post] button[type=submit]").first.click()

    # then the age rule warns, with a reason to give, and nothing is saved
    expect(page.locator("#id_ack_igu_max_age")).to_be_visible()
    expect(page.locator("main")).to_contain_text(str(father.age_on(starts_on)))
    assert not Measure.objects.exists()
    # and what was typed is still there
    expect(page.locator("#id_starts_on")).to_have_value(starts_on.isoformat())
    expect(page.locator("#id_hours_per_week")).to_have_value(re.compile(r"^30"))
    screenshot("employment-igu-age-warning")

    # when the caseworker corrects it: the IGU is for the son
    page.select_option("#id_person", value=str(son.pk))
    page.locator("main form[method=post] button[type=submit]").first.click()

    # then it is planned for him, with 24 months and no warning gone past
    expect(page).to_have_url(re.compile(r"/employment/measures/\d+/$"))
    igu = Measure.objects.get()
    assert (igu.person_id, igu.status, igu.starts_on) == (son.pk, "planned", starts_on)
    assert igu.ends_on == starts_on.replace(year=starts_on.year + 2) - DAY
    assert not RuleAcknowledgement.objects.exists()
    # and the employer's first bonus is a deadline on the son, 6 months after the start
    bonus = Milestone.objects.get(person=son, kind="igu_bonus_first")
    assert bonus.due_date > starts_on

    # when the start is recorded on the planned day
    page.locator(f"a[href='/employment/measures/{igu.pk}/start/']").click()
    page.fill("#id_started_on", starts_on.isoformat())
    page.locator("main form[method=post] button[type=submit]").first.click()
    expect(page).to_have_url(f"{live_server.url}/employment/measures/{igu.pk}/")

    # and the first school week is planned and marked as held
    page.locator(f"a[href='/employment/measures/{igu.pk}/igu/']").click()
    page.fill("#id_week_starts_on", (starts_on + 14 * DAY).isoformat())
    page.locator(f"form[action='/employment/measures/{igu.pk}/igu/weeks/'] "
                 "button[type=submit]").click()
    week = igu.school_weeks.get()
    row = page.locator(f"#week-{week.pk}")
    if row.locator("details").count():
        row.locator("details summary").click()
    row.locator("select").select_option("held")
    row.locator("form[action$='/status/'] button[type=submit]").click()
    week.refresh_from_db()
    assert week.status == "held"
    expect(page.locator("#school-weeks-heading ~ p").first).to_contain_text("23")
    screenshot("employment-igu-follow-up")

    # then the case page shows the outcome 6 months after takeover: IGU
    page.goto(f"{live_server.url}/cases/{household.pk}/")
    outcomes = page.locator(".portal-outcomes")
    expect(outcomes).to_have_count(1)
    expect(outcomes).to_contain_text("IGU")
    screenshot("employment-case-outcome")


def test_the_employment_pages_pass_axe(page, live_server, people, login, family):
    """Every employment page a caseworker and a manager reach, in Danish, has no serious or
    critical axe finding (WCAG 2.1 AA)."""

    from employment.selectors.rules import measure_type_for_category
    from employment.services.measures import measure_plan

    son, bakery = family["son"], family["bakery"]
    igu = measure_plan(
        actor=people["caseworker"], person=son, starts_on=family["takeover"] + 20 * DAY,
        measure_type=measure_type_for_category(municipality_id=son.household.municipality_id,
                                               category="igu"),
        hours_per_week=30, employer=bakery)
    paths = [
        "/employment/", "/employment/measures/", "/employment/employers/",
        f"/employment/employers/{bakery.pk}/", "/employment/openings/", "/employment/danish/",
        "/employment/rules/", "/employment/kinds/",
        f"/employment/persons/{son.pk}/", f"/employment/measures/{igu.pk}/",
        f"/employment/measures/{igu.pk}/igu/",
    ]
    writer_paths = [
        "/employment/queue/",
        f"/employment/persons/{son.pk}/measures/new/", f"/employment/measures/{igu.pk}/edit/",
        "/employment/employers/new/", f"/employment/persons/{son.pk}/danish/new/",
    ]
    manager_paths = ["/employment/rules/new/", "/employment/kinds/new/"]
    findings = findings_on_pages(page, base_url=live_server.url, login=login, pages={
        people["caseworker"]: paths + writer_paths, people["manager"]: paths + manager_paths})
    assert findings == {}
