"""What children adds to other apps' pages: the case page's section on the household's
children and young people."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils import timezone

from children import selectors
from integration_portal.accounts.permissions import Perm, can

if TYPE_CHECKING:
    from django.http import HttpRequest

    from reception.models import Household


def case_section_context(request: HttpRequest, household: Household) -> dict:
    """The case's children with their places, assessments and youth guidance: one query
    without children, four with (the label of the youth guidance only when one is shown)."""
    if not can(request.user, Perm.VIEW_CASES):
        return {"children": []}
    rows = selectors.case_children(household=household, today=timezone.localdate())
    guidance_label = ""
    if any(row.shows_guidance for row in rows):
        guidance_label = selectors.settings_for(household.municipality_id).guidance_label
    return {"children": rows, "guidance_label": guidance_label}
