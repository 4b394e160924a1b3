"""Rank homes for a household: hard rules exclude, weighted criteria score what is left.

Pure functions over plain values — no database. `housing.selectors.match_for_household`
loads the household's needs, the homes, the places and the occupancy, and calls
`rank_units`; `bench/housing_rank.py` times the same call for 2,000 homes.

Every number a caseworker sees comes with its reason: each criterion keeps the distance or
count it was scored from, and its text ("school 0.9 km", "too small: 2 rooms for 5 persons")
is formatted only when a page shows it, so ranking thousands of homes formats nothing.

Hard rules (a home is excluded, with every reason that applies):
- not available on the move-in, or not until the move-out;
- too small: more persons than its capacity, or than its rooms allow (guideline);
- full for the dates: the persons already placed there leave too few places;
- temporary housing in a deprived area (INL § 12), and permanent homes there too when the
  guideline says so;
- no step-free access for a household that needs it (guideline: a must, or only shown);
- a shared room for anyone but a single adult;
- private lodging without a host agreement covering the stay.

Criteria (0–1 each, weighted by the municipality's guideline; a criterion that does not
apply — no children of school age, no school registered — counts neither way):
school (children 6–16), daycare and SFO (0–5 and 6–9), shops, transport, network, size
and spread (households already placed in the same area).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from housing.geo import haversine_km
from housing.models.places import NETWORK_KINDS, PlaceKind
from housing.models.stock import LandlordKind, UnitKind
from integration_portal.core.formats import short_date

if TYPE_CHECKING:
    from housing.models import HousingUnit, PlacementGuideline

# Ages in years on the move-in: Danish school from 0. klasse (6) through 9. klasse (about 16);
# daycare (vuggestue, børnehave) until school starts; SFO for the youngest pupils.
SCHOOL_AGES = range(6, 17)
DAYCARE_AGES = range(0, 6)
SFO_AGES = range(6, 10)
ADULT_AGE = 18


@dataclass(frozen=True)
class Needs:
    """What the matching needs to know about a household, and nothing more."""

    persons: int
    ages: tuple[int, ...]
    step_free: bool = False
    languages: frozenset[str] = frozenset()
    household_id: int | None = None

    @property
    def is_single_adult(self) -> bool:
        return self.persons == 1 and all(age >= ADULT_AGE for age in self.ages)

    def has_age_in(self, ages: range) -> bool:
        return any(age in ages for age in self.ages)


@dataclass(frozen=True)
class PlacePoint:
    kind: str
    lat: float
    lon: float
    languages: frozenset[str] = frozenset()
    household_id: int | None = None
    name: str = ""


@dataclass(frozen=True)
class Criterion:
    """One line of a home's breakdown: what was measured, its score and its weight."""

    code: str
    score: float
    weight: int
    km: float | None = None
    detail: Mapping[str, Any] = field(default_factory=dict)

    @property
    def points(self) -> float:
        return self.score * self.weight

    @property
    def text(self) -> str:
        return criterion_text(self)


@dataclass(frozen=True)
class Reason:
    """Why a home is excluded: a code and the numbers for its message."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return reason_text(self)


@dataclass(frozen=True)
class RankedUnit:
    unit: HousingUnit
    score: int
    criteria: tuple[Criterion, ...]
    load: int


@dataclass(frozen=True)
class ExcludedUnit:
    unit: HousingUnit
    reasons: tuple[Reason, ...]


@dataclass
class MatchResult:
    needs: Needs
    permanent: bool
    starts_on: date
    ends_on: date | None
    ranked: list[RankedUnit]
    excluded: list[ExcludedUnit]

    def excluded_counts(self) -> list[tuple[str, int]]:
        """How many homes each hard rule excluded, most first (a home may count twice)."""
        counts: dict[str, int] = {}
        for item in self.excluded:
            for reason in item.reasons:
                counts[reason.code] = counts.get(reason.code, 0) + 1
        return sorted(((REASON_SUMMARIES[code](), n) for code, n in counts.items()),
                      key=lambda pair: -pair[1])


def distance_score(km: float, *, good_km: float, max_km: float) -> float:
    """1 at `good_km` or closer, 0 at `max_km` or farther, a straight line between."""
    if km <= good_km:
        return 1.0
    if km >= max_km:
        return 0.0
    return (max_km - km) / (max_km - good_km)


def size_score(*, rooms: int, persons: int) -> float:
    """Full points up to one room more than persons; a larger home is held back for a
    larger family, a quarter point per extra room."""
    spare = rooms - (persons + 1)
    return 1.0 if spare <= 0 else max(0.0, 1.0 - 0.25 * spare)


def spread_score(*, households_in_area: int, full_at: int) -> float:
    return max(0.0, 1.0 - households_in_area / full_at)


def peak_load(intervals: Iterable[tuple[date, date | None, int]], start: date,
              end: date | None) -> int:
    """The most persons living at the same time during [start, end).

    `intervals` are (move-in, move-out or None, persons) of placements overlapping the period.
    Occupancy only rises at a move-in, so the peak is at the period's start or at one of the
    move-ins inside it.
    """
    intervals = [(s, e, p) for s, e, p in intervals if e is None or e > s]
    days = {start} | {s for s, _, _ in intervals if s > start and (end is None or s < end)}
    return max(
        (sum(p for s, e, p in intervals if s <= day and (e is None or e > day)) for day in days),
        default=0,
    )


class NearestPlace:
    """The nearest place of some kinds to a point.

    The nearest is found with an equirectangular approximation (a few multiplications per
    place; exact enough to order places within a municipality) and its distance is then
    computed exactly with the haversine formula.
    """

    def __init__(self, places: Sequence[PlacePoint]):
        self.points = [(p.lat, p.lon, p) for p in places]

    def __bool__(self) -> bool:
        return bool(self.points)

    def find(self, lat: float, lon: float, cos_lat: float) -> tuple[float, PlacePoint] | None:
        best, best_d2 = None, math.inf
        for plat, plon, place in self.points:
            dy = plat - lat
            dx = (plon - lon) * cos_lat
            d2 = dx * dx + dy * dy
            if d2 < best_d2:
                best, best_d2 = place, d2
        if best is None:
            return None
        return haversine_km(lat, lon, best.lat, best.lon), best


def _hard_reasons(unit: HousingUnit, *, needs: Needs, guideline: PlacementGuideline,
                  permanent: bool, starts_on: date, ends_on: date | None,
                  load: int) -> list[Reason]:
    reasons = []
    if unit.available_from > starts_on:
        reasons.append(Reason("available_later", {"date": unit.available_from}))
    if unit.available_until is not None and unit.available_until < (ends_on or starts_on):
        reasons.append(Reason("available_until", {"date": unit.available_until}))
    too_small = False
    if needs.persons > unit.capacity:
        too_small = True
        reasons.append(Reason("over_capacity",
                              {"capacity": unit.capacity, "persons": needs.persons}))
    if needs.persons > unit.rooms * guideline.max_persons_per_room:
        too_small = True
        reasons.append(Reason("too_few_rooms", {"rooms": unit.rooms, "persons": needs.persons}))
    if not too_small and load + needs.persons > unit.capacity:
        reasons.append(Reason("full", {"taken": load, "capacity": unit.capacity}))
    if unit.deprived_area and (not permanent or guideline.exclude_deprived_for_permanent):
        reasons.append(Reason("deprived_permanent" if permanent else "deprived_temporary"))
    if needs.step_free and not unit.step_free and guideline.step_free_required:
        reasons.append(Reason("not_step_free"))
    if unit.kind == UnitKind.SHARED_ROOM and not needs.is_single_adult:
        reasons.append(Reason("shared_room"))
    if unit.landlord_kind == LandlordKind.PRIVATE_HOST and (
        unit.private_host is None or not unit.private_host.agreement_covers(starts_on, ends_on)
    ):
        reasons.append(Reason("host_agreement", {
            "date": unit.private_host.agreement_ends_on if unit.private_host else None}))
    return reasons


def rank_units(
    *,
    units: Iterable[HousingUnit],
    needs: Needs,
    guideline: PlacementGuideline,
    places: Sequence[PlacePoint],
    loads: Mapping[int, int],
    area_counts: Mapping[str, int],
    permanent: bool,
    starts_on: date,
    ends_on: date | None,
) -> MatchResult:
    """Rank `units` for `needs`; `loads` holds each home's peak persons in the period and
    `area_counts` the households living in each area (other than this one)."""
    good_km, max_km = float(guideline.good_distance_km), float(guideline.max_distance_km)

    def by_kind(*kinds: str) -> NearestPlace:
        return NearestPlace([p for p in places if p.kind in kinds])

    network = NearestPlace([
        p for p in places if p.kind in NETWORK_KINDS and (
            (p.household_id is not None and p.household_id == needs.household_id)
            or (p.household_id is None and (not p.languages or p.languages & needs.languages))
        )
    ])
    # (code, weight, nearest-finders and the place kinds a text names, applies)
    childcare = []
    if needs.has_age_in(DAYCARE_AGES):
        childcare.append(by_kind(PlaceKind.DAYCARE))
    if needs.has_age_in(SFO_AGES):
        childcare.append(by_kind(PlaceKind.SFO))
    distance_criteria = [
        ("school", guideline.weight_school,
         [by_kind(PlaceKind.SCHOOL)] if needs.has_age_in(SCHOOL_AGES) else []),
        ("daycare", guideline.weight_daycare, childcare),
        ("shop", guideline.weight_shop, [by_kind(PlaceKind.SHOP)]),
        ("transport", guideline.weight_transport, [by_kind(PlaceKind.STATION, PlaceKind.STOP)]),
        ("network", guideline.weight_network, [network]),
    ]

    ranked, excluded = [], []
    for unit in units:
        load = loads.get(unit.pk, 0)
        reasons = _hard_reasons(unit, needs=needs, guideline=guideline, permanent=permanent,
                                starts_on=starts_on, ends_on=ends_on, load=load)
        if reasons:
            excluded.append(ExcludedUnit(unit=unit, reasons=tuple(reasons)))
            continue
        lat, lon = float(unit.latitude), float(unit.longitude)
        cos_lat = math.cos(math.radians(lat))
        criteria = []
        for code, weight, finders in distance_criteria:
            if not finders or not weight:
                continue
            found = [finder.find(lat, lon, cos_lat) for finder in finders]
            if any(hit is None for hit in found):
                # Nothing of that kind registered: say so, but score neither way.
                criteria.append(Criterion(code=code, score=0.0, weight=0,
                                          detail={"missing": True}))
                continue
            # Several places needed (daycare and SFO): the farthest trip counts.
            km = max(km for km, _ in found)
            criteria.append(Criterion(
                code=code, weight=weight, km=km,
                score=distance_score(km, good_km=good_km, max_km=max_km),
                detail={"kinds": tuple((place.kind, km) for km, place in found)},
            ))
        if guideline.weight_size:
            criteria.append(Criterion(
                code="size", weight=guideline.weight_size,
                score=size_score(rooms=unit.rooms, persons=needs.persons),
                detail={"rooms": unit.rooms, "persons": needs.persons},
            ))
        if guideline.weight_spread:
            area = unit.area or unit.town
            households = area_counts.get(area, 0)
            criteria.append(Criterion(
                code="spread", weight=guideline.weight_spread,
                score=spread_score(households_in_area=households,
                                   full_at=guideline.spread_full_at),
                detail={"area": area, "households": households},
            ))
        if needs.step_free and not unit.step_free:
            # Only reached when the guideline does not make step-free access a must.
            criteria.append(Criterion(code="steps", score=0.0, weight=0))
        total_weight = sum(c.weight for c in criteria)
        score = round(100 * sum(c.points for c in criteria) / total_weight) if total_weight else 0
        ranked.append(RankedUnit(unit=unit, score=score, criteria=tuple(criteria), load=load))
    ranked.sort(key=lambda item: (-item.score, item.unit.rent_dkk, item.unit.pk))
    return MatchResult(needs=needs, permanent=permanent, starts_on=starts_on, ends_on=ends_on,
                       ranked=ranked, excluded=excluded)


# Texts, formatted when shown (in the language of the page that shows them).


def _km(value: float) -> str:
    return formats.number_format(round(value, 1), 1, use_l10n=True)


def _rooms(count: int) -> str:
    return ngettext("%(count)s room", "%(count)s rooms", count) % {"count": count}


def _persons(count: int) -> str:
    return ngettext("%(count)s person", "%(count)s persons", count) % {"count": count}


def _place_label(kind: str) -> str:
    return {
        PlaceKind.SCHOOL: _("school"),
        PlaceKind.DAYCARE: _("daycare"),
        PlaceKind.SFO: _("SFO"),
        PlaceKind.SHOP: _("shop"),
        PlaceKind.STATION: _("train station"),
        PlaceKind.STOP: _("bus stop"),
        PlaceKind.RELATIVES: _("relatives"),
        PlaceKind.COMMUNITY: _("community"),
    }[kind]


_MISSING = {
    "school": lambda: _("school: none registered"),
    "daycare": lambda: _("daycare or SFO: none registered"),
    "shop": lambda: _("shops: none registered"),
    "transport": lambda: _("transport: no station or stop registered"),
    "network": lambda: _("network: none registered for this household"),
}


def criterion_text(criterion: Criterion) -> str:
    detail = criterion.detail
    if detail.get("missing"):
        return _MISSING[criterion.code]()
    if criterion.code in ("school", "daycare", "shop", "transport"):
        return ", ".join(
            _("%(place)s %(km)s km") % {"place": _place_label(kind), "km": _km(km)}
            for kind, km in detail["kinds"]
        )
    if criterion.code == "network":
        kind, km = detail["kinds"][0]
        return _("network (%(place)s) %(km)s km") % {"place": _place_label(kind), "km": _km(km)}
    if criterion.code == "size":
        values = {"rooms": _rooms(detail["rooms"]), "persons": _persons(detail["persons"])}
        if criterion.score >= 1:
            return _("fits: %(rooms)s for %(persons)s") % values
        return _("larger than needed: %(rooms)s for %(persons)s") % values
    if criterion.code == "spread":
        households = detail["households"]
        if not households:
            return _("no other households placed in %(area)s") % {"area": detail["area"]}
        return ngettext(
            "%(count)s household already placed in %(area)s",
            "%(count)s households already placed in %(area)s", households,
        ) % {"count": households, "area": detail["area"]}
    if criterion.code == "steps":
        return _("not step-free, and the household needs step-free access")
    raise ValueError(criterion.code)


def _date(value) -> str:
    return short_date(value) if value else "–"


def reason_text(reason: Reason) -> str:
    params = reason.params
    match reason.code:
        case "available_later":
            return _("available only from %(date)s") % {"date": _date(params["date"])}
        case "available_until":
            return _("available only until %(date)s") % {"date": _date(params["date"])}
        case "over_capacity":
            return _("too small: room for %(capacity)s persons, the household is %(persons)s") % (
                params)
        case "too_few_rooms":
            return _("too small: %(rooms)s for %(persons)s") % {
                "rooms": _rooms(params["rooms"]), "persons": _persons(params["persons"])}
        case "full":
            return _("full for these dates: %(taken)s of %(capacity)s places taken") % params
        case "deprived_temporary":
            return _("in a deprived area: not allowed as temporary housing (INL § 12)")
        case "deprived_permanent":
            return _("in a deprived area: excluded by the placement guidelines")
        case "not_step_free":
            return _("not step-free, and the household needs step-free access")
        case "shared_room":
            return _("a shared room is only for a single adult")
        case "host_agreement":
            if params.get("date"):
                return _("the host's agreement ends on %(date)s") % {"date": _date(params["date"])}
            return _("no signed agreement with the host for these dates")
    raise ValueError(reason.code)


REASON_SUMMARIES = {
    "available_later": lambda: _("not available yet"),
    "available_until": lambda: _("not available for the whole stay"),
    "over_capacity": lambda: _("too small for the household"),
    "too_few_rooms": lambda: _("too few rooms"),
    "full": lambda: _("full for these dates"),
    "deprived_temporary": lambda: _("deprived area (temporary housing)"),
    "deprived_permanent": lambda: _("deprived area (guidelines)"),
    "not_step_free": lambda: _("not step-free"),
    "shared_room": lambda: _("shared room (single adults only)"),
    "host_agreement": lambda: _("no host agreement for the stay"),
}
