"""Retention periods are set per municipality and case type; no period means never listed."""

import pytest

from integration_portal.audit.models import AuditEvent
from integration_portal.retention.models import RetentionPeriod
from integration_portal.retention.services import retention_periods_set
from tests.retention.helpers import period

pytestmark = pytest.mark.django_db

URL = "/retention/periods/"


def test_a_manager_sets_periods_per_case_type(english, manager, municipality):
    # given
    english.force_login(manager)

    # when two case types get a period and the others stay empty
    response = english.post(URL, {
        "asylum_refugee_years": "5", "asylum_refugee_months": "",
        "quota_refugee_years": "2", "quota_refugee_months": "6",
    })

    # then
    assert response.status_code == 302
    periods = {p.case_type: (p.years, p.months)
               for p in RetentionPeriod.objects.in_municipality(municipality)}
    assert periods == {"asylum_refugee": (5, 0), "quota_refugee": (2, 6)}
    assert AuditEvent.objects.filter(object_type="retention.retentionperiod",
                                     municipality=municipality).count() == 2


def test_emptying_a_period_removes_it_and_other_municipalities_keep_theirs(
    manager, municipality, other_municipality
):
    # given
    period(municipality, years=5)
    period(other_municipality, years=10)

    # when
    retention_periods_set(municipality=municipality, periods={"asylum_refugee": None},
                          actor=manager)

    # then
    assert not RetentionPeriod.objects.in_municipality(municipality).exists()
    assert RetentionPeriod.objects.in_municipality(other_municipality).get().years == 10
    assert AuditEvent.objects.filter(action="delete",
                                     object_type="retention.retentionperiod").count() == 1


def test_the_page_shows_the_current_periods(english, manager, municipality):
    # given
    period(municipality, case_type="family_reunified", years=3, months=2)
    english.force_login(manager)

    # when
    response = english.get(URL)

    # then
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="family_reunified_years" class="form-input" value="3"' in page
    assert 'name="family_reunified_months" class="form-input" value="2"' in page
    assert "Retention periods" in page


def test_an_invalid_period_is_refused(english, manager, municipality):
    # given
    english.force_login(manager)

    # when
    response = english.post(URL, {"asylum_refugee_years": "5", "asylum_refugee_months": "14"})

    # then
    assert response.status_code == 200
    assert not RetentionPeriod.objects.exists()


def test_a_caseworker_cannot_set_periods(caseworker, municipality):
    with pytest.raises(PermissionError):
        retention_periods_set(municipality=municipality, periods={"asylum_refugee": (1, 0)},
                              actor=caseworker)
