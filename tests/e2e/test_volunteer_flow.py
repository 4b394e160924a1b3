"""A volunteer's whole way through the portal, the volunteer on a phone-sized screen.

The coordinator invites and approves a volunteer, a caseworker posts a task from a case, the
volunteer claims it, logs hours and reports it done, and the caseworker reads the report on
the case. Every page on the way is scanned with axe.
"""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.axe import blocking_findings
from tests.factories import HouseholdFactory, PersonFactory
from volunteers.models import Task, VolunteerProfile

pytestmark = pytest.mark.e2e

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
         "device_scale_factor": 2, "locale": "da-DK"}


def _assert_accessible(page) -> None:
    blocking = blocking_findings(page)
    assert blocking == [], page.url


def _submit(page, form_selector: str) -> None:
    page.locator(f"{form_selector} button[type=submit]").first.click()
    page.wait_for_load_state()


@pytest.fixture
def case(people):
    caseworker = people["caseworker"]
    household = HouseholdFactory(municipality=caseworker.municipality, caseworker=caseworker,
                                 status="arrived", reference="LEJ-2026-0042")
    PersonFactory(household=household, first_name="Amina", last_name="Yusuf")
    return household


def test_invite_approve_post_claim_complete_and_read_the_report(
    page, browser, live_server, people, case, login, screenshot,
):
    base = live_server.url
    today = timezone.localdate()

    # given the coordinator invites a new volunteer
    login(people["coordinator"])
    page.goto(f"{base}/volunteers/coordination/")
    page.locator("a[href$='/coordination/invitations/new/']").click()
    page.fill("#id_email", "ny.frivillig@example.dk")
    page.fill("#id_full_name", "Karl Nielsen")
    _assert_accessible(page)
    _submit(page, "main form[action$='/invitations/new/']")
    expect(page.locator("main")).to_contain_text("ny.frivillig@example.dk")
    screenshot("volunteers-1-coordinator-invited")
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/volunteers/invitation/\S+/", mail.outbox[0].body).group(0)
    invitation_path = link.split("/volunteers/", 1)[1]

    # when the volunteer opens the link on their phone and creates an account
    phone_context = browser.new_context(**PHONE)
    phone = phone_context.new_page()
    phone.goto(f"{base}/volunteers/{invitation_path}")
    expect(phone.locator("#id_full_name")).to_have_value("Karl Nielsen")
    phone.fill("#id_password", "Frivillig-2026-sikker")
    phone.fill("#id_password_repeat", "Frivillig-2026-sikker")
    _assert_accessible(phone)
    _submit(phone, "main form")
    phone.wait_for_url(re.compile(r"/volunteers/profile/$"))
    phone.check("input[name=languages][value=ar]")
    phone.fill("#id_areas", "4320 Lejre")
    _submit(phone, "main form[action$='/profile/']")
    _assert_accessible(phone)
    screenshot_path = screenshot("volunteers-2-volunteer-profile-pending")
    assert screenshot_path.exists()
    phone.screenshot(path=str(screenshot_path.with_name("volunteers-2-phone-profile.png")),
                     full_page=True)
    profile = VolunteerProfile.objects.get(user__email="ny.frivillig@example.dk")
    assert profile.status == "pending"

    # and the coordinator records the vetting and approves
    page.goto(f"{base}/volunteers/coordination/volunteers/{profile.pk}/")
    page.fill("#id_agreement_signed_on", today.isoformat())
    page.fill("#id_boerneattest_obtained_on", (today - timedelta(days=10)).isoformat())
    page.check("#id_boerneattest_no_concerns")
    _submit(page, f"main form[action$='/coordination/volunteers/{profile.pk}/']")
    _submit(page, f"main form[action$='/coordination/volunteers/{profile.pk}/approve/']")
    profile.refresh_from_db()
    assert profile.status == "active"
    _assert_accessible(page)
    screenshot("volunteers-3-coordinator-approved")

    # and a caseworker posts a task from the case
    page.context.clear_cookies()
    login(people["caseworker"])
    page.goto(f"{base}/cases/{case.pk}/")
    page.locator(f"a[href$='/volunteers/tasks/new/?household={case.pk}']").click()
    page.select_option("#id_kind", label="Følge til en aftale")
    page.fill("#id_title", "Følge til tandlægen")
    page.fill("#id_description", "Følg en voksen til tandlægen i Roskilde og hjem igen.")
    page.fill("#id_area", "4320 Lejre")
    start = (today + timedelta(days=3)).isoformat()
    page.fill("#id_starts_at", f"{start}T10:00")
    page.fill("#id_ends_at", f"{start}T12:00")
    page.fill("#id_estimated_hours", "2")
    _assert_accessible(page)
    _submit(page, "main form")
    page.wait_for_url(re.compile(rf"/cases/{case.pk}/$"))
    task = Task.objects.get(title="Følge til tandlægen")
    assert task.household_id == case.pk

    # when the volunteer takes the task on their phone
    phone.goto(f"{base}/volunteers/tasks/")
    expect(phone.locator("main")).to_contain_text("Følge til tandlægen")
    expect(phone.locator("main")).not_to_contain_text("Amina")
    _assert_accessible(phone)
    phone.screenshot(path=str(screenshot_path.with_name("volunteers-4-phone-board.png")),
                     full_page=True)
    _submit(phone, f"main form[action*='/tasks/{task.pk}/claim/']")
    phone.goto(f"{base}/volunteers/tasks/mine/")
    expect(phone.locator("main")).to_contain_text("Følge til tandlægen")

    # and logs hours and reports the task done
    phone.locator("details", has=phone.locator(f"form[action$='/tasks/{task.pk}/hours/']")) \
        .locator("summary").click()
    phone.fill(f"#id_hours-{task.pk}-date", today.isoformat())
    phone.fill(f"#id_hours-{task.pk}-hours", "2,5")
    _submit(phone, f"main form[action$='/tasks/{task.pk}/hours/']")
    phone.locator("details", has=phone.locator(f"form[action$='/tasks/{task.pk}/complete/']")) \
        .locator("summary").click()
    phone.fill(f"#id_complete-{task.pk}-report_text", "Vi nåede frem i god tid. Alt gik fint.")
    _assert_accessible(phone)
    _submit(phone, f"main form[action$='/tasks/{task.pk}/complete/']")
    task.refresh_from_db()
    assert task.status == "done"
    phone.screenshot(path=str(screenshot_path.with_name("volunteers-5-phone-done.png")),
                     full_page=True)
    phone_context.close()

    # then the caseworker reads the report and the hours on the case
    page.goto(f"{base}/cases/{case.pk}/")
    main = page.locator("main")
    expect(main).to_contain_text("Følge til tandlægen")
    expect(main).to_contain_text("Vi nåede frem i god tid.")
    expect(main).to_contain_text("Karl Nielsen")
    expect(main).to_contain_text("2,5")
    _assert_accessible(page)
    screenshot("volunteers-6-caseworker-reads-report")
