"""Writing the employer register: caseworkers and coordinators add and change employers and
openings, every write is audit-logged without names, and managers only read."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from employment.models import Employer, Opening
from employment.services.employers import (
    employer_create,
    employer_update,
    opening_create,
    opening_update,
)
from integration_portal.audit.models import AuditEvent
from tests.employment.factories import EmployerFactory, OpeningFactory

pytestmark = pytest.mark.django_db


def test_a_caseworker_adds_an_employer_and_the_write_is_audited(municipality, caseworker):
    # when
    employer = employer_create(
        municipality=municipality, actor=caseworker, name="Lejre Bageri ApS", cvr="29189846",
        sector="hospitality", contact_name="Hanne Holm", in_network=True,
        network_joined_on=datetime.date(2025, 3, 1),
    )

    # then
    assert (employer.municipality, employer.in_network, employer.is_active) == (
        municipality, True, True)
    event = AuditEvent.objects.get()
    assert (event.actor, event.action, event.object_id) == (caseworker, "create",
                                                          str(employer.pk))
    assert event.trail == f"employment.employer:{employer.pk}"  # not a case's trail
    assert "Hanne" not in event.summary and "Lejre Bageri" not in event.summary


def test_a_coordinator_may_write_too(municipality, coordinator):
    employer = employer_create(municipality=municipality, actor=coordinator, name="Kroen",
                               cvr="10150817")

    assert Employer.objects.get() == employer


def test_a_change_is_audited_with_the_fields_changed(municipality, caseworker):
    # given
    employer = EmployerFactory(municipality=municipality, cvr="29189846")

    # when
    employer_update(employer=employer, actor=caseworker, contact_phone="46 40 00 00",
                    in_network=True)

    # then
    event = AuditEvent.objects.get()
    assert (event.action, event.changed_fields) == ("update", ["contact_phone", "in_network"])


def test_saving_without_a_change_writes_no_audit_event(municipality, caseworker):
    employer = EmployerFactory(municipality=municipality, cvr="29189846")

    employer_update(employer=employer, actor=caseworker, name=employer.name)

    assert not AuditEvent.objects.exists()


def test_a_network_date_without_membership_is_refused_on_the_date(municipality, caseworker):
    with pytest.raises(ValidationError) as refused:
        employer_create(municipality=municipality, actor=caseworker, name="Kroen",
                        cvr="10150817", in_network=False,
                        network_joined_on=datetime.date(2025, 3, 1))

    assert refused.value.message_dict == {
        "network_joined_on": ["Only a member of the network has a date of joining it."]}
    assert not Employer.objects.exists()


def test_a_refused_change_leaves_the_callers_employer_as_saved(municipality, caseworker):
    # given
    employer = EmployerFactory(municipality=municipality, cvr="29189846", name="Kroen")

    # when
    with pytest.raises(ValidationError):
        employer_update(employer=employer, actor=caseworker, name="", cvr="1")

    # then the page can still show the employer's saved name
    assert (employer.name, employer.cvr) == ("Kroen", "29189846")


def test_a_manager_may_not_write(municipality, manager):
    employer = EmployerFactory(municipality=municipality, cvr="29189846")
    opening = OpeningFactory(employer=employer)

    with pytest.raises(PermissionError):
        employer_create(municipality=municipality, actor=manager, name="Kroen", cvr="10150817")
    with pytest.raises(PermissionError):
        employer_update(employer=employer, actor=manager, name="Kroen")
    with pytest.raises(PermissionError):
        opening_create(employer=employer, actor=manager, kind="internship", title="Kok",
                       hours_per_week=Decimal(20))
    with pytest.raises(PermissionError):
        opening_update(opening=opening, actor=manager, status="filled")
    assert not AuditEvent.objects.exists()


def test_another_municipalitys_caseworker_may_not_write(municipality, other_caseworker):
    employer = EmployerFactory(municipality=municipality, cvr="29189846")

    with pytest.raises(PermissionError):
        employer_update(employer=employer, actor=other_caseworker, name="Kroen")
    with pytest.raises(PermissionError):
        opening_create(employer=employer, actor=other_caseworker, kind="internship",
                       title="Kok", hours_per_week=Decimal(20))


def test_an_opening_belongs_to_the_employers_municipality_and_is_audited(
        municipality, caseworker):
    # given
    employer = EmployerFactory(municipality=municipality, cvr="29189846")

    # when
    opening = opening_create(employer=employer, actor=caseworker, kind="igu",
                             title="Bagerlærling", hours_per_week=Decimal("37"),
                             languages=["en", "ar", "ar"], places=2)

    # then
    assert (opening.municipality_id, opening.status) == (municipality.pk, "open")
    assert opening.languages == ["en", "ar"]  # once each, in the list's order
    event = AuditEvent.objects.get()
    assert (event.action, event.trail) == ("create", f"employment.opening:{opening.pk}")


def test_an_opening_over_37_hours_a_week_is_refused(municipality, caseworker):
    employer = EmployerFactory(municipality=municipality, cvr="29189846")

    with pytest.raises(ValidationError) as refused:
        opening_create(employer=employer, actor=caseworker, kind="internship", title="Kok",
                       hours_per_week=Decimal("37.5"))

    assert list(refused.value.message_dict) == ["hours_per_week"]
    assert not Opening.objects.exists()


def test_unknown_languages_are_refused(municipality, caseworker):
    employer = EmployerFactory(municipality=municipality, cvr="29189846")

    with pytest.raises(ValidationError) as refused:
        opening_create(employer=employer, actor=caseworker, kind="internship", title="Kok",
                       hours_per_week=Decimal(20), languages=["Klingon"])

    assert refused.value.message_dict == {"languages": ["Choose the languages from the list."]}


def test_an_inactive_employer_gets_no_new_opening(municipality, caseworker):
    employer = EmployerFactory(municipality=municipality, cvr="29189846", is_active=False)

    with pytest.raises(ValidationError):
        opening_create(employer=employer, actor=caseworker, kind="internship", title="Kok",
                       hours_per_week=Decimal(20))

    assert not Opening.objects.exists()


def test_filling_an_opening_is_a_change_of_its_status(municipality, caseworker):
    # given
    opening = OpeningFactory(employer=EmployerFactory(municipality=municipality,
                                                      cvr="29189846"))

    # when
    opening_update(opening=opening, actor=caseworker, status="filled")

    # then
    opening.refresh_from_db()
    assert opening.status == "filled"
    event = AuditEvent.objects.get()
    assert (event.summary, event.changed_fields) == ("Opening filled", ["status"])


def test_an_unknown_field_is_a_programming_error(municipality, caseworker):
    with pytest.raises(TypeError):
        employer_create(municipality=municipality, actor=caseworker, name="Kroen",
                        cvr="10150817", municipality_id=1)
