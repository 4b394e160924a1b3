"""Every URL pattern the project serves, walked through every include."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver


@dataclass(frozen=True)
class Pattern:
    key: str    # the pattern's name with its namespaces ("reception:case_detail"), or, for a
                # pattern without a name, its route ("admin/(?P<url>.*)$")
    route: str
    view: str


def _walk(resolver: URLResolver, prefix: str, namespace: str | None):
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry, route, inner)
        elif isinstance(entry, URLPattern):
            if entry.name:
                key = f"{namespace}:{entry.name}" if namespace else entry.name
            else:
                key = route
            yield Pattern(key=key, route=route, view=entry.lookup_str)


def every_url_pattern() -> list[Pattern]:
    """One Pattern per key: the API's format-suffix twins (`…\\.(?P<format>…)`) share their
    route's name and view, and are reached by the same row."""
    patterns: dict[str, Pattern] = {}
    for pattern in _walk(get_resolver(), "", None):
        patterns.setdefault(pattern.key, pattern)
    return list(patterns.values())
