"""Adding and changing an employer through the pages. Bad input keeps everything typed,
puts a clear message on the field it is about, and saves nothing."""

import pytest
from django.urls import reverse

from employment.models import Employer
from tests.employment.factories import EmployerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def employer_data(**overrides):
    data = {
        "name": "Lejre Bageri ApS", "cvr": "DK 29 18 98 46", "sector": "hospitality",
        "address": "Algade 12", "postcode": "4320", "city": "Lejre",
        "contact_name": "Hanne Holm", "contact_phone": "46 40 12 12",
        "contact_email": "hanne@lejrebageri.example", "in_network": "on",
        "network_joined_on": "2025-03-01", "note": "Tager gerne imod i sprogpraktik.",
        "is_active": "on",
    }
    return {**data, **overrides}


def test_a_caseworker_adds_an_employer(client, caseworker):
    # given
    client.force_login(caseworker)

    # when
    response = client.post(reverse("employment:employer_create"), employer_data())

    # then
    employer = Employer.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("employment:employer_detail", args=[employer.pk])
    assert (employer.municipality, employer.cvr, employer.in_network, str(
        employer.network_joined_on)) == (caseworker.municipality, "29189846", True, "2025-03-01")


def test_the_form_page_labels_every_field(client, caseworker):
    client.force_login(caseworker)

    response = client.get(reverse("employment:employer_create"))

    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1>") == 1
    for name in ("name", "cvr", "contact_email", "network_joined_on"):
        assert f'<label class="form-label" for="id_{name}">' in page


def _assert_kept(page):
    for typed in ("Lejre Bageri ApS", "Algade 12", "hanne@lejrebageri.example",
                  "Tager gerne imod i sprogpraktik."):
        assert typed in page


@pytest.mark.parametrize(("cvr", "message"), [
    ("12345678", "12345678 is not a valid CVR number: check the digits."),
    ("1234567", "A CVR number is 8 digits, for example 29189846."),
    ("abcdefgh", "A CVR number is 8 digits, for example 29189846."),
    ("01234560", "A CVR number never starts with 0."),
])
def test_an_invalid_cvr_is_refused_on_the_field_and_the_typing_kept(client, caseworker, cvr,
                                                                    message):
    client.force_login(caseworker)

    response = client.post(reverse("employment:employer_create"), employer_data(cvr=cvr))

    assert response.status_code == 200
    assert response.context["form"].errors == {"cvr": [message]}
    page = response.content.decode()
    assert f'value="{cvr}"' in page
    _assert_kept(page)
    assert '<div class="alert alert-error"' in page  # the error summary
    assert not Employer.objects.exists()


def test_a_duplicate_cvr_is_refused_on_the_field(client, caseworker, municipality):
    # given
    EmployerFactory(municipality=municipality, cvr="29189846", name="Bageriet")
    client.force_login(caseworker)

    # when
    response = client.post(reverse("employment:employer_create"), employer_data())

    # then
    assert response.context["form"].errors == {
        "cvr": ["An employer with this CVR number is already in the register."]}
    _assert_kept(response.content.decode())
    assert Employer.objects.count() == 1


def test_a_network_date_without_membership_is_refused_on_the_date(client, caseworker):
    client.force_login(caseworker)

    response = client.post(reverse("employment:employer_create"),
                           employer_data(in_network=""))

    assert response.context["form"].errors == {
        "network_joined_on": ["Only a member of the network has a date of joining it."]}
    page = response.content.decode()
    assert 'value="2025-03-01"' in page
    _assert_kept(page)
    assert not Employer.objects.exists()


def test_a_missing_name_and_a_bad_email_are_both_shown(client, caseworker):
    client.force_login(caseworker)

    response = client.post(reverse("employment:employer_create"),
                           employer_data(name="", contact_email="hanne@"))

    assert set(response.context["form"].errors) == {"name", "contact_email"}
    assert not Employer.objects.exists()


def test_a_caseworker_changes_an_employer(client, caseworker, municipality):
    # given
    employer = EmployerFactory(municipality=municipality, cvr="29189846", name="Bageriet")
    client.force_login(caseworker)

    # when
    response = client.post(reverse("employment:employer_edit", args=[employer.pk]),
                           employer_data(name="Lejre Bageri A/S", cvr="29189846"))

    # then
    assert response.status_code == 302
    employer.refresh_from_db()
    assert (employer.name, employer.contact_phone) == ("Lejre Bageri A/S", "46 40 12 12")


def test_the_edit_form_shows_the_saved_values(client, caseworker, municipality):
    employer = EmployerFactory(municipality=municipality, cvr="29189846", name="Bageriet",
                               contact_email="bager@bageriet.example")
    client.force_login(caseworker)

    page = client.get(reverse("employment:employer_edit", args=[employer.pk])).content.decode()

    assert 'value="29189846"' in page and 'value="bager@bageriet.example"' in page


def test_a_refused_change_keeps_the_typing_and_the_saved_name_in_the_heading(
        client, caseworker, municipality):
    # given
    employer = EmployerFactory(municipality=municipality, cvr="29189846", name="Bageriet")
    client.force_login(caseworker)

    # when
    response = client.post(reverse("employment:employer_edit", args=[employer.pk]),
                           employer_data(cvr="29189847"))

    # then
    assert list(response.context["form"].errors) == ["cvr"]
    page = response.content.decode()
    assert "<h1>Change Bageriet</h1>" in page
    _assert_kept(page)
    employer.refresh_from_db()
    assert (employer.name, employer.cvr) == ("Bageriet", "29189846")
