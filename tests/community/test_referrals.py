"""A referral needs the person's consent in force and shares only what it covers; a child's
referral never tells the association who the child is."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from community import services
from community.models import Referral
from integration_portal.audit.models import AuditEvent
from integration_portal.core.models import OutboxMessage
from tests.notifications.helpers import tasks_run_eagerly

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def _consent(person, actor, items, **extra):
    return services.consent_record(person=person, actor=actor, items=items, given_on=TODAY,
                                   recorded_how="signed_form", **extra)


def test_a_referral_without_consent_is_refused_and_nothing_is_saved(parent, club, caseworker):
    # when / then
    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.referral_create(person=parent, association=club, actor=caseworker)
    assert "no consent in force" in " ".join(error.value.message_dict["person"])
    assert not Referral.objects.exists()
    assert not OutboxMessage.objects.exists()
    assert not AuditEvent.objects.filter(object_type="community.referral").exists()


def test_a_referral_with_a_withdrawn_consent_is_refused(parent, club, caseworker):
    # given
    consent = _consent(parent, caseworker, ["first_name"])
    services.consent_withdraw(consent=consent, actor=caseworker, withdrawn_on=TODAY)

    # when / then
    with pytest.raises(ValidationError):
        services.referral_create(person=parent, association=club, actor=caseworker)
    assert not Referral.objects.exists()


def test_the_snapshot_holds_only_what_the_consent_covers(parent, club, caseworker):
    # given a consent to first name and languages only
    _consent(parent, caseworker, ["first_name", "languages"])

    # when
    referral = services.referral_create(person=parent, association=club, actor=caseworker)

    # then
    assert referral.shared_data == {"child": False, "first_name": "Amina",
                                    "languages": ["ar", "en"]}
    assert referral.follow_up_on == TODAY + datetime.timedelta(weeks=4)
    assert referral.status == "referred"
    assert AuditEvent.objects.filter(object_type="community.referral", action="create",
                                     trail=f"reception.household:{parent.household_id}").exists()


def test_interests_need_the_consent_to_cover_them(parent, club, caseworker):
    _consent(parent, caseworker, ["first_name"])
    with pytest.raises(ValidationError) as error:
        services.referral_create(person=parent, association=club, actor=caseworker,
                                 interests="Spiller fodbold")
    assert "interests" in error.value.message_dict
    assert not Referral.objects.exists()


def test_another_municipalitys_association_is_refused(parent, caseworker, other_municipality):
    from tests.community.factories import AssociationFactory

    _consent(parent, caseworker, ["first_name"])
    elsewhere = AssociationFactory(municipality=other_municipality)
    with pytest.raises(ValidationError):
        services.referral_create(person=parent, actor=caseworker, association=elsewhere)
    assert not Referral.objects.exists()


def test_a_childs_referral_shares_no_child_data_and_the_guardians_contact(
    parent, child, club, caseworker, django_capture_on_commit_callbacks, mailoutbox
):
    # given the guardian's own consent (name and phone) and the child's, given by the guardian
    _consent(parent, caseworker, ["first_name", "phone"])
    _consent(child, caseworker, ["age_group", "languages"], given_by=parent,
             guardian_relationship="Mor")

    # when the child is referred and the e-mail goes
    with tasks_run_eagerly(), django_capture_on_commit_callbacks(execute=True):
        referral = services.referral_create(person=child, association=club, actor=caseworker)

    # then the association learns an age group, languages and the guardian's contact
    referral.refresh_from_db()
    assert referral.shared_data == {
        "child": True, "age_group": "6-14", "languages": ["ar"],
        "contact": {"first_name": "Amina", "phone": "20 11 22 33"}}
    [message] = mailoutbox
    assert message.to == ["fodbold@hvalsoe-if.example.org"]
    text = message.subject + message.body
    assert "Amina" in text and "20 11 22 33" in text
    # and nothing that tells who the child is
    for secret in ("Yusuf", "Haddad", "010216-4001", "010588", "Møllevej", "4330",
                   "Astma", "Diabetes", "amina@example.org", child.birth_date.isoformat(),
                   child.birth_date.strftime("%d.%m.%Y"), "LEJ-2026-00042"):
        assert secret not in text
    assert referral.emailed_at is not None


def test_a_child_without_a_consenting_guardians_contact_is_referred_anonymously(
    parent, child, club, caseworker, settings
):
    # given only the child's consent (the guardian has none of their own)
    _consent(child, caseworker, ["age_group"], given_by=parent)

    # when
    referral = services.referral_create(person=child, association=club, actor=caseworker)

    # then (the e-mail is written in the portal's language: English here, to read it)
    settings.LANGUAGE_CODE = "en"
    assert referral.shared_data == {"child": True, "age_group": "6-14"}
    body = services.referral_email(referral).body
    assert "Amina" not in body and "Yusuf" not in body
    assert "reply to this e-mail" in body


def test_follow_up_closes_or_keeps_open(parent, club, caseworker):
    # given
    _consent(parent, caseworker, ["first_name"])
    referral = services.referral_create(person=parent, association=club, actor=caseworker)

    # when contacted, an open referral needs a next date
    with pytest.raises(ValidationError):
        services.referral_follow_up(referral=referral, actor=caseworker, status="contacted")
    later = TODAY + datetime.timedelta(days=10)
    services.referral_follow_up(referral=referral, actor=caseworker, status="contacted",
                                follow_up_on=later)
    referral.refresh_from_db()
    assert referral.status == "contacted" and referral.follow_up_on == later

    # and when started, it is closed
    services.referral_follow_up(referral=referral, actor=caseworker, status="started",
                                outcome_note="Træner tirsdag")
    referral.refresh_from_db()
    assert referral.closed_on == TODAY and referral.follow_up_on is None
    with pytest.raises(ValidationError):
        services.referral_follow_up(referral=referral, actor=caseworker, status="stopped")
