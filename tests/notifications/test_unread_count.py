"""Every page can show "Notifications (N)": the user's unread count, in one COUNT query."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation

from integration_portal.notifications.context_processors import notifications
from tests.factories import UserFactory
from tests.notifications.factories import NotificationFactory

pytestmark = pytest.mark.django_db


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


def test_the_count_is_the_users_own_unread(caseworker, django_assert_num_queries):
    # given
    colleague = UserFactory(municipality=caseworker.municipality, caseworker=True)
    NotificationFactory.create_batch(2, recipient=caseworker)
    NotificationFactory(recipient=caseworker, read_at=timezone.now())
    NotificationFactory(recipient=colleague)
    count = notifications(_request(caseworker))["unread_notification_count"]

    # when / then: one query, however often the template asks
    with django_assert_num_queries(1):
        assert count() == 2
        assert count() == 2


def test_nothing_is_counted_until_a_template_asks(caseworker, django_assert_num_queries):
    with django_assert_num_queries(0):
        notifications(_request(caseworker))


def test_an_anonymous_visitor_gets_no_count(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert notifications(_request(AnonymousUser())) == {}


def test_the_header_link_shows_the_count(caseworker):
    # given
    NotificationFactory.create_batch(3, recipient=caseworker)

    # when
    with translation.override("en"):
        html = render_to_string("notifications/_header_link.html", request=_request(caseworker))

    # then
    assert 'href="/notifications/"' in html
    assert "Notifications (3)" in html
