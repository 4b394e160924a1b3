"""What housing adds to other apps' pages: the case page.

(The managers' start page shows housing's report section, housing/reports.py.)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from housing import selectors
from integration_portal.accounts.permissions import Perm, can

if TYPE_CHECKING:
    from django.http import HttpRequest

    from reception.models import Household


def case_section_context(request: HttpRequest, household: Household) -> dict:
    """The case's temporary and permanent homes (two queries)."""
    if not can(request.user, Perm.VIEW_CASES):
        return {"placements": []}
    return {
        "placements": selectors.case_placements(household=household),
        "permanent_home": selectors.permanent_home_target(household=household),
    }

