"""Warnings go to the caseworker; overdue deadlines also to the managers; an unassigned case
goes to the managers. Nothing in a notification identifies a person."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from integration_portal.notifications.models import Notification
from reception.reminders import reminder_scan
from tests.factories import HouseholdFactory, MilestoneFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 2)
SOON = TODAY + timedelta(days=3)
PASSED = TODAY - timedelta(days=1)


def _recipients(stage: str) -> set:
    return set(Notification.objects.filter(stage=stage).values_list("recipient", flat=True))


def test_a_warning_goes_to_the_caseworker_only(caseworker, manager):
    # given
    MilestoneFactory(household=HouseholdFactory(municipality=caseworker.municipality,
                                                caseworker=caseworker), due_date=SOON)

    # when
    reminder_scan(today=TODAY)

    # then
    assert _recipients("warning") == {caseworker.pk}


def test_an_overdue_deadline_goes_to_the_caseworker_and_the_active_managers(
    caseworker, manager, other_manager
):
    # given a second manager, a deactivated one and a manager in another municipality
    second_manager = UserFactory(municipality=caseworker.municipality, manager=True)
    UserFactory(municipality=caseworker.municipality, manager=True, is_active=False)
    MilestoneFactory(household=HouseholdFactory(municipality=caseworker.municipality,
                                                caseworker=caseworker), due_date=PASSED)

    # when
    reminder_scan(today=TODAY)

    # then
    assert _recipients("overdue") == {caseworker.pk, manager.pk, second_manager.pk}


def test_a_caseworker_who_is_also_a_manager_is_notified_once(municipality):
    # given
    both = UserFactory(municipality=municipality, caseworker=True, manager=True)
    MilestoneFactory(household=HouseholdFactory(municipality=municipality, caseworker=both),
                     due_date=PASSED)

    # when
    reminder_scan(today=TODAY)

    # then
    assert Notification.objects.filter(recipient=both).count() == 1


@pytest.mark.parametrize("caseworker_active", [None, False])
def test_a_case_without_an_active_caseworker_warns_the_managers(
    municipality, manager, caseworker_active
):
    # given a case with no caseworker, or a deactivated one
    caseworker = None
    if caseworker_active is not None:
        caseworker = UserFactory(municipality=municipality, caseworker=True, is_active=False)
    MilestoneFactory(household=HouseholdFactory(municipality=municipality, caseworker=caseworker),
                     due_date=SOON)

    # when
    reminder_scan(today=TODAY)

    # then
    assert _recipients("warning") == {manager.pk}


def test_a_deadline_with_nobody_to_notify_is_counted(municipality):
    # given no caseworker on the case and no manager in the municipality
    MilestoneFactory(household=HouseholdFactory(municipality=municipality, caseworker=None),
                     due_date=SOON)

    # when
    result = reminder_scan(today=TODAY)

    # then
    assert not Notification.objects.exists()
    assert result.without_recipient == 1


def test_the_notification_names_the_deadline_and_case_but_no_person(caseworker):
    # given a person's deadline
    household = HouseholdFactory(municipality=caseworker.municipality, caseworker=caseworker,
                                 reference="LEJ-2026-0004")
    person = PersonFactory(household=household, first_name="Amina", last_name="Haddad",
                           cpr="140385-1237")
    milestone = MilestoneFactory(household=household, person=person, kind="danish_referral",
                                 due_date=date(2026, 3, 5))

    # when
    reminder_scan(today=TODAY)

    # then
    [notification] = Notification.objects.all()
    assert notification.municipality == caseworker.municipality
    assert notification.subject_key == f"reception.milestone:{milestone.pk}"
    assert notification.url == reverse("reception:case_detail", args=[household.pk])
    assert "05.03.2026" in notification.title
    assert "LEJ-2026-0004" in notification.title
    assert milestone.kind_label in notification.title
    for personal in ("Amina", "Haddad", "140385"):
        assert personal not in notification.title
