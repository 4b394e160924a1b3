"""Every URL of the portal, the API and Django admin, requested as every kind of user.

Each URL the project serves is requested as the caseworker, coordinator, manager and volunteer
of municipality A, a caseworker and a manager of municipality B, an administrator and an
anonymous visitor; each answer must be the one its row in tests/security/access_table.py
expects. A URL without a row fails, so a new page cannot ship without saying who may open it.

The world (tests/security/world.py) is built once for the module and rolled back at its end;
every request runs in a savepoint that is rolled back too, so that a POST one user may send
changes nothing the next request sees.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse

from tests.security.access_table import EXCLUDED, ROWS, Answer, Row, row_for
from tests.security.urlconf import every_url_pattern
from tests.security.world import USERS, World, build_world

pytestmark = pytest.mark.django_db

PATTERNS = [pattern for pattern in every_url_pattern() if pattern.key not in EXCLUDED]
WHERE = "tests/security/access_table.py"


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    fast_hashing = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (django_db_blocker.unblock(),
          override_settings(MEDIA_ROOT=str(media), PASSWORD_HASHERS=fast_hashing)):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            world = build_world()
            world.clients["anonymous"] = Client(HTTP_ACCEPT_LANGUAGE="en")
            for name, user in world.users.items():
                client = Client(HTTP_ACCEPT_LANGUAGE="en")
                client.force_login(user)
                world.clients[name] = client
            yield world
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _login_paths() -> set[str]:
    return {reverse("account_login"), reverse("admin:login")}


def answer_of(response, *, post: bool) -> str:
    status = response.status_code
    if status in (301, 302, 303, 307):
        target = urlsplit(response.headers["Location"]).path
        return Answer.LOGIN if target in _login_paths() else Answer.OK
    if status in (200, 201, 204) or (post and status == 400):
        return Answer.OK
    if status in (401, 403, 404):
        return Answer(str(status))
    return f"unexpected {status}"


def _path(row: Row, pattern, world: World) -> str:
    if row.path is not None:
        return row.path(world)
    kwargs = row.kwargs(world) if row.kwargs else {}
    return reverse(pattern.key, kwargs=kwargs)


def _request(world: World, user: str, row: Row, path: str) -> tuple[object, int]:
    """The answer, and how many audit-trail entries the request wrote (every write a service
    makes is audit-logged, so a refused POST that wrote anything would show here)."""
    from integration_portal.audit.models import AuditEvent

    client = world.clients[user]
    with transaction.atomic():
        if row.post:
            before = AuditEvent.objects.count()
            response = client.post(path, row.data(world) if row.data else {})
            written = AuditEvent.objects.count() - before
        else:
            response = client.get(path)
            written = 0
        transaction.set_rollback(True)
    if response.streaming:
        # Read to the end, as a WSGI server would: that closes the file a file answer holds
        # (response.close() would also close the database connection the test runs in).
        b"".join(response.streaming_content)
    return response, written


@pytest.mark.parametrize("pattern", PATTERNS, ids=lambda pattern: pattern.key)
def test_url_answers_each_user_as_its_row_says(pattern, world):
    # given
    row = row_for(pattern.key)
    assert row is not None, (
        f"The URL {pattern.key!r} ({pattern.route}, {pattern.view}) has no row: add one to "
        f"{WHERE} saying who may open it, or list it in EXCLUDED with the reason.")
    path = _path(row, pattern, world)

    # when
    answers, written = {}, {}
    for user in USERS:
        response, written[user] = _request(world, user, row, path)
        answers[user] = answer_of(response, post=row.post)

    # then
    expected = {user: row.expected(user, world) for user in USERS}
    wrong = {user: f"got {answers[user]}, expected {expected[user]}"
             for user in USERS if answers[user] != expected[user]}
    assert not wrong, f"{'POST' if row.post else 'GET'} {path}: {wrong}"
    wrote_when_refused = {user: count for user, count in written.items()
                          if count and expected[user] != Answer.OK}
    assert not wrote_when_refused, f"POST {path} was refused but wrote {wrote_when_refused}"


def test_every_row_names_a_url_the_project_serves():
    # given
    served = {pattern.key for pattern in every_url_pattern()}

    # then
    assert set(ROWS) - served == set(), f"rows in {WHERE} for URLs that no longer exist"
    assert set(EXCLUDED) - served == set(), f"EXCLUDED in {WHERE} names URLs that do not exist"
