"""A caseworker turns an arrival notice into an arrived household and downloads its letter."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from reception.models import Household, Letter, Milestone

pytestmark = pytest.mark.e2e


@pytest.fixture
def eager_tasks(settings):
    # The welcome letter task runs in the live server's process here; a real worker running
    # it is proven in tests/core/test_worker.py and the letter tests.
    from integration_portal.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


def test_notice_to_arrived_household_with_milestones_and_letter(
    page, live_server, people, login, screenshot, eager_tasks
):
    today = timezone.localdate()
    login(people["caseworker"])

    # when the caseworker registers the Immigration Service's notice
    page.goto(f"{live_server.url}/cases/new/")
    page.fill("#id_source_reference", "US-4711")
    page.select_option("#id_source", "email")
    page.fill("#id_received_on", (today - timedelta(days=20)).isoformat())
    page.fill("#id_expected_arrival_date", today.isoformat())
    page.select_option("#id_residence_basis", "asylum_refugee")
    page.fill("#id_placement_decision_date", (today - timedelta(days=25)).isoformat())
    page.fill("#id_adults", "1")
    page.check("input[name=languages][value=ar]")
    screenshot("reception-notice-form")
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_contain_text(re.compile(r"[A-Z]{3}-\d{4}-\d{4}"))

    # and adds the person from the placement decision
    page.locator("main a", has_text=re.compile("Tilføj en person")).first.click()
    page.select_option("#id_relation", "applicant")
    page.fill("#id_first_name", "Ahmad")
    page.fill("#id_last_name", "Al-Hassan")
    page.fill("#id_cpr", "010190-1234")  # 1 January, fails modulus 11: still valid
    page.select_option("#id_residence_basis", "asylum_refugee")
    page.select_option("#id_letter_language", "ar")
    page.locator("main form button[type=submit]").first.click()
    expect(page.locator("main")).to_contain_text("Ahmad Al-Hassan")

    # and marks the household as arrived today
    page.fill("#id_arrival_date", today.isoformat())
    page.locator("form[action$='/arrive/'] button[type=submit]").click()

    # then the case has arrived, shows its milestones and the welcome letter
    household = Household.objects.get(notice__source_reference="US-4711")
    assert household.status == "arrived"
    assert Milestone.objects.filter(household=household).count() >= 5
    expect(page.locator("#milestones-heading")).to_be_visible()
    expect(page.locator(".portal-timeline-item").first).to_be_visible()
    letter = Letter.objects.get(household=household)
    assert letter.languages == ["da", "ar"]
    screenshot("reception-case-arrived")

    with page.expect_download() as download_info:
        page.locator("a[href$='/pdf/']").first.click()
    download = download_info.value
    assert download.path().read_bytes().startswith(b"%PDF")


def test_a_manager_reads_the_audit_trail(page, live_server, people, login, screenshot):
    from reception import services

    household = services.notice_register(
        municipality=people["caseworker"].municipality, actor=people["caseworker"],
        source="phone", source_reference="", received_on=timezone.localdate(),
        expected_arrival_date=timezone.localdate(), residence_basis="quota_refugee",
        placement_decision_date=None, adults=1, children_0_5=0, children_6_14=0,
        children_15_17=0, languages=[], need_flags=[], note="",
    )
    login(people["manager"])

    page.goto(f"{live_server.url}/cases/audit/?reference={household.reference}")

    expect(page.locator("table")).to_contain_text(people["caseworker"].full_name)
    screenshot("reception-audit-manager")
