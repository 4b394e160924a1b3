"""Writes of the community app: associations, consents, referrals and their follow-up.

A referral is refused without a consent in force for that person, and shares only what the
consent covers. For a child (under 18) the association is told an age group and languages at
most, never who the child is; the contact is the consenting guardian's, as far as the
guardian's own consent covers it.
"""

from __future__ import annotations

import datetime
import logging
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from community.models import (
    ADULT_AGE,
    CHILD_ITEMS,
    CONTACT_ITEMS,
    DEFAULT_FOLLOW_UP,
    OPEN_STATUSES,
    Association,
    Consent,
    Referral,
    ReferralStatus,
    SharedItem,
    age_group_for,
)
from integration_portal.accounts.permissions import Perm, require
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record, changed_field_names
from integration_portal.core.mail import send_once
from integration_portal.core.queue import enqueue_on_commit
from integration_portal.core.services import apply_fields, stripped
from reception.services import case_trail

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User
    from reception.models import Person

logger = logging.getLogger(__name__)

ASSOCIATION_FIELDS = ("kind", "name", "area", "description", "languages", "age_groups",
                      "contact_name", "phone", "email", "website", "welcomes_newcomers",
                      "active")


# --- Associations -----------------------------------------------------------------------------


@transaction.atomic
def association_create(*, municipality: Municipality, actor: User, **fields) -> Association:
    require(actor, Perm.WORK_ON_CASES, municipality_id=municipality.pk)
    association = Association(municipality=municipality)
    apply_fields(association, stripped(fields), ASSOCIATION_FIELDS)
    association.full_clean()
    association.save()
    audit_record(actor=actor, municipality=municipality, action=AuditAction.CREATE,
                 obj=association, summary="Association added to the directory")
    return association


@transaction.atomic
def association_update(*, association: Association, actor: User, **fields) -> Association:
    require(actor, Perm.WORK_ON_CASES, municipality_id=association.municipality_id)
    before = apply_fields(association, stripped(fields), ASSOCIATION_FIELDS)
    association.full_clean()
    association.save()
    changed = changed_field_names(
        before, {name: getattr(association, name) for name in ASSOCIATION_FIELDS})
    if changed:
        audit_record(actor=actor, municipality=association.municipality,
                     action=AuditAction.UPDATE, obj=association, summary="Association changed",
                     changed_fields=changed)
    return association


# --- Consents ---------------------------------------------------------------------------------


def is_child(person: Person, on: datetime.date) -> bool:
    return person.age_on(on) < ADULT_AGE


@transaction.atomic
def consent_record(
    *, person: Person, actor: User, items: list[str], given_on: datetime.date,
    recorded_how: str, given_by: Person | None = None, guardian_relationship: str = "",
    note: str = "",
) -> Consent:
    """Record a person's consent to be referred to associations, and what it covers.

    A child's consent is given by an adult of the same household and covers at most an age
    group and languages.
    """
    household = person.household
    require(actor, Perm.WORK_ON_CASES, municipality_id=household.municipality_id)
    items = list(dict.fromkeys(items))
    consent = Consent(person=person, items=items, given_on=given_on, recorded_how=recorded_how,
                      given_by=given_by, guardian_relationship=guardian_relationship.strip(),
                      note=note.strip(), recorded_by=actor)
    errors: dict[str, list[str]] = {}
    if given_on and given_on > timezone.localdate():
        errors.setdefault("given_on", []).append(_("A consent cannot be given in the future."))
    if given_on and is_child(person, given_on):
        if given_by is None:
            errors.setdefault("given_by", []).append(_(
                "A child's consent is given by a guardian: choose who gave it."))
        too_much = [str(SharedItem(item).label) for item in items
                    if item in SharedItem.values and item not in CHILD_ITEMS]
        if too_much:
            errors.setdefault("items", []).append(_(
                "For a child, an association may learn only an age group and languages, "
                "not: %(items)s.") % {"items": ", ".join(too_much)})
    if given_by is not None:
        if given_by.household_id != person.household_id or given_by.pk == person.pk:
            errors.setdefault("given_by", []).append(_(
                "The guardian must be another member of the same household."))
        elif given_on and is_child(given_by, given_on):
            errors.setdefault("given_by", []).append(_("A guardian must be an adult."))
    if Consent.objects.active().filter(person=person).exists():
        errors.setdefault("__all__", []).append(_(
            "This person already has a consent in force. Withdraw it first."))
    try:
        consent.full_clean()
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)
    consent.save()
    audit_record(actor=actor, municipality=household.municipality, action=AuditAction.CREATE,
                 obj=consent, trail=case_trail(household),
                 summary="Consent to referrals to associations recorded")
    return consent


@transaction.atomic
def consent_withdraw(*, consent: Consent, actor: User, withdrawn_on: datetime.date,
                     reason: str = "") -> Consent:
    """Record that a consent was withdrawn. Its open referrals stop: nothing more is shared,
    and an e-mail not yet sent to an association is never sent."""
    household = consent.person.household
    require(actor, Perm.WORK_ON_CASES, municipality_id=household.municipality_id)
    consent = Consent.objects.select_for_update().get(pk=consent.pk)
    if consent.withdrawn_on is not None:
        raise ValidationError(_("This consent has already been withdrawn."))
    if withdrawn_on > timezone.localdate():
        raise ValidationError({"withdrawn_on": _("The date cannot be in the future.")})
    consent.withdrawn_on = withdrawn_on
    consent.withdrawal_reason = reason.strip()
    consent.withdrawn_by = actor
    consent.full_clean()
    consent.save(update_fields=["withdrawn_on", "withdrawal_reason", "withdrawn_by"])
    audit_record(actor=actor, municipality=household.municipality, action=AuditAction.UPDATE,
                 obj=consent, trail=case_trail(household),
                 changed_fields=["withdrawn_on", "withdrawal_reason"],
                 summary="Consent to referrals to associations withdrawn")
    # The referrals that rest on it stop, and so does any e-mail not yet sent.
    referrals = list(Referral.objects.select_for_update().filter(
        consent=consent, status__in=OPEN_STATUSES))
    for referral in referrals:
        referral.status = ReferralStatus.STOPPED
        referral.closed_on = max(withdrawn_on, referral.referred_on)
        referral.follow_up_on = None
        referral.outcome_note = "\n".join(filter(None, [
            referral.outcome_note, _("Stopped: the consent was withdrawn.")]))
        referral.save(update_fields=["status", "closed_on", "follow_up_on", "outcome_note"])
        audit_record(actor=actor, municipality=household.municipality,
                     action=AuditAction.UPDATE, obj=referral, trail=case_trail(household),
                     changed_fields=["status", "closed_on"],
                     summary="Referral stopped: the consent was withdrawn")
    return consent


# --- Referrals --------------------------------------------------------------------------------


def shared_snapshot(*, person: Person, consent: Consent, on: datetime.date,
                    interests: str = "") -> dict:
    """What the association may learn: only what the consent covers. For a child: an age group
    and languages at most, and the guardian's contact as far as the guardian's own consent in
    force covers it. Never a last name, CPR number, birth date, address, school or health."""
    items = set(consent.items)
    child = is_child(person, on)
    if child:
        items &= CHILD_ITEMS
    snapshot: dict = {"child": child}
    if SharedItem.AGE_GROUP in items:
        snapshot["age_group"] = str(age_group_for(person.age_on(on)))
    if SharedItem.LANGUAGES in items:
        snapshot["languages"] = list(person.languages or [])
    if not child:
        if SharedItem.FIRST_NAME in items:
            snapshot["first_name"] = person.first_name
        if SharedItem.PHONE in items and person.phone:
            snapshot["phone"] = person.phone
        if SharedItem.EMAIL in items and person.email:
            snapshot["email"] = person.email
        if SharedItem.INTERESTS in items and interests:
            snapshot["interests"] = interests
        return snapshot
    guardian = consent.given_by
    guardian_consent = (Consent.objects.active().filter(person=guardian).first()
                        if guardian is not None else None)
    contact = {}
    if guardian_consent is not None and not is_child(guardian, on):
        covered = set(guardian_consent.items)
        for item in CONTACT_ITEMS:
            value = getattr(guardian, item, "")
            if item in covered and value:
                contact[str(item)] = value
    if contact:
        snapshot["contact"] = contact
    return snapshot


@transaction.atomic
def referral_create(
    *, person: Person, association: Association, actor: User, interests: str = "",
    referred_on: datetime.date | None = None, follow_up_on: datetime.date | None = None,
) -> Referral:
    """Refer a person to an association. Refused without the person's consent in force; the
    e-mail to the association leaves once this commits and holds only the shared data."""
    household = person.household
    require(actor, Perm.WORK_ON_CASES, municipality_id=household.municipality_id)
    if association.municipality_id != household.municipality_id:
        raise ValidationError({"association": _("Choose an association of your municipality.")})
    if not association.active:
        raise ValidationError({"association": _("This association is no longer active.")})
    referred_on = referred_on or timezone.localdate()
    consent = Consent.objects.active().filter(person=person).select_related("given_by").first()
    if consent is None:
        raise ValidationError({"person": _(
            "%(name)s has no consent in force to be referred to associations. Record the "
            "consent first.") % {"name": person.first_name or _("This person")}})
    interests = interests.strip()
    if interests and (SharedItem.INTERESTS not in consent.items or is_child(person, referred_on)):
        raise ValidationError({"interests": _(
            "The consent does not cover interests and wishes: leave the note empty.")})
    referral = Referral(
        municipality_id=household.municipality_id, household=household, person=person,
        association=association, consent=consent, referred_on=referred_on,
        follow_up_on=follow_up_on or referred_on + DEFAULT_FOLLOW_UP,
        shared_data=shared_snapshot(person=person, consent=consent, on=referred_on,
                                    interests=interests),
        referred_by=actor,
    )
    referral.full_clean()
    referral.save()
    audit_record(actor=actor, municipality=household.municipality, action=AuditAction.CREATE,
                 obj=referral, trail=case_trail(household),
                 summary="Referred to an association with consent")
    if association.email:
        from community.tasks import referral_email_task

        enqueue_on_commit(referral_email_task, referral.pk)
    return referral


@transaction.atomic
def referral_follow_up(
    *, referral: Referral, actor: User, status: str, outcome_note: str = "",
    follow_up_on: datetime.date | None = None,
) -> Referral:
    """Record how a referral went. An open referral needs a next follow-up date; a closed one
    (started, declined, stopped) gets its closing date and no more reminders."""
    require(actor, Perm.WORK_ON_CASES, municipality_id=referral.municipality_id)
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if not referral.is_open:
        raise ValidationError(_("This referral is closed."))
    before = {"status": referral.status, "outcome_note": referral.outcome_note,
              "follow_up_on": referral.follow_up_on, "closed_on": referral.closed_on}
    referral.status = status
    referral.outcome_note = outcome_note.strip()
    if status in OPEN_STATUSES:
        if follow_up_on is None:
            raise ValidationError({"follow_up_on": _(
                "Give the date of the next follow-up, or close the referral.")})
        referral.follow_up_on = follow_up_on
        referral.closed_on = None
    else:
        referral.follow_up_on = None
        referral.closed_on = timezone.localdate()
    referral.full_clean()
    referral.save()
    changed = changed_field_names(before, {name: getattr(referral, name) for name in before})
    audit_record(actor=actor, municipality=referral.municipality, action=AuditAction.UPDATE,
                 obj=referral, trail=case_trail(referral.household_id), changed_fields=changed,
                 summary="Referral followed up")
    return referral


def referral_snapshot_read(*, referral: Referral, actor: User) -> dict:
    """The data shared with the association, read by a user: logged."""
    audit_record(actor=actor, municipality=referral.municipality, action=AuditAction.VIEW,
                 obj=referral, trail=case_trail(referral.household_id),
                 summary="Viewed the data shared with an association")
    return referral.shared_data


# --- The e-mail to the association ------------------------------------------------------------


def referral_email_send(*, referral_id: int) -> bool:
    """E-mail the association about a referral, at most once; True if this run sent it.

    Claimed on `emailed_at` before sending (`core.mail.send_once`), so a second run finds it
    taken. A referral stopped in the meantime (the consent was withdrawn) is never e-mailed.
    """
    referral = (Referral.objects.select_related("municipality", "association", "consent")
                .filter(pk=referral_id).first())
    if referral is None:
        logger.warning("No association e-mail: referral %s does not exist", referral_id)
        return False
    if (not referral.is_open or referral.emailed_at is not None
            or not referral.consent.is_active or not referral.association.email):
        return False
    row = Referral.objects.filter(pk=referral.pk, status__in=OPEN_STATUSES,
                                  consent__withdrawn_on__isnull=True)
    if not send_once(row=row, field="emailed_at", message=lambda: referral_email(referral)):
        return False
    logger.info("Association e-mailed about referral %s", referral.pk)
    return True


def referral_email(referral: Referral) -> EmailMessage:
    """The e-mail to the association: the shared data and nothing else about the person."""
    from community.models import AgeGroup
    from integration_portal.letters.languages import Language

    data = referral.shared_data
    languages = dict(Language.choices)
    context = {
        "referral": referral,
        "association": referral.association,
        "municipality": referral.municipality,
        "data": data,
        "age_group": str(dict(AgeGroup.choices).get(data.get("age_group", ""), "")),
        "languages": [str(languages.get(code, code)) for code in data.get("languages", [])],
        "contact": data.get("contact", {}),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("community/email/referral_subject.txt", context)
        body = render_to_string("community/email/referral_body.txt", context)
    reply_to = [referral.municipality.contact_email] if referral.municipality.contact_email else []
    return EmailMessage(subject=" ".join(subject.split()), body=body,
                        to=[referral.association.email], reply_to=reply_to)
