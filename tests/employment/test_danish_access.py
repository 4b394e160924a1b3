"""Who reaches the Danish education pages: caseworkers and coordinators of the municipality;
managers read the list but change nothing (403); a volunteer is not told the pages exist
(404); another municipality's education and persons do not exist (404)."""

import pytest
from django.urls import reverse

from employment.models import DanishEducation, DanishTestResult
from tests.employment.factories import DanishEducationFactory
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def education(municipality):
    person = PersonFactory(household=HouseholdFactory(municipality=municipality))
    return DanishEducationFactory(person=person)


def work_urls(education):
    return [reverse("employment:danish_create", args=[education.person_id]),
            reverse("employment:danish_edit", args=[education.pk]),
            reverse("employment:danish_test_add", args=[education.pk])]


def test_caseworkers_and_coordinators_open_every_page(client, caseworker, coordinator,
                                                      education):
    for user in (caseworker, coordinator):
        client.force_login(user)
        for url in [reverse("employment:danish_list"), *work_urls(education)]:
            assert client.get(url).status_code == 200, url


def test_a_manager_reads_the_list_but_changes_nothing(client, manager, education):
    client.force_login(manager)

    assert client.get(reverse("employment:danish_list")).status_code == 200
    for url in work_urls(education):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"provider": "X", "test": "PD1"}).status_code == 403, url
    assert DanishEducation.objects.count() == 1
    assert not DanishTestResult.objects.exists()


def test_a_volunteer_is_not_told_the_pages_exist(client, volunteer, education):
    client.force_login(volunteer)

    for url in [reverse("employment:danish_list"), *work_urls(education)]:
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url


def test_another_municipalitys_education_and_person_do_not_exist(client, other_caseworker,
                                                                  education):
    client.force_login(other_caseworker)

    for url in work_urls(education):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"provider": "X"}).status_code == 404, url
    # and their list does not show it
    listed = client.get(reverse("employment:danish_list")).context["page"].object_list
    assert list(listed) == []


def test_another_municipalitys_manager_sees_none_of_it(client, other_manager, education):
    client.force_login(other_manager)

    listed = client.get(reverse("employment:danish_list")).context["page"].object_list

    assert list(listed) == []


def test_anonymous_visitors_are_sent_to_log_in(client, education):
    for url in [reverse("employment:danish_list"), *work_urls(education)]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert "login" in response["Location"]
