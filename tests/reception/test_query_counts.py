"""Pages cost the same number of queries for 5 cases as for 50."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import HouseholdFactory, MilestoneFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _cases(municipality, caseworker, count):
    today = timezone.localdate()
    for n in range(count):
        household = HouseholdFactory(municipality=municipality, caseworker=caseworker,
                                     status="announced" if n % 2 else "arrived")
        person = PersonFactory(household=household, birth_date=date(1980, 1, 1))
        MilestoneFactory(household=household, person=person, due_date=today - timedelta(days=2))
        MilestoneFactory(household=household, person=person, kind="danish_referral",
                         due_date=today + timedelta(days=3))


@pytest.mark.parametrize("url_name", ["reception:start", "reception:case_list"])
def test_page_query_count_does_not_grow(client, municipality, caseworker, url_name,
                                        django_assert_num_queries, django_assert_max_num_queries):
    client.force_login(caseworker)
    _cases(municipality, caseworker, 5)
    with django_assert_max_num_queries(12) as few:
        assert client.get(reverse(url_name)).status_code == 200

    _cases(municipality, caseworker, 45)
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(reverse(url_name)).status_code == 200
