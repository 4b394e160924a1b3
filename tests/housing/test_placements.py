"""Reserve → move in → move out, from temporary housing to a permanent home."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from housing import services
from housing.models import Placement, ServiceFrameItem
from integration_portal.audit.models import AuditEvent
from reception.services import case_trail
from tests.factories import UserFactory
from tests.housing.conftest import family
from tests.housing.factories import HousingUnitFactory, PrivateHostFactory

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def test_a_household_moves_from_temporary_housing_into_a_permanent_home(
        household, unit, permanent_unit, caseworker):
    # given a reservation of temporary housing, moved into 20 days ago
    temporary = services.placement_reserve(household=household, unit=unit, actor=caseworker,
                                           starts_on=TODAY - 20 * DAY)
    services.placement_move_in(placement=temporary, actor=caseworker,
                               moved_in_on=TODAY - 20 * DAY)
    # and a permanent home reserved from today
    permanent = services.placement_reserve(household=household, unit=permanent_unit,
                                           actor=caseworker, starts_on=TODAY)

    # when the household moves in
    services.placement_move_in(placement=permanent, actor=caseworker, moved_in_on=TODAY)

    # then the temporary stay ended that day and the permanent one runs
    temporary.refresh_from_db()
    permanent.refresh_from_db()
    assert (temporary.status, temporary.ends_on) == ("ended", TODAY)
    assert (permanent.status, permanent.ends_on, permanent.is_permanent) == ("active", None, True)
    assert permanent.persons == 3
    # and every step is on the case's audit trail
    summaries = list(AuditEvent.objects.filter(trail=case_trail(household))
                     .order_by("pk").values_list("summary", flat=True))
    assert summaries == [
        "Home reserved (temporary)", "Moved in (temporary housing)",
        "Home reserved (permanent)", "Moved out (moved into another home)",
        "Moved in (permanent home)",
    ]


def test_moving_out(household, unit, caseworker):
    placement = services.placement_reserve(household=household, unit=unit, actor=caseworker,
                                           starts_on=TODAY - 5 * DAY)
    services.placement_move_in(placement=placement, actor=caseworker, moved_in_on=TODAY - 5 * DAY)

    services.placement_move_out(placement=placement, actor=caseworker, moved_out_on=TODAY)

    placement.refresh_from_db()
    assert (placement.status, placement.ends_on) == ("ended", TODAY)


def test_a_move_out_before_the_move_in_is_refused_and_changes_nothing(household, unit,
                                                                      caseworker):
    # given a household that moved in 5 days ago
    placement = services.placement_reserve(household=household, unit=unit, actor=caseworker,
                                           starts_on=TODAY - 5 * DAY)
    services.placement_move_in(placement=placement, actor=caseworker, moved_in_on=TODAY - 5 * DAY)

    # when the move-out is dated before that
    with pytest.raises(ValidationError) as error:
        services.placement_move_out(placement=placement, actor=caseworker,
                                    moved_out_on=TODAY - 6 * DAY)

    # then
    assert "moved_out_on" in error.value.message_dict
    assert error.value.message_dict["moved_out_on"][0].startswith(
        "The move-out cannot be before the move-in")
    placement.refresh_from_db()
    assert (placement.status, placement.ends_on) == ("active", None)


def test_a_reservation_with_its_move_out_before_its_move_in_is_refused(household, unit,
                                                                       caseworker):
    with pytest.raises(ValidationError) as error:
        services.placement_reserve(household=household, unit=unit, actor=caseworker,
                                   starts_on=TODAY, ends_on=TODAY - DAY)

    assert error.value.message_dict == {"ends_on": ["The move-out cannot be before the move-in."]}
    assert not Placement.objects.exists()


def test_a_full_home_is_refused_with_the_numbers_and_nothing_is_saved(municipality, caseworker):
    # given a home for 4 where a family of 3 lives
    home = HousingUnitFactory(municipality=municipality, capacity=4, rooms=3)
    first = family(municipality, adults=2, children_ages=(8,))
    services.placement_reserve(household=first, unit=home, actor=caseworker, starts_on=TODAY)
    second = family(municipality, adults=2)

    # when another family of 2 is placed there for an overlapping period
    with pytest.raises(ValidationError) as error:
        services.placement_reserve(household=second, unit=home, actor=caseworker,
                                   starts_on=TODAY + 10 * DAY, ends_on=TODAY + 40 * DAY)

    # then
    assert error.value.messages == [
        "The home is full for those dates: 3 of its 4 places are taken, and the household is "
        "2 persons. Choose other dates or another home."]
    assert Placement.objects.filter(household=second).count() == 0


def test_a_home_can_be_reserved_for_when_the_household_living_there_moves_out(
        municipality, caseworker):
    home = HousingUnitFactory(municipality=municipality, capacity=4, rooms=3)
    first = family(municipality, adults=2, children_ages=(8, 10))
    services.placement_reserve(household=first, unit=home, actor=caseworker, starts_on=TODAY,
                               ends_on=TODAY + 30 * DAY)
    second = family(municipality, adults=2, children_ages=(3,))

    # the move-out day is the next household's move-in day: no overlap
    placement = services.placement_reserve(household=second, unit=home, actor=caseworker,
                                           starts_on=TODAY + 30 * DAY)

    assert placement.status == "reserved"


def test_a_cancelled_reservation_frees_the_places(municipality, caseworker):
    home = HousingUnitFactory(municipality=municipality, capacity=3, rooms=2)
    first = family(municipality, adults=2, children_ages=(8,))
    reservation = services.placement_reserve(household=first, unit=home, actor=caseworker,
                                             starts_on=TODAY)
    services.placement_cancel(placement=reservation, actor=caseworker)

    second = family(municipality, adults=2, children_ages=(3,))
    services.placement_reserve(household=second, unit=home, actor=caseworker, starts_on=TODAY)

    reservation.refresh_from_db()
    assert reservation.status == "cancelled"


def test_moving_in_on_another_day_than_reserved_counts_again(municipality, caseworker):
    # given a home for 4: family A reserved from day 10, family B living there until day 5
    home = HousingUnitFactory(municipality=municipality, capacity=4, rooms=3)
    b = family(municipality, adults=2, children_ages=(8,), arrival=TODAY - 60 * DAY)
    services.placement_reserve(household=b, unit=home, actor=caseworker,
                               starts_on=TODAY - 30 * DAY, ends_on=TODAY + 5 * DAY)
    a = family(municipality, adults=2)
    reservation = services.placement_reserve(household=a, unit=home, actor=caseworker,
                                             starts_on=TODAY + 10 * DAY)

    # when A is recorded as having moved in today, while B still lives there
    with pytest.raises(ValidationError) as error:
        services.placement_move_in(placement=reservation, actor=caseworker, moved_in_on=TODAY)

    # then
    assert "full" in error.value.messages[0]
    reservation.refresh_from_db()
    assert (reservation.status, reservation.starts_on) == ("reserved", TODAY + 10 * DAY)


def test_a_move_in_cannot_be_in_the_future(household, unit, caseworker):
    placement = services.placement_reserve(household=household, unit=unit, actor=caseworker,
                                           starts_on=TODAY + 3 * DAY)

    with pytest.raises(ValidationError) as error:
        services.placement_move_in(placement=placement, actor=caseworker,
                                   moved_in_on=TODAY + 3 * DAY)

    assert error.value.message_dict["moved_in_on"] == [
        "The move-in cannot be in the future. Record it on the day it happens."]


def test_temporary_housing_in_a_deprived_area_is_refused(household, municipality, caseworker):
    deprived = HousingUnitFactory(municipality=municipality, deprived_area=True)

    with pytest.raises(ValidationError) as error:
        services.placement_reserve(household=household, unit=deprived, actor=caseworker,
                                   starts_on=TODAY)

    assert "deprived area" in error.value.messages[0]


def test_a_household_holds_one_reservation_at_a_time(household, unit, permanent_unit,
                                                      caseworker):
    services.placement_reserve(household=household, unit=unit, actor=caseworker, starts_on=TODAY)

    with pytest.raises(ValidationError) as error:
        services.placement_reserve(household=household, unit=permanent_unit, actor=caseworker,
                                   starts_on=TODAY)

    assert error.value.messages == [
        "The household already has a reserved home. Cancel that reservation first."]


def test_a_closed_case_is_not_given_a_home(municipality, unit, caseworker):
    closed = family(municipality, status="closed")

    with pytest.raises(ValidationError) as error:
        services.placement_reserve(household=closed, unit=unit, actor=caseworker,
                                   starts_on=TODAY)

    assert error.value.messages == ["The case is closed: it cannot be given a home."]


def test_another_municipality_cannot_place_into_this_municipality(
        household, unit, other_caseworker, other_municipality, caseworker):
    # an actor of another municipality is refused outright
    with pytest.raises(PermissionError):
        services.placement_reserve(household=household, unit=unit, actor=other_caseworker,
                                   starts_on=TODAY)
    # and a household and a home of two municipalities cannot be joined
    foreign = HousingUnitFactory(municipality=other_municipality)
    with pytest.raises(ValidationError):
        services.placement_reserve(household=household, unit=foreign, actor=caseworker,
                                   starts_on=TODAY)
    assert not Placement.objects.exists()


def test_a_manager_reads_but_does_not_place(household, unit, manager):
    with pytest.raises(PermissionError):
        services.placement_reserve(household=household, unit=unit, actor=manager,
                                   starts_on=TODAY)


def test_the_checklist_is_made_from_the_service_frame(household, unit, caseworker,
                                                      municipality):
    # given a frame with a per-person item, a household item and one for permanent homes only
    ServiceFrameItem.objects.create(municipality=municipality, name="Seng med madras",
                                    per_person=True, position=1)
    ServiceFrameItem.objects.create(municipality=municipality, name="Spisebord", position=2)
    ServiceFrameItem.objects.create(municipality=municipality, name="Etableringspakke",
                                    for_temporary=False, for_permanent=True, position=3)

    # when a family of 3 reserves temporary housing
    placement = services.placement_reserve(household=household, unit=unit, actor=caseworker,
                                           starts_on=TODAY)

    # then
    items = list(placement.checklist.values_list("name", "quantity"))
    assert items == [("Seng med madras", 3), ("Spisebord", 1)]

    # and items are ticked off as delivered, and unticked again
    bed = placement.checklist.get(name="Seng med madras")
    services.checklist_update(placement=placement, actor=caseworker, delivered={bed.pk},
                              on=TODAY)
    assert list(placement.checklist.filter(delivered_on=TODAY).values_list("name", flat=True)) == [
        "Seng med madras"]
    services.checklist_update(placement=placement, actor=caseworker, delivered=set(), on=TODAY)
    assert not placement.checklist.filter(delivered_on__isnull=False).exists()


def test_private_lodging_needs_a_host_agreement_for_the_stay(household, municipality,
                                                             caseworker):
    host = PrivateHostFactory(municipality=municipality, agreement_signed_on=TODAY - 100 * DAY,
                              agreement_ends_on=TODAY + 20 * DAY)
    lodging = HousingUnitFactory(municipality=municipality, kind="private_lodging",
                                 landlord_kind="private_host", private_host=host)

    with pytest.raises(ValidationError) as error:
        services.placement_reserve(household=household, unit=lodging, actor=caseworker,
                                   starts_on=TODAY, ends_on=TODAY + 60 * DAY)
    assert error.value.messages == ["The agreement with the host does not cover these dates."]

    placement = services.placement_reserve(household=household, unit=lodging, actor=caseworker,
                                           starts_on=TODAY, ends_on=TODAY + 20 * DAY)
    assert placement.status == "reserved"


def test_a_lower_capacity_than_the_persons_placed_is_refused(household, unit, caseworker):
    services.placement_reserve(household=household, unit=unit, actor=caseworker, starts_on=TODAY)

    with pytest.raises(ValidationError) as error:
        services.unit_update(unit=unit, actor=caseworker, capacity=2)

    assert error.value.message_dict["capacity"][0].startswith("3 persons are placed or reserved")
    unit.refresh_from_db()
    assert unit.capacity == 4


def test_a_caseworker_of_the_municipality_may_act_on_any_of_its_cases(household, unit,
                                                                      municipality):
    colleague = UserFactory(municipality=municipality, caseworker=True)

    placement = services.placement_reserve(household=household, unit=unit, actor=colleague,
                                           starts_on=TODAY)

    assert placement.created_by == colleague
