"""Writes of the employer register: employers and the openings they offer.

The register is the municipality's own knowledge of local businesses, not case data: its
audit events go on each employer's and opening's own trail, not on a case's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from employment.models import Employer, Opening
from employment.models.employers import normalise_cvr, validate_cvr
from integration_portal.accounts.permissions import Perm, require
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record, changed_field_names
from integration_portal.core.services import apply_fields
from integration_portal.letters.languages import Language

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User

EMPLOYER_FIELDS = (
    "name", "cvr", "is_public", "sector", "address", "postcode", "city", "contact_name",
    "contact_phone", "contact_email", "in_network", "network_joined_on", "note", "is_active",
)
OPENING_FIELDS = ("kind", "title", "hours_per_week", "languages", "places", "available_from",
                  "description", "status")


def _duplicate_cvr_message() -> str:
    return _("An employer with this CVR number is already in the register.")


def _validate_employer(employer: Employer) -> None:
    """All the employer's problems at once, with one clear message on the CVR field.

    The CVR is checked first and on its own: a number typed with spaces would otherwise also
    fail the field's length of 8, and the unique constraint would say "municipality and CVR
    number" on no field at all.
    """
    employer.cvr = normalise_cvr(employer.cvr or "")
    errors: dict[str, list[str]] = {}
    try:
        validate_cvr(employer.cvr)
    except ValidationError as error:
        errors["cvr"] = error.messages
    else:
        duplicates = Employer.objects.in_municipality(employer.municipality_id).filter(
            cvr=employer.cvr).exclude(pk=employer.pk)
        if duplicates.exists():
            errors["cvr"] = [_duplicate_cvr_message()]
    try:
        employer.full_clean(exclude=["cvr"] if errors else None)
    except ValidationError as error:
        errors = {**error.message_dict, **errors}
    if errors:
        raise ValidationError(errors)


def _save_employer(employer: Employer) -> None:
    # Two caseworkers registering the same business at the same moment both pass the check
    # above; the unique constraint stops the second, and it gets the same message.
    try:
        with transaction.atomic():
            employer.save()
    except IntegrityError:
        raise ValidationError({"cvr": _duplicate_cvr_message()}) from None


@transaction.atomic
def employer_create(*, municipality: Municipality, actor: User, **fields) -> Employer:
    require(actor, Perm.WORK_ON_CASES, municipality_id=municipality.pk)
    employer = Employer(municipality=municipality)
    apply_fields(employer, fields, EMPLOYER_FIELDS)
    _validate_employer(employer)
    _save_employer(employer)
    audit_record(actor=actor, municipality=municipality, action=AuditAction.CREATE,
                 obj=employer, summary="Employer added to the register")
    return employer


@transaction.atomic
def employer_update(*, employer: Employer, actor: User, **fields) -> Employer:
    require(actor, Perm.WORK_ON_CASES, municipality_id=employer.municipality_id)
    # A fresh row: the caller's object keeps its saved values if the change is refused.
    employer = (Employer.objects.select_related("municipality")
                .select_for_update(of=("self",)).get(pk=employer.pk))
    before = apply_fields(employer, fields, EMPLOYER_FIELDS)
    _validate_employer(employer)
    _save_employer(employer)
    changed = changed_field_names(
        before, {name: getattr(employer, name) for name in EMPLOYER_FIELDS})
    if changed:
        audit_record(actor=actor, municipality=employer.municipality, action=AuditAction.UPDATE,
                     obj=employer, summary="Employer changed", changed_fields=changed)
    return employer


def _validate_opening(opening: Opening) -> None:
    errors: dict[str, list[str]] = {}
    languages = opening.languages
    if not isinstance(languages, list) or any(code not in Language.values
                                              for code in languages):
        errors["languages"] = [_("Choose the languages from the list.")]
    else:
        # Stored once each, in the list's order, so that a filter and a change compare alike.
        opening.languages = [code for code in Language.values if code in languages]
    try:
        opening.full_clean(exclude=list(errors))
    except ValidationError as error:
        errors = {**error.message_dict, **errors}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def opening_create(*, employer: Employer, actor: User, **fields) -> Opening:
    require(actor, Perm.WORK_ON_CASES, municipality_id=employer.municipality_id)
    if not employer.is_active:
        raise ValidationError(_("The employer is inactive. Make it active again before adding "
                                "an opening."), code="inactive_employer")
    opening = Opening(municipality_id=employer.municipality_id, employer=employer)
    apply_fields(opening, fields, OPENING_FIELDS)
    _validate_opening(opening)
    opening.save()
    audit_record(actor=actor, municipality=employer.municipality, action=AuditAction.CREATE,
                 obj=opening, summary=f"Opening added: {opening.kind}")
    return opening


@transaction.atomic
def opening_update(*, opening: Opening, actor: User, **fields) -> Opening:
    """Change an opening; its status (open, filled, closed) is one of the fields."""
    require(actor, Perm.WORK_ON_CASES, municipality_id=opening.municipality_id)
    opening = (Opening.objects.select_related("employer__municipality")
               .select_for_update(of=("self",)).get(pk=opening.pk))
    before = apply_fields(opening, fields, OPENING_FIELDS)
    _validate_opening(opening)
    opening.save()
    changed = changed_field_names(
        before, {name: getattr(opening, name) for name in OPENING_FIELDS})
    if changed:
        summary = (f"Opening {opening.status}" if changed == ["status"] else "Opening changed")
        audit_record(actor=actor, municipality=opening.employer.municipality,
                     action=AuditAction.UPDATE, obj=opening, summary=summary,
                     changed_fields=changed)
    return opening
