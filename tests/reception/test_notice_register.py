"""An arrival notice becomes an announced household case with a reference number."""

import pytest
from django.core.exceptions import ValidationError

from integration_portal.audit.models import AuditEvent
from reception import services
from reception.models import HouseholdStatus

pytestmark = pytest.mark.django_db


def test_a_notice_becomes_an_announced_case(municipality, caseworker, notice_data):
    household = services.notice_register(municipality=municipality, actor=caseworker,
                                         **notice_data)

    assert household.status == HouseholdStatus.ANNOUNCED
    assert household.reference == "LEJ-2026-0001"
    assert household.notice.household_size == 3
    assert household.expected_arrival_date == notice_data["expected_arrival_date"]
    assert AuditEvent.objects.filter(trail=f"reception.household:{household.pk}").count() == 1


def test_references_count_up_per_municipality(municipality, other_municipality, caseworker,
                                              other_caseworker, notice_data):
    services.notice_register(municipality=municipality, actor=caseworker, **notice_data)
    second = services.notice_register(municipality=municipality, actor=caseworker, **notice_data)
    elsewhere = services.notice_register(municipality=other_municipality, actor=other_caseworker,
                                         **notice_data)

    assert second.reference == "LEJ-2026-0002"
    assert elsewhere.reference == "VEJ-2026-0001"


def test_an_invalid_notice_saves_nothing(municipality, caseworker, notice_data):
    from reception.models import ArrivalNotice, Household

    notice_data["residence_basis"] = "tourist"

    with pytest.raises(ValidationError):
        services.notice_register(municipality=municipality, actor=caseworker, **notice_data)
    assert not ArrivalNotice.objects.exists()
    assert not Household.objects.exists()


def test_a_user_cannot_register_a_notice_in_another_municipality(other_municipality, caseworker,
                                                                 notice_data):
    with pytest.raises(PermissionError):
        services.notice_register(municipality=other_municipality, actor=caseworker,
                                 **notice_data)
