"""Real processes for the fault tests: a private Redis server the test may stop and start,
and Celery workers against it and the test database.

The shared Redis (REDIS_URL, port 6379) is never touched: other test runs use it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import redis
from django.db import connection
from kombu import pools

from integration_portal.celery import app

ROOT = Path(__file__).resolve().parents[2]
# Short, so that a message taken by a killed worker comes back within the test.
VISIBILITY_TIMEOUT = 4

# Runs a worker, after applying the test-only slow-downs named in OUTBOX_TEST_PAUSE. They
# live here, not in the portal: the fault tests need to kill a worker at a known point.
WORKER_BOOT = """
import functools, os, sys, time
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "integration_portal.settings")
django.setup()
pause, marker = os.environ.get("OUTBOX_TEST_PAUSE", ""), os.environ.get("OUTBOX_TEST_MARKER")

def hang():
    open(marker, "w").close()
    time.sleep(600)

if pause == "letter_render":
    from integration_portal.letters import rendering
    real_render = rendering.render_letter_pdf
    def render_letter_pdf(**kwargs):
        hang()
        return real_render(**kwargs)
    rendering.render_letter_pdf = render_letter_pdf
batch_size = int(os.environ.get("OUTBOX_TEST_SCAN_BATCH", "0"))
if batch_size:
    from reception import reminders
    from reception.tasks import reminders as reminder_tasks
    reminder_tasks.reminder_scan = functools.partial(reminders.reminder_scan, batch_size=batch_size)
    if pause == "scan_after_first_batch":
        real_create_many = reminders.notifications_create_many
        def notifications_create_many(**kwargs):
            created = real_create_many(**kwargs)  # the batch is committed when this returns
            hang()
            return created
        reminders.notifications_create_many = notifications_create_many
from celery.__main__ import main
sys.argv = ["celery"] + sys.argv[1:]
main()
"""


def require_redis_server() -> str:
    """The redis-server binary; a test skips without it, except on CI (REDIS_URL set)."""
    binary = shutil.which("redis-server")
    if binary is None:
        message = "redis-server is not installed: the broker fault tests need a private Redis"
        if os.environ.get("REDIS_URL"):
            pytest.fail(message + " (REDIS_URL is set, so this machine must run them)")
        pytest.skip(message)
    return binary


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PrivateRedis:
    def __init__(self, binary: str, directory: Path) -> None:
        self.binary = binary
        self.directory = directory
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.directory)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        client = redis.Redis.from_url(self.url, socket_connect_timeout=0.5)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def stop(self) -> None:
        """Stop the server at once and for good: nothing is saved, every message is gone."""
        if self.process is None:
            return
        with contextlib.suppress(redis.ConnectionError):  # it hangs up as it goes
            redis.Redis.from_url(self.url).shutdown(nosave=True)
        self.process.wait(timeout=10)
        self.process = None


@pytest.fixture
def private_redis(tmp_path) -> Iterator[PrivateRedis]:
    server = PrivateRedis(require_redis_server(), tmp_path)
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _reset_broker_connections() -> None:
    # Kombu keeps its connection and producer pools in a registry of its own: empty it, or
    # the next publish would find a pool for the previous broker (or a closed one).
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker(private_redis, settings) -> Iterator[PrivateRedis]:
    """This test process publishes to the private Redis (and the health check looks at it)."""
    saved = (app.conf.broker_url, app.conf.broker_transport_options)
    settings.REDIS_URL = private_redis.url
    app.conf.broker_url = private_redis.url
    app.conf.broker_transport_options = {"visibility_timeout": VISIBILITY_TIMEOUT}
    _reset_broker_connections()
    try:
        yield private_redis
    finally:
        app.conf.broker_url, app.conf.broker_transport_options = saved
        _reset_broker_connections()


def worker_database_url() -> str:
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Worker:
    """A worker process on the private Redis's default queue, against the test database."""

    def __init__(self, broker_url: str, directory: Path, **env: str) -> None:
        self.marker = directory / f"paused-{uuid.uuid4().hex[:8]}"
        name = f"fault-{uuid.uuid4().hex[:8]}"
        self.process = subprocess.Popen(
            [sys.executable, "-c", WORKER_BOOT, "-A", "integration_portal", "worker",
             "--pool=solo", "--without-gossip", "--without-mingle", "--without-heartbeat",
             "--loglevel=INFO", "-n", f"{name}@%h"],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
            env={**os.environ, "DATABASE_URL": worker_database_url(), "DEBUG": "1",
                 "REDIS_URL": broker_url, "CELERY_VISIBILITY_TIMEOUT": str(VISIBILITY_TIMEOUT),
                 "OUTBOX_TEST_MARKER": str(self.marker), **env},
        )

    def wait_until_paused(self, timeout: float = 60) -> None:
        wait_for(self.marker.exists, timeout, "the worker to reach the test pause")

    def kill(self) -> None:
        """SIGKILL: no clean-up, no acknowledgement, like a machine losing power."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self) -> str:
        if self.process.poll() is None:
            self.process.terminate()
        try:
            output, _ = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            output, _ = self.process.communicate()
        return output


@contextmanager
def running_worker(broker_url: str, directory: Path, **env: str) -> Iterator[Worker]:
    worker = Worker(broker_url, directory, **env)
    try:
        yield worker
    finally:
        print(worker.stop())  # shown by pytest when the test fails


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"Timed out after {timeout} s waiting for {what}")
        time.sleep(0.2)


def announced_household(municipality, caseworker, *, language: str, first_name: str,
                        last_name: str, born: int):
    """A case registered from a notice, with one quota-refugee applicant who reads `language`:
    the household the fault tests send welcome letters for."""
    from django.utils import timezone

    from reception import services

    household = services.notice_register(
        municipality=municipality, actor=caseworker, source="email", source_reference="",
        received_on=timezone.localdate(), expected_arrival_date=timezone.localdate(),
        residence_basis="quota_refugee", placement_decision_date=None, adults=1,
        children_0_5=0, children_6_14=0, children_15_17=0, languages=[language],
        need_flags=[], note="",
    )
    services.person_add(household=household, actor=caseworker, relation="applicant",
                        first_name=first_name, last_name=last_name, cpr="",
                        birth_date=timezone.localdate().replace(year=born),
                        residence_basis="quota_refugee", letter_language=language,
                        languages=[language])
    return household
