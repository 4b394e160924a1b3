"""Browser tests: Debian's Chromium driven by Playwright against a live server.

Chromium is launched from /usr/bin/chromium (never a downloaded browser build) with the flags
this closed network needs. Screenshots go to test-artifacts/screenshots (git-ignored).
"""

import os
import time
from pathlib import Path

import pytest

from tests.factories import TEST_PASSWORD, MunicipalityFactory, UserFactory, totp_code

CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]



def pytest_collection_modifyitems(config, items):
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        # In CI a missing browser is a broken setup, not a reason to pass.
        raise pytest.UsageError(f"{CHROMIUM} is missing; `make test` installs Debian's chromium")
    skip = pytest.mark.skip(reason=f"{CHROMIUM} is not installed (make test installs it)")
    for item in items:
        if "e2e" in item.nodeid:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A Danish caseworker's browser; without it Chromium asks for en-US and gets English.
    return {**browser_context_args, "locale": "da-DK"}


@pytest.fixture(autouse=True)
def _e2e_marker(request):
    request.node.add_marker(pytest.mark.e2e)


@pytest.fixture
def screenshot(page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture(scope="session", autouse=True)
def _sync_orm_beside_playwright():
    # Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
    # themselves (factories, the flush after a live-server test) are still synchronous and
    # safe. Session-wide, because the flush runs after function-scoped fixtures are undone.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def people(transactional_db):
    """One user per role in Lejre, and a manager in Vejen."""
    lejre = MunicipalityFactory(name="Lejre", code="350", slug="lejre",
                                contact_email="integration@lejre.example")
    vejen = MunicipalityFactory(name="Vejen", code="575", slug="vejen")
    return {
        "caseworker": UserFactory(municipality=lejre, caseworker=True,
                                  email="caseworker@lejre.example", full_name="Mette Sørensen"),
        "coordinator": UserFactory(municipality=lejre, coordinator=True,
                                   email="coordinator@lejre.example", full_name="Jonas Holm"),
        "manager": UserFactory(municipality=lejre, manager=True,
                               email="manager@lejre.example", full_name="Inge Bagge"),
        "volunteer": UserFactory(municipality=lejre, volunteer=True,
                                 email="volunteer@lejre.example", full_name="Birgitte Friis"),
        "other_manager": UserFactory(municipality=vejen, manager=True,
                                     email="manager@vejen.example", full_name="Peter Møller"),
    }


@pytest.fixture
def login(page, live_server):
    """Log in through the real form; staff then type the code their authenticator app shows
    (the factories give them TEST_TOTP_SECRET)."""
    codes_used: dict[int, int] = {}

    def log_in(user) -> None:
        page.goto(f"{live_server.url}/accounts/login/")
        form = page.locator("form:has(input[name=login])")
        form.locator("input[name=login]").fill(user.email)
        form.locator("input[name=password]").fill(TEST_PASSWORD)
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
        if "/accounts/2fa/authenticate/" in page.url:
            # A code is accepted once: a second login in the same 30 seconds waits for the
            # next. Nor is one typed in its last seconds, which could run out on the way.
            while codes_used.get(user.pk) == _totp_period() or time.time() % 30 > 27:
                time.sleep(0.5)
            codes_used[user.pk] = _totp_period()
            code_form = page.locator("form:has(input[name=code])")
            code_form.locator("input[name=code]").fill(totp_code())
            code_form.locator("button[type=submit]:not([form])").click()
            page.wait_for_load_state()

    return log_in


def _totp_period() -> int:
    return int(time.time()) // 30
