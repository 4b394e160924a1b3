"""A caseworker registers a child's daycare place from the case page, sees the school start
before arrival refused on its field, and the children pages pass axe."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from children.models import ChildPlacement
from tests.children.factories import InstitutionFactory
from tests.e2e.axe import blocking_findings, findings_on_pages
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.e2e

DAY = datetime.timedelta(days=1)


@pytest.fixture
def family(people):
    lejre = people["caseworker"].municipality
    today = timezone.localdate()
    household = HouseholdFactory(municipality=lejre, status="arrived", reference="LEJ-2026-0051",
                                 caseworker=people["caseworker"], arrival_date=today - 20 * DAY)
    PersonFactory(household=household, first_name="Rania", last_name="Haddad",
                  birth_date=datetime.date(1988, 7, 2))
    lina = PersonFactory(household=household, relation="child", first_name="Lina",
                         last_name="Haddad", birth_date=today - (3 * 365 + 40) * DAY)
    karim = PersonFactory(household=household, relation="child", first_name="Karim",
                          last_name="Haddad", birth_date=today - (16 * 365 + 40) * DAY)
    daycare = InstitutionFactory(municipality=lejre, name="Børnehuset Troldehøj",
                                 strategy="Velkomstmøde med tolk for nye familier.",
                                 strategy_adopted_on=datetime.date(2025, 3, 1))
    school = InstitutionFactory(municipality=lejre, name="Hvalsø Skole", kind="school")
    return {"household": household, "lina": lina, "karim": karim, "daycare": daycare,
            "school": school, "today": today}


def test_a_caseworker_registers_a_child_s_daycare_place(page, live_server, people, login,
                                                       screenshot, family):
    household, lina, today = family["household"], family["lina"], family["today"]
    login(people["caseworker"])

    # when the caseworker opens the case and goes to the child
    page.goto(f"{live_server.url}/cases/{household.pk}/")
    section = page.locator("#children-heading").locator("xpath=..")
    expect(section).to_contain_text("Lina Haddad")
    section.locator(f"a[href='/children/person/{lina.pk}/']").click()
    expect(page.locator("h1")).to_contain_text("Lina Haddad")
    page.locator(f"a[href='/children/person/{lina.pk}/places/new/']").click()

    # and types a start before the family arrived
    page.select_option("#id_institution", label="Børnehuset Troldehøj")
    page.check("input[type=radio][name=status][value=started]")
    page.fill("#id_requested_on", (today - 19 * DAY).isoformat())
    page.fill("#id_starts_on", (today - 30 * DAY).isoformat())
    page.fill("#id_note", "Kontaktpædagog: Mette")
    page.locator("main form button[type=submit]").click()

    # then it is refused on the field, with what was typed kept, and nothing saved
    expect(page.locator(".form-error-message").first).to_contain_text(
        "kan ikke ligge før barnets ankomst")
    expect(page.locator("#id_note")).to_have_value("Kontaktpædagog: Mette")
    assert not ChildPlacement.objects.exists()
    screenshot("children-place-error")

    # when the start is corrected
    page.fill("#id_starts_on", (today - 2 * DAY).isoformat())
    page.locator("main form button[type=submit]").click()

    # then the place is registered and shown on the child's page and the case
    expect(page).to_have_url(f"{live_server.url}/children/person/{lina.pk}/")
    expect(page.locator("#child-places-caption").locator("xpath=..")).to_contain_text(
        "Børnehuset Troldehøj")
    placement = ChildPlacement.objects.get()
    assert (placement.kind, placement.status, placement.starts_on) == (
        "daycare", "started", today - 2 * DAY)
    screenshot("children-child-page")
    page.goto(f"{live_server.url}/cases/{household.pk}/")
    expect(page.locator("#children-heading").locator("xpath=..")).to_contain_text(
        "Børnehuset Troldehøj")


def test_the_children_pages_pass_axe(page, live_server, people, login, family):
    """Every children page a caseworker and a manager open, with data on it, and a form with
    errors, has no serious or critical axe finding (WCAG 2.1 AA)."""
    from children import services

    caseworker = people["caseworker"]
    lina, karim, daycare = family["lina"], family["karim"], family["daycare"]
    placement = services.placement_create(
        person=lina, actor=caseworker, institution=daycare, status="requested",
        requested_on=family["today"])
    assessment = services.assessment_create(person=lina, actor=caseworker,
                                            assessed_on=family["today"],
                                            result="Generel indsats")
    services.youth_guidance_save(person=karim, actor=caseworker, contact_name="Lars Holm",
                                 education_plan="10. klasse", status="active")
    pages = {
        "caseworker": ["/children/institutions/", "/children/institutions/?strategy=yes",
                       "/children/institutions/new/", f"/children/institutions/{daycare.pk}/",
                       f"/children/institutions/{daycare.pk}/edit/",
                       f"/children/person/{lina.pk}/", f"/children/person/{karim.pk}/",
                       f"/children/person/{lina.pk}/places/new/",
                       f"/children/places/{placement.pk}/edit/",
                       f"/children/person/{lina.pk}/assessments/new/",
                       f"/children/assessments/{assessment.pk}/edit/",
                       f"/children/person/{karim.pk}/youth-guidance/",
                       f"/cases/{family['household'].pk}/"],
        "manager": ["/children/settings/", "/children/institutions/"],
    }
    findings = findings_on_pages(page, base_url=live_server.url, login=login,
                                 pages={people[role]: paths for role, paths in pages.items()})

    def scan(path):
        blocking = blocking_findings(page)
        if blocking:
            findings[path] = blocking

    # and a form with errors: youth guidance for a three-year-old
    page.context.clear_cookies()
    login(caseworker)
    page.goto(f"{live_server.url}/children/person/{lina.pk}/youth-guidance/")
    page.fill("#id_contact_name", "Lars Holm")
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".form-error-message").first).to_be_visible()
    scan("youth guidance (errors)")

    assert findings == {}
