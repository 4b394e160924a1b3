"""Each role logs in through the browser and lands on its own start page."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

START_PAGES = {
    "caseworker": "/cases/",
    "coordinator": "/cases/",
    "manager": "/manager/",
    "volunteer": "/volunteers/tasks/",
}


@pytest.mark.parametrize("role", list(START_PAGES))
def test_role_logs_in_and_lands_on_its_start_page(page, live_server, people, login, screenshot,
                                                  role):
    # given a user of the role
    user = people[role]

    # when they log in through the login form
    login(user)

    # then they are on their start page, in Danish, with their municipality in the header
    expect(page).to_have_url(re.compile(re.escape(START_PAGES[role]) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "da")
    expect(page.locator("header")).to_contain_text("Lejre")
    expect(page.locator("h1")).to_have_count(1)
    screenshot(f"start-{role}-da")


def test_the_language_switcher_turns_the_portal_english(page, live_server, people, login,
                                                        screenshot):
    # given a logged-in caseworker on their start page
    login(people["caseworker"])

    # when they choose English in the language switcher
    page.locator("select[name=language]").select_option("en")
    page.locator("form:has(select[name=language]) button[type=submit]").click()
    page.wait_for_load_state()

    # then the page is in English and stays on the same page
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("My overview")
    expect(page).to_have_url(re.compile(r"/cases/$"))
    screenshot("start-caseworker-en")


def test_a_wrong_password_keeps_the_email_and_says_why(page, live_server, people):
    page.goto(f"{live_server.url}/accounts/login/")
    form = page.locator("form:has(input[name=login])")
    form.locator("input[name=login]").fill(people["caseworker"].email)
    form.locator("input[name=password]").fill("not-the-password")
    form.locator("button[type=submit]").click()

    expect(form.locator("input[name=login]")).to_have_value(people["caseworker"].email)
    expect(page.locator("main")).to_contain_text(re.compile("e-mail|adgangskode", re.I))


def test_logout_ends_the_session(page, live_server, people, login):
    login(people["manager"])

    page.locator("form[action$='/accounts/logout/'] button[type=submit]").first.click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/manager/")

    expect(page).to_have_url(re.compile(r"/accounts/login/"))
