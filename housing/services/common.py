"""Helpers every housing write shares."""

from __future__ import annotations


def apply_fields(obj, values: dict, editable: tuple[str, ...]) -> dict:
    """Set the editable fields among `values`; the values before, for the audit."""
    unknown = set(values) - set(editable)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    before = {name: getattr(obj, name) for name in editable}
    for name, value in values.items():
        setattr(obj, name, value)
    return before
