"""Roles map to permissions in one table; a volunteer can never also be staff."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from integration_portal.accounts.permissions import Perm, Role, can, permissions_of
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_each_role_has_exactly_its_permissions(municipality):
    # given one user per role
    caseworker = UserFactory(municipality=municipality, caseworker=True)
    coordinator = UserFactory(municipality=municipality, coordinator=True)
    manager = UserFactory(municipality=municipality, manager=True)
    volunteer = UserFactory(municipality=municipality, volunteer=True)

    # then each holds its permissions and no others
    assert permissions_of(caseworker) == {Perm.VIEW_CASES, Perm.WORK_ON_CASES}
    assert permissions_of(coordinator) == {
        Perm.VIEW_CASES, Perm.WORK_ON_CASES, Perm.COORDINATE_VOLUNTEERS,
    }
    assert permissions_of(manager) == {
        Perm.VIEW_CASES, Perm.VIEW_REPORTS, Perm.VIEW_STAFF, Perm.MANAGE_MUNICIPALITY,
        Perm.VIEW_AUDIT,
    }
    assert permissions_of(volunteer) == {Perm.VOLUNTEER_TASKS}
    assert caseworker.roles == {Role.CASEWORKER}


def test_a_user_with_several_roles_holds_the_union(municipality):
    # given a caseworker who also manages
    user = UserFactory(municipality=municipality, caseworker=True, is_manager=True)

    # then both roles' permissions apply
    assert can(user, Perm.WORK_ON_CASES)
    assert can(user, Perm.VIEW_REPORTS)
    assert not can(user, Perm.VOLUNTEER_TASKS)


def test_an_inactive_user_holds_no_permission(municipality):
    user = UserFactory(municipality=municipality, caseworker=True, is_active=False)

    assert permissions_of(user) == frozenset()


def test_a_volunteer_cannot_also_be_a_caseworker_by_validation(municipality):
    # given a volunteer given a staff role
    user = UserFactory.build(municipality=municipality, volunteer=True, is_caseworker=True)

    # when validated, then it is refused
    with pytest.raises(ValidationError):
        user.full_clean()


def test_a_volunteer_cannot_also_be_a_manager_in_the_database(municipality):
    # given a saved volunteer
    user = UserFactory(municipality=municipality, volunteer=True)

    # when a staff role is written past validation, then the database refuses it
    user.is_manager = True
    with pytest.raises(IntegrityError):
        user.save()
