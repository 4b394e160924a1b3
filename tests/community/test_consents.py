"""A consent records its purpose, what it covers, who gave it and its withdrawal."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from community import services
from community.models import Consent, Referral
from integration_portal.audit.models import AuditEvent

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _record(person, actor, **overrides):
    fields = {"items": ["first_name", "phone", "languages", "age_group"], "given_on": TODAY,
              "recorded_how": "oral_interpreter"} | overrides
    return services.consent_record(person=person, actor=actor, **fields)


def test_an_adults_consent_is_recorded_with_its_purpose_and_audited(parent, caseworker):
    # when
    consent = _record(parent, caseworker)

    # then
    assert consent.purpose == "community_referral"
    assert consent.is_active and consent.recorded_by == caseworker
    assert AuditEvent.objects.filter(object_type="community.consent",
                                     object_id=str(consent.pk), action="create").exists()


def test_a_childs_consent_needs_a_guardian(child, caseworker):
    # when / then
    with pytest.raises(ValidationError) as error:
        _record(child, caseworker, items=["age_group"])
    assert "given_by" in error.value.message_dict
    assert not Consent.objects.exists()


def test_a_childs_consent_covers_no_more_than_age_group_and_languages(child, parent, caseworker):
    # when / then
    with pytest.raises(ValidationError) as error:
        _record(child, caseworker, items=["first_name", "age_group"], given_by=parent)
    assert "items" in error.value.message_dict
    assert not Consent.objects.exists()


def test_a_guardian_consents_for_a_child(child, parent, caseworker):
    # when
    consent = _record(child, caseworker, items=["age_group", "languages"], given_by=parent,
                      guardian_relationship="Mor")

    # then
    assert consent.given_by == parent


def test_a_second_consent_in_force_is_refused(parent, caseworker):
    # given
    _record(parent, caseworker)

    # when / then
    with pytest.raises(ValidationError):
        _record(parent, caseworker)
    assert Consent.objects.count() == 1


def test_a_consent_cannot_be_given_in_the_future(parent, caseworker):
    with pytest.raises(ValidationError) as error:
        _record(parent, caseworker, given_on=TODAY + datetime.timedelta(days=1))
    assert "given_on" in error.value.message_dict


def test_another_municipalitys_user_cannot_record_a_consent(parent, other_municipality):
    from tests.factories import UserFactory

    other = UserFactory(municipality=other_municipality, caseworker=True)
    with pytest.raises(PermissionError):
        _record(parent, other)


def test_withdrawing_stops_the_open_referrals_and_their_email(
    parent, club, caseworker, django_capture_on_commit_callbacks, mailoutbox
):
    # given a consent and a referral whose e-mail has not gone yet
    consent = _record(parent, caseworker)
    referral = services.referral_create(person=parent, association=club, actor=caseworker)

    # when the consent is withdrawn before the e-mail task runs
    services.consent_withdraw(consent=consent, actor=caseworker, withdrawn_on=TODAY,
                              reason="Vil ikke kontaktes")

    # then the referral is stopped, and the e-mail is never sent
    referral.refresh_from_db()
    assert referral.status == "stopped" and referral.closed_on == TODAY
    assert referral.follow_up_on is None
    assert services.referral_email_send(referral_id=referral.pk) is False
    assert mailoutbox == []
    consent.refresh_from_db()
    assert consent.withdrawn_on == TODAY and consent.withdrawal_reason == "Vil ikke kontaktes"
    assert AuditEvent.objects.filter(object_type="community.referral", action="update").exists()


def test_a_withdrawn_consent_cannot_be_withdrawn_again(parent, caseworker):
    consent = _record(parent, caseworker)
    services.consent_withdraw(consent=consent, actor=caseworker, withdrawn_on=TODAY)
    with pytest.raises(ValidationError):
        services.consent_withdraw(consent=consent, actor=caseworker, withdrawn_on=TODAY)
    assert Referral.objects.count() == 0
