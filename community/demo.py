"""Demo associations, consents and referrals for each demo municipality (Lejre, Vejen, Lemvig):
a football club, a library, a sewing café, a chess club and, in Lemvig, the
Integrationsforeningen; consents (one withdrawn, one given by a guardian for a child) and
referrals in every status, one with an overdue follow-up. The welcome and information
meetings are the volunteers' demo events (volunteers/demo.py).

Safe to run twice: a municipality that has associations is left alone. Names, phone numbers
and addresses are invented.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from community import services
from community.models import Association, ReferralStatus
from integration_portal.core.demo import DemoContext, demo_seeder
from reception.models import Person

DAY = datetime.timedelta(days=1)

FOOTBALL = {"lejre": ("Hvalsø IF – fodbold", "Hvalsø"), "vejen": ("Vejen SF – fodbold", "Vejen"),
            "lemvig": ("Lemvig GF – fodbold", "Lemvig")}
TOWN = {"lejre": "Lejre", "vejen": "Vejen", "lemvig": "Lemvig"}


def _associations(slug: str) -> list[dict]:
    football, football_town = FOOTBALL[slug]
    town = TOWN[slug]
    mail = slug
    rows = [
        dict(kind="sports", name=football, area=football_town,
             description="Fodbold for børn, unge og voksne. Træning to gange om ugen; "
                         "støvler kan lånes.",
             languages=["da", "en"], age_groups=["6-14", "15-17", "adults"],
             contact_name="Jesper Holm", phone="20 30 40 50",
             email=f"fodbold@{mail}-demo.example.org", website="", welcomes_newcomers=True),
        dict(kind="library", name=f"{town} Bibliotek", area=town,
             description="Lektiecafé, sprogcafé og hjælp til digitale løsninger. Bibliotekerne "
                         "er en ramme for information, viden og netværk.",
             languages=["da", "en", "ar", "uk"],
             age_groups=["0-5", "6-14", "15-17", "adults", "seniors"],
             contact_name="Lone Bach", phone="46 46 00 00",
             email=f"bibliotek@{mail}-demo.example.org", website="", welcomes_newcomers=True),
        dict(kind="culture", name=f"Sycafé {town}", area=town,
             description="Syværksted og strikkecafé hver torsdag. Symaskiner og stof stilles "
                         "til rådighed.",
             languages=["da", "ar"], age_groups=["adults", "seniors"],
             contact_name="Birgit Lund", phone="", email=f"sycafe@{mail}-demo.example.org",
             website="", welcomes_newcomers=True),
        dict(kind="sports", name=f"{town} Skakklub", area=town,
             description="Klubaften onsdag kl. 19. Begyndere er velkomne.",
             languages=["da"], age_groups=["6-14", "15-17", "adults", "seniors"],
             contact_name="Henrik Møller", phone="30 11 22 33",
             email=f"skak@{mail}-demo.example.org", website="", welcomes_newcomers=False),
    ]
    if slug == "lejre":
        rows.append(dict(kind="sports", name="Lejre Boldklub", area="Lejre",
                         description="Breddefodbold for alle aldre.", languages=["da"],
                         age_groups=["6-14", "adults"], contact_name="", phone="",
                         email="", website="", welcomes_newcomers=False))
    if slug == "lemvig":
        rows.append(dict(kind="network", name="Integrationsforeningen", area="Lemvig",
                         description="Venskabsfamilier, fællesspisning og hjælp til "
                                     "hverdagen for nye borgere.",
                         languages=["da", "en", "ar", "ti", "prs"],
                         age_groups=["0-5", "6-14", "15-17", "adults", "seniors"],
                         contact_name="Anne Kirk", phone="97 82 00 00",
                         email="info@integrationsforeningen-lemvig.example.org",
                         website="", welcomes_newcomers=True))
    return rows


@demo_seeder(order=60)
def seed_community(context: DemoContext) -> None:
    today = timezone.localdate()
    for slug, municipality in context.municipalities.items():
        if Association.objects.in_municipality(municipality).exists():
            continue
        caseworker = context.users[(slug, "caseworker")]
        associations = {}
        for fields in _associations(slug):
            association = services.association_create(municipality=municipality,
                                                      actor=caseworker, **fields)
            associations[association.name] = association
        football = associations[FOOTBALL[slug][0]]
        library = associations[f"{TOWN[slug]} Bibliotek"]
        sewing = associations[f"Sycafé {TOWN[slug]}"]
        chess = associations[f"{TOWN[slug]} Skakklub"]
        referrals = _seed_referrals(municipality, caseworker, today, football=football,
                                    library=library, sewing=sewing, chess=chess)
        context.notes.append(f"  {municipality.name}: {len(associations)} associations, "
                             f"{referrals} referrals to associations")


def _person(municipality, first_name: str) -> Person | None:
    return (Person.objects.in_municipality(municipality).filter(first_name=first_name)
            .select_related("household").order_by("pk").first())


def _seed_referrals(municipality, caseworker, today, *, football, library, sewing,
                    chess) -> int:
    ahmad, rania, omar = (_person(municipality, name) for name in ("Ahmad", "Rania", "Omar"))
    olena, dmytro = _person(municipality, "Olena"), _person(municipality, "Dmytro")
    tesfay = _person(municipality, "Tesfay")
    count = 0
    given = today - 45 * DAY

    def consent(person, items, *, by=None, relationship=""):
        if person is None:
            return None
        return services.consent_record(
            person=person, actor=caseworker, items=items, given_on=given,
            recorded_how="oral_interpreter" if by is None else "signed_form", given_by=by,
            guardian_relationship=relationship,
            note="Samtykke forklaret med tolk." if by is None else "")

    def refer(person, association, *, days_ago, interests="", follow_up_in=None):
        nonlocal count
        referred_on = today - days_ago * DAY
        follow_up_on = None if follow_up_in is None else today + follow_up_in * DAY
        count += 1
        return services.referral_create(person=person, association=association,
                                        actor=caseworker, interests=interests,
                                        referred_on=referred_on, follow_up_on=follow_up_on)

    adult_items = ["first_name", "phone", "languages", "age_group", "interests"]
    if ahmad is not None:
        consent(ahmad, adult_items)
        started = refer(ahmad, chess, days_ago=35, interests="Spiller skak og vil gerne møde "
                                                             "folk i byen.")
        services.referral_follow_up(referral=started, actor=caseworker,
                                    status=ReferralStatus.STARTED,
                                    outcome_note="Kommer fast onsdag aften.")
        if omar is not None:
            # A child: a guardian consents, the club learns an age group and languages only.
            consent(omar, ["languages", "age_group"], by=ahmad, relationship="Far")
            refer(omar, football, days_ago=5, follow_up_in=23)
    if rania is not None:
        rania_consent = consent(rania, ["first_name", "email", "languages", "age_group"])
        refer(rania, sewing, days_ago=20)
        services.consent_withdraw(consent=rania_consent, actor=caseworker,
                                  withdrawn_on=today - 10 * DAY,
                                  reason="Ønsker ikke at blive kontaktet af foreninger nu.")
    if olena is not None:
        consent(olena, ["first_name", "phone", "email", "languages", "age_group"])
        contacted = refer(olena, library, days_ago=14)
        services.referral_follow_up(referral=contacted, actor=caseworker,
                                    status=ReferralStatus.CONTACTED,
                                    outcome_note="Biblioteket har ringet; sprogcafé næste uge.",
                                    follow_up_on=today + 14 * DAY)
        if dmytro is not None:
            consent(dmytro, ["age_group"], by=olena, relationship="Mor")
            declined = refer(dmytro, football, days_ago=30)
            services.referral_follow_up(referral=declined, actor=caseworker,
                                        status=ReferralStatus.DECLINED,
                                        outcome_note="Vil hellere spille basketball.")
    if tesfay is not None:
        consent(tesfay, ["first_name", "phone", "languages", "age_group", "interests"])
        # The follow-up date passed twelve days ago: the caseworker is reminded.
        refer(tesfay, football, days_ago=40, interests="Har spillet fodbold i Eritrea.",
              follow_up_in=-12)
    return count
