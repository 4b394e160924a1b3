"""A child's place at a daycare, school or SFO: validated in the service, nothing half-saved."""

import pytest
from django.core.exceptions import ValidationError

from children import services
from children.models import ChildPlacement
from integration_portal.audit.models import AuditEvent
from tests.children.conftest import ARRIVAL, DAY, TODAY, child_on_case
from tests.children.factories import InstitutionFactory
from tests.factories import HouseholdFactory, PersonFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_caseworker_registers_a_requested_daycare_place(child, daycare, caseworker):
    # when
    placement = services.placement_create(
        person=child, actor=caseworker, institution=daycare, kind="", status="requested",
        requested_on=ARRIVAL + 2 * DAY, offered_on=None, starts_on=None, ends_on=None, note="")

    # then the kind defaults to the institution's, and the write is in the case's trail
    assert (placement.kind, placement.status, placement.created_by) == (
        "daycare", "requested", caseworker)
    event = AuditEvent.objects.get(object_type="children.childplacement")
    assert event.trail == f"reception.household:{child.household_id}"


def test_a_start_before_the_child_arrived_is_refused_on_the_field_and_nothing_saved(
        child, school, caseworker):
    # when the school start is typed a week before the family arrived
    with pytest.raises(ValidationError) as refused:
        services.placement_create(
            person=child, actor=caseworker, institution=school, kind="reception_class",
            status="started", requested_on=ARRIVAL - 10 * DAY, starts_on=ARRIVAL - 7 * DAY)

    # then
    assert list(refused.value.message_dict) == ["starts_on"]
    assert "cannot be before the child's arrival" in refused.value.message_dict["starts_on"][0]
    assert not ChildPlacement.objects.exists()
    assert not AuditEvent.objects.filter(object_type="children.childplacement").exists()


def test_an_adult_cannot_be_given_a_place(household, daycare, caseworker):
    adult = household.persons.get(first_name="Rania")

    with pytest.raises(ValidationError, match="is not a child"):
        services.placement_create(person=adult, actor=caseworker, institution=daycare,
                                  status="requested", requested_on=TODAY)
    assert not ChildPlacement.objects.exists()


def test_another_municipality_s_institution_is_refused(child, other_municipality, caseworker):
    elsewhere = InstitutionFactory(municipality=other_municipality)

    with pytest.raises(ValidationError) as refused:
        services.placement_create(person=child, actor=caseworker, institution=elsewhere,
                                  status="requested", requested_on=TODAY)
    assert list(refused.value.message_dict) == ["institution"]


def test_a_caseworker_of_another_municipality_may_not_write(child, daycare,
                                                           other_caseworker):
    with pytest.raises(PermissionError):
        services.placement_create(person=child, actor=other_caseworker, institution=daycare,
                                  status="requested", requested_on=TODAY)


def test_a_manager_reads_but_does_not_write_children_s_places(child, daycare, manager):
    with pytest.raises(PermissionError):
        services.placement_create(person=child, actor=manager, institution=daycare,
                                  status="requested", requested_on=TODAY)


@pytest.mark.parametrize(("fields", "field"), [
    ({"status": "offered"}, "offered_on"),
    ({"status": "started"}, "starts_on"),
    ({"status": "started", "starts_on": TODAY + DAY}, "starts_on"),
    ({"status": "requested", "offered_on": ARRIVAL - DAY}, "offered_on"),
    ({"status": "ended", "starts_on": ARRIVAL + DAY}, "ends_on"),
    ({"status": "requested", "starts_on": TODAY, "ends_on": TODAY - DAY}, "ends_on"),
])
def test_inconsistent_dates_are_refused_on_their_field(child, daycare, caseworker, fields,
                                                      field):
    with pytest.raises(ValidationError) as refused:
        services.placement_create(person=child, actor=caseworker, institution=daycare,
                                  requested_on=ARRIVAL, **fields)
    assert field in refused.value.message_dict
    assert not ChildPlacement.objects.exists()


def test_a_closed_case_s_children_cannot_be_changed(municipality, daycare, caseworker):
    closed = HouseholdFactory(municipality=municipality, status="closed", arrival_date=ARRIVAL)
    PersonFactory(household=closed)
    kid = child_on_case(closed, years=3)

    with pytest.raises(ValidationError, match="closed"):
        services.placement_create(person=kid, actor=caseworker, institution=daycare,
                                  status="requested", requested_on=TODAY)


def test_offered_then_started(child, daycare, caseworker):
    # given
    placement = services.placement_create(person=child, actor=caseworker, institution=daycare,
                                          status="requested", requested_on=ARRIVAL)

    # when
    services.placement_update(placement=placement, actor=caseworker, status="offered",
                              offered_on=TODAY - 5 * DAY, starts_on=TODAY - DAY)
    placement = services.placement_update(placement=placement, actor=caseworker,
                                          status="started")

    # then
    placement.refresh_from_db()
    assert (placement.status, placement.starts_on) == ("started", TODAY - DAY)
    assert AuditEvent.objects.filter(object_type="children.childplacement",
                                     action="update").count() == 2


def test_a_coordinator_who_works_on_cases_may_write(child, daycare, coordinator):
    placement = services.placement_create(person=child, actor=coordinator, institution=daycare,
                                          status="requested", requested_on=TODAY)
    assert placement.pk


def test_a_volunteer_may_not_write(child, daycare, municipality):
    volunteer = UserFactory(municipality=municipality, volunteer=True)
    with pytest.raises(PermissionError):
        services.placement_create(person=child, actor=volunteer, institution=daycare,
                                  status="requested", requested_on=TODAY)
