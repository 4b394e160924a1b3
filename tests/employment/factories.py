import datetime
from decimal import Decimal

import factory

from employment.models import MeasureType
from integration_portal.rules.calendar import add_months
from tests.factories import MunicipalityFactory, PersonFactory


def measure_type(category: str) -> MeasureType:
    """The national kind of the category, as seeded by employment's migration 0003."""
    return MeasureType.objects.get(municipality=None, code=category)


class EmployerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "employment.Employer"

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Virksomhed {n} ApS")
    # Valid CVR numbers (modulus 11) in turn.
    cvr = factory.Iterator(["29189846", "10150817", "25313763", "35954716", "13612870"])
    sector = "retail"
    contact_name = "Hanne Holm"
    contact_email = "hanne@virksomhed.example"


class OpeningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "employment.Opening"

    employer = factory.SubFactory(EmployerFactory)
    municipality = factory.SelfAttribute("employer.municipality")
    kind = "internship"
    title = "Køkkenmedhjælper"
    hours_per_week = Decimal("20")


class MeasureFactory(factory.django.DjangoModelFactory):
    """A planned measure saved directly, past the services' checks: for reading tests."""

    class Meta:
        model = "employment.Measure"

    class Params:
        category = "company_internship"

    person = factory.SubFactory(PersonFactory)
    household = factory.SelfAttribute("person.household")
    municipality = factory.SelfAttribute("person.household.municipality")
    measure_type = factory.LazyAttribute(lambda o: measure_type(o.category))
    status = "planned"
    employer_name = "Lejre Bageri"
    starts_on = factory.LazyFunction(lambda: datetime.date(2026, 9, 1))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + datetime.timedelta(weeks=13, days=-1))
    hours_per_week = Decimal("20")


class DanishEducationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "employment.DanishEducation"

    person = factory.SubFactory(PersonFactory)
    provider = "Sprogcenter Roskilde"
    track = "DU2"
    referred_on = factory.LazyFunction(lambda: datetime.date(2026, 8, 1))
    hours_per_week = Decimal("10")


def valid_cvr(n: int) -> str:
    """The n-th valid CVR number (modulus 11) from 30000000 on: as many distinct ones as a
    test needs, where EmployerFactory's five would repeat within one municipality."""
    found = -1
    for prefix in range(3000000, 9999999):
        digits = [int(d) for d in str(prefix)]
        check = -sum(d * w for d, w in zip(digits, (2, 7, 6, 5, 4, 3, 2), strict=True)) % 11
        if check < 10:
            found += 1
            if found == n:
                return f"{prefix}{check}"
    raise ValueError(n)


class IguFactory(MeasureFactory):
    """A planned IGU of 24 months with a private employer of the case's municipality, saved
    directly past the services' checks: for IGU follow-up tests."""

    class Params:
        category = "igu"

    employer = factory.SubFactory(
        EmployerFactory, municipality=factory.SelfAttribute("..municipality"))
    employer_name = factory.SelfAttribute("employer.name")
    ends_on = factory.LazyAttribute(
        lambda o: add_months(o.starts_on, 24) - datetime.timedelta(days=1))
    hours_per_week = Decimal("30")
