from collections.abc import Iterator
from contextlib import contextmanager

from integration_portal.celery import app


@contextmanager
def tasks_run_eagerly() -> Iterator[None]:
    """Run Celery tasks in the test process, and put the configuration back afterwards.

    Combine with `django_capture_on_commit_callbacks(execute=True)`, since tasks are enqueued
    on commit and a test's transaction never commits.
    """
    previous = (app.conf.task_always_eager, app.conf.task_eager_propagates)
    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    try:
        yield
    finally:
        app.conf.task_always_eager, app.conf.task_eager_propagates = previous
