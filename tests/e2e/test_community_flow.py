"""A caseworker records a person's consent and refers them to the local football club; a
referral without consent is refused on the page; and the community pages pass axe."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from community.models import Consent, Referral
from tests.community.factories import AssociationFactory
from tests.e2e.axe import blocking_findings, findings_on_pages
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.e2e

DAY = datetime.timedelta(days=1)


@pytest.fixture
def family(people):
    lejre = people["caseworker"].municipality
    today = timezone.localdate()
    household = HouseholdFactory(municipality=lejre, status="arrived", reference="LEJ-2026-0077",
                                 caseworker=people["caseworker"], arrival_date=today - 20 * DAY)
    father = PersonFactory(household=household, first_name="Samir", last_name="Haddad",
                           birth_date=datetime.date(1986, 3, 9), phone="20 30 40 50",
                           languages=["ar", "en"])
    son = PersonFactory(household=household, relation="child", first_name="Omar",
                        last_name="Haddad", birth_date=today.replace(year=today.year - 9, day=1))
    club = AssociationFactory(municipality=lejre, name="Hvalsø IF", kind="sports",
                              email="fodbold@hvalsoe-if.example.org")
    AssociationFactory(municipality=lejre, name="Lejre Bibliotek", kind="library")
    return {"household": household, "father": father, "son": son, "club": club}


def test_a_caseworker_refers_a_person_to_a_football_club_with_consent(
        page, live_server, people, login, screenshot, family):
    household, father, son, club = (family["household"], family["father"], family["son"],
                                    family["club"])
    login(people["caseworker"])
    page.context.add_cookies([{"name": "django_language", "value": "en",
                               "url": live_server.url}])

    # given the case page's community section
    page.goto(f"{live_server.url}/cases/{household.pk}/")
    expect(page.locator("#community-heading")).to_be_visible()

    # when the caseworker tries to refer the son, who has no consent
    page.locator(f"a[href='/community/cases/{household.pk}/referrals/new/']").click()
    page.select_option("#id_person", str(son.pk))
    page.select_option("#id_association", str(club.pk))
    page.locator("main form[method=post] button[type=submit]").click()

    # then the page says why, and nothing is saved
    expect(page.locator(".alert-error")).to_contain_text("no consent in force")
    assert not Referral.objects.exists()

    # when the father's consent is recorded (first name, phone, languages), orally with an
    # interpreter
    page.goto(f"{live_server.url}/cases/{household.pk}/")
    page.locator(f"a[href='/community/cases/{household.pk}/consents/new/']").click()
    page.select_option("#id_person", str(father.pk))
    for item in ("first_name", "phone", "languages"):
        page.check(f"input[name=items][value={item}]")
    page.check("input[name=recorded_how][value=oral_interpreter]")
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page).to_have_url(f"{live_server.url}/cases/{household.pk}/")
    assert Consent.objects.get().person == father

    # and he is referred to the football club
    page.locator(f"a[href='/community/cases/{household.pk}/referrals/new/']").click()
    page.select_option("#id_person", str(father.pk))
    page.select_option("#id_association", str(club.pk))
    screenshot("community-referral")
    page.locator("main form[method=post] button[type=submit]").click()

    # then the case lists the referral, with its follow-up
    expect(page).to_have_url(f"{live_server.url}/cases/{household.pk}/")
    section = page.locator("#community-heading").locator("xpath=..")
    expect(section).to_contain_text("Hvalsø IF")
    referral = Referral.objects.get()
    assert referral.shared_data == {"child": False, "first_name": "Samir",
                                    "phone": "20 30 40 50", "languages": ["ar", "en"]}
    assert referral.follow_up_on == timezone.localdate() + 28 * DAY


def test_the_community_pages_pass_axe(page, live_server, people, login, family):
    """Every community page a caseworker reaches, in Danish, has no serious or critical axe
    finding (WCAG 2.1 AA)."""

    from community import services

    household, father, club = family["household"], family["father"], family["club"]
    consent = services.consent_record(person=father, actor=people["caseworker"],
                                      items=["first_name"], given_on=timezone.localdate(),
                                      recorded_how="signed_form")
    referral = services.referral_create(person=father, association=club,
                                        actor=people["caseworker"])
    paths = [
        "/community/", "/community/associations/", "/community/associations/new/",
        f"/community/associations/{club.pk}/", f"/community/associations/{club.pk}/edit/",
        f"/community/cases/{household.pk}/consents/new/",
        f"/community/cases/{household.pk}/consents/{consent.pk}/withdraw/",
        f"/community/cases/{household.pk}/referrals/new/",
        "/community/referrals/follow-up/", f"/community/referrals/{referral.pk}/",
        f"/community/referrals/{referral.pk}/follow-up/", f"/cases/{household.pk}/",
    ]
    findings = findings_on_pages(page, base_url=live_server.url, login=login,
                                 pages={people["caseworker"]: paths})
    # and a form sent back with errors
    page.goto(f"{live_server.url}/community/associations/new/")
    page.locator("main form[method=post] button[type=submit]").click()
    serious = blocking_findings(page)
    if serious:
        findings["association form with errors"] = serious
    assert findings == {}
