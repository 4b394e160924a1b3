"""Only a manager reaches the retention pages, and only with their own municipality's cases."""

import datetime

import pytest

from integration_portal.retention.models import RetentionDecision
from tests.retention.helpers import closed_case, period

pytestmark = pytest.mark.django_db

PAGES = ["/retention/", "/retention/periods/"]


@pytest.mark.parametrize("url", PAGES)
def test_a_caseworker_is_refused(client, caseworker, url):
    client.force_login(caseworker)
    assert client.get(url).status_code == 403
    assert client.post(url, {}).status_code == 403


@pytest.mark.parametrize("url", PAGES)
def test_a_volunteer_is_not_told_the_page_exists(client, volunteer, url):
    client.force_login(volunteer)
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", PAGES)
def test_an_anonymous_user_is_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_another_municipalitys_manager_cannot_approve_our_case(client, municipality,
                                                               other_manager):
    # given our case past its period, and the same period in the other municipality
    period(municipality, years=1)
    period(other_manager.municipality, years=1)
    case = closed_case(municipality, closed_on=datetime.date(2020, 1, 1))
    client.force_login(other_manager)

    # when
    response = client.post("/retention/", {"cases": [case.pk], "reason": "Kassation"})

    # then the case is not theirs to choose, and it is not on their page
    assert response.status_code == 200
    assert not RetentionDecision.objects.exists()
    assert case.reference not in client.get("/retention/").content.decode()


def test_the_menu_shows_retention_to_managers_only(client, manager, caseworker):
    client.force_login(manager)
    assert 'href="/retention/"' in client.get("/retention/").content.decode()
    client.force_login(caseworker)
    assert 'href="/retention/"' not in client.get("/cases/").content.decode()
