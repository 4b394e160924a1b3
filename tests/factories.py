import time

import factory
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value

from integration_portal.accounts.models import Municipality, User

TEST_PASSWORD = "correct-horse-battery-staple"
# The authenticator app every staff user made by UserFactory has set up (base32).
TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXP"


def totp_code(secret: str = TEST_TOTP_SECRET) -> str:
    """The code an authenticator app with this secret shows right now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality
        django_get_or_create = ("code",)

    name = factory.Sequence(lambda n: f"Testkommune {n}")
    code = factory.Sequence(lambda n: f"{(n % 900) + 100:03d}")
    slug = factory.Sequence(lambda n: f"testkommune-{n}")
    contact_email = factory.LazyAttribute(lambda m: f"integration@{m.slug}.example")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name", locale="da_DK")
    municipality = factory.SubFactory(MunicipalityFactory)
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()

    @factory.post_generation
    def totp(obj, create, extracted, **kwargs):
        """Staff and administrators have set up an authenticator app, as municipalities (and
        ADMIN_MFA_REQUIRED) require by default.

        `UserFactory(caseworker=True, totp=False)` makes one who has not yet.
        """
        if create and (obj.is_portal_staff or obj.is_staff) and extracted is not False:
            TOTP.activate(obj, TEST_TOTP_SECRET)

    class Params:
        caseworker = factory.Trait(is_caseworker=True)
        coordinator = factory.Trait(is_caseworker=True, is_volunteer_coordinator=True)
        manager = factory.Trait(is_manager=True)
        volunteer = factory.Trait(is_volunteer=True)


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reception.Household"

    municipality = factory.SubFactory(MunicipalityFactory)
    reference = factory.Sequence(lambda n: f"T-2026-{n:05d}")
    status = "announced"
    expected_arrival_date = factory.Faker("date_between", start_date="+1d", end_date="+60d")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reception.Person"

    household = factory.SubFactory(HouseholdFactory)
    relation = "applicant"
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    birth_date = factory.Faker("date_of_birth", minimum_age=19, maximum_age=60)
    residence_basis = "asylum_refugee"
    letter_language = "ar"
    languages = factory.LazyFunction(lambda: ["ar"])


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "reception.Milestone"

    household = factory.SubFactory(HouseholdFactory)
    person = None
    kind = "programme_start"
    due_date = factory.Faker("date_between", start_date="-10d", end_date="+30d")
