"""Who reaches the measure pages: caseworkers of the municipality work on them; managers read
them and get 403 on every write; another municipality's staff get 404; volunteers get 404
everywhere; anonymous users are sent to log in."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from employment.models import Measure
from tests.employment.factories import MeasureFactory
from tests.factories import HouseholdFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(municipality):
    return PersonFactory(household=HouseholdFactory(municipality=municipality),
                         birth_date=date(1995, 5, 1))


@pytest.fixture
def measure(person):
    return MeasureFactory(person=person, starts_on=timezone.localdate())


def read_urls(person, measure):
    return [reverse("employment:person", args=[person.pk]),
            reverse("employment:measure_detail", args=[measure.pk])]


def write_urls(person, measure):
    return [reverse("employment:measure_plan", args=[person.pk])] + [
        reverse(f"employment:{name}", args=[measure.pk])
        for name in ("measure_edit", "measure_start", "measure_cancel")]


WRITE_DATA = {"started_on": "2026-01-05", "reason": "Fejl.", "hours_per_week": "5",
              "starts_on": "2026-01-05", "employer_name": "X"}


def assert_unchanged(measure):
    measure.refresh_from_db()
    assert (measure.status, measure.hours_per_week) == ("planned", 20)
    assert Measure.objects.count() == 1


def test_a_caseworker_reaches_every_page(client, caseworker, person, measure):
    client.force_login(caseworker)
    for url in [*read_urls(person, measure), *write_urls(person, measure),
                reverse("employment:measure_list")]:
        assert client.get(url).status_code == 200, url


def test_a_volunteer_gets_404_everywhere(client, volunteer, person, measure):
    client.force_login(volunteer)
    for url in [*read_urls(person, measure), *write_urls(person, measure),
                reverse("employment:measure_list"),
                reverse("employment:measure_end", args=[measure.pk])]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, WRITE_DATA).status_code == 404, url
    assert_unchanged(measure)


def test_another_municipalitys_caseworker_gets_404(client, other_caseworker, person,
                                                   measure):
    client.force_login(other_caseworker)
    for url in [*read_urls(person, measure), *write_urls(person, measure),
                reverse("employment:measure_end", args=[measure.pk])]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, WRITE_DATA).status_code == 404, url
    listed = client.get(reverse("employment:measure_list"))
    assert list(listed.context["page"].object_list) == []
    assert_unchanged(measure)


def test_another_municipalitys_manager_gets_404_on_the_pages(client, other_manager, person,
                                                             measure):
    client.force_login(other_manager)
    for url in read_urls(person, measure):
        assert client.get(url).status_code == 404, url


def test_a_manager_reads_but_gets_403_on_every_write(client, manager, person, measure):
    client.force_login(manager)

    for url in [*read_urls(person, measure), reverse("employment:measure_list")]:
        assert client.get(url).status_code == 200, url
    for url in [*write_urls(person, measure),
                reverse("employment:measure_end", args=[measure.pk])]:
        assert client.get(url).status_code == 403, url
        assert client.post(url, WRITE_DATA).status_code == 403, url

    # and the pages offer no action
    person_page = client.get(read_urls(person, measure)[0]).content.decode()
    detail_page = client.get(read_urls(person, measure)[1]).content.decode()
    assert reverse("employment:measure_plan", args=[person.pk]) not in person_page
    for url in write_urls(person, measure)[1:]:
        assert url not in detail_page
    assert_unchanged(measure)


def test_an_anonymous_user_is_sent_to_log_in(client, person, measure):
    for url in [*read_urls(person, measure), *write_urls(person, measure),
                reverse("employment:measure_list")]:
        response = client.get(url)
        assert response.status_code == 302
        assert "/login/" in response["Location"]
