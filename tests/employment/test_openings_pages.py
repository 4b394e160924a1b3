"""Openings through the pages: added from the employer's page, changed (also filled or
closed), and listed with a filter by kind and language. Bad input keeps what was typed."""

import re

import pytest
from django.urls import reverse

from employment.models import Opening
from employment.selectors.employers import employer_choices, opening_choices
from tests.employment.factories import EmployerFactory, OpeningFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


@pytest.fixture
def employer(municipality):
    return EmployerFactory(municipality=municipality, name="Lejre Bageri ApS", cvr="29189846")


def opening_data(**overrides):
    data = {"kind": "igu", "title": "Bagerlærling", "hours_per_week": "22.5",
            "languages": ["ar", "ti"], "places": "2", "available_from": "2026-09-01",
            "description": "Morgenhold fra kl. 5."}
    return {**data, **overrides}


def test_a_caseworker_adds_an_opening(client, caseworker, employer):
    # given
    client.force_login(caseworker)

    # when
    response = client.post(reverse("employment:opening_create", args=[employer.pk]),
                           opening_data())

    # then
    assert response.status_code == 302
    assert response["Location"] == reverse("employment:employer_detail", args=[employer.pk])
    opening = Opening.objects.get()
    assert (opening.employer, opening.municipality_id, opening.status, str(
        opening.hours_per_week), opening.languages) == (
        employer, employer.municipality_id, "open", "22.5", ["ar", "ti"])


def test_the_languages_are_a_list_of_labelled_checkboxes(client, caseworker, employer):
    client.force_login(caseworker)

    page = client.get(reverse("employment:opening_create", args=[employer.pk])
                      ).content.decode()

    assert '<legend class="form-label">Languages at the workplace' in page
    assert 'type="checkbox" name="languages" value="ar"' in page
    assert 'name="languages" value="da"' not in page  # Danish is spoken at every workplace
    assert 'name="status"' not in page  # a new opening is open


@pytest.mark.parametrize(("hours", "message"), [
    ("38", "An opening has at most 37 hours a week, the full work duty."),
    ("0", "Enter at least 1 hour a week."),
    ("many", "Enter a number."),
])
def test_bad_hours_are_refused_on_the_field_and_the_typing_kept(client, caseworker, employer,
                                                               hours, message):
    client.force_login(caseworker)

    response = client.post(reverse("employment:opening_create", args=[employer.pk]),
                           opening_data(hours_per_week=hours))

    assert response.status_code == 200
    assert response.context["form"].errors == {"hours_per_week": [message]}
    page = response.content.decode()
    assert f'value="{hours}"' in page and "Bagerlærling" in page
    assert "Morgenhold fra kl. 5." in page
    assert not Opening.objects.exists()


def test_a_refused_opening_keeps_the_languages_ticked(client, caseworker, employer):
    client.force_login(caseworker)

    response = client.post(reverse("employment:opening_create", args=[employer.pk]),
                           opening_data(title=""))

    form = response.context["form"]
    assert list(form.errors) == ["title"]
    assert form["languages"].value() == ["ar", "ti"]
    checked = [w.data["value"] for w in form["languages"].subwidgets
               if w.data["selected"]]
    assert checked == ["ar", "ti"]
    page = response.content.decode()
    assert re.search(r'name="languages" value="ti"[^>]* checked', page)
    assert not re.search(r'name="languages" value="en"[^>]* checked', page)


def test_an_inactive_employer_gets_no_new_opening(client, caseworker, municipality):
    employer = EmployerFactory(municipality=municipality, cvr="10150817", is_active=False)
    client.force_login(caseworker)

    response = client.post(reverse("employment:opening_create", args=[employer.pk]),
                           opening_data())

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "The employer is inactive. Make it active again before adding an opening."]
    assert not Opening.objects.exists()


def test_a_caseworker_marks_an_opening_filled(client, caseworker, employer):
    # given
    opening = OpeningFactory(employer=employer, title="Bager", languages=["en"])
    client.force_login(caseworker)

    # when
    response = client.post(reverse("employment:opening_edit", args=[opening.pk]),
                           opening_data(title="Bager", status="filled", languages=["en"]))

    # then
    assert response.status_code == 302
    opening.refresh_from_db()
    assert (opening.status, opening.kind) == ("filled", "igu")


def test_the_edit_form_shows_the_saved_opening(client, caseworker, employer):
    opening = OpeningFactory(employer=employer, title="Bager", languages=["so"])
    client.force_login(caseworker)

    response = client.get(reverse("employment:opening_edit", args=[opening.pk]))

    form = response.context["form"]
    assert form["languages"].value() == ["so"]
    assert form["status"].value() == "open"
    assert 'value="Bager"' in response.content.decode()


def test_the_open_openings_are_listed_and_filtered_by_kind_and_language(
        client, caseworker, municipality, other_municipality, employer):
    # given
    OpeningFactory(employer=employer, title="Bager", kind="igu", languages=["ar", "en"])
    OpeningFactory(employer=employer, title="Opvasker", kind="small_job", languages=["ti"])
    OpeningFactory(employer=employer, title="Kok", kind="igu", status="filled",
                   languages=["ar"])
    inactive = EmployerFactory(municipality=municipality, cvr="10150817", is_active=False)
    OpeningFactory(employer=inactive, title="Lagerhjælper", kind="igu", languages=["ar"])
    OpeningFactory(employer=EmployerFactory(municipality=other_municipality,
                                            cvr="25313763"), title="Vejen", kind="igu")
    client.force_login(caseworker)
    url = reverse("employment:opening_list")

    def titles(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return [opening.title for opening in response.context["page"].object_list]

    # when / then
    assert titles() == ["Bager", "Opvasker"]
    assert titles(kind="igu") == ["Bager"]
    assert titles(language="ti") == ["Opvasker"]
    assert titles(language="ar", kind="small_job") == []
    page = client.get(url).content.decode()
    assert "Arabic, English" in page and "Lejre Bageri ApS" in page


def test_the_opening_list_costs_the_same_queries_for_many(
        client, caseworker, municipality, django_assert_max_num_queries):
    for n in range(5):
        employer = EmployerFactory(municipality=municipality,
                                   cvr=["29189846", "10150817", "25313763", "35954716",
                                        "13612870"][n])
        for _ in range(4):
            OpeningFactory(employer=employer)
    client.force_login(caseworker)

    with django_assert_max_num_queries(6):
        response = client.get(reverse("employment:opening_list"))

    assert len(response.context["page"].object_list) == 20


def test_the_choices_for_the_measure_form_are_active_employers_and_open_openings(
        caseworker, municipality, other_municipality, employer,
        django_assert_num_queries):
    # given
    inactive = EmployerFactory(municipality=municipality, cvr="10150817", is_active=False)
    EmployerFactory(municipality=other_municipality, cvr="25313763")
    bager = OpeningFactory(employer=employer, title="Bager")
    OpeningFactory(employer=employer, title="Kok", status="closed")
    OpeningFactory(employer=inactive, title="Lagerhjælper")

    # when / then
    assert list(employer_choices(viewer=caseworker)) == [employer]
    with django_assert_num_queries(1):
        labels = [str(opening) for opening in opening_choices(viewer=caseworker)]
    assert labels == [str(bager)] == ["Bager (Lejre Bageri ApS)"]
