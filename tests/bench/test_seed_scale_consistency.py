"""Every generated row belongs to one municipality, and whatever it points at belongs to the
same one; the rows pass the database's keys, constraints and the models' validation."""

import pytest
from django.db import connection
from django.db.models import F

from employment.models import Measure
from housing.models import HousingUnit, Placement
from integration_portal.audit.models import AuditEvent
from reception.models import Household, Milestone, Person
from tests.bench.scale import seed_tiny
from volunteers.models import HoursLog, Task, VolunteerProfile

pytestmark = pytest.mark.django_db


def test_what_a_row_points_at_is_in_the_same_municipality():
    # given / when
    seed_tiny(scale=0.002)

    # then
    assert Milestone.objects.count() > 0
    assert not Milestone.objects.filter(person__isnull=False).exclude(
        person__household=F("household")).exists()
    assert not Milestone.objects.filter(done_by__isnull=False).exclude(
        done_by__municipality=F("household__municipality")).exists()
    assert not Household.objects.filter(caseworker__isnull=False).exclude(
        caseworker__municipality=F("municipality")).exists()
    assert not Task.objects.filter(household__isnull=False).exclude(
        household__municipality=F("municipality")).exists()
    assert not Task.objects.filter(claimed_by__isnull=False).exclude(
        claimed_by__municipality=F("municipality")).exists()
    assert not HoursLog.objects.exclude(volunteer=F("task__claimed_by")).exists()
    assert not Measure.objects.exclude(person__household=F("household")).exists()
    assert not Measure.objects.exclude(household__municipality=F("municipality")).exists()
    assert not Placement.objects.exclude(
        unit__municipality=F("household__municipality")).exists()
    assert not HousingUnit.objects.filter(private_host__isnull=False).exclude(
        private_host__municipality=F("municipality")).exists()
    households = dict(Household.objects.values_list("pk", "municipality_id"))
    for trail, municipality_id in AuditEvent.objects.values_list("trail", "municipality_id"):
        assert households[int(trail.rsplit(":", 1)[1])] == municipality_id


def test_children_tasks_are_taken_only_by_volunteers_with_a_child_certificate():
    # given / when
    seed_tiny(scale=0.002)

    # then
    certified = set(VolunteerProfile.objects.filter(boerneattest_no_concerns=True)
                    .values_list("user_id", flat=True))
    takers = set(Task.objects.filter(involves_children_under_15=True, claimed_by__isnull=False)
                 .values_list("claimed_by_id", flat=True))
    assert takers <= certified


def test_the_rows_pass_the_foreign_keys_and_the_models_validation():
    # given
    seed_tiny()

    # when: deferred foreign keys are checked now rather than at a commit the test never makes
    connection.check_constraints()

    # then
    for model in (Household, Person, Milestone, Task, HousingUnit, Placement, Measure,
                  AuditEvent, VolunteerProfile):
        for row in model.objects.all()[:300]:
            row.full_clean()
