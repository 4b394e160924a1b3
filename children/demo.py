"""Demo children: each municipality's institutions (some with an integration strategy, some
without), its local targets for daycare, school start, language assessment and youth
guidance, and children on the demo cases in every state: a daycare place requested, one
offered, one started; a school place in a reception class; a child waiting with an overdue
school start; language assessments; a 15–17-year-old with youth guidance and an education
plan, and one without.

The institution names are realistic, the details invented. Safe to run twice: the rules are
added once, and a municipality that has institutions is left alone.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from children import services
from children.kinds import DAYCARE_START, LANGUAGE_ASSESSMENT, SCHOOL_START, YOUTH_GUIDANCE
from children.models import Institution, YouthGuidanceLabel
from integration_portal.core.demo import DemoContext, demo_seeder
from integration_portal.rules.hooks import rules_changed
from integration_portal.rules.models import Anchor, Confidence, OffsetUnit, Rule, RuleSet
from integration_portal.rules.services import rule_set_create
from reception import services as reception
from reception.models import Household, HouseholdStatus

DAY = datetime.timedelta(days=1)
RULES_FROM = datetime.date(2025, 7, 1)

# (kind, offset, unit, min age, max age at arrival, basis)
TARGETS = [
    (DAYCARE_START, 3, OffsetUnit.MONTHS, None, 5, "Lokalt mål: dagtilbud inden 3 måneder"),
    (SCHOOL_START, 4, OffsetUnit.WEEKS, 6, 16, "Lokalt mål: skolestart inden 4 uger"),
    (LANGUAGE_ASSESSMENT, 3, OffsetUnit.MONTHS, 2, 6,
     "Lokalt mål: sprogvurdering inden 3 måneder"),
    (YOUTH_GUIDANCE, 2, OffsetUnit.MONTHS, 15, 17,
     "Lokalt mål: første møde med ungevejledningen inden 2 måneder"),
]

STRATEGY = (
    "Ledelse, personale, børn og forældre bidrager til integrationen: nye familier får en "
    "kontaktpædagog, et velkomstmøde med tolk og en plan for de første uger. Lærere og "
    "pædagoger tager ansvar for, at udenlandske børn og forældre bliver en del af "
    "fællesskabet.")

# (key, kind, name, address, has a strategy)
INSTITUTIONS = {
    "lejre": [
        ("daycare", "daycare", "Børnehuset Troldehøj", "Bygaden 12, 4320 Lejre", True),
        ("daycare2", "daycare", "Vuggestuen Mælkebøtten", "Møllevej 3, 4330 Hvalsø", False),
        ("school", "school", "Hvalsø Skole", "Skolevej 10, 4330 Hvalsø", True),
        ("school2", "school", "Kirke Hyllinge Skole", "Skolevej 2, 4070 Kirke Hyllinge",
         False),
        ("sfo", "sfo", "SFO Osted", "Byvej 20, 4320 Lejre", True),
    ],
    "vejen": [
        ("daycare", "daycare", "Børnehaven Solstrålen", "Østergade 14, 6600 Vejen", True),
        ("daycare2", "daycare", "Dagtilbud Brørup", "Stationsvej 8, 6650 Brørup", False),
        ("school", "school", "Vejen Byskole", "Skolegade 1, 6600 Vejen", True),
        ("school2", "school", "Rødding Skole", "Skolevej 5, 6630 Rødding", False),
        ("sfo", "sfo", "SFO Askov", "Maltvej 2, 6600 Vejen", False),
    ],
    "lemvig": [
        ("daycare", "international_preschool", "Den Internationale Førskole",
         "Ringvej 2, 7620 Lemvig", True),
        ("daycare2", "daycare", "Børnehuset Nørre Nissum", "Kirkevej 4, 7620 Lemvig", False),
        ("school", "school", "Christinegårdskolen", "Nyholmsvej 1, 7620 Lemvig", True),
        ("school2", "school", "Thyborøn Skole", "Skolegade 12, 7680 Thyborøn", False),
        ("sfo", "sfo", "SFO Harboøre", "Skolevej 8, 7673 Harboøre", True),
    ],
}
LABELS = {"lejre": YouthGuidanceLabel.KUI, "vejen": YouthGuidanceLabel.KUI,
          "lemvig": YouthGuidanceLabel.UU}


def _years_ago(today: datetime.date, years: int) -> datetime.date:
    """A birthday about `years` and a month ago: the child is `years` old today."""
    return today - (int(365.25 * years) + 40) * DAY


@demo_seeder(order=16)
def seed_children_targets(context: DemoContext) -> None:
    """Local targets in every municipality's newest rule set, before the demo cases arrive
    (order 20), so their children's milestones are computed."""
    for municipality in context.municipalities.values():
        rules = [{
            "milestone_kind": kind, "anchor": Anchor.ARRIVAL, "offset_amount": offset,
            "offset_unit": unit, "min_age": low, "max_age": high, "is_local": True,
            "legal_basis": basis, "confidence": Confidence.GENERAL,
            "note": "Local practice: domain.md names no statutory deadline for this.",
        } for kind, offset, unit, low, high, basis in TARGETS]
        rule_set = RuleSet.objects.in_municipality(municipality).order_by(
            "-effective_from").first()
        if rule_set is None:
            rule_set_create(municipality=municipality, effective_from=RULES_FROM, actor=None,
                            name=f"{municipality.name} Kommunes lokale mål", rules=rules)
            continue
        added = False
        for values in rules:
            if rule_set.rules.filter(milestone_kind=values["milestone_kind"]).exists():
                continue
            rule = Rule(rule_set=rule_set, **values)
            rule.full_clean()
            rule.save()
            added = True
        if added:
            rules_changed(municipality_id=municipality.pk)


@demo_seeder(order=60)
def seed_children(context: DemoContext) -> None:
    today = timezone.localdate()
    for slug, municipality in context.municipalities.items():
        if Institution.objects.in_municipality(municipality).exists():
            continue
        caseworker = context.users[(slug, "caseworker")]
        manager = context.users[(slug, "manager")]
        services.settings_save(municipality=municipality, actor=manager,
                               youth_guidance_label=LABELS[slug])
        places = {}
        for key, kind, name, address, has_strategy in INSTITUTIONS[slug]:
            places[key] = services.institution_create(
                municipality=municipality, actor=caseworker, kind=kind, name=name,
                address=address, phone="+45 7060 0000",
                email=f"{key}@{slug}.example", contact_name="Mette Sørensen" if has_strategy
                else "", contact_role="Integrationskoordinator" if has_strategy else "",
                strategy=STRATEGY if has_strategy else "",
                strategy_adopted_on=datetime.date(2025, 3, 1) if has_strategy else None,
                strategy_reviewed_on=datetime.date(2026, 3, 1) if has_strategy else None)
        _seed_case_children(slug, municipality, caseworker, places, today)
        context.notes.append(f"  {municipality.name}: {len(places)} institutions")


def _case(municipality, number: int) -> Household | None:
    return Household.objects.filter(
        municipality=municipality, notice__source_reference=f"DEMO-{number:03d}").first()


def _child(case, caseworker, first, last, birth):
    return reception.person_add(
        household=case, actor=caseworker, relation="child", first_name=first, last_name=last,
        birth_date=birth, residence_basis=case.persons.first().residence_basis,
        languages=["ar"], letter_language="ar")


def _seed_case_children(slug, municipality, caseworker, places, today) -> None:
    syria, eritrea, ukraine, afghanistan = (_case(municipality, n) for n in (1, 2, 3, 4))
    if syria is not None and syria.status != HouseholdStatus.CLOSED:
        # Omar (11): a school place in a reception class, started; assessed.
        omar = syria.persons.filter(first_name="Omar").first()
        if omar is not None:
            services.placement_create(
                person=omar, actor=caseworker, institution=places["school"],
                kind="reception_class", status="started", requested_on=syria.arrival_date,
                offered_on=syria.arrival_date + 7 * DAY, starts_on=syria.arrival_date + 21 * DAY)
            services.assessment_create(
                person=omar, actor=caseworker, assessed_on=syria.arrival_date + 30 * DAY,
                result="Fokuseret indsats", note="Dansk som andetsprog i modtageklassen.",
                next_assessment_on=today + 120 * DAY)
    if eritrea is not None and eritrea.arrival_date:
        # Two small children: one daycare place requested, one offered; one assessment.
        yonas = _child(eritrea, caseworker, "Yonas", "Gebremariam", _years_ago(today, 1))
        luwam = _child(eritrea, caseworker, "Luwam", "Gebremariam", _years_ago(today, 4))
        services.placement_create(person=yonas, actor=caseworker, institution=places["daycare2"],
                                  status="requested", requested_on=eritrea.arrival_date + 2 * DAY)
        services.placement_create(person=luwam, actor=caseworker, institution=places["daycare"],
                                  status="offered", requested_on=eritrea.arrival_date + 2 * DAY,
                                  offered_on=today - 3 * DAY, starts_on=today + 14 * DAY)
        services.assessment_create(person=luwam, actor=caseworker, assessed_on=today - 5 * DAY,
                                   result="Særlig indsats", note="")
    if ukraine is not None and ukraine.arrival_date:
        # Sofiia (5) started daycare; Dmytro (15) has youth guidance and an education plan.
        sofiia = _child(ukraine, caseworker, "Sofiia", "Kovalenko", _years_ago(today, 5))
        services.placement_create(person=sofiia, actor=caseworker, institution=places["daycare"],
                                  status="started", requested_on=ukraine.arrival_date,
                                  offered_on=ukraine.arrival_date + DAY,
                                  starts_on=ukraine.arrival_date + 5 * DAY)
        dmytro = ukraine.persons.filter(first_name="Dmytro").first()
        if dmytro is not None and 15 <= dmytro.age_on(today) <= 17:
            services.youth_guidance_save(
                person=dmytro, actor=caseworker, contact_name="Lars Holm",
                contact_phone="+45 2211 3344", contact_email="lars.holm@example.org",
                first_meeting_on=ukraine.arrival_date + 7 * DAY, status="active",
                education_plan="10. klasse med dansk som andetsprog, derefter EUD "
                               "(elektriker).", plan_date=ukraine.arrival_date + 7 * DAY)
    if afghanistan is not None and afghanistan.arrival_date:
        # Zahra (8) waits for a school place: the 4-week target is overdue. Karim (16) has
        # no youth guidance yet.
        zahra = _child(afghanistan, caseworker, "Zahra", "Ahmadi", _years_ago(today, 8))
        _child(afghanistan, caseworker, "Karim", "Ahmadi", _years_ago(today, 16))
        services.placement_create(person=zahra, actor=caseworker, institution=places["school2"],
                                  status="requested",
                                  requested_on=afghanistan.arrival_date + 3 * DAY)
