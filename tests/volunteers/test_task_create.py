import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from integration_portal.audit.models import AuditEvent
from tests.factories import HouseholdFactory, PersonFactory
from tests.volunteers.factories import TaskKindFactory
from volunteers.models import Task, TaskKind
from volunteers.services import task_create

pytestmark = pytest.mark.django_db


def _create(*, municipality, actor, household=None, title="Hjælp med flytning",
            description="Tre kasser og en sofa skal flyttes."):
    starts_at = timezone.now() + datetime.timedelta(days=3)
    return task_create(
        municipality=municipality, actor=actor,
        kind=TaskKind.objects.national().get(code="moving"),
        title=title, description=description, area="4330 Hvalsø",
        starts_at=starts_at, ends_at=starts_at + datetime.timedelta(hours=2),
        languages=["ar"], involves_children_under_15=False, estimated_hours=Decimal("2"),
        household=household,
    )


@pytest.fixture
def household(municipality):
    household = HouseholdFactory(municipality=municipality)
    PersonFactory(household=household, first_name="Amina", last_name="Haddad")
    return household


def test_creates_a_task_with_clean_text_and_audits_the_case_link(caseworker, household):
    # when
    task = _create(municipality=household.municipality, actor=caseworker, household=household)
    # then
    assert task.status == "open"
    assert task.household == household
    event = AuditEvent.objects.get(object_type="volunteers.task", object_id=str(task.pk))
    assert event.trail == f"reception.household:{household.pk}"


def test_coordinator_may_create_a_task_without_a_case(coordinator, municipality):
    task = _create(municipality=municipality, actor=coordinator)
    assert task.household is None


@pytest.mark.parametrize(("description", "message"), [
    ("Ring til 22 33 44 55 først.", "The description contains a phone number."),
    ("Familiens far har CPR 010180-1234.", "The description contains a CPR number."),
    ("Skriv til familie@example.com.", "The description contains an e-mail address."),
    ("Amina skal have hjælp.", 'The description contains the name "Amina".'),
    ("Familien HADDAD flytter.", 'The description contains the name "Haddad".'),
])
def test_refuses_personal_data_in_the_description(caseworker, household, description, message):
    # when / then
    with pytest.raises(ValidationError) as caught:
        _create(municipality=household.municipality, actor=caseworker, household=household,
                description=description)
    assert caught.value.message_dict["description"] == [message]
    assert not Task.objects.exists()


def test_refuses_personal_data_in_the_title(caseworker, household):
    with pytest.raises(ValidationError) as caught:
        _create(municipality=household.municipality, actor=caseworker, household=household,
                title="Flyttehjælp til Amina")
    assert caught.value.message_dict["title"] == ['The title contains the name "Amina".']


def test_refuses_a_case_of_another_municipality(caseworker, other_municipality):
    # given a household of another municipality
    foreign = HouseholdFactory(municipality=other_municipality)
    # when / then
    with pytest.raises(PermissionError):
        _create(municipality=caseworker.municipality, actor=caseworker, household=foreign)
    assert not Task.objects.exists()


def test_refuses_actors_without_permission_or_from_elsewhere(
        volunteer, manager, other_caseworker, municipality):
    for actor in (volunteer, manager, other_caseworker):
        with pytest.raises(PermissionError):
            _create(municipality=municipality, actor=actor)
    assert not Task.objects.exists()


def test_refuses_another_municipalitys_task_kind(caseworker, municipality, other_municipality):
    foreign_kind = TaskKindFactory(municipality=other_municipality)
    starts_at = timezone.now()
    with pytest.raises(ValidationError) as caught:
        task_create(municipality=municipality, actor=caseworker, kind=foreign_kind,
                    title="Sprogcafé", description="", area="", starts_at=starts_at,
                    ends_at=starts_at, languages=[], involves_children_under_15=False,
                    estimated_hours=None)
    assert "kind" in caught.value.message_dict
