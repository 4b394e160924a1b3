"""A new rule set moves the open deadlines of the municipality's open cases."""

from datetime import date

import pytest
from freezegun import freeze_time

from integration_portal.celery import app
from integration_portal.rules.services import rule_set_create
from reception import services
from reception.models import Milestone

pytestmark = pytest.mark.django_db


@pytest.fixture
def eager_celery():
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = False


def test_publishing_a_rule_set_recomputes_open_cases(
    household, caseworker, adult_data, municipality, django_capture_on_commit_callbacks,
    eager_celery,
):
    # given an arrived household with its deadlines
    services.person_add(household=household, actor=caseworker, **adult_data)
    with freeze_time("2026-10-05"):
        services.household_mark_arrived(household=household, actor=caseworker,
                                        arrival_date=date(2026, 10, 1))
    assert Milestone.objects.get(kind="danish_referral").due_date == date(2026, 12, 2)

    # when the municipality publishes a rule with a shorter Danish-referral deadline
    with django_capture_on_commit_callbacks(execute=True):
        rule_set_create(
            municipality=municipality, effective_from=date(2025, 7, 1), actor=None,
            name="Kortere frist",
            rules=[{"milestone_kind": "danish_referral", "anchor": "takeover",
                    "offset_amount": 14, "offset_unit": "days", "legal_basis": "Test",
                    "min_age": 18, "confidence": "G"}],
        )

    # then the open milestone moved without anyone touching the case
    assert Milestone.objects.get(kind="danish_referral").due_date == date(2026, 11, 16)


def test_another_municipalitys_cases_keep_their_deadlines(
    household, caseworker, adult_data, municipality, other_municipality, other_caseworker,
    notice_data, django_capture_on_commit_callbacks, eager_celery,
):
    # given an arrived household in each municipality
    elsewhere = services.notice_register(municipality=other_municipality,
                                         actor=other_caseworker, **notice_data)
    for case, actor in ((household, caseworker), (elsewhere, other_caseworker)):
        services.person_add(household=case, actor=actor, **adult_data)
        with freeze_time("2026-10-05"):
            services.household_mark_arrived(household=case, actor=actor,
                                            arrival_date=date(2026, 10, 1))

    # when only the first municipality shortens a deadline
    with django_capture_on_commit_callbacks(execute=True):
        rule_set_create(
            municipality=municipality, effective_from=date(2025, 7, 1), actor=None,
            rules=[{"milestone_kind": "danish_referral", "anchor": "takeover",
                    "offset_amount": 14, "offset_unit": "days", "legal_basis": "Test",
                    "min_age": 18, "confidence": "G"}],
        )

    # then the other municipality's case keeps the national deadline
    other = Milestone.objects.get(household=elsewhere, kind="danish_referral")
    assert other.due_date == date(2026, 12, 2)
