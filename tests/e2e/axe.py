"""The one axe scan every browser test uses (WCAG 2.1 AA, with the rules axe-core ships).

Only serious and critical findings fail a test: that is the bar the portal is held to.
"""

from axe_playwright_python.sync_playwright import Axe

BLOCKING = frozenset({"serious", "critical"})
_axe = Axe()


def blocking_findings(page) -> list[str]:
    """The page's serious and critical findings as readable lines; empty when it passes."""
    violations = _axe.run(page).response["violations"]
    return [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
            for v in violations if v["impact"] in BLOCKING]


def findings_on_pages(page, *, base_url: str, login, pages: dict) -> dict[str, list[str]]:
    """Log each user in turn and scan each of their pages; {"path (user)": findings} for
    the pages that fail.

    `pages` maps a user to the paths they open. Every page must answer 200 with one h1.
    """
    from playwright.sync_api import expect

    findings: dict[str, list[str]] = {}
    for user, paths in pages.items():
        page.context.clear_cookies()
        login(user)
        for path in paths:
            response = page.goto(base_url + path)
            assert response.status == 200, (user.email, path, response.status)
            expect(page.locator("h1")).to_have_count(1)
            blocking = blocking_findings(page)
            if blocking:
                findings[f"{path} ({user.email})"] = blocking
    return findings
