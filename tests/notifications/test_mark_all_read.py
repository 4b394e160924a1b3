""""Mark all as read" marks the user's own notifications, and only by POST."""

import pytest
from django.urls import reverse

from integration_portal.notifications.models import Notification
from tests.factories import UserFactory
from tests.notifications.factories import NotificationFactory

pytestmark = pytest.mark.django_db


def test_marking_all_as_read_marks_only_the_users_own(client, caseworker):
    # given
    colleague = UserFactory(municipality=caseworker.municipality, caseworker=True)
    NotificationFactory.create_batch(2, recipient=caseworker)
    theirs = NotificationFactory(recipient=colleague)
    client.force_login(caseworker)

    # when
    response = client.post(reverse("notifications:mark_all_read"))

    # then
    assert response.status_code == 302
    assert response.url == reverse("notifications:inbox")
    assert not Notification.objects.filter(recipient=caseworker, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_a_get_request_marks_nothing(client, caseworker):
    # given
    NotificationFactory(recipient=caseworker)
    client.force_login(caseworker)

    # when
    response = client.get(reverse("notifications:mark_all_read"))

    # then
    assert response.status_code == 405
    assert Notification.objects.filter(read_at__isnull=True).count() == 1


def test_an_anonymous_visitor_marks_nothing(client, caseworker):
    # given
    NotificationFactory(recipient=caseworker)

    # when
    response = client.post(reverse("notifications:mark_all_read"))

    # then
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))
    assert Notification.objects.filter(read_at__isnull=True).count() == 1
