from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from integration_portal.rules.hooks import rules_changed
from integration_portal.rules.models import Rule, RuleSet

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User

logger = logging.getLogger(__name__)

RULE_FIELDS = frozenset({
    "milestone_kind", "anchor", "offset_amount", "offset_unit", "applies_to_residence_bases",
    "min_age", "max_age", "is_local", "roll_to_working_day", "legal_basis", "confidence", "note",
})


@transaction.atomic
def rule_set_create(
    *,
    municipality: Municipality | None,
    effective_from: date,
    rules: list[dict[str, Any]],
    actor: User | None,
    name: str = "",
    note: str = "",
) -> RuleSet:
    """Create a new version of a municipality's rules (or of the national default, with None).

    Rules are administrator configuration: `actor` must be an administrator, or None when
    the system itself seeds rules (demo data). Everything is validated before anything is
    kept; one invalid rule rolls the whole set back.
    """
    if actor is not None and not actor.is_staff:
        raise PermissionError("Only administrators may create rule sets")
    rule_set = RuleSet(
        municipality=municipality,
        effective_from=effective_from,
        name=name or _("Rules from %(date)s") % {"date": effective_from.isoformat()},
        note=note,
    )
    rule_set.full_clean()
    rule_set.save()
    for index, values in enumerate(rules):
        unknown = set(values) - RULE_FIELDS
        if unknown:
            raise ValidationError(
                _("Rule %(number)s has unknown fields: %(fields)s."),
                code="unknown_fields",
                params={"number": index + 1, "fields": ", ".join(sorted(unknown))},
            )
        rule = Rule(rule_set=rule_set, **values)
        rule.full_clean()
        rule.save()
    logger.info(
        "Rule set %s (municipality %s, from %s, %d rules) created by %s",
        rule_set.pk, municipality.pk if municipality else "national", effective_from,
        len(rules), f"user {actor.pk}" if actor else "the system",
    )
    rules_changed(municipality_id=rule_set.municipality_id)
    return rule_set
