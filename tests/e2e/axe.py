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
