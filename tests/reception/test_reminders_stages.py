"""The reminder scan warns inside the municipality's window and reports what is overdue."""

from datetime import date, timedelta

import pytest

from integration_portal.notifications.models import Notification
from reception.reminders import reminder_scan
from tests.factories import HouseholdFactory, MilestoneFactory, MunicipalityFactory, UserFactory

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 2)


def _milestone_due(days_from_today: int, *, caseworker):
    household = HouseholdFactory(municipality=caseworker.municipality, caseworker=caseworker)
    return MilestoneFactory(household=household, due_date=TODAY + timedelta(days_from_today))


def _stages():
    return sorted(Notification.objects.values_list("subject_key", "stage", "recipient"))


@pytest.mark.parametrize("days_from_today", [0, 3, 7])
def test_a_deadline_inside_the_warning_window_gives_a_warning(caseworker, days_from_today):
    # given the default window of 7 days
    milestone = _milestone_due(days_from_today, caseworker=caseworker)

    # when
    result = reminder_scan(today=TODAY)

    # then
    assert _stages() == [(f"reception.milestone:{milestone.pk}", "warning", caseworker.pk)]
    assert (result.milestones, result.notifications_created) == (1, 1)


def test_a_deadline_beyond_the_window_gives_nothing_yet(caseworker):
    # given
    _milestone_due(8, caseworker=caseworker)

    # when
    result = reminder_scan(today=TODAY)

    # then
    assert _stages() == []
    assert result.milestones == 0


def test_a_passed_deadline_is_overdue(caseworker):
    # given
    milestone = _milestone_due(-1, caseworker=caseworker)

    # when
    reminder_scan(today=TODAY)

    # then
    assert _stages() == [(f"reception.milestone:{milestone.pk}", "overdue", caseworker.pk)]


def test_each_municipality_has_its_own_warning_window():
    # given a deadline five days ahead in a municipality that warns 2 days ahead and in one
    # that warns 10 days ahead
    short = UserFactory(caseworker=True, municipality=MunicipalityFactory(milestone_warning_days=2))
    long = UserFactory(caseworker=True, municipality=MunicipalityFactory(milestone_warning_days=10))
    _milestone_due(5, caseworker=short)
    warned = _milestone_due(5, caseworker=long)

    # when
    reminder_scan(today=TODAY)

    # then
    assert _stages() == [(f"reception.milestone:{warned.pk}", "warning", long.pk)]


def test_a_warned_deadline_is_notified_again_when_it_becomes_overdue(caseworker):
    # given a warning two days before the deadline
    milestone = _milestone_due(2, caseworker=caseworker)
    reminder_scan(today=TODAY)

    # when the deadline passes
    result = reminder_scan(today=TODAY + timedelta(days=3))

    # then
    key = f"reception.milestone:{milestone.pk}"
    assert _stages() == [(key, "overdue", caseworker.pk), (key, "warning", caseworker.pk)]
    assert result.notifications_created == 1
