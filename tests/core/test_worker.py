"""A real Celery worker process picks up a task from the broker and writes to the database.

With REDIS_URL set (CI) the broker is the real Redis; otherwise the embedded filesystem
broker — either way the task runs in a separate worker process, never eagerly.
"""

import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings

from integration_portal.celery import app
from integration_portal.core.models import WorkerHeartbeat
from tests.core.broker_processes import announced_household, worker_database_url

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker_queue():
    """A worker process on a queue of its own, pointed at the test database."""
    queue = f"test-{uuid.uuid4().hex[:12]}"
    env = {**os.environ, "DATABASE_URL": worker_database_url(), "DEBUG": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "integration_portal", "worker", "-Q", queue,
         "--pool=solo", "--without-gossip", "--without-mingle", "--without-heartbeat",
         "--loglevel=INFO", "-n", f"{queue}@%h"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        yield queue
    finally:
        process.terminate()
        try:
            output, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            output, _ = process.communicate()
        print(output)  # shown by pytest when the test fails


def test_a_real_worker_runs_the_heartbeat_task(worker_queue):
    # given no heartbeat yet
    assert not WorkerHeartbeat.objects.exists()

    # when the task is sent through the broker
    app.send_task("integration_portal.core.tasks.worker_heartbeat", queue=worker_queue)

    # then the worker process writes the heartbeat into the database
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not WorkerHeartbeat.objects.exists():
        time.sleep(0.5)
    assert WorkerHeartbeat.objects.filter(name="worker").exists()


def test_the_broker_is_the_configured_one():
    expected = "redis" if settings.REDIS_URL else "filesystem"

    assert app.conf.broker_url.startswith(expected)


def test_a_real_worker_renders_the_welcome_letter(worker_queue, municipality, caseworker,
                                                  monkeypatch):
    from django.utils import timezone

    from reception import services
    from reception.models import Letter
    from reception.tasks import welcome_letter_task

    # given an arrived household (its own enqueue goes to the default queue; we send to ours)
    monkeypatch.setattr(services, "enqueue_on_commit", lambda task, *args: None)
    household = announced_household(municipality, caseworker, language="ti",
                                    first_name="Tesfay", last_name="Gebremariam", born=1990)
    services.household_mark_arrived(household=household, actor=caseworker,
                                    arrival_date=timezone.localdate())

    # when the task goes through the broker to the worker process, twice
    welcome_letter_task.apply_async(args=[household.pk], queue=worker_queue)
    welcome_letter_task.apply_async(args=[household.pk], queue=worker_queue)

    # then the worker renders exactly one letter, in Danish and Tigrinya
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and not Letter.objects.filter(
        household=household, status="awaiting_print"
    ).exists():
        time.sleep(0.5)
    letter = Letter.objects.get(household=household)
    assert letter.status == "awaiting_print"
    assert letter.languages == ["da", "ti"]
    assert letter.pdf.read(5) == b"%PDF-"
