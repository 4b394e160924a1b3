import datetime
from decimal import Decimal

import factory
from django.utils import timezone

from tests.factories import MunicipalityFactory, UserFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "volunteers.Organisation"

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Frivillignet Flygtningevenner {n}")
    parent_network = "Dansk Flygtningehjælps Frivillignet"


class CooperationAgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "volunteers.CooperationAgreement"

    organisation = factory.SubFactory(OrganisationFactory)
    period_start = datetime.date(2026, 1, 1)
    signed_on = datetime.date(2026, 1, 1)


class VolunteerProfileFactory(factory.django.DjangoModelFactory):
    """An approved volunteer with a signed agreement and a fresh child certificate."""

    class Meta:
        model = "volunteers.VolunteerProfile"

    user = factory.SubFactory(UserFactory, volunteer=True)
    status = "active"
    languages = factory.LazyFunction(lambda: ["ar", "da"])
    agreement_signed_on = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=30))
    boerneattest_obtained_on = factory.LazyFunction(
        lambda: timezone.localdate() - datetime.timedelta(days=30))
    boerneattest_no_concerns = True


class TaskKindFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "volunteers.TaskKind"

    municipality = factory.SubFactory(MunicipalityFactory)
    code = factory.Sequence(lambda n: f"kind_{n}")
    label = factory.Sequence(lambda n: f"Opgave {n}")


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "volunteers.Task"

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = factory.SubFactory(TaskKindFactory, municipality=factory.SelfAttribute("..municipality"))
    title = "Hjælp til at samle møbler"
    description = "En familie skal have samlet senge og et bord."
    area = "4330 Hvalsø"
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=2))
    ends_at = factory.LazyAttribute(lambda t: t.starts_at + datetime.timedelta(hours=3))
    languages = factory.LazyFunction(lambda: ["ar"])
    estimated_hours = Decimal("3")
    status = "open"


def _day_after_tomorrow_at_16() -> datetime.datetime:
    return (timezone.localtime() + datetime.timedelta(days=2)).replace(
        hour=16, minute=0, second=0, microsecond=0)


class EventFactory(factory.django.DjangoModelFactory):
    """A single open-counselling meeting the day after tomorrow, 16–18 local time."""

    class Meta:
        model = "volunteers.Event"

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = "open_counselling"
    title = "Åben rådgivning"
    description = "Hjælp med breve fra kommunen og Digital Post."
    location = "Borgerservice, Hvalsø"
    starts_at = factory.LazyFunction(_day_after_tomorrow_at_16)
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + datetime.timedelta(hours=2))
    repeats_weekly_until = None
    volunteers_wanted = 0
