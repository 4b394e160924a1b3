import importlib

import pytest

from tests.factories import MunicipalityFactory, UserFactory

# The data migrations that seed national defaults every municipality inherits.
SEED_MIGRATIONS = [
    ("integration_portal.rules.migrations.0002_seed_national_default_rules",
     "seed_national_default"),
    ("integration_portal.letters.migrations.0002_seed_national_welcome_texts",
     "seed_welcome_texts"),
    ("volunteers.migrations.0002_seed_national_task_kinds", "seed_task_kinds"),
    ("employment.migrations.0003_seed_measure_kinds_and_national_rules", "seed"),
]


@pytest.fixture(autouse=True)
def _empty_cache(request):
    """Every test starts with nothing kept: ids repeat between tests on SQLite, so figures
    kept by one test could otherwise be shown in the next.

    Sign-in counters and used TOTP codes are kept in a database table (the "shared" cache):
    an ordinary test's rows roll back with it, so only one that commits empties it first."""
    from django.core.cache import caches

    caches["local"].clear()
    marker = request.node.get_closest_marker("django_db")
    if "transactional_db" in request.fixturenames or "live_server" in request.fixturenames or (
            marker and marker.kwargs.get("transaction")):
        request.getfixturevalue("transactional_db")
        caches["shared"].clear()


@pytest.fixture(autouse=True)
def _national_defaults(request):
    """Put the seeded national defaults back for transactional tests.

    A transactional test (live server, real worker) ends with a flush that also removes what
    the data migrations seeded, so a later one would find no national rules or letter texts.
    Django's serialized rollback cannot help here: beside Playwright's event loop, the test
    sees another connection object than the one the snapshot was stored on. The seed
    functions are idempotent, so running them again is safe.
    """
    marker = request.node.get_closest_marker("django_db")
    transactional = "transactional_db" in request.fixturenames or "live_server" in (
        request.fixturenames) or bool(marker and marker.kwargs.get("transaction"))
    from django.apps import apps

    if transactional:
        request.getfixturevalue("transactional_db")
    else:
        if marker is None and "db" not in request.fixturenames:
            return
        # pytest-django runs transactional tests last, but not every one is recognised as
        # such before it runs (a fixture may ask for the live server on the way), so a flush
        # can come before ordinary database tests. One that finds the defaults gone puts them
        # back inside its own transaction, which rolls back with the test. A flush empties
        # every table at once, so one of them tells.
        request.getfixturevalue("db")
        from integration_portal.rules.models import RuleSet

        if RuleSet.objects.filter(municipality=None).exists():
            return
    for module_name, function_name in SEED_MIGRATIONS:
        getattr(importlib.import_module(module_name), function_name)(apps, None)


@pytest.fixture
def municipality():
    return MunicipalityFactory(name="Lejre", code="350", slug="lejre")


@pytest.fixture
def other_municipality():
    return MunicipalityFactory(name="Vejen", code="575", slug="vejen")


@pytest.fixture
def caseworker(municipality):
    return UserFactory(municipality=municipality, caseworker=True)


@pytest.fixture
def coordinator(municipality):
    return UserFactory(municipality=municipality, coordinator=True)


@pytest.fixture
def manager(municipality):
    return UserFactory(municipality=municipality, manager=True)


@pytest.fixture
def volunteer(municipality):
    return UserFactory(municipality=municipality, volunteer=True)


@pytest.fixture
def other_manager(other_municipality):
    return UserFactory(municipality=other_municipality, manager=True)


@pytest.fixture
def other_caseworker(other_municipality):
    return UserFactory(municipality=other_municipality, caseworker=True)


@pytest.fixture
def admin_user(admin_user):
    """pytest-django's administrator (behind `admin_client`), with the authenticator app every
    administrator must have set up (ADMIN_MFA_REQUIRED)."""
    from allauth.mfa.totp.internal.auth import TOTP

    from tests.factories import TEST_TOTP_SECRET

    TOTP.activate(admin_user, TEST_TOTP_SECRET)
    return admin_user
