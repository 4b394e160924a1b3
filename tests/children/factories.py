import datetime

import factory

from tests.factories import MunicipalityFactory


class InstitutionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "children.Institution"

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = "daycare"
    name = factory.Sequence(lambda n: f"Børnehuset {n}")
    address = "Bygaden 12, 4320 Lejre"


class ChildPlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "children.ChildPlacement"

    person = None
    institution = factory.SubFactory(InstitutionFactory)
    kind = "daycare"
    status = "requested"
    requested_on = datetime.date(2026, 9, 1)


class LanguageAssessmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "children.LanguageAssessment"

    person = None
    assessed_on = datetime.date(2026, 9, 15)
    result = "Generel indsats"
