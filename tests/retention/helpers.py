import datetime

from django.utils import timezone

from integration_portal.retention.models import RetentionPeriod
from tests.factories import HouseholdFactory, PersonFactory


def closed_case(municipality, *, closed_on: datetime.date, basis: str = "asylum_refugee",
                **person_fields):
    """A household case closed on `closed_on`, with a main person of residence `basis`."""
    closed_at = timezone.make_aware(datetime.datetime.combine(closed_on, datetime.time(10)))
    household = HouseholdFactory(municipality=municipality, status="closed",
                                 status_changed_at=closed_at, address="Bygaden 4, 4320 Lejre")
    PersonFactory(household=household, residence_basis=basis, **person_fields)
    return household


def period(municipality, case_type: str = "asylum_refugee", years: int = 5, months: int = 0):
    return RetentionPeriod.objects.create(municipality=municipality, case_type=case_type,
                                          years=years, months=months)
