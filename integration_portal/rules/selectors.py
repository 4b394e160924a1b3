from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Q

from integration_portal.rules.models import Rule, RuleSet

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality


def rules_in_force(*, municipality: Municipality | None, on: date) -> list[Rule]:
    """The rules that apply in `municipality` on the date `on`.

    Two rule sets take part: the municipality's newest set with `effective_from <= on` and
    the national default's newest set with `effective_from <= on` (either may be missing).
    They are merged kind by kind:

    - For a milestone kind for which the municipality's set has a statutory rule
      (`is_local=False`), the municipality's statutory rules REPLACE the national default's
      rules for that kind — this is how a municipality configures a deadline the law leaves
      to it, or corrects one before the national default is updated.
    - Every other kind is INHERITED from the national default, so a municipality's set only
      needs to hold what differs, and a new national version (a change in the law) reaches
      every municipality without copying.
    - The municipality's local rules (`is_local=True`, its own stricter targets) are ADDED
      and never displace a statutory rule: Lejre's "within 4 weeks of arrival" is shown
      beside "1 month after takeover", and `compute_due_dates` takes the earlier of the two.

    The rules come with their rule set and municipality in one query.
    """
    newest_national = (
        RuleSet.objects.national()
        .filter(effective_from__lte=on)
        .order_by("-effective_from")
        .values("pk")[:1]
    )
    in_force = Q(rule_set__in=newest_national)
    if municipality is not None:
        newest_own = (
            RuleSet.objects.in_municipality(municipality)
            .filter(effective_from__lte=on)
            .order_by("-effective_from")
            .values("pk")[:1]
        )
        in_force |= Q(rule_set__in=newest_own)
    rules = list(
        Rule.objects.filter(in_force)
        .select_related("rule_set__municipality")
        .order_by("milestone_kind", "is_local", "pk")
    )
    overridden = {
        rule.milestone_kind
        for rule in rules
        if not rule.rule_set.is_national and not rule.is_local
    }
    return [
        rule for rule in rules
        if not (rule.rule_set.is_national and rule.milestone_kind in overridden)
    ]
