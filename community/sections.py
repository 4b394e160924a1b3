"""What community adds to the case page: the members' consents and referrals."""

from __future__ import annotations

from typing import TYPE_CHECKING

from community import selectors
from integration_portal.accounts.permissions import Perm, can

if TYPE_CHECKING:
    from django.http import HttpRequest

    from reception.models import Household


def case_section_context(request: HttpRequest, household: Household) -> dict:
    """The case's consents and referrals (two queries, whatever their number)."""
    if not can(request.user, Perm.VIEW_CASES):
        return {"consents": [], "referrals": []}
    return {
        "consents": selectors.case_consents(household=household),
        "referrals": selectors.case_referrals(household=household),
    }
