"""Demo data: each app adds its part through a registered seeder.

`seed_demo` imports every installed app's `demo` module (like admin autodiscovery), so the
portal package never imports a business app. Seeders must be safe to run twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.module_loading import autodiscover_modules


@dataclass
class DemoContext:
    """What seeders share: the municipalities and users made so far, and lines to print."""

    municipalities: dict[str, object] = field(default_factory=dict)
    users: dict[tuple[str, str], object] = field(default_factory=dict)
    credentials: list[tuple[str, str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


Seeder = Callable[[DemoContext], None]
_seeders: list[tuple[int, str, Seeder]] = []


def demo_seeder(order: int) -> Callable[[Seeder], Seeder]:
    """Register a seeder; lower `order` runs first (accounts are 0)."""

    def register(func: Seeder) -> Seeder:
        name = f"{func.__module__}.{func.__qualname__}"
        if all(existing != name for _, existing, _ in _seeders):
            _seeders.append((order, name, func))
        return func

    return register


def run_demo_seeders() -> DemoContext:
    autodiscover_modules("demo")
    context = DemoContext()
    for _, _, seeder in sorted(_seeders, key=lambda entry: (entry[0], entry[1])):
        seeder(context)
    return context
