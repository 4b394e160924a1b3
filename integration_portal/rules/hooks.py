"""Tell the apps that keep deadlines when rules change, without the rules importing them.

Reception (and later housing, employment) subscribe in their AppConfig.ready(); a change to
a municipality's rule set, or to the national default (municipality None), calls them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

RulesChangedListener = Callable[[int | None], None]
_listeners: list[RulesChangedListener] = []


def on_rules_changed(listener: RulesChangedListener) -> RulesChangedListener:
    if listener not in _listeners:
        _listeners.append(listener)
    return listener


def rules_changed(*, municipality_id: int | None) -> None:
    """Call inside the transaction of the change; listeners enqueue their work on commit."""
    for listener in _listeners:
        listener(municipality_id)


# --- Anchors other apps know ----------------------------------------------------------------
# Reception knows a person's takeover, arrival and birth. Other apps know other events a
# deadline counts from (employment: the start and end of an IGU) and provide them per person,
# so that their milestones are computed, moved and reminded of like reception's own.

AnchorProvider = Callable[[Any], Mapping[int, Mapping[str, date]]]
_anchor_providers: list[AnchorProvider] = []


def register_anchor_provider(provider: AnchorProvider) -> AnchorProvider:
    """`provider(household)` returns {person id: {anchor code: date}} for the case."""
    if provider not in _anchor_providers:
        _anchor_providers.append(provider)
    return provider


def provided_anchors(household: Any) -> dict[int, dict[str, date]]:
    anchors: dict[int, dict[str, date]] = {}
    for provider in _anchor_providers:
        for person_id, dates in provider(household).items():
            anchors.setdefault(person_id, {}).update(dates)
    return anchors
