import factory
from django.utils import timezone

from integration_portal.letters.models import LetterKind, LetterText
from reception.models import Letter, LetterChannel, LetterStatus
from tests.factories import HouseholdFactory


class LetterTextFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LetterText

    municipality = None
    kind = LetterKind.WELCOME
    language = "da"
    version = factory.Sequence(lambda n: n + 100)
    subject = "Emne {reference}"
    body = "Hej {first_names}"


class LetterFactory(factory.django.DjangoModelFactory):
    """A letter waiting to be printed, with a stand-in PDF (rendering is tested elsewhere)."""

    class Meta:
        model = Letter

    household = factory.SubFactory(HouseholdFactory)
    kind = LetterKind.WELCOME
    languages = factory.LazyFunction(lambda: ["da", "ar"])
    channel = LetterChannel.PRINT
    status = LetterStatus.AWAITING_PRINT
    pdf = factory.django.FileField(data=b"%PDF-1.7 stand-in", filename="ignored.pdf")
    rendered_at = factory.LazyFunction(timezone.now)
