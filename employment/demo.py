"""Demo employment: each municipality's employer network with openings, and measures of every
kind for the demo cases' adults — an IGU with its school weeks, internships, wage subsidy, a
small job, a job-training track, a special upskilling course, education and an ordinary job —
two of them past a rule's warning with the caseworker's reason, Danish education with a
passed test, and the closed case's history that gives its outcomes.

Employers and CVR numbers are invented (the numbers pass the CVR check). The over-50 Gul
Ahmadi has no measure on purpose: plan an IGU for him to see the age warning. Safe to run
twice: a municipality that has employers is left alone.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from employment.checks import months_end, weeks_end
from employment.models import (
    DanishTest,
    DanishTrack,
    Employer,
    MeasureCategory,
    MeasureOutcome,
    OpeningKind,
    Sector,
)
from employment.selectors.rules import measure_type_for_category
from employment.services import danish, employers, igu, measures
from integration_portal.core.demo import DemoContext, demo_seeder
from reception.models import Person

DAY = datetime.timedelta(days=1)
WEEK = datetime.timedelta(weeks=1)

# (key, name pattern, sector, public, in the network)
EMPLOYERS = [
    ("bakery", "{town} Bageri ApS", Sector.HOSPITALITY, False, True),
    ("supermarket", "Dagligvarer {town} A/S", Sector.RETAIL, False, True),
    ("nursery", "{town} Planteskole og Gartneri", Sector.AGRICULTURE, False, True),
    ("builders", "{town} Byggemarked A/S", Sector.CONSTRUCTION, False, False),
    ("cleaning", "Rent & Pænt {town} ApS", Sector.CLEANING, False, True),
    ("care_home", "{name} Kommune, Plejecenter Solbakken", Sector.CARE, True, True),
]
TOWNS = {"lejre": "Hvalsø", "vejen": "Brørup", "lemvig": "Thyborøn"}
LANGUAGE_CENTRES = {"lejre": "Sprogcenter Roskilde", "vejen": "Sprogcenter Vejen",
                    "lemvig": "Sprogcenter Holstebro"}

# (employer, kind, title, hours a week, languages besides Danish)
OPENINGS = [
    ("bakery", OpeningKind.IGU, "Bagerlærling (IGU)", Decimal("30"), ["ar", "en"]),
    ("bakery", OpeningKind.SMALL_JOB, "Opvask, weekend", Decimal("8"), []),
    ("supermarket", OpeningKind.INTERNSHIP, "Varepåfylder i sprogpraktik", Decimal("15"),
     ["uk", "en"]),
    ("nursery", OpeningKind.INTERNSHIP, "Gartnermedhjælper", Decimal("20"), ["ti"]),
    ("builders", OpeningKind.WAGE_SUBSIDY, "Lagermedarbejder", Decimal("30"), ["en"]),
    ("cleaning", OpeningKind.SMALL_JOB, "Rengøring, morgenhold", Decimal("10"), ["so", "ar"]),
    ("care_home", OpeningKind.WAGE_SUBSIDY, "Serviceassistent", Decimal("30"), []),
]


def cvr_number(seed: int) -> str:
    """A made-up CVR number that passes the modulus 11 check."""
    weights = (2, 7, 6, 5, 4, 3, 2)
    while True:
        digits = f"{seed:07d}"
        check = -sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11
        if check < 10:
            return f"{digits}{check}"
        seed += 1


@demo_seeder(order=50)
def seed_employment(context: DemoContext) -> None:
    today = timezone.localdate()
    for index, (slug, municipality) in enumerate(sorted(context.municipalities.items())):
        if Employer.objects.in_municipality(municipality).exists():
            continue
        actor = context.users.get((slug, "caseworker"))
        if actor is None:
            continue
        network = _seed_employers(municipality, slug, index, actor)
        _seed_measures(municipality, slug, network, actor, today)
    context.notes.append(
        "Employment: employers, openings and measures of every kind; Gul Ahmadi (55) has "
        "none — plan an IGU for him to see the age warning.")


def _seed_employers(municipality, slug: str, index: int, actor) -> dict[str, Employer]:
    town = TOWNS.get(slug, municipality.name)
    network = {}
    for number, (key, pattern, sector, public, in_network) in enumerate(EMPLOYERS):
        network[key] = employers.employer_create(
            municipality=municipality, actor=actor,
            name=pattern.format(town=town, name=municipality.name),
            cvr=cvr_number(3_100_000 + index * 10_000 + number * 137),
            sector=sector, is_public=public, address=f"Hovedgaden {number * 4 + 2}",
            city=town, contact_name=["Hanne Holm", "Per Madsen", "Lise Krogh", "Jens Berg",
                                     "Mette Dahl", "Søren Lund"][number],
            contact_phone=f"46 40 {10 + number:02d} {20 + index:02d}",
            in_network=in_network,
            network_joined_on=datetime.date(2024, 3, 1) if in_network else None,
        )
    for key, kind, title, hours, languages in OPENINGS:
        employers.opening_create(employer=network[key], actor=actor, kind=kind, title=title,
                                 hours_per_week=hours, languages=languages)
    return network


def _person(municipality, first_name: str, last_name: str) -> Person | None:
    return (Person.objects.in_municipality(municipality)
            .filter(first_name=first_name, last_name=last_name)
            .select_related("household").first())


def _plan(actor, person, category, start, hours, *, employer=None, end=None, reasons=None,
          notes=""):
    return measures.measure_plan(
        actor=actor, person=person,
        measure_type=measure_type_for_category(
            municipality_id=person.household.municipality_id, category=category),
        starts_on=start, ends_on=end, hours_per_week=Decimal(hours), employer=employer,
        notes=notes, acknowledgements=reasons)


def _seed_measures(municipality, slug, network, actor, today) -> None:
    centre = LANGUAGE_CENTRES.get(slug, "Sprogcenter")
    ahmad = _person(municipality, "Ahmad", "Al-Hassan")
    if ahmad is not None:
        # An IGU at the bakery, started a month ago, with its 23 school weeks planned.
        igu_measure = _plan(actor, ahmad, MeasureCategory.IGU, today - 30 * DAY, "30",
                            employer=network["bakery"])
        measures.measure_start(actor=actor, measure=igu_measure, started_on=today - 30 * DAY)
        first_monday = igu_measure.starts_on - igu_measure.starts_on.weekday() * DAY + WEEK
        for week in range(23):
            # Two school weeks a quarter, spread over the two years.
            igu.school_week_add(measure=igu_measure, actor=actor,
                                week_starts_on=first_monday + (week * 4 + week // 3) * WEEK,
                                school="AMU Sjælland")
        held = igu_measure.school_weeks.order_by("week_starts_on").first()
        igu.school_week_set_status(week=held, actor=actor, status="held")
        danish.danish_education_create(
            person=ahmad, actor=actor, provider=centre, track=DanishTrack.DU3, module=2,
            referred_on=today - 60 * DAY, starts_on=today - 45 * DAY,
            hours_per_week=Decimal("5"))
    rania = _person(municipality, "Rania", "Al-Hassan")
    if rania is not None:
        internship = _plan(
            actor, rania, MeasureCategory.LANGUAGE_INTERNSHIP, today - 14 * DAY, "15",
            employer=network["supermarket"], end=weeks_end(today - 14 * DAY, 20),
            reasons={"internship_extension": "Butikken vil ansætte hende, når praktikken er "
                     "forlænget; jobcentret har godkendt forlængelsen."})
        measures.measure_start(actor=actor, measure=internship, started_on=today - 14 * DAY)
        danish.danish_education_create(
            person=rania, actor=actor, provider=centre, track=DanishTrack.DU2, module=1,
            referred_on=today - 60 * DAY, starts_on=today - 40 * DAY,
            hours_per_week=Decimal("15"))
    tesfay = _person(municipality, "Tesfay", "Gebremariam")
    if tesfay is not None:
        internship = _plan(actor, tesfay, MeasureCategory.COMPANY_INTERNSHIP, today - 21 * DAY,
                           "20", employer=network["nursery"])
        measures.measure_start(actor=actor, measure=internship, started_on=today - 21 * DAY)
        _plan(actor, tesfay, MeasureCategory.SMALL_JOB, today + 7 * DAY, "8",
              employer=network["bakery"])
        danish.danish_education_create(
            person=tesfay, actor=actor, provider=centre, track=DanishTrack.DU2, module=1,
            referred_on=today - 30 * DAY, hours_per_week=Decimal("9"))
    selam = _person(municipality, "Selam", "Gebremariam")
    if selam is not None:
        start = today + 14 * DAY
        _plan(actor, selam, MeasureCategory.WAGE_SUBSIDY_PRIVATE, start, "30",
              employer=network["builders"], end=months_end(start, 7),
              reasons={"wage_subsidy_length": "Forlænget efter aftale med jobcentret, da "
                       "virksomheden har stillet ordinær ansættelse i udsigt."})
        danish.danish_education_create(
            person=selam, actor=actor, provider=centre, track=DanishTrack.DU1, module=1,
            referred_on=today - 30 * DAY, hours_per_week=Decimal("7"))
    olena = _person(municipality, "Olena", "Kovalenko")
    if olena is not None:
        upskilling = today + 10 * DAY
        _plan(actor, olena, MeasureCategory.SPECIAL_UPSKILLING, upskilling, "25",
              notes="Kursus i lagerstyring med truckcertifikat.")
        _plan(actor, olena, MeasureCategory.EDUCATION, months_end(upskilling, 3) + DAY, "20",
              notes="Social- og sundhedshjælperuddannelsen.")
    farid = _person(municipality, "Farid", "Ahmadi")
    if farid is not None:
        training = _plan(actor, farid, MeasureCategory.JOB_TRAINING, today - 10 * DAY, "30",
                         employer=network["cleaning"], end=today + 100 * DAY)
        measures.measure_start(actor=actor, measure=training, started_on=today - 10 * DAY)
        _plan(actor, farid, MeasureCategory.WAGE_SUBSIDY_PUBLIC, today + 101 * DAY, "30",
              employer=network["care_home"])
    _seed_history(municipality, network, actor, today, centre)


def _seed_history(municipality, network, actor, today, centre) -> None:
    """The closed case's year: an internship that led to a job, and Danish passed."""
    maryam = _person(municipality, "Maryam", "Rahimi")
    if maryam is None or maryam.household.arrival_date is None:
        return
    arrival = maryam.household.arrival_date
    internship = _plan(actor, maryam, MeasureCategory.COMPANY_INTERNSHIP, arrival + 60 * DAY,
                       "25", employer=network["bakery"])
    measures.measure_start(actor=actor, measure=internship, started_on=internship.starts_on)
    measures.measure_end(actor=actor, measure=internship, ended_on=internship.ends_on,
                         outcome=MeasureOutcome.HIRED)
    job = _plan(actor, maryam, MeasureCategory.ORDINARY_JOB, internship.ends_on + DAY, "30",
                employer=network["bakery"])
    measures.measure_start(actor=actor, measure=job, started_on=job.starts_on)
    education = danish.danish_education_create(
        person=maryam, actor=actor, provider=centre, track=DanishTrack.DU3, module=1,
        referred_on=arrival + 20 * DAY, starts_on=arrival + 30 * DAY,
        hours_per_week=Decimal("6"))
    danish.danish_test_add(education=education, actor=actor, test=DanishTest.MODULE, module=1,
                           passed_on=arrival + 150 * DAY)
