"""Reads of housing data, always scoped to the viewer's municipality.

Housing depends on reception (never the other way round): a household's size, ages, needs
and languages are read here, through reception's models, and nowhere else in housing.
"""

from __future__ import annotations

import datetime
import math
import statistics
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    Min,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Sum,
)
from django.db.models.functions import Coalesce, ExtractMonth
from django.http import Http404

from housing.kinds import PERMANENT_HOME
from housing.matching import (
    MatchResult,
    NearestPlace,
    Needs,
    PlacePoint,
    peak_load,
    rank_units,
)
from housing.models import (
    QUOTA_BASES,
    TEMPORARY_KINDS,
    ChecklistItem,
    HousingUnit,
    Place,
    PlaceKind,
    Placement,
    PlacementGuideline,
    PlacementStatus,
    PrivateHost,
    Quota,
    QuotaCategory,
    ServiceFrameItem,
    UnitKind,
)
from integration_portal.core.scoping import get_visible_or_404
from reception.models import Household, Milestone, NeedFlag, Person

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User

# Ages assumed from the anonymised notice's age bands, before the persons are registered.
NOTICE_BAND_AGES = {"adults": 30, "children_0_5": 3, "children_6_14": 10, "children_15_17": 16}


def guideline_for(municipality: Municipality | int) -> PlacementGuideline:
    """The municipality's guideline, or the default one (unsaved) when it has none yet."""
    municipality_id = getattr(municipality, "pk", municipality)
    guideline = PlacementGuideline.objects.filter(municipality_id=municipality_id).first()
    return guideline or PlacementGuideline(municipality_id=municipality_id)


# The stock.


@dataclass(frozen=True)
class UnitFilters:
    query: str = ""
    kind: str = ""
    town: str = ""
    min_rooms: int | None = None
    min_capacity: int | None = None
    step_free: bool = False
    available_on: datetime.date | None = None
    deprived: str = ""  # "", "yes", "no"


def _persons_living_on(day: datetime.date) -> Subquery:
    living = (
        Placement.objects.living_on(day).filter(unit=OuterRef("pk"))
        .values("unit").annotate(total=Sum("persons")).values("total")
    )
    return Coalesce(Subquery(living, output_field=IntegerField()), 0)


def unit_list(*, user: User, filters: UnitFilters, today: datetime.date):
    """The stock with the persons living in each home today, in one query per page."""
    units = HousingUnit.objects.visible_to(user)
    if filters.query.strip():
        for word in filters.query.split():
            units = units.filter(Q(address__icontains=word) | Q(town__icontains=word)
                                 | Q(postcode__startswith=word) | Q(area__icontains=word))
    if filters.kind:
        units = units.filter(kind=filters.kind)
    if filters.town:
        units = units.filter(town=filters.town)
    if filters.min_rooms:
        units = units.filter(rooms__gte=filters.min_rooms)
    if filters.min_capacity:
        units = units.filter(capacity__gte=filters.min_capacity)
    if filters.step_free:
        units = units.filter(step_free=True)
    if filters.deprived == "yes":
        units = units.filter(deprived_area=True)
    elif filters.deprived == "no":
        units = units.filter(deprived_area=False)
    if filters.available_on:
        day = filters.available_on
        units = units.filter(Q(available_until__isnull=True) | Q(available_until__gte=day),
                             available_from__lte=day)
    return (
        units.select_related("private_host")
        .annotate(persons_now=_persons_living_on(today))
        .order_by("town", "address", "pk")
    )


def towns(*, user: User) -> list[str]:
    return list(HousingUnit.objects.visible_to(user).order_by("town")
                .values_list("town", flat=True).distinct())


@dataclass(frozen=True)
class NearbyPlace:
    kind_label: str
    name: str
    km: float


def unit_detail(*, user: User, pk: int) -> HousingUnit:
    units = HousingUnit.objects.select_related("private_host").prefetch_related(
        Prefetch("placements", queryset=Placement.objects.select_related("household")
                 .order_by("-starts_on", "-pk")),
    )
    return get_visible_or_404(units, user, pk=pk)


def nearby_places(*, unit: HousingUnit) -> list[NearbyPlace]:
    """The nearest place of each public kind (networks are about households: not shown)."""
    places = list(Place.objects.in_municipality(unit.municipality_id)
                  .filter(household__isnull=True)
                  .exclude(kind__in=[PlaceKind.RELATIVES, PlaceKind.COMMUNITY])
                  .only("kind", "name", "latitude", "longitude"))
    by_kind: dict[str, list] = defaultdict(list)
    for place in places:
        by_kind[place.kind].append(place)
    lat, lon = float(unit.latitude), float(unit.longitude)
    cos_lat = math.cos(math.radians(lat))
    nearby = []
    for kind, label in PlaceKind.choices:
        if kind not in by_kind:
            continue
        km, point = NearestPlace([
            PlacePoint(kind=p.kind, lat=float(p.latitude), lon=float(p.longitude), name=p.name)
            for p in by_kind[kind]
        ]).find(lat, lon, cos_lat)
        nearby.append(NearbyPlace(kind_label=str(label), name=point.name, km=km))
    return nearby


def private_hosts(*, user: User):
    return PrivateHost.objects.visible_to(user).annotate(unit_count=Count("units"))


# Places.


def place_list(*, user: User, kind: str = ""):
    places = Place.objects.visible_to(user).select_related("household")
    if kind:
        places = places.filter(kind=kind)
    return places.order_by("kind", "name", "pk")


def place_points(municipality_id: int) -> list[PlacePoint]:
    """Every place of the municipality as a plain point for the matching (one query)."""
    rows = Place.objects.in_municipality(municipality_id).values_list(
        "kind", "latitude", "longitude", "languages", "household_id")
    return [
        PlacePoint(kind=kind, lat=float(lat), lon=float(lon),
                   languages=frozenset(languages or ()), household_id=household_id)
        for kind, lat, lon, languages, household_id in rows
    ]


# Households.


def household_for(*, user: User, pk: int) -> Household:
    """A case of the user's municipality, or 404 (another municipality's does not exist)."""
    return get_visible_or_404(Household.objects.select_related("notice", "municipality"),
                              user, pk=pk)


def household_needs(*, household: Household, on: datetime.date) -> Needs:
    """Size, ages on `on`, step-free need and languages, from the persons registered on the
    case; before they are, from the anonymised notice's age bands."""
    persons = list(Person.objects.filter(household=household).only("birth_date", "languages"))
    notice = household.notice
    languages = set(notice.languages if notice else ())
    if persons:
        ages = tuple(person.age_on(on) for person in persons)
        for person in persons:
            languages.update(person.languages or ())
    elif notice is not None:
        ages = tuple(
            age for band, age in NOTICE_BAND_AGES.items() for _ in range(getattr(notice, band))
        )
    else:
        ages = ()
    return Needs(
        persons=len(ages), ages=ages,
        step_free=bool(notice and NeedFlag.STEP_FREE in (notice.need_flags or ())),
        languages=frozenset(languages), household_id=household.pk,
    )


def household_placements(*, household: Household) -> list[Placement]:
    return list(
        Placement.objects.filter(household=household)
        .select_related("unit", "moving_task", "created_by", "status_changed_by")
        .prefetch_related(Prefetch("checklist", queryset=ChecklistItem.objects.order_by(
            "position", "pk")))
        .order_by("-starts_on", "-pk")
    )


def placement_for(*, user: User, household: Household, pk: int) -> Placement:
    placements = Placement.objects.select_related("unit", "household")
    placement = get_visible_or_404(placements, user, pk=pk)
    if placement.household_id != household.pk:
        raise Http404
    return placement


def case_placements(*, household: Household) -> list[Placement]:
    """The case page's summary: every placement with its home, newest first."""
    return list(Placement.objects.filter(household=household).select_related("unit")
                .order_by("-starts_on", "-pk"))


def open_permanent_home_milestones(*, household: Household) -> list[Milestone]:
    return list(Milestone.objects.filter(household=household, kind=PERMANENT_HOME,
                                         done_on__isnull=True).order_by("due_date", "pk"))


@dataclass(frozen=True)
class PermanentHomeTarget:
    due: datetime.date
    met_on: datetime.date | None


def permanent_home_target(*, household: Household) -> PermanentHomeTarget | None:
    """The case's "permanent home" target: the earliest still open, else when it was met;
    None when the municipality's rules set none (one query)."""
    rows = list(Milestone.objects.filter(household=household, kind=PERMANENT_HOME)
                .order_by("due_date", "pk").values_list("due_date", "done_on"))
    open_ones = [due for due, done_on in rows if done_on is None]
    if open_ones:
        return PermanentHomeTarget(due=open_ones[0], met_on=None)
    if rows:
        return PermanentHomeTarget(due=rows[0][0], met_on=max(done for _, done in rows))
    return None


# Matching.


def match_for_household(
    *,
    household: Household,
    permanent: bool,
    starts_on: datetime.date,
    ends_on: datetime.date | None,
    needs: Needs | None = None,
) -> MatchResult:
    """Every home of the wanted kind still available on `starts_on`, ranked or excluded.

    Four queries whatever the size of the stock: the guideline, the homes, the placements
    overlapping the period and the households living in each area, plus the places.
    """
    municipality_id = household.municipality_id
    needs = needs or household_needs(household=household, on=starts_on)
    kinds = [UnitKind.PERMANENT] if permanent else list(TEMPORARY_KINDS)
    units = list(
        HousingUnit.objects.in_municipality(municipality_id)
        .filter(Q(available_until__isnull=True) | Q(available_until__gte=starts_on),
                kind__in=kinds)
        .select_related("private_host")
        .order_by("pk")
    )
    # Counted exactly as a reservation counts them (services/placements.py), so a home
    # ranked here can be reserved.
    overlapping = (
        Placement.objects.in_municipality(municipality_id).overlapping(starts_on, ends_on)
        .filter(unit__kind__in=kinds)
        .values_list("unit_id", "starts_on", "ends_on", "persons")
    )
    intervals = defaultdict(list)
    for unit_id, start, end, persons in overlapping:
        intervals[unit_id].append((start, end, persons))
    loads = {unit_id: peak_load(rows, starts_on, ends_on) for unit_id, rows in intervals.items()}
    return rank_units(
        units=units, needs=needs, guideline=guideline_for(municipality_id),
        places=place_points(municipality_id), loads=loads,
        area_counts=households_by_area(municipality_id=municipality_id, on=starts_on,
                                       exclude_household_id=household.pk),
        permanent=permanent, starts_on=starts_on, ends_on=ends_on,
    )


def households_by_area(*, municipality_id: int, on: datetime.date,
                       exclude_household_id: int | None = None) -> dict[str, int]:
    """Households living in the municipality's homes on `on`, by area (or town)."""
    living = Placement.objects.in_municipality(municipality_id).living_on(on)
    if exclude_household_id is not None:
        living = living.exclude(household_id=exclude_household_id)
    counts: dict[str, int] = defaultdict(int)
    for area, town, households in (living.values("unit__area", "unit__town")
                                   .annotate(n=Count("household", distinct=True))
                                   .values_list("unit__area", "unit__town", "n")):
        counts[area or town] += households
    return dict(counts)


# Service frame and quota.


def service_frame(*, municipality_id: int):
    return ServiceFrameItem.objects.in_municipality(municipality_id).order_by(
        "position", "name", "pk")


@dataclass(frozen=True)
class QuotaRow:
    category: str
    label: str
    quota: int | None
    received: int
    note: str = ""

    @property
    def remaining(self) -> int | None:
        return None if self.quota is None else max(0, self.quota - self.received)

    @property
    def percent(self) -> int | None:
        if not self.quota:
            return None
        return round(100 * self.received / self.quota)


def persons_received(*, municipality_id: int, year: int,
                     until: datetime.date | None = None) -> dict[str, int]:
    """Persons per quota category whose case arrived in `year` (up to and including `until`,
    when given), counted in one query."""
    persons = Person.objects.in_municipality(municipality_id).filter(
        household__arrival_date__year=year)
    if until is not None:
        persons = persons.filter(household__arrival_date__lte=until)
    counts = persons.aggregate(**{
        category: Count("pk", filter=Q(residence_basis__in=bases))
        for category, bases in QUOTA_BASES.items()
    })
    return {category: counts[category] or 0 for category in QUOTA_BASES}


def quota_overview(*, municipality_id: int, year: int,
                   until: datetime.date | None = None) -> list[QuotaRow]:
    """The year's quota per category and the persons received against it (up to `until`)."""
    quotas = {quota.category: quota for quota in
              Quota.objects.in_municipality(municipality_id).filter(year=year)}
    received = persons_received(municipality_id=municipality_id, year=year, until=until)
    return [
        QuotaRow(category=category, label=str(label),
                 quota=quotas[category].persons if category in quotas else None,
                 received=received[category],
                 note=quotas[category].note if category in quotas else "")
        for category, label in QuotaCategory.choices
    ]


def quota_years(*, municipality_id: int, this_year: int) -> list[int]:
    years = set(Quota.objects.in_municipality(municipality_id)
                .values_list("year", flat=True).distinct())
    years |= {this_year, this_year + 1}
    return sorted(years, reverse=True)


def quota_for(*, municipality_id: int, year: int, category: str) -> Quota | None:
    return Quota.objects.in_municipality(municipality_id).filter(
        year=year, category=category).first()


def active_placement(*, household: Household) -> Placement | None:
    return (Placement.objects.filter(household=household, status=PlacementStatus.ACTIVE)
            .select_related("unit").first())


# The start page.


@dataclass(frozen=True)
class StockSummary:
    by_kind: list[tuple[str, int]]
    total: int
    with_room_today: int


def stock_summary(*, user: User, today: datetime.date) -> StockSummary:
    """Homes per kind, and how many have a free place today (two queries)."""
    counts = dict(HousingUnit.objects.visible_to(user).values("kind").annotate(n=Count("pk"))
                  .values_list("kind", "n"))
    with_room = (
        HousingUnit.objects.visible_to(user)
        .filter(Q(available_until__isnull=True) | Q(available_until__gte=today),
                available_from__lte=today)
        .annotate(persons_now=_persons_living_on(today))
        .filter(persons_now__lt=F("capacity")).count()
    )
    return StockSummary(
        by_kind=[(str(label), counts.get(kind, 0)) for kind, label in UnitKind.choices],
        total=sum(counts.values()), with_room_today=with_room,
    )


def households_awaiting_home(*, user: User, limit: int = 50):
    """Open cases without a permanent home yet, with their temporary home and reservation,
    soonest arrival first (one query)."""
    active = Placement.objects.filter(household=OuterRef("pk"), status=PlacementStatus.ACTIVE)
    reserved = Placement.objects.filter(household=OuterRef("pk"),
                                        status=PlacementStatus.RESERVED)
    return list(
        Household.objects.visible_to(user).open()
        .exclude(Exists(active.filter(is_permanent=True)))
        .annotate(
            living_since=Subquery(active.values("starts_on")[:1]),
            living_town=Subquery(active.values("unit__town")[:1]),
            reserved_from=Subquery(reserved.values("starts_on")[:1]),
            reserved_permanent=Subquery(reserved.values("is_permanent")[:1]),
        )
        .order_by(Coalesce("arrival_date", "expected_arrival_date").asc(nulls_last=True), "pk")
        [:limit]
    )


def households_for_choice(*, user: User):
    """Open cases, for linking a network place to one."""
    return Household.objects.visible_to(user).open().order_by("reference")


def household_network(*, household: Household) -> list[Place]:
    return list(Place.objects.filter(household=household).order_by("kind", "name"))


# The managers' report (housing/reports.py): one query each, whatever the number of rows.


def persons_received_by_month(*, municipality_id: int, year: int,
                              until: datetime.date) -> dict[str, list[int]]:
    """Persons per quota category whose case arrived in each month of `year`, from January
    to `until`'s month (all twelve when `until` is in a later year), in one query.

    Counted like `persons_received`, so the months add up to its figure for the same `until`.
    """
    if until.year < year:
        return {category: [] for category in QUOTA_BASES}
    last_month = until.month if until.year == year else 12
    rows = (
        Person.objects.in_municipality(municipality_id)
        .filter(household__arrival_date__year=year, household__arrival_date__lte=until)
        .annotate(month=ExtractMonth("household__arrival_date"))
        .values("month")
        .annotate(**{category: Count("pk", filter=Q(residence_basis__in=bases))
                     for category, bases in QUOTA_BASES.items()})
        .order_by()
    )
    by_month = {row["month"]: row for row in rows}
    return {
        category: [by_month.get(month, {}).get(category, 0) for month in
                   range(1, last_month + 1)]
        for category in QUOTA_BASES
    }


@dataclass(frozen=True)
class PersonsHoused:
    temporary: int
    permanent: int


def persons_housed_on(*, municipality_id: int, day: datetime.date) -> PersonsHoused:
    """Persons living in the municipality's temporary and permanent homes on `day` (one query).

    Only homes moved into count: a reservation whose move-in was never recorded houses nobody.
    The persons are those of the placement (the household's size when the home was reserved).
    """
    totals = (
        Placement.objects.in_municipality(municipality_id).living_on(day)
        .filter(status__in=[PlacementStatus.ACTIVE, PlacementStatus.ENDED])
        .aggregate(temporary=Sum("persons", filter=Q(is_permanent=False)),
                   permanent=Sum("persons", filter=Q(is_permanent=True)))
    )
    return PersonsHoused(temporary=totals["temporary"] or 0,
                         permanent=totals["permanent"] or 0)


@dataclass(frozen=True)
class PermanentMoves:
    households: int
    # Days from the case's arrival to the move, one per household with an arrival date.
    days_from_arrival: tuple[int, ...]

    @property
    def median_days_from_arrival(self) -> float | None:
        if not self.days_from_arrival:
            return None
        return statistics.median(self.days_from_arrival)


def permanent_moves(*, municipality_id: int, start: datetime.date,
                    end: datetime.date) -> PermanentMoves:
    """Households whose first move into a permanent home is dated from `start` to `end`, and
    the days each waited from its arrival (one query).

    Only the first permanent home counts: a later move from one permanent home to another is
    not "getting a permanent home" again.
    """
    firsts = (
        Placement.objects.in_municipality(municipality_id)
        .filter(is_permanent=True, status__in=[PlacementStatus.ACTIVE, PlacementStatus.ENDED])
        .order_by()
        .values("household_id", "household__arrival_date")
        .annotate(moved_in_on=Min("starts_on"))
        .filter(moved_in_on__gte=start, moved_in_on__lte=end)
        .values_list("household__arrival_date", "moved_in_on")
    )
    rows = list(firsts)
    return PermanentMoves(
        households=len(rows),
        days_from_arrival=tuple(sorted((moved_in_on - arrival).days
                                       for arrival, moved_in_on in rows if arrival is not None)),
    )
