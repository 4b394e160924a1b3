"""Demo housing: a stock of 64 homes per municipality around its real towns, the places that
matter, private hosts, guidelines, a service frame, quotas, and the demo cases placed in
every state (reserved, moved in, moved out, cancelled) — one household moved on from
temporary housing into a permanent home.

Addresses, hosts and deprived-area flags are invented; the towns, postcodes and coordinates
are roughly the real ones. Safe to run twice: a municipality that has homes is left alone.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from housing import services
from housing.kinds import PERMANENT_HOME
from housing.models import HousingUnit, Placement
from integration_portal.core.demo import DemoContext, demo_seeder
from integration_portal.rules.hooks import rules_changed
from integration_portal.rules.models import (
    Anchor,
    Confidence,
    OffsetUnit,
    ResidenceBasis,
    Rule,
    RuleSet,
)
from integration_portal.rules.services import rule_set_create
from reception.models import Household

DAY = datetime.timedelta(days=1)

# (town, postcode, latitude, longitude, share of the homes, has a railway station)
TOWNS = {
    "lejre": [
        ("Lejre", "4320", 55.6046, 11.9747, 14, True),
        ("Hvalsø", "4330", 55.5932, 11.8608, 12, True),
        ("Kirke Hyllinge", "4070", 55.7006, 11.9493, 9, False),
        ("Osted", "4320", 55.5628, 11.9490, 7, False),
        ("Gevninge", "4000", 55.6298, 12.0010, 6, False),
        ("Kirke Såby", "4060", 55.6499, 11.8744, 6, False),
        ("Allerslev", "4320", 55.6066, 12.0180, 5, False),
        ("Herslev", "4000", 55.6787, 11.9954, 5, False),
    ],
    "vejen": [
        ("Vejen", "6600", 55.4811, 9.1367, 16, True),
        ("Rødding", "6630", 55.3658, 9.0594, 10, False),
        ("Brørup", "6650", 55.4818, 9.0179, 10, True),
        ("Holsted", "6670", 55.5106, 8.9171, 9, True),
        ("Askov", "6600", 55.4683, 9.1126, 6, False),
        ("Jels", "6630", 55.3661, 9.2071, 5, False),
        ("Gesten", "6621", 55.5280, 9.1932, 4, False),
        ("Bække", "6622", 55.5656, 9.1389, 4, False),
    ],
    "lemvig": [
        ("Lemvig", "7620", 56.5486, 8.3102, 20, True),
        ("Thyborøn", "7680", 56.6985, 8.2120, 10, True),
        ("Harboøre", "7673", 56.6189, 8.1793, 9, True),
        ("Bøvlingbjerg", "7650", 56.4270, 8.1950, 7, False),
        ("Nørre Nissum", "7620", 56.5591, 8.4138, 7, False),
        ("Klinkby", "7620", 56.6404, 8.2720, 6, False),
        ("Ramme", "7620", 56.4855, 8.1808, 5, False),
    ],
}
ASSOCIATIONS = {
    "lejre": ["Boligselskabet Sjælland", "Lejre Boligforening"],
    "vejen": ["Vejen Boligselskab", "Boligforeningen Brørup"],
    "lemvig": ["Lemvig Boligforening", "Boligselskabet Vestjylland"],
}
STREETS = ["Møllevej", "Skolevej", "Kirkevej", "Bakkevej", "Engvej", "Stationsvej", "Toftevej",
           "Lindevej", "Birkevej", "Rosenvænget", "Kastanjevej", "Vængetvej", "Byagervej",
           "Søndergade", "Nørregade", "Østergade", "Vestergade", "Markvej"]
HOSTS = [("Karen og Poul Madsen", 400, None), ("Birthe Holm", 200, 240),
         ("Jens Kristiansen", 600, -30), ("Susanne og Erik Lund", 90, None)]
GUIDELINES = {
    # Lejre's welcome policy: near networks, spread across the whole municipality.
    "lejre": {"weight_network": 6, "weight_spread": 5, "good_distance_km": Decimal("1.0"),
              "max_distance_km": Decimal("6.0"),
              "note": "Velkomstpolitikken: fast bolig så hurtigt som muligt, i nærheden af "
                      "relevante netværk og med adgang til skole, daginstitution, indkøb, "
                      "netværk og transport. Boligplacering i hele kommunen."},
    # Rural municipalities: longer distances are normal.
    "vejen": {"good_distance_km": Decimal("1.5"), "max_distance_km": Decimal("8.0")},
    "lemvig": {"good_distance_km": Decimal("2.0"), "max_distance_km": Decimal("10.0"),
               "weight_transport": 4},
}
# (item, quantity, per person, for temporary housing, for permanent homes)
SERVICE_FRAME = [
    ("Seng med madras", 1, True, True, True),
    ("Dyne og hovedpude", 1, True, True, True),
    ("Sengetøj (2 sæt)", 1, True, True, False),
    ("Håndklæder (2 stk.)", 1, True, True, False),
    ("Spisebord", 1, False, True, True),
    ("Spisestol", 1, True, True, True),
    ("Sofa eller lænestol", 1, False, True, False),
    ("Klædeskab eller kommode", 1, False, True, True),
    ("Køleskab", 1, False, True, False),
    ("Komfur eller kogeplade", 1, False, True, False),
    ("Gryder, pander og køkkenredskaber (sæt)", 1, False, True, False),
    ("Service og bestik", 1, True, True, False),
    ("Støvsuger", 1, False, True, False),
    ("Lamper", 2, False, True, False),
    ("Gardiner eller rullegardiner (sæt)", 1, False, True, False),
    ("Rengøringsartikler (startpakke)", 1, False, True, True),
]
QUOTAS = {"lejre": (14, 20), "vejen": (28, 35), "lemvig": (12, 18)}
PERMANENT_HOME_TARGET_MONTHS = 6


@demo_seeder(order=15)
def seed_permanent_home_target(context: DemoContext) -> None:
    """Lejre's welcome policy: a permanent home as soon as possible — a local target of 6
    months after arrival, in Lejre's rule set, before the demo cases arrive (order 20).

    Vejen and Lemvig have set no such target; a municipality adds its own in the admin.
    """
    lejre = context.municipalities["lejre"]
    rule_set = RuleSet.objects.in_municipality(lejre).order_by("-effective_from").first()
    values = {
        "milestone_kind": PERMANENT_HOME,
        "anchor": Anchor.ARRIVAL,
        "offset_amount": PERMANENT_HOME_TARGET_MONTHS,
        "offset_unit": OffsetUnit.MONTHS,
        "applies_to_residence_bases": [
            ResidenceBasis.ASYLUM_REFUGEE, ResidenceBasis.QUOTA_REFUGEE,
            ResidenceBasis.FAMILY_REUNIFIED, ResidenceBasis.UKRAINIAN_SPECIAL_ACT,
        ],
        # One target per adult: the household's children move with them.
        "min_age": 18,
        "is_local": True,
        "legal_basis": "Lejre Kommunes velkomstpolitik: fast bolig så hurtigt som muligt",
        "confidence": Confidence.GENERAL,
        "note": "A permanent home is local practice, not a statutory deadline (INL § 12). "
                "The 6 months are the demo's working target.",
    }
    if rule_set is None:
        rule_set_create(municipality=lejre, effective_from=datetime.date(2025, 7, 1),
                        actor=None, name="Lejre Kommunes lokale mål", rules=[values])
        return
    if rule_set.rules.filter(milestone_kind=PERMANENT_HOME).exists():
        return
    # The demo's own rule set, completed before any case uses it (as an administrator
    # would add a rule to it in the admin).
    rule = Rule(rule_set=rule_set, **values)
    rule.full_clean()
    rule.save()
    rules_changed(municipality_id=lejre.pk)


@demo_seeder(order=40)
def seed_housing(context: DemoContext) -> None:
    today = timezone.localdate()
    for slug, municipality in context.municipalities.items():
        if HousingUnit.objects.in_municipality(municipality).exists():
            continue
        # Seeded: the same demo stock on every install.
        rng = random.Random(f"housing-{slug}")  # noqa: S311 - not for security
        caseworker = context.users[(slug, "caseworker")]
        services.guideline_save(municipality=municipality, actor=None, **GUIDELINES[slug])
        for position, (name, quantity, per_person, temporary, permanent) in enumerate(
                SERVICE_FRAME, start=1):
            services.service_frame_item_save(
                municipality=municipality, actor=None, name=name, quantity=quantity,
                per_person=per_person, for_temporary=temporary, for_permanent=permanent,
                position=position)
        refugees, ukrainians = QUOTAS[slug]
        for year, share in ((today.year, 1), (today.year - 1, Decimal("0.8"))):
            services.quota_set(municipality=municipality, actor=None, year=year,
                               category="refugees", persons=int(refugees * share),
                               note="KKR's fordeling (demo)")
            services.quota_set(municipality=municipality, actor=None, year=year,
                               category="ukrainian", persons=int(ukrainians * share))
        hosts = [
            services.private_host_create(
                municipality=municipality, actor=caseworker, name=name,
                agreement_signed_on=today - signed_days_ago * DAY,
                agreement_ends_on=None if ends is None else today + ends * DAY,
                note="Demo")
            for name, signed_days_ago, ends in HOSTS
        ]
        anchors = _seed_units(rng, slug, municipality, caseworker, hosts, today)
        places = _seed_places(rng, slug, municipality, caseworker)
        placements = _seed_placements(slug, municipality, caseworker, anchors, today)
        context.notes.append(
            f"  {municipality.name}: {HousingUnit.objects.in_municipality(municipality).count()}"
            f" homes, {places} places, {placements} placements")


def _near(rng: random.Random, lat: float, lon: float, km: float) -> tuple[Decimal, Decimal]:
    dlat = rng.uniform(-km, km) / 111.2
    dlon = rng.uniform(-km, km) / 63.0  # a degree of longitude is about 63 km here
    return Decimal(f"{lat + dlat:.6f}"), Decimal(f"{lon + dlon:.6f}")


def _unit(rng, municipality, caseworker, hosts, town, *, kind, rooms, available_from,
          available_until=None, step_free=None, deprived=False, capacity=None, slug):
    name, postcode, lat, lon, _, _ = town
    latitude, longitude = _near(rng, lat, lon, 1.4)
    landlord = {"landlord_kind": "municipality", "landlord_name": "", "private_host": None}
    if kind == "permanent":
        landlord = {"landlord_kind": "housing_association", "private_host": None,
                    "landlord_name": rng.choice(ASSOCIATIONS[slug])}
    elif kind == "private_lodging":
        landlord = {"landlord_kind": "private_host", "landlord_name": "",
                    "private_host": rng.choice(hosts)}
    elif kind == "temporary" and rng.random() < 0.25:
        landlord = {"landlord_kind": "private_landlord", "private_host": None,
                    "landlord_name": "Udlejer " + rng.choice(["Jensen ApS", "Nielsen Ejendomme",
                                                              "Hansen Bolig"])}
    if capacity is None:
        capacity = {"temporary": min(8, rooms * 2), "permanent": rooms + 1,
                    "private_lodging": min(3, rooms + 1), "shared_room": rng.choice([2, 3])}[kind]
    rent = {"temporary": 3200 + rooms * 900, "permanent": 3800 + rooms * 1350,
            "private_lodging": 2500, "shared_room": 1800}[kind]
    floor = rng.choice(["", "", ", st. tv.", ", 1. th.", ", 2. tv."])
    return services.unit_create(
        municipality=municipality, actor=caseworker,
        address=f"{rng.choice(STREETS)} {rng.randint(1, 80)}{floor}", postcode=postcode,
        town=name, area="", latitude=latitude, longitude=longitude, kind=kind, rooms=rooms,
        size_m2=18 + rooms * 21 + rng.randint(0, 15),
        rent_dkk=Decimal(rent + rng.randint(-4, 8) * 50), capacity=capacity,
        step_free=rng.random() < 0.3 if step_free is None else step_free,
        available_from=available_from, available_until=available_until,
        deprived_area=deprived, notes="", **landlord,
    )


def _seed_units(rng, slug, municipality, caseworker, hosts, today) -> dict[str, HousingUnit]:
    """64 homes spread over the towns by their share; the first few are the demo cases'."""
    towns = TOWNS[slug]
    main, second = towns[0], towns[1]
    long_ago = today - 500 * DAY

    def make(town, **kwargs):
        return _unit(rng, municipality, caseworker, hosts, town, slug=slug, **kwargs)

    anchors = {
        "temporary_large": make(main, kind="temporary", rooms=3, available_from=long_ago),
        "temporary_couple": make(second, kind="temporary", rooms=2, available_from=long_ago),
        "temporary_step_free": make(main, kind="temporary", rooms=1, available_from=long_ago,
                                    step_free=True, capacity=2),
        "temporary_small": make(second, kind="temporary", rooms=2, available_from=long_ago),
        "temporary_other": make(towns[2], kind="temporary", rooms=2, available_from=long_ago),
        "permanent_family": make(second, kind="permanent", rooms=3, available_from=long_ago),
        "permanent_couple": make(towns[2], kind="permanent", rooms=2, available_from=long_ago),
        "lodging": _unit(rng, municipality, caseworker, [hosts[0]], main,
                         kind="private_lodging", rooms=2, available_from=long_ago, slug=slug),
    }
    # The rest by the towns' shares: temporary, permanent, lodging and shared rooms.
    slots = [town for town in towns for _ in range(town[4])]
    rng.shuffle(slots)
    kinds = (["temporary"] * 16 + ["permanent"] * 28 + ["private_lodging"] * 4
             + ["shared_room"] * 8)
    rng.shuffle(kinds)
    for n, kind in enumerate(kinds):
        town = slots[n % len(slots)]
        rooms = 1 if kind == "shared_room" else rng.choice([1, 2, 2, 3, 3, 4, 5])
        starts = today + rng.randint(-400, 60) * DAY
        until = (today + rng.randint(150, 500) * DAY
                 if kind in ("temporary", "shared_room") and rng.random() < 0.4 else None)
        # A few homes in an (invented) deprived area, to show the rule at work.
        deprived = kind in ("permanent", "temporary") and town is main and n % 9 == 0
        make(town, kind=kind, rooms=rooms, available_from=starts, available_until=until,
             deprived=deprived)
    return anchors


def _seed_places(rng, slug, municipality, caseworker) -> int:
    created = 0

    def place(kind, name, lat, lon, km=0.6, **extra):
        nonlocal created
        latitude, longitude = _near(rng, lat, lon, km)
        services.place_create(municipality=municipality, actor=caseworker, kind=kind,
                              name=name, latitude=latitude, longitude=longitude, **extra)
        created += 1

    for index, (town, _, lat, lon, share, station) in enumerate(TOWNS[slug]):
        if share >= 6:
            place("school", f"{town} Skole", lat, lon)
            place("sfo", f"SFO ved {town} Skole", lat, lon)
        place("daycare", f"Børnehuset {town}", lat, lon)
        place("shop", f"Dagligvarebutik i {town}", lat, lon, km=0.4)
        place("stop", f"Busstoppested {town} Centrum", lat, lon, km=0.3)
        if station:
            place("station", f"{town} Station", lat, lon, km=0.5)
        if index == 0:
            place("shop", f"Indkøbscenter {town}", lat, lon, km=0.8)
            place("community", "Frivillignet café på biblioteket", lat, lon, km=0.3)
            place("community", "Arabisk kulturforening", lat, lon, km=1.0, languages=["ar"])
            place("community", "Ukrainsk fællesskab", lat, lon, km=1.0, languages=["uk"])
    # The Syrian demo family's relatives live in the second town.
    syria = _demo_case(municipality, 1)
    if syria is not None:
        _, _, lat, lon, _, _ = TOWNS[slug][1]
        place("relatives", "Familie (brors husstand)", lat, lon, household=syria)
    return created


def _demo_case(municipality, number: int) -> Household | None:
    return Household.objects.filter(
        municipality=municipality, notice__source_reference=f"DEMO-{number:03d}").first()


def _seed_placements(slug, municipality, caseworker, anchors, today) -> int:
    """The reception demo's cases placed in every state a placement can be in."""
    syria, eritrea, ukraine, afghanistan, somalia = (
        _demo_case(municipality, n) for n in (1, 2, 3, 4, 5))
    if None in (syria, eritrea, ukraine, afghanistan, somalia):
        return 0

    def stay(household, unit, start, end=None, move_in=True):
        placement = services.placement_reserve(household=household, unit=unit,
                                               actor=caseworker, starts_on=start, ends_on=end)
        if move_in:
            services.placement_move_in(placement=placement, actor=caseworker, moved_in_on=start)
            items = list(placement.checklist.order_by("position")[:6])
            services.checklist_update(placement=placement, actor=caseworker,
                                      delivered={item.pk for item in items}, on=start)
        return placement

    def arrived(household):
        return household.arrival_date or today

    # Syria: temporary housing from arrival, a permanent home 10 days ago (the temporary
    # stay ends that day, and in Lejre the permanent-home target is met).
    stay(syria, anchors["temporary_large"], arrived(syria))
    stay(syria, anchors["permanent_family"], today - 10 * DAY)
    # Eritrea: lives in temporary housing; a permanent home is reserved, and volunteers are
    # asked to help with the move.
    stay(eritrea, anchors["temporary_couple"], arrived(eritrea))
    moving = services.placement_reserve(household=eritrea, unit=anchors["permanent_couple"],
                                        actor=caseworker, starts_on=today + 20 * DAY)
    starts = timezone.make_aware(datetime.datetime.combine(today + 20 * DAY, datetime.time(10)))
    services.moving_help_request(
        placement=moving, actor=caseworker, starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=3), title="Flyttehjælp til permanent bolig",
        description="Bære kasser og møbler og samle senge i en ny bolig. Bil er en fordel.",
        languages=[], involves_children_under_15=False, estimated_hours=Decimal("3"))
    # Ukraine: private lodging with a host, for half a year.
    stay(ukraine, anchors["lodging"], arrived(ukraine), arrived(ukraine) + 180 * DAY)
    # Afghanistan: needs step-free access.
    stay(afghanistan, anchors["temporary_step_free"], arrived(afghanistan))
    # Somalia (announced): a reservation that was cancelled, then the one that holds.
    expected = somalia.expected_arrival_date or today + 14 * DAY
    first = stay(somalia, anchors["temporary_other"], expected, move_in=False)
    services.placement_cancel(placement=first, actor=caseworker)
    stay(somalia, anchors["temporary_small"], expected, move_in=False)
    return Placement.objects.in_municipality(municipality).count()

