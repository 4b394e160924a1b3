"""The "permanent home" target: a local rule per municipality, computed and reminded by
reception like any deadline, done when the household moves into a permanent home."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from housing import services
from housing.kinds import PERMANENT_HOME
from integration_portal.notifications.models import Notification
from integration_portal.rules.calendar import add_months
from integration_portal.rules.models import Anchor, OffsetUnit
from integration_portal.rules.registry import get_milestone_kind
from integration_portal.rules.services import rule_set_create
from reception import services as reception
from reception.models import Milestone
from reception.reminders import reminder_scan

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def permanent_home_rule(municipality):
    return rule_set_create(
        municipality=municipality, effective_from=datetime.date(2025, 7, 1), actor=None,
        rules=[{
            "milestone_kind": PERMANENT_HOME, "anchor": Anchor.ARRIVAL, "offset_amount": 6,
            "offset_unit": OffsetUnit.MONTHS, "min_age": 18, "is_local": True,
            "legal_basis": "Lejre: fast bolig så hurtigt som muligt",
        }],
    )


@pytest.fixture
def arrived_family(municipality, caseworker, permanent_home_rule):
    household = reception.notice_register(
        municipality=municipality, actor=caseworker, source="email", received_on=TODAY - 60 * DAY,
        expected_arrival_date=TODAY - 50 * DAY, residence_basis="asylum_refugee", adults=1,
        children_6_14=1,
    )
    reception.household_assign_caseworker(household=household, actor=caseworker,
                                          caseworker=caseworker)
    reception.person_add(household=household, actor=caseworker, relation="applicant",
                         first_name="Rania", last_name="Haddad",
                         birth_date=datetime.date(1988, 7, 2), residence_basis="asylum_refugee")
    reception.person_add(household=household, actor=caseworker, relation="child",
                         first_name="Omar", last_name="Haddad",
                         birth_date=datetime.date(2016, 1, 1), residence_basis="asylum_refugee")
    reception.household_mark_arrived(household=household, actor=caseworker,
                                     arrival_date=TODAY - 50 * DAY)
    return household


def test_the_kind_is_registered_by_housing():
    assert str(get_milestone_kind(PERMANENT_HOME).label) == "Permanent home"


def test_arrival_makes_the_target_due_by_the_municipality_local_rule(arrived_family):
    # then the adult has a permanent-home target 6 months after arrival; the child none
    milestones = Milestone.objects.filter(household=arrived_family, kind=PERMANENT_HOME)
    assert [(m.person.first_name, m.is_local) for m in milestones] == [("Rania", True)]
    assert milestones[0].anchor_date == TODAY - 50 * DAY
    assert milestones[0].due_date == add_months(TODAY - 50 * DAY, 6)


def test_moving_into_a_permanent_home_completes_the_target(arrived_family, permanent_unit,
                                                           caseworker):
    # given
    placement = services.placement_reserve(household=arrived_family, unit=permanent_unit,
                                           actor=caseworker, starts_on=TODAY - 2 * DAY)

    # when
    services.placement_move_in(placement=placement, actor=caseworker, moved_in_on=TODAY - DAY)

    # then
    milestone = Milestone.objects.get(household=arrived_family, kind=PERMANENT_HOME)
    assert milestone.done_on == TODAY - DAY
    assert milestone.done_by == caseworker
    assert milestone.note == "Moved into a permanent home in Hvalsø."


def test_moving_into_temporary_housing_does_not(arrived_family, unit, caseworker):
    placement = services.placement_reserve(household=arrived_family, unit=unit,
                                           actor=caseworker, starts_on=TODAY)
    services.placement_move_in(placement=placement, actor=caseworker, moved_in_on=TODAY)

    assert Milestone.objects.get(household=arrived_family, kind=PERMANENT_HOME).done_on is None


def test_the_morning_scan_reminds_of_an_overdue_target(arrived_family, caseworker):
    # given the target was due yesterday
    Milestone.objects.filter(household=arrived_family, kind=PERMANENT_HOME).update(
        due_date=TODAY - DAY)

    # when
    result = reminder_scan(today=TODAY)

    # then the caseworker is told, like for any other deadline
    milestone = Milestone.objects.get(kind=PERMANENT_HOME)
    assert result.notifications_created >= 1
    assert Notification.objects.filter(subject_key=f"reception.milestone:{milestone.pk}",
                                       stage="overdue", recipient=caseworker).exists()


def test_the_housing_page_shows_the_target_and_when_it_was_met(
        pages_in_english, arrived_family, permanent_unit, caseworker):
    pages_in_english.force_login(caseworker)
    url = reverse("housing:household", args=[arrived_family.pk])
    due = Milestone.objects.get(household=arrived_family, kind=PERMANENT_HOME).due_date
    assert f"due {due:%m/%d/%Y}" in pages_in_english.get(url).content.decode()

    placement = services.placement_reserve(household=arrived_family, unit=permanent_unit,
                                           actor=caseworker, starts_on=TODAY)
    services.placement_move_in(placement=placement, actor=caseworker, moved_in_on=TODAY)

    assert f"met on {TODAY:%m/%d/%Y}" in pages_in_english.get(url).content.decode()
