"""A caseworker finds temporary housing for an arrived household, records the move-in, then
finds and records its move into a permanent home."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from housing.models import Placement, ServiceFrameItem
from tests.e2e.axe import blocking_findings, findings_on_pages
from tests.factories import HouseholdFactory, PersonFactory
from tests.housing.factories import HousingUnitFactory, PlaceFactory

pytestmark = pytest.mark.e2e

DAY = datetime.timedelta(days=1)


@pytest.fixture
def stock(people):
    """An arrived family of three, a temporary and a permanent home, and places around."""
    lejre = people["caseworker"].municipality
    today = timezone.localdate()
    household = HouseholdFactory(municipality=lejre, status="arrived", reference="LEJ-2026-0042",
                                 caseworker=people["caseworker"], arrival_date=today - 12 * DAY)
    PersonFactory(household=household, first_name="Rania", last_name="Haddad",
                  birth_date=datetime.date(1988, 7, 2))
    PersonFactory(household=household, relation="spouse", first_name="Samir",
                  last_name="Haddad", birth_date=datetime.date(1986, 3, 9))
    PersonFactory(household=household, relation="child", first_name="Omar", last_name="Haddad",
                  birth_date=today.replace(year=today.year - 9))
    common = {"municipality": lejre, "available_from": today - 100 * DAY}
    temporary = HousingUnitFactory(address="Stationsvej 4", town="Lejre", postcode="4320",
                                   kind="temporary", rooms=2, capacity=4, **common)
    HousingUnitFactory(address="Bakkevej 9", town="Lejre", postcode="4320", kind="temporary",
                       rooms=1, capacity=2, **common)
    permanent = HousingUnitFactory(
        address="Skolevej 12", town="Hvalsø", postcode="4330", kind="permanent", rooms=3,
        capacity=5, landlord_kind="housing_association", landlord_name="Lejre Boligforening",
        latitude=Decimal("55.5932"), longitude=Decimal("11.8608"), **common)
    for kind, lat, lon in (("school", "55.5951", "11.8640"), ("sfo", "55.5951", "11.8640"),
                           ("shop", "55.6040", "11.9760"), ("stop", "55.5930", "11.8600")):
        PlaceFactory(municipality=lejre, kind=kind, latitude=Decimal(lat),
                     longitude=Decimal(lon))
    ServiceFrameItem.objects.create(municipality=lejre, name="Seng med madras", per_person=True)
    ServiceFrameItem.objects.create(municipality=lejre, name="Spisebord", for_permanent=True)
    return {"household": household, "temporary": temporary, "permanent": permanent,
            "today": today}


def test_a_caseworker_places_a_household_temporarily_and_then_permanently(
        page, live_server, people, login, screenshot, stock):
    household, today = stock["household"], stock["today"]
    moved_in_temporarily = today - 10 * DAY
    login(people["caseworker"])

    # when the caseworker opens the case and goes to find it a home
    page.goto(f"{live_server.url}/cases/{household.pk}/")
    expect(page.locator("#housing-heading")).to_be_visible()
    page.locator(f"#housing-heading ~ p a[href='/housing/cases/{household.pk}/match/']").click()

    # and searches temporary housing from the day the family came out of the hostel
    page.check("input[type=radio][name=kind][value=temporary]")
    page.fill("#id_starts_on", moved_in_temporarily.isoformat())
    page.locator("main form[method=get] button[type=submit]").click()
    ranked = page.locator("#ranked-caption").locator("xpath=..")
    expect(ranked).to_contain_text("Stationsvej 4")
    # the one-room home is ruled out, with the reason
    expect(page.locator("#excluded-caption").locator("xpath=..")).to_contain_text("Bakkevej 9")
    screenshot("housing-match-temporary")

    # and reserves the temporary home
    ranked.locator("tr", has_text="Stationsvej 4").locator("button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/housing/cases/{household.pk}/")
    temporary = Placement.objects.get(household=household)
    assert (temporary.status, temporary.starts_on) == ("reserved", moved_in_temporarily)

    # and records the move-in on that day, ticking off the bed from the checklist
    page.fill(f"#id_p{temporary.pk}-moved_in_on", moved_in_temporarily.isoformat())
    page.locator(f"form[action$='/placements/{temporary.pk}/move-in/'] button").click()
    expect(page.locator(f"#placement-{temporary.pk}-heading")).to_be_visible()
    page.locator(f"#checklist-{temporary.pk} input[type=checkbox]").first.check()
    page.locator(f"#checklist-{temporary.pk} button[type=submit]").click()
    screenshot("housing-household-temporary")
    temporary.refresh_from_db()
    assert temporary.status == "active"
    assert temporary.checklist.filter(delivered_on=today).count() == 1

    # then, looking for a permanent home, the search is for a permanent one
    page.goto(f"{live_server.url}/housing/cases/{household.pk}/match/")
    expect(page.locator("input[type=radio][name=kind][value=permanent]")).to_be_checked()
    page.fill("#id_starts_on", today.isoformat())
    page.locator("main form[method=get] button[type=submit]").click()
    ranked = page.locator("#ranked-caption").locator("xpath=..")
    expect(ranked).to_contain_text("Skolevej 12")
    screenshot("housing-match-permanent")
    ranked.locator("tr", has_text="Skolevej 12").locator("button[type=submit]").click()

    # and records the move into it today
    permanent = Placement.objects.get(household=household, is_permanent=True)
    page.fill(f"#id_p{permanent.pk}-moved_in_on", today.isoformat())
    page.locator(f"form[action$='/placements/{permanent.pk}/move-in/'] button").click()
    expect(page.locator(f"#placement-{permanent.pk}-heading")).to_contain_text("Skolevej 12")
    screenshot("housing-household-permanent")

    # then the temporary stay ended the day the permanent one began
    temporary.refresh_from_db()
    permanent.refresh_from_db()
    assert (temporary.status, temporary.ends_on) == ("ended", today)
    assert (permanent.status, permanent.starts_on) == ("active", today)

    # and the case page shows both homes
    page.goto(f"{live_server.url}/cases/{household.pk}/")
    section = page.locator("#housing-heading").locator("xpath=..")
    expect(section).to_contain_text("Stationsvej 4")
    expect(section).to_contain_text("Skolevej 12")
    screenshot("housing-case-page")




def test_the_housing_pages_pass_axe(page, live_server, people, login, stock):
    """Every housing page a caseworker and a manager open, with data on it, and a form with
    errors, has no serious or critical axe finding (WCAG 2.1 AA)."""
    from housing import services

    household, caseworker = stock["household"], people["caseworker"]
    reservation = services.placement_reserve(
        household=household, unit=stock["temporary"], actor=caseworker,
        starts_on=stock["today"])
    h, p = household.pk, reservation.pk
    pages = {
        "caseworker": ["/housing/", "/housing/homes/", f"/housing/homes/{stock['temporary'].pk}/",
                       "/housing/homes/new/", f"/housing/homes/{stock['permanent'].pk}/edit/",
                       "/housing/hosts/", "/housing/hosts/new/", "/housing/places/",
                       "/housing/places/new/", "/housing/guidelines/", "/housing/service-frame/",
                       "/housing/quota/", f"/housing/cases/{h}/", f"/housing/cases/{h}/match/",
                       f"/housing/cases/{h}/placements/{p}/moving-help/", f"/cases/{h}/"],
        "manager": ["/housing/guidelines/edit/", "/housing/service-frame/new/",
                    "/housing/quota/edit/", "/manager/"],
    }
    findings = findings_on_pages(page, base_url=live_server.url, login=login,
                                 pages={people[role]: paths for role, paths in pages.items()})

    def scan(path):
        blocking = blocking_findings(page)
        if blocking:
            findings[path] = blocking

    # and a form with errors: coordinates outside Denmark
    page.context.clear_cookies()
    login(caseworker)
    page.goto(live_server.url + "/housing/homes/new/")
    page.fill("#id_address", "Storgatan 1")
    page.fill("#id_latitude", "59.33")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".form-error-message").first).to_be_visible()
    scan("/housing/homes/new/ (errors)")

    assert findings == {}
