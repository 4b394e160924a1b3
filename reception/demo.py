"""Demo cases in every status, with overdue and upcoming milestones and letters."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from integration_portal.core.demo import DemoContext, demo_seeder
from reception import services
from reception.models import ArrivalNotice, HouseholdStatus

DEMO_PREFIX = "DEMO-"

# (first name, last name, relation, birth date, CPR serial, letter language, languages)
FAMILIES = {
    "syria": ("asylum_refugee", "Syrien", [
        ("Ahmad", "Al-Hassan", "applicant", date(1985, 3, 14), "1237", "ar", ["ar"]),
        ("Rania", "Al-Hassan", "spouse", date(1988, 7, 2), "1648", "ar", ["ar", "en"]),
        ("Omar", "Al-Hassan", "child", date(2015, 1, 1), "4001", "ar", ["ar"]),
    ]),
    "eritrea": ("quota_refugee", "Eritrea", [
        ("Tesfay", "Gebremariam", "applicant", date(1990, 1, 1), "2013", "ti", ["ti"]),
        ("Selam", "Gebremariam", "spouse", date(1993, 5, 21), "2124", "ti", ["ti", "am"]),
    ]),
    "ukraine": ("ukrainian_special_act", "Ukraine", [
        ("Olena", "Kovalenko", "applicant", date(1982, 11, 8), "1842", "uk", ["uk", "ru"]),
        ("Dmytro", "Kovalenko", "child", date(2011, 4, 30), "4215", "uk", ["uk"]),
    ]),
    "afghanistan": ("asylum_refugee", "Afghanistan", [
        ("Farid", "Ahmadi", "applicant", date(1979, 9, 9), "1557", "prs", ["prs", "ps"]),
        # Over 50: too old for IGU, which the employment demo shows.
        ("Gul", "Ahmadi", "other", date(1971, 1, 1), "1559", "prs", ["prs"]),
    ]),
    "somalia": ("family_reunified", "Somalia", [
        ("Hodan", "Abdi", "applicant", date(1995, 1, 1), "2226", "so", ["so"]),
        ("Ayaan", "Abdi", "child", date(2019, 6, 12), "4619", "so", ["so"]),
    ]),
    "iran": ("asylum_refugee", "Iran", [
        ("Maryam", "Rahimi", "applicant", date(1991, 2, 17), "2336", "fa", ["fa", "en"]),
    ]),
}

# (family, status, days since arrival (None: not arrived), caseworker role)
CASES = [
    ("syria", HouseholdStatus.IN_PROGRAMME, 70, "caseworker"),
    ("eritrea", HouseholdStatus.ARRIVED, 40, "caseworker"),
    ("ukraine", HouseholdStatus.ARRIVED, 12, "caseworker"),
    ("afghanistan", HouseholdStatus.ARRIVED, 30, "coordinator"),
    ("somalia", HouseholdStatus.ANNOUNCED, None, "caseworker"),
    ("iran", HouseholdStatus.CLOSED, 400, "coordinator"),
    (None, HouseholdStatus.ANNOUNCED, None, None),
]


def _cpr(birth: date, serial: str) -> str:
    return f"{birth:%d%m%y}-{serial}"


@demo_seeder(order=20)
def seed_cases(context: DemoContext) -> None:
    today = timezone.localdate()
    for slug, municipality in context.municipalities.items():
        if ArrivalNotice.objects.filter(
            municipality=municipality, source_reference__startswith=DEMO_PREFIX
        ).exists():
            continue
        for number, (family, status, days_since_arrival, role) in enumerate(CASES, start=1):
            _seed_case(context, slug, municipality, number, family, status,
                       days_since_arrival, role, today)
        context.notes.append(f"  {municipality.name}: {len(CASES)} demo cases")


def _seed_case(context, slug, municipality, number, family, status, days_since_arrival, role,
               today) -> None:
    actor = context.users[(slug, "caseworker")]
    arrival = today - timedelta(days=days_since_arrival) if days_since_arrival else None
    expected = arrival or today + timedelta(days=7 + 5 * number)
    basis, nationality, members = FAMILIES.get(family or "", ("asylum_refugee", "", []))
    adults = sum(1 for m in members if m[2] != "child") or 2
    children = [m for m in members if m[2] == "child"]
    household = services.notice_register(
        municipality=municipality, actor=actor, source="email",
        source_reference=f"{DEMO_PREFIX}{number:03d}",
        received_on=expected - timedelta(days=30), expected_arrival_date=expected,
        residence_basis=basis, placement_decision_date=expected - timedelta(days=21),
        adults=adults, children_0_5=0, children_6_14=len(children) if children else 1,
        children_15_17=0, languages=sorted({lang for m in members for lang in m[6]}) or ["ar"],
        need_flags=["step_free"] if family == "afghanistan" else [],
        note="Demo: ankommer med tog til Roskilde st." if family == "syria" else "",
    )
    if role:
        services.household_assign_caseworker(
            household=household, actor=actor, caseworker=context.users[(slug, role)]
        )
    for first, last, relation, birth, serial, letter_language, languages in members:
        services.person_add(
            household=household, actor=actor, relation=relation, first_name=first,
            last_name=last, cpr=_cpr(birth, serial), birth_date=birth,
            cpr_registration_date=arrival, nationality=nationality, residence_basis=basis,
            languages=languages, letter_language=letter_language,
            literacy="none" if first == "Farid" else "reads_writes",
            interpreter_needed=letter_language not in ("en",),
            interpreter_language=languages[0], phone="",
            email=f"{first.lower()}.{slug}@example.org" if first in ("Olena", "Maryam") else "",
            email_consent=first in ("Olena", "Maryam"),
        )
    if arrival is None:
        return
    services.household_mark_arrived(household=household, actor=actor, arrival_date=arrival)
    household.refresh_from_db()
    if status in (HouseholdStatus.IN_PROGRAMME, HouseholdStatus.CLOSED):
        # Some deadlines were met on time before the programme started.
        for milestone in household.milestones.filter(due_date__lt=today).order_by("due_date")[:4]:
            services.milestone_complete(
                milestone=milestone, actor=actor,
                done_on=min(milestone.due_date, today), note="Demo",
            )
        services.household_change_status(
            household=household, actor=actor, status=HouseholdStatus.IN_PROGRAMME
        )
    if status == HouseholdStatus.CLOSED:
        services.household_change_status(
            household=household, actor=actor, status=HouseholdStatus.CLOSED
        )
    services.journal_note_add(
        household=household, actor=actor,
        text="Første samtale holdt med tolk. Familien er godt modtaget.",
    )
