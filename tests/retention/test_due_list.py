"""The page lists the municipality's closed cases past their case type's period, and no other."""

import datetime

import pytest
from freezegun import freeze_time

from integration_portal.retention.models import RetentionDecision
from integration_portal.retention.selectors import cases_due
from reception.models import ArrivalNotice
from tests.factories import HouseholdFactory
from tests.retention.helpers import closed_case, period

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)


def due_ids(municipality):
    return [case.case_id for case in cases_due(municipality_id=municipality.pk, today=TODAY)]


def test_only_closed_cases_past_their_period_are_listed(municipality):
    # given five years for refugees, one year for the family-reunified, none for quota refugees
    period(municipality, "asylum_refugee", years=5)
    period(municipality, "family_reunified", years=1)
    on_the_day = closed_case(municipality, closed_on=datetime.date(2021, 6, 15))
    a_day_short = closed_case(municipality, closed_on=datetime.date(2021, 6, 16))
    reunified = closed_case(municipality, closed_on=datetime.date(2025, 1, 1),
                            basis="family_reunified")
    closed_case(municipality, closed_on=datetime.date(2001, 1, 1), basis="quota_refugee")
    HouseholdFactory(municipality=municipality, status="in_programme")

    # when
    listed = due_ids(municipality)

    # then oldest first; the case type without a period and the open case are never listed
    assert listed == [on_the_day.pk, reunified.pk]
    assert a_day_short.pk not in listed


def test_another_municipalitys_cases_are_not_listed(municipality, other_municipality):
    # given
    period(municipality, years=1)
    period(other_municipality, years=1)
    own = closed_case(municipality, closed_on=datetime.date(2020, 1, 1))
    closed_case(other_municipality, closed_on=datetime.date(2020, 1, 1))

    # then
    assert due_ids(municipality) == [own.pk]


def test_the_notice_decides_the_case_type_before_the_persons(municipality, manager):
    # given a notice of a quota refugee and a main person registered as asylum refugee
    period(municipality, "quota_refugee", years=1)
    case = closed_case(municipality, closed_on=datetime.date(2020, 1, 1))
    case.notice = ArrivalNotice.objects.create(
        municipality=municipality, source="email", received_on=datetime.date(2019, 1, 1),
        expected_arrival_date=datetime.date(2019, 2, 1), residence_basis="quota_refugee",
    )
    case.save()

    # then
    assert [(c.case_id, c.case_type) for c in cases_due(municipality_id=municipality.pk,
                                                         today=TODAY)] == [
        (case.pk, "quota_refugee")]


def test_an_approved_case_is_not_listed_again(municipality, manager):
    # given
    period(municipality, years=1)
    case = closed_case(municipality, closed_on=datetime.date(2020, 1, 1))
    RetentionDecision.objects.create(
        municipality=municipality, case_id=case.pk, case_reference=case.reference,
        case_type="asylum_refugee", case_closed_at=case.status_changed_at,
        case_changed_at=case.updated_at, reason="Kassation", approved_by=manager,
    )

    # then
    assert due_ids(municipality) == []


@freeze_time("2026-06-15 12:00")
def test_the_page_lists_the_due_cases(english, manager, municipality, other_municipality,
                                      django_assert_max_num_queries):
    # given
    period(municipality, years=1)
    cases = [closed_case(municipality, closed_on=datetime.date(2020, 1, day))
             for day in range(1, 6)]
    other = closed_case(other_municipality, closed_on=datetime.date(2020, 1, 1))
    english.force_login(manager)

    # when
    with django_assert_max_num_queries(12):
        response = english.get("/retention/")

    # then
    page = response.content.decode()
    assert response.status_code == 200
    assert "Retention of closed cases" in page
    for case in cases:
        assert f'value="{case.pk}"' in page
        assert case.reference in page
    assert other.reference not in page


def test_without_periods_the_page_says_so(english, manager):
    english.force_login(manager)

    response = english.get("/retention/")

    assert "No retention periods have been set" in response.content.decode()
