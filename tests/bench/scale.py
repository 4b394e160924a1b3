"""Running the national-scale generator (bench/scale) at a tiny scale inside a test."""

from __future__ import annotations

import datetime

from bench.scale.generate import Dataset, seed

TODAY = datetime.date(2026, 6, 1)


def seed_tiny(*, scale: float = 0.001, seed_value: int = 7) -> Dataset:
    return seed(scale=scale, seed=seed_value, today=TODAY, password="tiny-scale-2026",
                report=lambda line: None)
