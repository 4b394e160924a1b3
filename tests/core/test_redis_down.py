"""With Redis stopped, pages keep working and the work they ask for waits in the outbox; when
Redis is back it is sent, and a real worker does it exactly once.

Runs against a private redis-server the test stops and starts (never the shared one).
"""

import time

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from integration_portal.core.models import OutboxMessage
from integration_portal.core.queue import outbox_relay
from reception.models import Letter
from tests.core.broker_processes import announced_household as announced
from tests.core.broker_processes import broker, private_redis, running_worker, wait_for

__all__ = ["broker", "private_redis"]  # fixtures

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def announced_household(municipality, caseworker):
    return announced(municipality, caseworker, language="ar", first_name="Amal",
                     last_name="Haddad", born=1988)


def test_work_asked_for_while_redis_is_down_is_done_once_when_it_is_back(
    broker, announced_household, caseworker, client, tmp_path
):
    # given Redis is stopped
    broker.stop()
    client.force_login(caseworker)
    # and pages that need no broker work (this also loads the views, so that the timing below
    # measures the request, not the first import of the URL configuration)
    case_page = client.get(reverse("reception:case_detail", args=[announced_household.pk]))
    assert case_page.status_code == 200

    # when a caseworker marks the household arrived (which asks for the welcome letter)
    started = time.monotonic()
    response = client.post(
        reverse("reception:case_arrive", args=[announced_household.pk]),
        {"arrival_date": timezone.localdate().isoformat()}, HTTP_ACCEPT_LANGUAGE="en",
    )
    took = time.monotonic() - started
    print(f"POST with Redis down answered in {took:.2f} s")

    # then the page answers as usual, without waiting for the broker
    assert response.status_code == 302
    assert took < 2, f"the request took {took:.1f} s with Redis down"
    announced_household.refresh_from_db()
    assert announced_household.status == "arrived"
    # and the letter's task waits in the outbox
    message = OutboxMessage.objects.get()
    assert message.task_name == "reception.tasks.letters.welcome_letter_task"
    assert message.args == [announced_household.pk]
    assert message.sent_at is None
    assert message.attempts == 1
    # and the health page says so
    health = client.get(reverse("health"), HTTP_ACCEPT_LANGUAGE="en")
    assert health.status_code == 503
    assert "1 job waits to be sent to the broker" in health.content.decode()

    # when Redis is back and a worker starts (which relays the outbox as it starts)
    broker.start()
    with running_worker(broker.url, tmp_path):
        wait_for(lambda: Letter.objects.filter(household=announced_household,
                                               status="awaiting_print").exists(),
                 90, "the welcome letter")

        # then the message is marked sent, and relaying again sends nothing twice
        message.refresh_from_db()
        assert message.sent_at is not None
        assert outbox_relay() == 0
        call_command("relay_outbox")
        time.sleep(2)  # a duplicate, had one been sent, would have had time to run

    # then there is exactly one letter
    assert Letter.objects.filter(household=announced_household).count() == 1
    assert OutboxMessage.objects.filter(sent_at__isnull=True).count() == 0
