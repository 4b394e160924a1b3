"""The managers' start page, with its charts and their tables, passes an axe scan in both
languages: with the apps' own sections, with a section holding every kind of content, and with
a period that could not be used (the error summary)."""

import pytest

from tests.e2e.axe import blocking_findings
from tests.reports.sections import arrivals, empty_section, only_sections

pytestmark = pytest.mark.e2e

@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("sections", ["the apps own", "every kind of content"])
@pytest.mark.parametrize("query", ["", "?start=2026-05-01&end=2026-04-01"])
def test_the_managers_start_page_passes_axe(page, live_server, people, login, monkeypatch,
                                            language, sections, query, screenshot):
    # given a manager, in the language, and the sections
    if sections == "every kind of content":
        only_sections(monkeypatch, arrivals, empty_section)
    page.context.add_cookies([{"name": "django_language", "value": language,
                               "url": live_server.url}])
    login(people["manager"])

    # when the start page is opened, with every chart's numbers unfolded
    page.goto(f"{live_server.url}/manager/{query}")
    page.wait_for_load_state()
    page.eval_on_selector_all("details", "els => els.forEach(e => e.open = true)")
    screenshot(f"manager-home-{language}-{'own' if sections == 'the apps own' else 'fake'}"
               f"{'-error' if query else ''}")

    # then
    assert page.locator("svg.portal-chart").count() >= (1 if sections != "the apps own" else 0)
    assert blocking_findings(page) == []
