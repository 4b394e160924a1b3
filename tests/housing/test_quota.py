"""The yearly quota per category, against the persons received counted from the cases."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from housing import services
from housing.selectors import quota_overview
from tests.housing.conftest import family

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year


@pytest.fixture
def arrivals(municipality, other_municipality):
    # this year: a refugee family of 3, a Ukrainian mother and child, a family-reunified
    # person (not counted); last year and announced households: not counted either
    this_year = datetime.date(YEAR, 1, 15)
    family(municipality, adults=2, children_ages=(6,), arrival=this_year)
    family(municipality, adults=1, children_ages=(9,), arrival=this_year,
           basis="ukrainian_special_act")
    family(municipality, adults=1, arrival=this_year, basis="family_reunified")
    family(municipality, adults=2, arrival=datetime.date(YEAR - 1, 12, 31))
    announced = family(municipality, adults=1, status="announced")
    announced.arrival_date = None
    announced.save()
    family(other_municipality, adults=4, arrival=this_year)


def test_persons_received_are_counted_by_arrival_year_and_residence_basis(
        municipality, manager, arrivals):
    # given quotas for this year
    services.quota_set(municipality=municipality, actor=manager, year=YEAR,
                       category="refugees", persons=12, note="KKR Sjælland")
    services.quota_set(municipality=municipality, actor=manager, year=YEAR,
                       category="ukrainian", persons=20)

    # when
    rows = {row.category: row for row in quota_overview(municipality_id=municipality.pk,
                                                         year=YEAR)}

    # then
    assert (rows["refugees"].quota, rows["refugees"].received, rows["refugees"].remaining) == (
        12, 3, 9)
    assert (rows["ukrainian"].quota, rows["ukrainian"].received, rows["ukrainian"].percent) == (
        20, 2, 10)
    assert rows["refugees"].note == "KKR Sjælland"


def test_a_year_without_a_quota_shows_the_persons_received(municipality, arrivals):
    rows = quota_overview(municipality_id=municipality.pk, year=YEAR)

    assert [(row.quota, row.received, row.remaining) for row in rows] == [
        (None, 3, None), (None, 2, None)]


def test_setting_the_quota_again_changes_it(municipality, manager):
    services.quota_set(municipality=municipality, actor=manager, year=YEAR,
                       category="refugees", persons=12)
    services.quota_set(municipality=municipality, actor=manager, year=YEAR,
                       category="refugees", persons=15)

    rows = quota_overview(municipality_id=municipality.pk, year=YEAR)
    assert rows[0].quota == 15


def test_a_caseworker_cannot_set_the_quota(municipality, caseworker):
    with pytest.raises(PermissionError):
        services.quota_set(municipality=municipality, actor=caseworker, year=YEAR,
                           category="refugees", persons=12)


def test_the_manager_sets_the_quota_on_its_page(pages_in_english, manager, municipality,
                                                arrivals):
    pages_in_english.force_login(manager)

    response = pages_in_english.post(
        reverse("housing:quota_edit"),
        {"year": YEAR, "category": "refugees", "persons": "12", "note": ""}, follow=True)

    assert response.redirect_chain[-1][0] == f"{reverse('housing:quota')}?year={YEAR}"
    refugees = response.context["rows"][0]
    assert (refugees.quota, refugees.received) == (12, 3)


def test_a_negative_quota_is_refused_and_kept(pages_in_english, manager):
    pages_in_english.force_login(manager)

    response = pages_in_english.post(reverse("housing:quota_edit"), {
        "year": YEAR, "category": "refugees", "persons": "-4", "note": "KKR"})

    assert response.status_code == 200
    assert response.context["form"].errors["persons"]
    assert 'value="-4"' in response.content.decode()

