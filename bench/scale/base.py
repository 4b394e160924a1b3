"""What the generators share: a fast weighted choice, timestamps, JSON lists, ids, and
what the dataset keeps of each municipality and the counts of a run."""

from __future__ import annotations

import bisect
import datetime
import itertools
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import models

from . import shape

UTC = datetime.UTC
DAY = datetime.timedelta(days=1)


class Weighted:
    """A fast weighted choice (bisect on cumulative weights)."""

    def __init__(self, pairs: Sequence[tuple[object, float]]) -> None:
        self.values = [value for value, _ in pairs]
        self.cumulative = list(itertools.accumulate(weight for _, weight in pairs))
        self.total = self.cumulative[-1]

    def __call__(self, rng: random.Random):
        return self.values[bisect.bisect_right(self.cumulative, rng.random() * self.total)]


def at(day: datetime.date, hour: int = 9, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


def json_list(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def next_id(model: type[models.Model]) -> int:
    return (model.objects.aggregate(top=models.Max("pk"))["top"] or 0) + 1


@dataclass
class Municipality:
    index: int
    id: int
    code: str
    name: str
    slug: str
    households: int = 0
    caseworkers: list[int] = field(default_factory=list)
    coordinator: int = 0
    managers: list[int] = field(default_factory=list)
    volunteers: list[int] = field(default_factory=list)
    active_volunteers: list[int] = field(default_factory=list)
    certified_volunteers: list[int] = field(default_factory=list)
    household_range: range = range(0)
    organisations: list[int] = field(default_factory=list)
    postcode: int = 0
    latitude: float = 56.0
    longitude: float = 10.0


@dataclass
class Counts:
    households: int
    persons: int
    milestones: int
    volunteers: int
    tasks: int
    units: int
    measures: int
    audit: int

    @classmethod
    def at_scale(cls, scale: float) -> Counts:
        return cls(**{name: round(full * scale) for name, full in shape.FULL_SCALE.items()})
