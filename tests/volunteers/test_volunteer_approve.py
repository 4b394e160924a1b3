import pytest
from django.core.exceptions import ValidationError

from integration_portal.audit.models import AuditEvent
from tests.factories import UserFactory
from tests.volunteers.factories import VolunteerProfileFactory
from volunteers.services import volunteer_approve

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(volunteer):
    return VolunteerProfileFactory(user=volunteer, status="pending")


def test_coordinator_approves_a_pending_volunteer(pending, coordinator):
    # when
    profile = volunteer_approve(profile=pending, actor=coordinator)
    # then
    profile.refresh_from_db()
    assert profile.status == "active"
    assert profile.approved_by == coordinator
    assert profile.approved_at is not None
    assert AuditEvent.objects.filter(object_type="volunteers.volunteerprofile",
                                     object_id=str(profile.pk)).exists()


def test_caseworkers_and_other_municipalities_cannot_approve(pending, caseworker,
                                                             other_municipality):
    other_coordinator = UserFactory(municipality=other_municipality, coordinator=True)
    for actor in (caseworker, other_coordinator):
        with pytest.raises(PermissionError):
            volunteer_approve(profile=pending, actor=actor)
    pending.refresh_from_db()
    assert pending.status == "pending"


def test_an_ended_volunteer_is_not_approved_again(volunteer, coordinator):
    ended = VolunteerProfileFactory(user=volunteer, status="ended")
    with pytest.raises(ValidationError):
        volunteer_approve(profile=ended, actor=coordinator)


def test_only_volunteer_users_can_have_a_profile(caseworker):
    profile = VolunteerProfileFactory.build(user=caseworker)
    with pytest.raises(ValidationError) as caught:
        profile.full_clean()
    assert "user" in caught.value.message_dict
