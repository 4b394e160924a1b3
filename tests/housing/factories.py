import datetime
from decimal import Decimal

import factory

from tests.factories import MunicipalityFactory


class PrivateHostFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "housing.PrivateHost"

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Faker("name", locale="da_DK")
    agreement_signed_on = datetime.date(2026, 1, 1)


class HousingUnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "housing.HousingUnit"

    municipality = factory.SubFactory(MunicipalityFactory)
    address = factory.Sequence(lambda n: f"Hovedgaden {n + 1}")
    postcode = "4320"
    town = "Lejre"
    latitude = Decimal("55.604000")
    longitude = Decimal("11.975000")
    kind = "temporary"
    rooms = 3
    size_m2 = 75
    rent_dkk = Decimal("6500.00")
    step_free = False
    capacity = 4
    landlord_kind = "municipality"
    landlord_name = ""
    available_from = datetime.date(2026, 1, 1)


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "housing.Place"

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = "school"
    name = factory.Sequence(lambda n: f"Skole {n}")
    latitude = Decimal("55.604000")
    longitude = Decimal("11.975000")
