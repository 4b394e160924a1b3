"""Measures."""

from __future__ import annotations

import datetime
from decimal import Decimal

from . import shape
from .base import Weighted, at, next_id
from .writer import NULL


class EmploymentRows:
    """Measures of the adults in programme or closed cases."""

    def make_measures(self) -> int:
        from employment.models import Measure, MeasureType
        from employment.models.kinds import EMPLOYER_CATEGORIES

        rng = self.rng("measures")
        types = list(MeasureType.objects.filter(municipality=None, is_active=True)
                     .order_by("code").values_list("pk", "category"))
        type_of = Weighted([(t, shape.MEASURE_CATEGORY_WEIGHTS.get(t[1], 2)) for t in types])
        outcome_of = Weighted((("completed", 40), ("hired", 15), ("other_job", 10),
                               ("education", 8), ("other_measure", 12), ("illness", 5),
                               ("dropped_out", 6), ("moved", 2), ("other", 2)))
        eligible = [p for p, adult in enumerate(self.p_adult)
                    if adult and self.h_status[self.p_h[p]] in ("in_programme", "closed")]
        wanted = Weighted(((0, 25), (1, 35), (2, 25), (3, 10), (4, 5)))
        per_person = [wanted(rng) for _ in eligible]
        shape.adjust_to_total(per_person, self.counts.measures, low=0, high=8, rng=rng)
        first = next_id(Measure)

        def rows():
            measure_id = first
            for p, count in zip(eligible, per_person, strict=True):
                h = self.p_h[p]
                m = self.h_m[h]
                day = ((self.h_takeover[h] or self.h_arrival[h])
                       + datetime.timedelta(days=rng.randint(20, 120)))
                for _ in range(count):
                    type_id, category = type_of(rng)
                    length = datetime.timedelta(days=rng.randint(60, 400))
                    if category == "igu":
                        length = datetime.timedelta(days=730)
                    ends = day + length
                    actual_start = actual_end = NULL
                    outcome = ""
                    if day > self.today:
                        status = "draft" if rng.random() < 0.1 else "planned"
                    elif ends < self.today:
                        status = "cancelled" if rng.random() < 0.05 else "ended"
                        if status == "ended":
                            actual_start, actual_end, outcome = day, ends, outcome_of(rng)
                    else:
                        status, actual_start = "active", day
                    hours = {"igu": Decimal(37), "ordinary_job": Decimal(37),
                             "small_job": Decimal(8), "education": Decimal(25)}.get(
                        category, Decimal(rng.randint(15, 30)))
                    created = at(day - datetime.timedelta(days=rng.randint(7, 30)), 10)
                    yield (measure_id, m.id, self.h_id[h], self.p_id[p], type_id, status, NULL,
                           rng.choice(shape.EMPLOYERS) if category in EMPLOYER_CATEGORIES
                           else "", NULL, day, ends, hours, actual_start, actual_end, outcome,
                           "", NULL, "", self.h_caseworker[h], created, created)
                    measure_id += 1
                    day = ends + datetime.timedelta(days=rng.randint(1, 60))

        return self.loader.load(Measure, [
            "id", "municipality", "household", "person", "measure_type", "status", "employer",
            "employer_name", "opening", "starts_on", "ends_on", "hours_per_week",
            "actual_starts_on", "actual_ends_on", "outcome", "outcome_note", "rule_set",
            "notes", "created_by", "created_at", "updated_at"], rows())
