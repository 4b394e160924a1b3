import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.volunteers.factories import CooperationAgreementFactory, OrganisationFactory
from volunteers.models import AgreementStatus, CooperationAgreement
from volunteers.services import agreement_give_notice

pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(municipality):
    return CooperationAgreementFactory(
        organisation=OrganisationFactory(municipality=municipality,
                                         name="Frivillignet Lejre Flygtningevenner"),
        period_start=datetime.date(2025, 1, 1), signed_on=datetime.date(2025, 1, 1))


@pytest.mark.parametrize(("notice_on", "ends_on"), [
    (datetime.date(2026, 1, 31), datetime.date(2026, 2, 28)),
    (datetime.date(2028, 1, 31), datetime.date(2028, 2, 29)),
    (datetime.date(2026, 3, 15), datetime.date(2026, 4, 15)),
])
def test_notice_ends_the_agreement_one_calendar_month_later(agreement, coordinator,
                                                            notice_on, ends_on):
    # when
    agreement = agreement_give_notice(agreement=agreement, actor=coordinator,
                                      notice_on=notice_on)
    # then
    assert agreement.terminated_on == notice_on
    assert agreement.ends_on == ends_on
    assert agreement.status_on(notice_on) == AgreementStatus.TERMINATING
    assert agreement.status_on(ends_on - datetime.timedelta(days=1)) == AgreementStatus.TERMINATING
    assert agreement.status_on(ends_on) == AgreementStatus.ENDED


def test_status_of_a_draft_and_an_active_agreement(agreement):
    draft = CooperationAgreement(organisation=agreement.organisation,
                                 period_start=datetime.date(2026, 1, 1))
    assert draft.status_on(datetime.date(2026, 6, 1)) == AgreementStatus.DRAFT
    assert agreement.status_on(datetime.date(2026, 6, 1)) == AgreementStatus.ACTIVE


def test_new_agreement_starts_from_the_model_agreements_commitments(agreement):
    parties = {commitment["party"] for commitment in agreement.commitments}
    assert parties == {"organisation", "municipality"}
    assert any("børneattest" in c["text"] for c in agreement.commitments)
    assert not any(c["done"] for c in agreement.commitments)


def test_only_a_coordinator_of_the_municipality_gives_notice(agreement, caseworker,
                                                            other_caseworker):
    for actor in (caseworker, other_caseworker):
        with pytest.raises(PermissionError):
            agreement_give_notice(agreement=agreement, actor=actor,
                                  notice_on=datetime.date(2026, 1, 31))
    agreement.refresh_from_db()
    assert agreement.terminated_on is None


def test_notice_cannot_be_given_twice(agreement, coordinator):
    agreement_give_notice(agreement=agreement, actor=coordinator,
                          notice_on=datetime.date(2026, 1, 31))
    with pytest.raises(ValidationError):
        agreement_give_notice(agreement=agreement, actor=coordinator,
                              notice_on=datetime.date(2026, 2, 10))
    agreement.refresh_from_db()
    assert agreement.terminated_on == datetime.date(2026, 1, 31)
