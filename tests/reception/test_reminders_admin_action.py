"""An administrator can start the reminder scan from the admin without waiting for morning."""

import pytest
from django.contrib import admin, messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.test import RequestFactory
from kombu.exceptions import OperationalError

from reception import admin_actions
from reception.admin_actions import run_reminder_scan_now
from reception.models import Milestone

pytestmark = pytest.mark.django_db


class FakeTask:
    def __init__(self, error: Exception | None = None):
        self.error = error
        self.enqueued = 0

    def delay(self):
        if self.error:
            raise self.error
        self.enqueued += 1


def _run(monkeypatch, task: FakeTask) -> list:
    monkeypatch.setattr(admin_actions, "reminder_scan_task", task)
    request = RequestFactory().post("/admin/")
    request._messages = CookieStorage(request)
    run_reminder_scan_now(admin.ModelAdmin(Milestone, admin.site), request,
                          Milestone.objects.none())
    return list(request._messages)


def test_the_action_enqueues_the_scan_and_says_so(monkeypatch):
    # given
    task = FakeTask()

    # when
    shown = _run(monkeypatch, task)

    # then
    assert task.enqueued == 1
    assert [message.level for message in shown] == [messages.SUCCESS]


def test_the_action_says_so_when_the_queue_is_down(monkeypatch):
    # when
    shown = _run(monkeypatch, FakeTask(OperationalError("broker unreachable")))

    # then
    assert [message.level for message in shown] == [messages.ERROR]
