import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories import UserFactory
from tests.volunteers.factories import VolunteerProfileFactory
from volunteers.models import HoursLog
from volunteers.services import hours_log

pytestmark = pytest.mark.django_db


def test_claimer_logs_hours(claimed_task):
    # when
    entry = hours_log(task=claimed_task, volunteer=claimed_task.claimed_by,
                      date=timezone.localdate(), hours=Decimal("2.5"), note="Samlede senge")
    # then
    assert entry.hours == Decimal("2.5")
    assert list(claimed_task.hours.all()) == [entry]


def test_a_full_day_is_the_most_one_entry_can_hold(claimed_task):
    entry = hours_log(task=claimed_task, volunteer=claimed_task.claimed_by,
                      date=timezone.localdate(), hours="24", note="")
    assert entry.hours == Decimal("24")


@pytest.mark.parametrize(("hours", "message"), [
    ("-1", "Enter more than 0 hours."),
    ("0", "Enter more than 0 hours."),
    ("25", "One entry can be at most 24 hours."),
    ("24.01", "One entry can be at most 24 hours."),
    ("two", "Enter the hours as a number, for example 2.5."),
])
def test_refuses_hours_out_of_range(claimed_task, hours, message):
    # when / then
    with pytest.raises(ValidationError) as caught:
        hours_log(task=claimed_task, volunteer=claimed_task.claimed_by,
                  date=timezone.localdate(), hours=hours, note="")
    assert caught.value.message_dict["hours"] == [message]
    assert not HoursLog.objects.exists()


def test_refuses_a_day_in_the_future(claimed_task):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as caught:
        hours_log(task=claimed_task, volunteer=claimed_task.claimed_by, date=tomorrow,
                  hours=Decimal("1"), note="")
    assert caught.value.message_dict["date"] == [
        "Hours cannot be logged for a day in the future."]
    assert not HoursLog.objects.exists()


def test_only_the_claimer_logs_hours(claimed_task, municipality):
    # given another approved volunteer
    other = VolunteerProfileFactory(user=UserFactory(municipality=municipality,
                                                     volunteer=True)).user
    # when / then
    with pytest.raises(ValidationError):
        hours_log(task=claimed_task, volunteer=other, date=timezone.localdate(),
                  hours=Decimal("1"), note="")
    assert not HoursLog.objects.exists()


def test_the_database_refuses_out_of_range_hours_written_around_the_service(claimed_task):
    from django.db import IntegrityError

    with pytest.raises(IntegrityError):
        HoursLog.objects.create(task=claimed_task, volunteer=claimed_task.claimed_by,
                                date=timezone.localdate(), hours=Decimal("0"))
