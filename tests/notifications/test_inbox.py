"""The notifications page lists the user's own notifications, newest first, unread marked."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from integration_portal.notifications.models import Notification
from tests.factories import UserFactory
from tests.notifications.factories import NotificationFactory

pytestmark = pytest.mark.django_db


def test_a_user_sees_their_own_notifications_and_no_one_elses(client, caseworker):
    # given
    colleague = UserFactory(municipality=caseworker.municipality, caseworker=True)
    mine = NotificationFactory(recipient=caseworker, title="Deadline: mine (case T-1)")
    NotificationFactory(recipient=colleague, title="Deadline: the colleague's (case T-2)")
    client.force_login(caseworker)

    # when
    response = client.get(reverse("notifications:inbox"))

    # then
    assert response.status_code == 200
    assert list(response.context["page_obj"]) == [mine]
    content = response.content.decode()
    assert "mine (case T-1)" in content
    assert "the colleague" not in content
    assert f'href="{mine.url}"' in content


@pytest.mark.parametrize("viewer", ["other_caseworker", "volunteer"])
def test_another_municipalitys_user_and_a_volunteer_see_none_of_them(
    client, caseworker, viewer, request
):
    # given
    NotificationFactory(recipient=caseworker, title="Deadline: only for its recipient (case T-1)")
    client.force_login(request.getfixturevalue(viewer))

    # when
    response = client.get(reverse("notifications:inbox"))

    # then their own (empty) inbox, and nothing of the caseworker's
    assert response.status_code == 200
    assert list(response.context["page_obj"]) == []
    assert "only for its recipient" not in response.content.decode()


def test_newest_come_first(client, caseworker):
    # given
    older = NotificationFactory(recipient=caseworker)
    newer = NotificationFactory(recipient=caseworker)
    Notification.objects.filter(pk=newer.pk).update(created_at=older.created_at + timedelta(1))
    client.force_login(caseworker)

    # when
    response = client.get(reverse("notifications:inbox"))

    # then
    assert list(response.context["page_obj"]) == [newer, older]


def test_unread_notifications_are_marked_as_unread(client, caseworker):
    # given
    NotificationFactory(recipient=caseworker, title="Still unread (case T-1)")
    NotificationFactory(recipient=caseworker, read_at=timezone.now())
    client.force_login(caseworker)

    # when
    response = client.get(reverse("notifications:inbox"), HTTP_ACCEPT_LANGUAGE="en")

    # then exactly one row carries the unread marker, in words and not only by style
    content = response.content.decode()
    assert content.count('class="portal-notification-unread"') == 1
    assert content.count('<span class="badge badge-info">') == 1
    assert "<strong><a" in content


def test_the_list_is_paginated(client, caseworker):
    # given
    NotificationFactory.create_batch(30, recipient=caseworker)
    client.force_login(caseworker)

    # when
    first = client.get(reverse("notifications:inbox"))
    second = client.get(reverse("notifications:inbox"), {"page": 2})

    # then
    assert len(first.context["page_obj"]) == 25
    assert len(second.context["page_obj"]) == 5
    assert 'href="?page=2"' in first.content.decode()


def test_an_anonymous_visitor_is_sent_to_login(client):
    # when
    response = client.get(reverse("notifications:inbox"))

    # then
    assert response.status_code == 302
    assert response.url.startswith(reverse("account_login"))


def test_the_query_count_does_not_grow_with_notifications(
    client, caseworker, django_assert_max_num_queries
):
    # given
    client.force_login(caseworker)
    NotificationFactory.create_batch(2, recipient=caseworker)
    with django_assert_max_num_queries(8) as few:
        response = client.get(reverse("notifications:inbox"))
    assert len(response.context["page_obj"]) == 2

    # when there are ten times as many
    NotificationFactory.create_batch(18, recipient=caseworker)

    # then the page takes no more queries
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("notifications:inbox"))
    assert len(response.context["page_obj"]) == 20
