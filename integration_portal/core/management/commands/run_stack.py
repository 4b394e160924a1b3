"""Run the web server, a Celery worker and Celery beat together; Ctrl-C stops all three."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run runserver, a Celery worker and Celery beat as one foreground process."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")
        parser.add_argument("--noreload", action="store_true", help="No autoreload for the web.")

    def handle(self, *args, addrport: str, noreload: bool, **options):
        python = sys.executable
        web = [python, "manage.py", "runserver", addrport]
        if noreload:
            web.append("--noreload")
        commands = {
            "web": web,
            "worker": [python, "-m", "celery", "-A", "integration_portal", "worker",
                       "--loglevel=INFO", "--concurrency=2", "--without-gossip",
                       "--without-mingle", "-n", "worker@%h"],
            "beat": [python, "-m", "celery", "-A", "integration_portal", "beat",
                     "--loglevel=INFO", "--schedule", settings.CELERY_BEAT_SCHEDULE_FILENAME],
        }
        processes = {name: subprocess.Popen(cmd) for name, cmd in commands.items()}
        self.stdout.write(self.style.SUCCESS(
            f"Portal at http://{addrport}/ with a Celery worker and beat "
            f"(broker: {'redis' if settings.REDIS_URL else 'embedded filesystem'}). "
            "Press Ctrl-C to stop all of them."
        ))

        stopping = False

        def stop(signum=None, frame=None):
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        try:
            while not stopping:
                for name, process in processes.items():
                    if process.poll() is not None:
                        self.stderr.write(f"{name} exited with {process.returncode}; stopping.")
                        stopping = True
                time.sleep(0.5)
        finally:
            self._terminate(processes)

    def _terminate(self, processes: dict[str, subprocess.Popen]) -> None:
        for process in processes.values():
            if process.poll() is None:
                process.terminate()
        deadline = time.monotonic() + 10
        for process in processes.values():
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()
