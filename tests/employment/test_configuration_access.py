"""Who reaches the employment configuration: caseworkers and managers read the rules and the
kinds, only managers change them, a national kind or another municipality's kind is not found,
and a volunteer is not even told the pages exist."""

import pytest
from django.urls import reverse

from employment.services.configuration import measure_type_create
from tests.employment.factories import measure_type

pytestmark = pytest.mark.django_db

READ = ["employment:rules", "employment:measure_types"]
WRITE = ["employment:rules_new", "employment:measure_type_create"]


@pytest.fixture
def own_kind(municipality, manager):
    return measure_type_create(municipality=municipality, actor=manager, name="Lejres jobtræning",
                               category="job_training")


def all_urls(kind) -> list[str]:
    return [*(reverse(name) for name in READ + WRITE),
            reverse("employment:measure_type_edit", args=[kind.pk])]


def test_a_volunteer_is_not_told_the_pages_exist(client, volunteer, own_kind):
    client.force_login(volunteer)

    for url in all_urls(own_kind):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"name": "x"}).status_code == 404, url


def test_an_anonymous_visitor_is_sent_to_log_in(client, own_kind):
    for url in all_urls(own_kind):
        response = client.get(url)
        assert response.status_code == 302 and "login" in response.url, url


@pytest.mark.parametrize("who", ["caseworker", "coordinator"])
def test_staff_working_on_cases_read_but_do_not_change(request, client, own_kind, who):
    client.force_login(request.getfixturevalue(who))

    for name in READ:
        assert client.get(reverse(name)).status_code == 200, name
    for url in [*(reverse(name) for name in WRITE),
                reverse("employment:measure_type_edit", args=[own_kind.pk])]:
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"name": "x"}).status_code == 403, url


def test_a_manager_reaches_every_page(client, manager, own_kind):
    client.force_login(manager)

    for url in all_urls(own_kind):
        assert client.get(url).status_code == 200, url


def test_another_municipalitys_manager_does_not_find_the_kind(client, other_manager, own_kind):
    client.force_login(other_manager)
    url = reverse("employment:measure_type_edit", args=[own_kind.pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "Overtaget", "category": "other",
                             "position": "0"}).status_code == 404
    own_kind.refresh_from_db()
    assert own_kind.name == "Lejres jobtræning"


def test_another_municipalitys_manager_does_not_see_the_kind_listed(client, other_manager,
                                                                     own_kind):
    client.force_login(other_manager)

    response = client.get(reverse("employment:measure_types"))

    assert list(response.context["own"]) == []
    assert "Lejres jobtræning" not in response.content.decode()


def test_a_national_kind_cannot_be_edited(client, manager):
    client.force_login(manager)
    url = reverse("employment:measure_type_edit", args=[measure_type("igu").pk])

    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "IGU", "category": "igu", "position": "0"}
                       ).status_code == 404
