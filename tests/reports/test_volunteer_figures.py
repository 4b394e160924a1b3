"""The volunteers' report figures equal the values worked out by hand from a known dataset.

The period is the second quarter of 2026 (1 April to 30 June, both days included), in Danish
time; it has ended, so the tasks waiting for a volunteer are counted at 1 July 00:00.
"""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from integration_portal.reports.registry import Period, report_section_keys
from tests.factories import UserFactory
from tests.reports.sections import figure_values
from tests.volunteers.factories import TaskFactory, TaskKindFactory, VolunteerProfileFactory
from volunteers.models import HoursLog, Task, TaskKind, TaskReport
from volunteers.reports import build

pytestmark = pytest.mark.django_db

D = datetime.date
PERIOD = Period(start=D(2026, 4, 1), end=D(2026, 6, 30))
DANISH = ZoneInfo("Europe/Copenhagen")
SIGNED = D(2026, 1, 15)


def at(*args):
    """A moment in Danish time."""
    return datetime.datetime(*args, tzinfo=DANISH)


def _volunteer(municipality, *, status="active", signed=SIGNED, account_open=True):
    # No password: hashing one per volunteer would only slow the test down.
    user = UserFactory(municipality=municipality, volunteer=True, is_active=account_open,
                       password=None)
    return VolunteerProfileFactory(user=user, status=status, agreement_signed_on=signed).user


def _task(municipality, kind, *, status="open", starts, ends=None, created=None,
          claimed_by=None, claimed_at=None, reported=None):
    task = TaskFactory(municipality=municipality, kind=kind, status=status, starts_at=starts,
                       ends_at=ends or starts + datetime.timedelta(hours=3),
                       claimed_by=claimed_by, claimed_at=claimed_at)
    # created_at is set on insert; the dataset needs it in the past.
    Task.objects.filter(pk=task.pk).update(created_at=created or at(2026, 3, 1, 9))
    if reported is not None:
        report = TaskReport.objects.create(task=task, text="Det gik fint.")
        TaskReport.objects.filter(pk=report.pk).update(created_at=reported)
    return task


def _hours(task, volunteer, day, hours):
    HoursLog.objects.create(task=task, volunteer=volunteer, date=day, hours=Decimal(hours))


@pytest.fixture
def dataset(municipality, other_municipality):
    moving = TaskKind.objects.get(municipality=None, code="moving")
    homework = TaskKind.objects.get(municipality=None, code="homework")
    own = TaskKindFactory(municipality=municipality, code="bike_repair", label="Cykelreparation")
    theirs = TaskKindFactory(municipality=other_municipality, code="their_kind", label="Deres")

    # Volunteers: v1 and v2 are active; the others are not, each for one reason.
    v1 = _volunteer(municipality)
    v2 = _volunteer(municipality, signed=D(2026, 6, 30))
    _volunteer(municipality, signed=D(2026, 7, 5))  # signed after the period
    _volunteer(municipality, signed=None)  # never signed
    _volunteer(municipality, status="pending")
    _volunteer(municipality, status="paused")
    _volunteer(municipality, account_open=False)
    v8 = _volunteer(other_municipality)

    # Done tasks, by the day their report was written.
    done = {"status": "done", "starts": at(2026, 4, 10, 10), "claimed_at": at(2026, 4, 1, 9)}
    t1 = _task(municipality, moving, claimed_by=v1, reported=at(2026, 4, 10, 15), **done)
    t2 = _task(municipality, moving, claimed_by=v2, reported=at(2026, 6, 30, 23, 30), **done)
    t3 = _task(municipality, homework, claimed_by=v1, reported=at(2026, 5, 1, 12), **done)
    t4 = _task(municipality, own, claimed_by=v1, reported=at(2026, 7, 1, 0, 30), **done)
    t5 = _task(municipality, moving, claimed_by=v2, reported=at(2026, 3, 31, 12), **done)
    t6 = _task(other_municipality, theirs, claimed_by=v8, reported=at(2026, 5, 1, 12), **done)

    # Hours, by the day they were spent.
    _hours(t1, v1, D(2026, 4, 10), "2.5")
    _hours(t3, v1, D(2026, 5, 1), "1.25")
    _hours(t2, v2, D(2026, 6, 30), "3")
    _hours(t5, v2, D(2026, 3, 31), "4")  # before the period
    _hours(t4, v1, D(2026, 7, 1), "2")  # after the period
    _hours(t6, v8, D(2026, 5, 1), "5")  # another municipality's

    # Tasks waiting for a volunteer on 1 July 00:00, or not.
    created = at(2026, 6, 1, 9)
    _task(municipality, moving, starts=at(2026, 7, 2, 10), created=created)  # u1: soon
    _task(municipality, moving, starts=at(2026, 7, 10, 10), created=created)  # u2
    _task(municipality, moving, status="claimed", claimed_by=v1, claimed_at=at(2026, 7, 5, 8),
          starts=at(2026, 7, 8, 10), created=created)  # u3: taken only after the period
    _task(municipality, moving, status="claimed", claimed_by=v1, claimed_at=at(2026, 6, 20, 8),
          starts=at(2026, 7, 8, 10), created=created)  # u4: taken in time
    _task(municipality, moving, starts=at(2026, 7, 3, 10), created=at(2026, 7, 2, 9))  # u5: later
    _task(municipality, moving, status="cancelled", starts=at(2026, 7, 2, 10),
          created=created)  # u6: cancelled
    _task(municipality, moving, starts=at(2026, 6, 30, 18), ends=at(2026, 7, 1, 20),
          created=created)  # u7: begun, not over, nobody on it: soon
    _task(other_municipality, theirs, starts=at(2026, 7, 2, 10), created=created)

    # Open tasks that ended without a volunteer.
    _task(municipality, moving, starts=at(2026, 5, 20, 10), created=created)  # e1: in the period
    _task(municipality, moving, starts=at(2026, 3, 20, 10), created=created)  # e2: before it
    _task(other_municipality, theirs, starts=at(2026, 5, 20, 10), created=created)


def test_every_volunteer_figure_equals_the_value_worked_out_by_hand(municipality, dataset):
    # when
    section = build(municipality, PERIOD)

    # then
    assert section.key == "volunteers"
    assert figure_values(section) == {
        # v1 and v2 (signed on the period's last day); not the one signed on 5 July, the
        # unsigned, pending, paused or closed ones, nor the other municipality's v8.
        "active_volunteers": 2,
        # v1 (t1, t3) and v2 (t2) logged hours for days in the period.
        "volunteers_with_hours": 2,
        # t1 (10 April), t2 (30 June 23:30 Danish time), t3 (1 May) = 3; t4 was reported
        # on 1 July 00:30, t5 on 31 March, t6 is another municipality's.
        "tasks_done": 3,
        # 2.5 + 1.25 + 3 = 6.75; not 31 March's 4, 1 July's 2 or the other municipality's 5.
        "hours_logged": Decimal("6.75"),
        # u1, u2, u3 (taken on 5 July) and u7 (begun 30 June 18:00, over 1 July 20:00) = 4;
        # u4 was taken on 20 June, u5 did not exist yet, u6 was cancelled.
        "tasks_unclaimed": 4,
        # Of those, starting before 4 July 00:00 (1 July + the reminders' 2 days):
        # u1 (2 July) and u7 (already begun) = 2.
        "tasks_unclaimed_starting_soon": 2,
        # e1 ended on 20 May, still open = 1; e2 ended in March.
        "tasks_ended_unclaimed": 1,
    }


def test_the_tasks_done_are_charted_by_kind(municipality, dataset):
    # when
    chart = build(municipality, PERIOD).charts[0]

    # then every kind the municipality uses, most done first: moving t1 + t2 = 2, homework
    # t3 = 1, the others 0 (the own kind's t4 was after the period); not the other
    # municipality's kind
    bars = {bar.key: bar.value for bar in chart.bars}
    assert chart.key == "tasks_done_by_kind"
    assert [bar.key for bar in chart.bars[:2]] == ["moving", "homework"]
    assert (bars["moving"], bars["homework"], bars["bike_repair"]) == (2, 1, 0)
    assert "their_kind" not in bars
    assert sum(bars.values()) == figure_values(build(municipality, PERIOD))["tasks_done"]


def test_a_running_period_counts_the_tasks_waiting_now(municipality, volunteer):
    # given a period that has not ended, and a task put up an hour ago for tomorrow
    today = timezone.localdate()
    kind = TaskKind.objects.get(municipality=None, code="moving")
    now = timezone.now()
    _task(municipality, kind, starts=now + datetime.timedelta(days=1),
          created=now - datetime.timedelta(hours=1))

    # when
    figures = figure_values(build(municipality, Period(start=today.replace(day=1),
                                                  end=today + datetime.timedelta(days=30))))

    # then it is waiting now, and starts within the reminders' window
    assert (figures["tasks_unclaimed"], figures["tasks_unclaimed_starting_soon"]) == (1, 1)


def test_without_data_the_counts_are_zero(municipality):
    # when nothing has happened
    figures = figure_values(build(municipality, PERIOD))

    # then counts and sums are 0 (there is no median or share to be None here)
    assert figures == {
        "active_volunteers": 0, "volunteers_with_hours": 0, "tasks_done": 0,
        "hours_logged": Decimal("0"), "tasks_unclaimed": 0, "tasks_unclaimed_starting_soon": 0,
        "tasks_ended_unclaimed": 0,
    }


def test_the_builder_costs_the_same_queries_for_any_amount_of_data(
        municipality, django_assert_max_num_queries):
    kind = TaskKind.objects.get(municipality=None, code="moving")

    def add_volunteers_and_tasks(count):
        for _ in range(count):
            volunteer = _volunteer(municipality)
            task = _task(municipality, kind, status="done", starts=at(2026, 5, 2, 10),
                         claimed_by=volunteer, claimed_at=at(2026, 5, 1, 10),
                         reported=at(2026, 5, 2, 15))
            _hours(task, volunteer, D(2026, 5, 2), "1")

    # given a little data
    add_volunteers_and_tasks(2)
    with django_assert_max_num_queries(5) as few:
        build(municipality, PERIOD)

    # when there is ten times as much
    add_volunteers_and_tasks(20)
    with django_assert_max_num_queries(5) as many:
        section = build(municipality, PERIOD)

    # then
    assert len(many.captured_queries) == len(few.captured_queries)
    assert figure_values(section)["tasks_done"] == 22


def test_the_section_holds_no_names(municipality, dataset):
    # given the volunteers' names
    names = [user.full_name for user in
             UserFactory._meta.model.objects.filter(municipality=municipality,
                                                    is_volunteer=True)]

    # when
    section = build(municipality, PERIOD)

    # then only aggregates: no name anywhere in the section
    text = repr(section)
    assert names and not [name for name in names if name in text]


def test_the_section_is_registered_for_the_report():
    assert "volunteers" in report_section_keys()
