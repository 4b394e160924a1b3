import factory

from integration_portal.notifications.models import Notification, NotificationStage
from tests.factories import UserFactory


class NotificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory, caseworker=True)
    municipality = factory.LazyAttribute(lambda n: n.recipient.municipality)
    subject_key = factory.Sequence(lambda n: f"test.subject:{n}")
    stage = NotificationStage.WARNING
    title = factory.Sequence(lambda n: f"Deadline 05.03.2026: Test deadline (case T-2026-{n:05d})")
    url = factory.Sequence(lambda n: f"/cases/{n}/")
