"""Persons: CPR numbers checked for format and date, never for modulus 11; duplicates warned."""

from datetime import date

import pytest
from django.urls import reverse

from integration_portal.audit.models import AuditEvent
from reception import services
from reception.models import Person

pytestmark = pytest.mark.django_db


def _form(data: dict) -> dict:
    form = {k: v for k, v in data.items() if k != "languages"}
    form["birth_date"] = data["birth_date"].isoformat() if data.get("birth_date") else ""
    form["languages"] = data.get("languages", [])
    form.setdefault("literacy", "unknown")
    return form


def test_a_caseworker_adds_a_person_with_a_cpr_number_failing_modulus_11(
    client, household, caseworker, adult_data
):
    # given a CPR number with a 1 January birth date that fails the modulus 11 check
    data = {**adult_data, "cpr": "010190-1234", "birth_date": date(1990, 1, 1)}
    client.force_login(caseworker)

    # when it is submitted
    response = client.post(reverse("reception:person_add", args=[household.pk]), _form(data))

    # then the person is saved
    assert response.status_code == 302
    assert Person.objects.get().cpr == "010190-1234"


def test_an_invalid_cpr_number_keeps_what_was_typed_and_saves_nothing(
    client, household, caseworker, adult_data
):
    client.force_login(caseworker)
    data = {**adult_data, "cpr": "310290-1234", "first_name": "Rania"}  # 31 February

    response = client.post(reverse("reception:person_add", args=[household.pk]), _form(data))

    assert response.status_code == 200
    assert "cpr" in response.context["form"].errors
    content = response.content.decode()
    assert "Rania" in content and "310290-1234" in content
    assert not Person.objects.exists()


def test_the_birth_date_is_taken_from_the_cpr_number_when_left_empty(
    client, household, caseworker, adult_data
):
    client.force_login(caseworker)
    data = {**adult_data, "birth_date": None}

    client.post(reverse("reception:person_add", args=[household.pk]), _form(data))

    assert Person.objects.get().birth_date == date(1985, 3, 14)


def test_a_cpr_number_already_in_the_municipality_warns_with_a_link(
    client, household, caseworker, adult_data, municipality, notice_data
):
    # given the CPR number is registered on another case
    other = services.notice_register(municipality=municipality, actor=caseworker, **notice_data)
    services.person_add(household=other, actor=caseworker, **adult_data)
    client.force_login(caseworker)

    # when it is entered again
    response = client.post(reverse("reception:person_add", args=[household.pk]),
                           _form(adult_data))

    # then the form warns, links to the other case and saves nothing
    assert response.status_code == 200
    assert reverse("reception:case_detail", args=[other.pk]) in response.content.decode()
    assert Person.objects.filter(household=household).count() == 0

    # and when the caseworker confirms, it is saved
    response = client.post(reverse("reception:person_add", args=[household.pk]),
                           {**_form(adult_data), "confirm_duplicate_cpr": "on"})
    assert response.status_code == 302
    assert Person.objects.filter(household=household).count() == 1


def test_viewing_a_persons_page_is_audit_logged(client, household, caseworker, adult_data):
    person = services.person_add(household=household, actor=caseworker, **adult_data)
    client.force_login(caseworker)

    response = client.get(reverse("reception:person_detail", args=[household.pk, person.pk]))

    assert response.status_code == 200
    assert AuditEvent.objects.filter(action="view", object_type="reception.person",
                                     object_id=str(person.pk), actor=caseworker).exists()


def test_changing_a_person_records_which_fields_changed(household, caseworker, adult_data):
    person = services.person_add(household=household, actor=caseworker, **adult_data)

    services.person_update(person=person, actor=caseworker, phone="+45 12 34 56 78")

    event = AuditEvent.objects.filter(action="update", object_type="reception.person").get()
    assert event.changed_fields == ["phone"]
    assert "12 34" not in str(event.summary)
