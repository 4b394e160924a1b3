"""Milestone kinds, registered by the apps that own them.

A `Rule` names the kind of milestone it makes due ("programme_start", "igu_bonus", …). The
kinds live here as a registry in code rather than as a table or a hard-coded enum, so that
housing, employment and the other business apps can add theirs from `AppConfig.ready()`
without the rules package importing them (the doors open downwards).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from django.utils.functional import Promise

_CODE = re.compile(r"^[a-z][a-z0-9_]{0,49}$")


@dataclass(frozen=True)
class MilestoneKind:
    code: str
    label: Promise | str


_kinds: dict[str, MilestoneKind] = {}


def register_milestone_kind(code: str, label: Promise | str) -> MilestoneKind:
    """Register a kind; registering the same code with the same label again is a no-op.

    A code is stored in rule rows, so it must never change once used: lower-case letters,
    digits and underscores, at most 50 characters.
    """
    if not _CODE.match(code):
        raise ValueError(f"Invalid milestone kind code {code!r}")
    existing = _kinds.get(code)
    if existing is not None:
        # Identity, not equality: comparing lazy labels would translate them during start-up.
        if existing.label is not label:
            raise ValueError(f"Milestone kind {code!r} is already registered")
        return existing
    kind = MilestoneKind(code=code, label=label)
    _kinds[code] = kind
    return kind


def is_milestone_kind(code: str) -> bool:
    return code in _kinds


def get_milestone_kind(code: str) -> MilestoneKind:
    try:
        return _kinds[code]
    except KeyError:
        raise LookupError(f"Unknown milestone kind {code!r}") from None


def milestone_kinds() -> list[MilestoneKind]:
    """All registered kinds, in registration order."""
    return list(_kinds.values())


def milestone_kind_choices() -> list[tuple[str, Promise | str]]:
    """Choices for `Rule.milestone_kind`; a callable, so new kinds need no migration."""
    return [(kind.code, kind.label) for kind in _kinds.values()]
