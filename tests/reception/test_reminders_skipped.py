"""Closed cases and deadlines already met are never reminded about."""

from datetime import date

import pytest

from integration_portal.notifications.models import Notification
from reception.reminders import reminder_scan
from tests.factories import HouseholdFactory, MilestoneFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 2)
PASSED = date(2026, 2, 20)


def test_a_closed_case_is_skipped(caseworker, manager):
    # given an overdue deadline on a closed case
    MilestoneFactory(household=HouseholdFactory(municipality=caseworker.municipality,
                                                caseworker=caseworker, status="closed"),
                     due_date=PASSED)

    # when
    result = reminder_scan(today=TODAY)

    # then
    assert not Notification.objects.exists()
    assert result.milestones == 0


def test_a_met_deadline_is_skipped(caseworker, manager):
    # given an overdue deadline that has been met
    MilestoneFactory(household=HouseholdFactory(municipality=caseworker.municipality,
                                                caseworker=caseworker),
                     due_date=PASSED, done_on=date(2026, 2, 19))

    # when
    result = reminder_scan(today=TODAY)

    # then
    assert not Notification.objects.exists()
    assert result.milestones == 0
