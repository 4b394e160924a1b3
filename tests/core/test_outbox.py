"""Work for the broker is written to an outbox in the caller's transaction, sent when that
commits, and kept (then relayed) when the broker cannot take it."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from integration_portal.core import health
from integration_portal.core.models import OutboxMessage
from integration_portal.core.queue import enqueue_on_commit, outbox_relay
from integration_portal.core.tasks import outbox_relay_task, worker_heartbeat
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


class FakeBroker:
    """Stands in for `worker_heartbeat.delay`: records what is published, or refuses it."""

    def __init__(self) -> None:
        self.published: list[tuple] = []
        self.down = False

    def delay(self, *args) -> None:
        if self.down:
            raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")
        self.published.append(args)


@pytest.fixture
def broker(monkeypatch) -> FakeBroker:
    fake = FakeBroker()
    monkeypatch.setattr(worker_heartbeat, "delay", fake.delay)
    return fake


def test_the_message_is_written_in_the_callers_transaction_and_sent_on_commit(
    broker, django_capture_on_commit_callbacks
):
    # when
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        enqueue_on_commit(worker_heartbeat, 7, "x")
        # then, before the commit, it is stored but not sent
        assert OutboxMessage.objects.get().sent_at is None
        assert broker.published == []

    # then
    message = OutboxMessage.objects.get()
    assert (message.task_name, message.args) == (worker_heartbeat.name, [7, "x"])
    assert message.sent_at is not None
    assert broker.published == [(7, "x")]


def test_a_rolled_back_change_leaves_no_message(broker, django_capture_on_commit_callbacks):
    # when
    with (django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError),
          transaction.atomic()):
        enqueue_on_commit(worker_heartbeat, 7)
        raise RuntimeError("the business change failed")

    # then
    assert not OutboxMessage.objects.exists()
    assert broker.published == []


def test_a_broker_that_is_down_leaves_the_message_waiting(
    broker, django_capture_on_commit_callbacks
):
    # given
    broker.down = True

    # when (no exception reaches the caller)
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(worker_heartbeat, 7)

    # then
    message = OutboxMessage.objects.get()
    assert message.sent_at is None
    assert message.attempts == 1
    assert "Connection refused" in message.last_error


def test_the_relay_sends_waiting_messages_in_order_and_only_once(broker):
    # given three messages the broker refused, and one sent long ago
    for number in (1, 2, 3):
        OutboxMessage.objects.create(task_name=worker_heartbeat.name, args=[number], attempts=1)
    OutboxMessage.objects.create(task_name=worker_heartbeat.name, args=[0],
                                 sent_at="2026-01-01T00:00Z")

    # when
    sent = outbox_relay(batch_size=2)
    sent_again = outbox_relay()

    # then
    assert (sent, sent_again) == (3, 0)
    assert broker.published == [(1,), (2,), (3,)]
    assert not OutboxMessage.objects.filter(sent_at__isnull=True).exists()


def test_the_relay_stops_at_the_first_refusal_and_goes_on_next_time(broker):
    # given
    first, second = (
        OutboxMessage.objects.create(task_name=worker_heartbeat.name, args=[number])
        for number in (1, 2)
    )
    broker.down = True

    # when
    sent = outbox_relay()

    # then only the first was tried
    assert sent == 0
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.attempts, second.attempts) == (1, 0)

    # when the broker is back
    broker.down = False
    assert outbox_relay() == 2
    assert broker.published == [(1,), (2,)]


def test_a_message_for_an_unknown_task_does_not_block_the_others(broker):
    # given
    unknown = OutboxMessage.objects.create(task_name="gone.tasks.removed_task", args=[1])
    OutboxMessage.objects.create(task_name=worker_heartbeat.name, args=[2])

    # when
    sent = outbox_relay(batch_size=1)

    # then
    assert sent == 1
    assert broker.published == [(2,)]
    unknown.refresh_from_db()
    assert unknown.sent_at is None
    assert unknown.last_error == "unknown task"


def test_the_command_relays_and_fails_while_messages_still_wait(broker, capsys):
    # given
    OutboxMessage.objects.create(task_name=worker_heartbeat.name, args=[1])
    broker.down = True

    # when the broker is still down
    with pytest.raises(SystemExit) as exit_info:
        call_command("relay_outbox")

    # then
    assert exit_info.value.code == 1
    assert "1 still waiting" in capsys.readouterr().out

    # when it is back
    broker.down = False
    call_command("relay_outbox")

    # then
    assert "sent 1 message(s); 0 still waiting" in capsys.readouterr().out


def test_the_health_check_counts_the_waiting_messages():
    # given
    OutboxMessage.objects.create(task_name=worker_heartbeat.name, args=[1])
    OutboxMessage.objects.create(task_name=worker_heartbeat.name, args=[2],
                                 sent_at="2026-01-01T00:00Z")

    # when
    status = health.check()

    # then
    assert status.outbox_unsent == 1


def test_the_health_page_shows_the_waiting_messages(client):
    # given
    OutboxMessage.objects.create(task_name=worker_heartbeat.name, args=[1])

    # when
    page = client.get(reverse("health"), HTTP_ACCEPT_LANGUAGE="en")

    # then
    assert "1 job waits to be sent to the broker" in page.content.decode()


def test_the_admin_lists_the_unsent_messages(client, municipality):
    # given
    client.force_login(UserFactory(municipality=municipality, is_staff=True, is_superuser=True))
    OutboxMessage.objects.create(task_name="reception.tasks.letters.welcome_letter_task",
                                 args=[41])
    OutboxMessage.objects.create(task_name="integration_portal.reports.tasks.sent_long_ago",
                                 args=[42], sent_at="2026-01-01T00:00Z")

    # when
    page = client.get(reverse("admin:core_outboxmessage_changelist"), {"state": "unsent"})

    # then
    assert page.status_code == 200
    assert [message.args for message in page.context["cl"].result_list] == [[41]]


def test_the_relay_task_relays_and_forgets_messages_sent_long_ago(broker):
    # given
    now = timezone.now()
    waiting = OutboxMessage.objects.create(task_name=worker_heartbeat.name, args=[1])
    recent = OutboxMessage.objects.create(task_name=worker_heartbeat.name, args=[2],
                                          sent_at=now - timedelta(days=6))
    OutboxMessage.objects.create(task_name=worker_heartbeat.name, args=[3],
                                 sent_at=now - timedelta(days=8))

    # when
    sent = outbox_relay_task()

    # then
    assert sent == 1
    assert broker.published == [(1,)]
    assert set(OutboxMessage.objects.values_list("pk", flat=True)) == {waiting.pk, recent.pk}
