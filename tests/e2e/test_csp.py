"""No page breaks the Content-Security-Policy: nothing the browser is shown is blocked.

Each role's pages are crawled from its start page, as in the accessibility scan; the
administrator also opens Django admin and the API's pages. A violation is caught twice over:
by a `securitypolicyviolation` listener installed before any page script runs, and by
Chromium's console message about it.
"""

from collections import deque
from urllib.parse import urlsplit

import pytest

from tests.e2e.test_accessibility import _links, arrived_case  # noqa: F401  (a fixture)
from tests.factories import UserFactory

pytestmark = pytest.mark.e2e

MAX_PAGES_PER_ROLE = 40
# Playwright injects this through the DevTools protocol, which the page's CSP does not govern.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " blocked " + (event.blockedURI || "inline")
    + " at " + event.sourceFile + ":" + event.lineNumber);
});
"""


@pytest.fixture
def csp_violations(page):
    found: list[str] = []
    page.add_init_script(LISTEN)
    page.on("console", lambda message: found.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text else None)
    return found


def visit(page, base: str, start_paths: list[str], follow: bool) -> tuple[dict, set[str]]:
    blocked: dict[str, list[str]] = {}
    queue, seen = deque(start_paths), set(start_paths)
    while queue and len(seen) <= MAX_PAGES_PER_ROLE:
        path = queue.popleft()
        page.goto(base + path)
        page.wait_for_load_state("load")
        if found := page.evaluate("window.__cspViolations || []"):
            blocked[path] = found
        if follow:
            for link in _links(page, base):
                if link not in seen:
                    seen.add(link)
                    queue.append(link)
    return blocked, seen


@pytest.mark.usefixtures("arrived_case")
@pytest.mark.parametrize("role", ["caseworker", "coordinator", "manager", "volunteer"])
def test_no_page_a_role_reaches_is_blocked_by_the_policy(page, live_server, people, login,
                                                          csp_violations, role):
    # given a logged-in user of the role
    login(people[role])

    # when every page reachable from their start page is opened
    blocked, seen = visit(page, live_server.url, [urlsplit(page.url).path], follow=True)

    # then the policy blocked nothing
    assert len(seen) > 1
    assert blocked == {}
    assert csp_violations == []


def test_django_admin_and_the_api_pages_are_not_blocked(page, live_server, people, login,
                                                        csp_violations):
    # given an administrator
    lejre = people["manager"].municipality
    admin = UserFactory(municipality=lejre, manager=True, is_staff=True, is_superuser=True,
                        email="admin@lejre.example", full_name="Anne Admin")
    login(admin)

    # when they open Django admin's pages and the API documentation
    user_change = f"/admin/accounts/user/{people['caseworker'].pk}/change/"
    blocked, _ = visit(page, live_server.url, [
        "/admin/", "/admin/accounts/user/", user_change, "/admin/accounts/user/add/",
        "/api/v1/docs/", "/api/v1/",
    ], follow=False)

    # then the policy blocked nothing
    assert blocked == {}
    assert csp_violations == []


def test_the_login_page_and_the_mfa_set_up_are_not_blocked(page, live_server, people, login,
                                                           csp_violations):
    # given the login page, and a logged-in caseworker who opens the TOTP set-up with its QR code
    page.goto(f"{live_server.url}/accounts/login/")
    login(people["caseworker"])
    page.goto(f"{live_server.url}/accounts/2fa/totp/activate/")
    page.wait_for_load_state("load")

    # then nothing was blocked
    assert page.evaluate("window.__cspViolations") == []
    assert csp_violations == []
