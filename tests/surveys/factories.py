import datetime

import factory
from django.utils import timezone

from surveys.models import Channel, Invitation, Question, Survey
from surveys.tokens import new_token, token_hash
from tests.factories import MunicipalityFactory


class SurveyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Survey

    municipality = factory.SubFactory(MunicipalityFactory)
    title = factory.LazyFunction(lambda: {"da": "Evaluering 2026", "en": "Evaluation 2026",
                                          "ar": "تقييم 2026"})
    intro = factory.LazyFunction(lambda: {"da": "Sig din mening."})
    year = 2026
    languages = factory.LazyFunction(lambda: ["da", "en", "ar"])
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=5))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=20))
    status = "open"


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    survey = factory.SubFactory(SurveyFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = "scale"
    text = factory.LazyFunction(lambda: {"da": "Hvor tilfreds er du?",
                                         "en": "How satisfied are you?",
                                         "ar": "ما مدى رضاك؟"})
    required = True


def invite(survey, group="citizens", token=None, channel=Channel.PAPER):
    """An invitation and its token (which only the caller knows)."""
    token = token or new_token()
    Invitation.objects.create(survey=survey, group=group, token_hash=token_hash(token),
                              channel=channel)
    return token
