"""Who may open which page of the employer register: staff who read cases read it (managers
too), those who work on cases change it (managers get 403), another municipality's rows do
not exist (404), and a volunteer is not even told the pages exist (404)."""

import pytest
from django.urls import reverse

from employment.models import Employer, Opening
from tests.employment.factories import EmployerFactory, OpeningFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def objects(municipality):
    employer = EmployerFactory(municipality=municipality, cvr="29189846", name="Bageriet")
    return {"employer": employer, "opening": OpeningFactory(employer=employer, title="Bager")}


def read_urls(o):
    return [
        reverse("employment:employer_list"), reverse("employment:opening_list"),
        reverse("employment:employer_detail", args=[o["employer"].pk]),
    ]


def write_urls(o):
    return [
        reverse("employment:employer_create"),
        reverse("employment:employer_edit", args=[o["employer"].pk]),
        reverse("employment:opening_create", args=[o["employer"].pk]),
        reverse("employment:opening_edit", args=[o["opening"].pk]),
    ]


def scoped_urls(o):
    """The pages of one row: another municipality's user gets 404 on them."""
    return [
        reverse("employment:employer_detail", args=[o["employer"].pk]),
        reverse("employment:employer_edit", args=[o["employer"].pk]),
        reverse("employment:opening_create", args=[o["employer"].pk]),
        reverse("employment:opening_edit", args=[o["opening"].pk]),
    ]


@pytest.mark.parametrize("role", ["caseworker", "coordinator"])
def test_those_who_work_on_cases_open_every_page(client, request, objects, role):
    client.force_login(request.getfixturevalue(role))

    for url in read_urls(objects) + write_urls(objects):
        assert client.get(url).status_code == 200, url


def test_a_manager_reads_but_may_not_change(client, manager, objects):
    # given
    client.force_login(manager)

    # when / then
    for url in read_urls(objects):
        assert client.get(url).status_code == 200, url
    for url in write_urls(objects):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"name": "X", "cvr": "10150817", "title": "X"}
                           ).status_code == 403, url
    detail = client.get(reverse("employment:employer_detail",
                                args=[objects["employer"].pk])).content.decode()
    assert reverse("employment:employer_edit", args=[objects["employer"].pk]) not in detail
    assert reverse("employment:opening_edit", args=[objects["opening"].pk]) not in detail
    assert Employer.objects.count() == 1 and Opening.objects.get().title == "Bager"


@pytest.mark.parametrize("role", ["other_caseworker", "other_manager"])
def test_another_municipalitys_staff_get_404_and_see_none_in_the_lists(
        client, request, objects, role):
    # given
    client.force_login(request.getfixturevalue(role))

    # when / then: the rows do not exist for them (a manager is refused the write pages
    # before any row is looked up)
    for url in scoped_urls(objects):
        refused = 403 if role == "other_manager" and url in write_urls(objects) else 404
        assert client.get(url).status_code == refused, url
    assert not client.get(reverse("employment:employer_list")).context["page"].object_list
    assert not client.get(reverse("employment:opening_list")).context["page"].object_list


def test_another_municipalitys_caseworker_cannot_change_a_row_by_posting(
        client, other_caseworker, objects):
    client.force_login(other_caseworker)

    response = client.post(reverse("employment:employer_edit", args=[objects["employer"].pk]),
                           {"name": "Overtaget", "cvr": "29189846", "sector": "other"})

    assert response.status_code == 404
    assert Employer.objects.get().name == "Bageriet"


def test_a_volunteer_is_told_no_page_exists(client, volunteer, objects):
    client.force_login(volunteer)

    for url in read_urls(objects) + write_urls(objects):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"name": "X"}).status_code == 404, url


def test_an_anonymous_visitor_is_sent_to_log_in(client, objects):
    for url in read_urls(objects) + write_urls(objects):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url
