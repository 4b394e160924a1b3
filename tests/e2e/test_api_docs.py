"""The API documentation page passes an axe scan in Danish and English (the accessibility
crawl skips /api/, so it is scanned here)."""

import pytest

from tests.e2e.axe import blocking_findings

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_api_documentation_passes_axe(page, live_server, people, login, screenshot,
                                          language):
    # given
    page.context.add_cookies([{"name": "django_language", "value": language,
                               "url": live_server.url}])
    login(people["manager"])

    # when
    page.goto(f"{live_server.url}/api/v1/docs/")
    page.wait_for_load_state()
    page.locator("details").first.locator("summary").click()
    blocking = blocking_findings(page)

    # then
    assert page.locator("h1").inner_text() in ("API-dokumentation", "API documentation")
    screenshot(f"api-docs-{language}")
    assert blocking == []
