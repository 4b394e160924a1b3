import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Letter PDFs are written under a temporary MEDIA_ROOT, never the developer's var/."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def arrived_household(municipality, caseworker):
    """Amal (Arabic, e-mail with consent), Omar (Arabic, e-mail without consent), Lina (8)."""
    from datetime import date

    from django.utils import timezone

    from tests.factories import HouseholdFactory, PersonFactory

    household = HouseholdFactory(
        municipality=municipality, caseworker=caseworker, reference="LEJ-2026-0007",
        status="arrived", arrival_date=date(2026, 3, 2), status_changed_at=timezone.now(),
        address="Hovedgaden 1, 4320 Lejre",
    )
    PersonFactory(household=household, relation="applicant", first_name="Amal",
                  last_name="Haddad", birth_date=date(1990, 5, 1), letter_language="ar",
                  email="amal@example.org", email_consent=True, literacy="reads_writes")
    PersonFactory(household=household, relation="spouse", first_name="Omar",
                  last_name="Haddad", birth_date=date(1988, 1, 1), letter_language="ar",
                  email="omar@example.org", email_consent=False, literacy="reads_writes")
    PersonFactory(household=household, relation="child", first_name="Lina",
                  last_name="Haddad", birth_date=date(2018, 6, 1), letter_language="ar",
                  email="lina@example.org", email_consent=True, literacy="none")
    return household
