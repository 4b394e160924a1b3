import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from integration_portal.rules.calendar import add_months
from tests.factories import UserFactory
from tests.volunteers.factories import TaskFactory, VolunteerProfileFactory
from volunteers.services import task_claim

pytestmark = pytest.mark.django_db


def _assert_refused(task, volunteer, message_part):
    with pytest.raises(ValidationError) as caught:
        task_claim(task=task, volunteer=volunteer)
    assert message_part in " ".join(caught.value.messages)
    task.refresh_from_db()
    assert task.status == "open"
    assert task.claimed_by is None


def test_an_approved_volunteer_takes_an_open_task(task, volunteer_profile):
    # when
    claimed = task_claim(task=task, volunteer=volunteer_profile.user)
    # then
    assert claimed.status == "claimed"
    assert claimed.claimed_by == volunteer_profile.user
    assert claimed.claimed_at is not None


def test_pending_volunteer_is_refused(task, volunteer):
    VolunteerProfileFactory(user=volunteer, status="pending")
    _assert_refused(task, volunteer, "not been approved")


def test_volunteer_without_a_profile_is_refused(task, volunteer):
    _assert_refused(task, volunteer, "not been approved")


def test_volunteer_without_a_signed_agreement_is_refused(task, volunteer):
    VolunteerProfileFactory(user=volunteer, agreement_signed_on=None)
    _assert_refused(task, volunteer, "signed volunteer agreement")


def test_task_with_children_needs_a_child_certificate(municipality, volunteer):
    # given a volunteer with no child certificate
    VolunteerProfileFactory(user=volunteer, boerneattest_obtained_on=None,
                            boerneattest_no_concerns=False)
    task = TaskFactory(municipality=municipality, involves_children_under_15=True)
    # then
    _assert_refused(task, volunteer, "child certificate")


def test_child_certificate_with_concerns_is_refused(municipality, volunteer):
    VolunteerProfileFactory(user=volunteer, boerneattest_no_concerns=False)
    task = TaskFactory(municipality=municipality, involves_children_under_15=True)
    _assert_refused(task, volunteer, "child certificate")


def test_expired_child_certificate_is_refused(municipality, volunteer):
    # given a certificate obtained exactly the renewal interval ago
    today = timezone.localdate()
    obtained = add_months(today, -municipality.boerneattest_renewal_months)
    VolunteerProfileFactory(user=volunteer, boerneattest_obtained_on=obtained)
    task = TaskFactory(municipality=municipality, involves_children_under_15=True)
    # then
    _assert_refused(task, volunteer, "must be renewed")


def test_certificate_a_day_younger_than_the_interval_is_accepted(municipality, volunteer):
    obtained = add_months(timezone.localdate(), -municipality.boerneattest_renewal_months)
    VolunteerProfileFactory(user=volunteer,
                            boerneattest_obtained_on=obtained + datetime.timedelta(days=1))
    task = TaskFactory(municipality=municipality, involves_children_under_15=True)
    assert task_claim(task=task, volunteer=volunteer).status == "claimed"


def test_task_without_children_needs_no_certificate(task, volunteer):
    VolunteerProfileFactory(user=volunteer, boerneattest_obtained_on=None,
                            boerneattest_no_concerns=False)
    assert task_claim(task=task, volunteer=volunteer).status == "claimed"


def test_volunteer_of_another_municipality_is_refused(task, other_municipality):
    # given an approved volunteer of another municipality
    outsider = VolunteerProfileFactory(
        user=UserFactory(municipality=other_municipality, volunteer=True)).user
    # when / then
    with pytest.raises(PermissionError):
        task_claim(task=task, volunteer=outsider)
    task.refresh_from_db()
    assert task.status == "open"


def test_a_taken_task_cannot_be_taken_again(task, volunteer_profile, municipality):
    # given the task was taken by someone else, after this volunteer loaded it
    stale = type(task).objects.get(pk=task.pk)
    other = VolunteerProfileFactory(user=UserFactory(municipality=municipality,
                                                     volunteer=True)).user
    task_claim(task=task, volunteer=other)
    # when / then
    with pytest.raises(ValidationError) as caught:
        task_claim(task=stale, volunteer=volunteer_profile.user)
    assert caught.value.messages == ["This task was just taken by another volunteer."]
    stale.refresh_from_db()
    assert stale.claimed_by == other


def test_the_municipality_sets_the_certificate_renewal_interval(municipality, volunteer):
    # given a municipality that renews child certificates every 12 months
    municipality.boerneattest_renewal_months = 12
    municipality.save(update_fields=["boerneattest_renewal_months"])
    obtained = add_months(timezone.localdate(), -13)
    VolunteerProfileFactory(user=volunteer, boerneattest_obtained_on=obtained)
    task = TaskFactory(municipality=municipality, involves_children_under_15=True)
    # then a 13-month-old certificate is too old
    _assert_refused(task, volunteer, "12 months")
