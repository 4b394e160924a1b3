"""Demo volunteering: an agreement per municipality, volunteers in every vetting state, tasks
open, taken and done, and meetings to sign up for.

The demo volunteer (volunteer@<municipality>.example) is active and vetted, so they can take
every task; the other volunteers cannot log in (no password) and are there to be looked at.
"""

from __future__ import annotations

import datetime
import secrets
from decimal import Decimal

from django.utils import timezone

from integration_portal.accounts.models import User
from integration_portal.core.demo import DemoContext, demo_seeder
from integration_portal.rules.calendar import add_months
from reception.models import Household
from volunteers import services
from volunteers.models import (
    CooperationAgreement,
    Event,
    EventKind,
    EventSignup,
    Organisation,
    TaskKind,
    VolunteerInvitation,
    VolunteerProfile,
    VolunteerStatus,
    default_commitments,
    invitation_token_hash,
)

ORGANISATIONS = {
    "lejre": "Frivillignet Lejre Flygtningevenner",
    "vejen": "Frivillignet Vejen",
    "lemvig": "Frivillignet Lemvig",
}
TOWNS = {
    "lejre": ["4320 Lejre", "4330 Hvalsø", "4070 Kirke Hyllinge"],
    "vejen": ["6600 Vejen", "6630 Rødding", "6650 Brørup"],
    "lemvig": ["7620 Lemvig", "7680 Thyborøn", "7570 Vemb"],
}

# (name, status, agreement signed days ago, certificate obtained months ago (None: none))
OTHER_VOLUNTEERS = [
    ("Karin Abildgaard", VolunteerStatus.PENDING, None, None),
    ("Mads Overgaard", VolunteerStatus.ACTIVE, 200, 23),
    ("Nadia Berthelsen", VolunteerStatus.ACTIVE, 90, None),
    ("Poul Riis", VolunteerStatus.PAUSED, 400, 30),
    ("Tove Lindholm", VolunteerStatus.ENDED, 900, None),
]


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


@demo_seeder(order=30)
def seed_volunteering(context: DemoContext) -> None:
    today = timezone.localdate()
    for slug, municipality in context.municipalities.items():
        if Organisation.objects.filter(municipality=municipality).exists():
            continue
        coordinator = context.users[(slug, "coordinator")]
        organisation = _seed_agreement(slug, municipality, coordinator, today)
        _seed_volunteers(context, slug, municipality, organisation, coordinator, today)
        _seed_tasks(context, slug, municipality, today)
        _seed_events(context, slug, municipality, coordinator, today)
        context.notes.append(f"  {municipality.name}: volunteering (agreement, volunteers, "
                             "tasks, meetings)")


def _seed_agreement(slug, municipality, coordinator, today) -> Organisation:
    organisation = Organisation.objects.create(
        municipality=municipality, name=ORGANISATIONS[slug],
        parent_network="Dansk Flygtningehjælps Frivillignet",
        contact_name="Frivilligkoordinator", contact_email=f"frivillignet@{slug}.example",
    )
    commitments = default_commitments()
    for commitment in commitments[:6]:
        commitment["done"] = True
    signed = add_months(today, -11)
    agreement = CooperationAgreement(
        organisation=organisation, period_start=signed, signed_on=signed,
        municipality_contacts=f"{coordinator.full_name}, frivilligkoordinator",
        organisation_contacts="Frivillignettets lokale koordinator",
        commitments=commitments,
        # Due within the warning window, so the coordinator sees the reminder.
        evaluation_due_on=today + datetime.timedelta(days=5),
    )
    agreement.full_clean()
    agreement.save()
    return organisation


def _profile(user, organisation, *, status, signed_days_ago, certificate_months_ago, today,
             approver, languages, areas, skills) -> VolunteerProfile:
    profile = VolunteerProfile(
        user=user, organisation=organisation, languages=languages, areas=areas,
        availability="Hverdage efter kl. 16 og i weekender", skills=skills,
        agreement_signed_on=(today - datetime.timedelta(days=signed_days_ago)
                             if signed_days_ago is not None else None),
        boerneattest_obtained_on=(add_months(today, -certificate_months_ago)
                                  if certificate_months_ago is not None else None),
        boerneattest_no_concerns=certificate_months_ago is not None,
        courses=["Introduktion til Frivillignet"] if signed_days_ago else [],
        status=status,
    )
    if status != VolunteerStatus.PENDING:
        profile.approved_by = approver
        profile.approved_at = timezone.now()
    profile.full_clean()
    profile.save()
    return profile


def _seed_volunteers(context, slug, municipality, organisation, coordinator, today) -> None:
    towns = TOWNS[slug]
    _profile(context.users[(slug, "volunteer")], organisation, status=VolunteerStatus.ACTIVE,
             signed_days_ago=300, certificate_months_ago=3, today=today, approver=coordinator,
             languages=["da", "en", "ar"], areas=towns[:2],
             skills="Kører bil, kan hjælpe med møbler og lektier")
    for number, (name, status, signed, certificate) in enumerate(OTHER_VOLUNTEERS, start=1):
        user = User(email=f"frivillig{number}@{slug}.example", full_name=name,
                    municipality=municipality, is_volunteer=True)
        user.set_unusable_password()
        user.full_clean()
        user.save()
        _profile(user, organisation, status=status, signed_days_ago=signed,
                 certificate_months_ago=certificate, today=today, approver=coordinator,
                 languages=["da", "uk"] if number % 2 else ["da", "ti"],
                 areas=[towns[number % len(towns)]], skills="")
    now = timezone.now()
    for email, expires in ((f"ny.frivillig@{slug}.example", now + datetime.timedelta(days=10)),
                           (f"glemt.invitation@{slug}.example",
                            now - datetime.timedelta(days=3))):
        VolunteerInvitation.objects.create(
            municipality=municipality, organisation=organisation, email=email,
            token_hash=invitation_token_hash(secrets.token_urlsafe(32)),
            invited_by=coordinator, expires_at=expires,
        )


def _seed_tasks(context, slug, municipality, today) -> None:
    caseworker = context.users[(slug, "caseworker")]
    coordinator = context.users[(slug, "coordinator")]
    volunteer = context.users[(slug, "volunteer")]
    kinds = {kind.code: kind for kind in TaskKind.objects.for_municipality(municipality)}
    cases = list(Household.objects.filter(municipality=municipality,
                                          notice__source_reference__startswith="DEMO-")
                 .order_by("notice__source_reference")[:4])
    town, other_town = TOWNS[slug][0], TOWNS[slug][1]

    def post(kind, title, description, days, hours, *, case=None, children=False,
             languages=(), area=town, actor=caseworker):
        day = today + datetime.timedelta(days=days)
        return services.task_create(
            municipality=municipality, actor=actor, kind=kinds[kind], title=title,
            description=description, area=area, starts_at=_at(day, 10),
            ends_at=_at(day, 10 + hours), languages=list(languages),
            involves_children_under_15=children, estimated_hours=Decimal(hours),
            household=case,
        )

    case = cases[0] if cases else None
    # Open tasks on the board; the first starts tomorrow, so the coordinator is reminded.
    post("arrival_help", "Hjælp ved ankomst på stationen",
         "Tag imod en familie på stationen og vis vej til den midlertidige bolig.", 1, 2,
         case=case, languages=["ar"])
    post("furniture", "Afhentning af sofa og reol",
         "Møbler fra genbrugsbutikken skal hentes og bæres op på 1. sal. Bil med trækkrog "
         "er en fordel.", 6, 3, case=case, area=other_town)
    post("homework", "Lektiehjælp til skolebørn",
         "Hjælp med dansk og matematik efter skole, en gang om ugen.", 4, 2,
         children=True, languages=["uk"], case=cases[2] if len(cases) > 2 else None)
    post("language_cafe", "Værter til sprogcaféen på biblioteket",
         "Snak dansk over en kop kaffe med nye borgere.", 9, 2, actor=coordinator)
    post("language_internship", "Find en sprogpraktik inden for byggeri",
         "En voksen med erfaring som tømrer søger sprogpraktik. Tal med lokale "
         "virksomheder.", 12, 4, case=cases[1] if len(cases) > 1 else None, languages=["ti"])
    # Taken by the demo volunteer.
    taken = post("accompany", "Følge til første lægebesøg",
                 "Følg en voksen til lægen og hjem igen.", 3, 2, case=case, languages=["ar"])
    services.task_claim(task=taken, volunteer=volunteer)
    # Done, with hours and a report the caseworker sees on the case.
    done = post("moving", "Flyttehjælp til den permanente bolig",
                "Bære kasser og samle senge.", -5, 4, case=case)
    services.task_claim(task=done, volunteer=volunteer)
    services.hours_log(task=done, volunteer=volunteer, date=today - datetime.timedelta(days=5),
                       hours=Decimal("4.5"), note="Tre frivillige i alt")
    services.task_complete(task=done, volunteer=volunteer,
                           report_text="Flytningen gik godt; alle møbler er samlet.",
                           found_language_internship=False)
    # Done: the volunteer found a language internship, so the job centre is told.
    if len(cases) > 1:
        found = post("language_internship", "Find en sprogpraktik i detailhandlen",
                     "Besøg butikker i byen og spørg efter en sprogpraktik.", -3, 3,
                     case=cases[1])
        services.task_claim(task=found, volunteer=volunteer)
        services.task_complete(
            task=found, volunteer=volunteer,
            report_text="Brugsen i byen vil gerne tage imod en sprogpraktikant 3 dage om ugen.",
            found_language_internship=True, employer_name="Dagli'Brugsen",
        )


def _seed_events(context, slug, municipality, coordinator, today) -> None:
    volunteer = context.users[(slug, "volunteer")]
    # The weekly open counselling, on Tuesdays, for the next half year.
    tuesday = today + datetime.timedelta(days=(1 - today.weekday()) % 7)
    counselling = Event(
        municipality=municipality, kind=EventKind.OPEN_COUNSELLING,
        title="Åben rådgivning", location="Biblioteket, mødelokale 1",
        description="Frivillige hjælper med breve, skemaer og spørgsmål om hverdagen.",
        starts_at=_at(tuesday, 15), ends_at=_at(tuesday, 17),
        repeats_weekly_until=tuesday + datetime.timedelta(weeks=26),
        volunteers_wanted=3, created_by=coordinator,
    )
    welcome_day = today + datetime.timedelta(days=10)
    welcome = Event(
        municipality=municipality, kind=EventKind.WELCOME_MEETING,
        title="Velkomstmøde for nye borgere", location="Rådhuset, byrådssalen",
        description="Kommunen og Frivillignet byder velkommen. Frivillige hjælper med kaffe "
                    "og rundvisning.",
        starts_at=_at(welcome_day, 17), ends_at=_at(welcome_day, 19),
        interpreter_needed=True, interpreter_languages=["ar", "uk"], volunteers_wanted=4,
        created_by=coordinator,
    )
    info_day = today + datetime.timedelta(days=17)
    information = Event(
        municipality=municipality, kind=EventKind.INFORMATION_MEETING,
        title="Informationsmøde om dansk uddannelse", location="Sprogcentret",
        description="Sprogcentret fortæller om danskuddannelse og sprogpraktik.",
        starts_at=_at(info_day, 16), ends_at=_at(info_day, 17, 30),
        interpreter_needed=True, interpreter_languages=["ti", "prs"],
        created_by=coordinator,
    )
    for event in (counselling, welcome, information):
        event.full_clean()
        event.save()
    EventSignup.objects.create(event=counselling, occurs_on=tuesday, volunteer=volunteer)
    EventSignup.objects.create(event=welcome, occurs_on=welcome_day, volunteer=volunteer)
