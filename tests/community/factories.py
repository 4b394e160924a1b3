import datetime

import factory

from tests.factories import MunicipalityFactory


class AssociationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "community.Association"

    municipality = factory.SubFactory(MunicipalityFactory)
    kind = "sports"
    name = factory.Sequence(lambda n: f"Boldklub {n}")
    area = "Hvalsø"
    languages = factory.LazyFunction(lambda: ["da", "en"])
    age_groups = factory.LazyFunction(lambda: ["6-14", "adults"])
    contact_name = "Jesper Holm"
    email = factory.Sequence(lambda n: f"klub{n}@example.org")
    welcomes_newcomers = True


class ConsentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "community.Consent"

    items = factory.LazyFunction(lambda: ["first_name", "languages", "age_group"])
    given_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=3))
    recorded_how = "signed_form"
