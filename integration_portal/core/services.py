"""Helpers every app's write services share."""

from __future__ import annotations


def apply_fields(obj, values: dict, editable: tuple[str, ...]) -> dict:
    """Set the editable fields among `values`; the values before, for the audit
    (`audit.services.changed_field_names`). An unknown field is a programming error."""
    unknown = set(values) - set(editable)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
    before = {name: getattr(obj, name) for name in editable}
    for name, value in values.items():
        setattr(obj, name, value)
    return before


def stripped(values: dict) -> dict:
    """The values with the text ones stripped of surrounding white space."""
    return {name: value.strip() if isinstance(value, str) else value
            for name, value in values.items()}
