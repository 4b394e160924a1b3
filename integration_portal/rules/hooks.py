"""Tell the apps that keep deadlines when rules change, without the rules importing them.

Reception (and later housing, employment) subscribe in their AppConfig.ready(); a change to
a municipality's rule set, or to the national default (municipality None), calls them.
"""

from __future__ import annotations

from collections.abc import Callable

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
