"""Writes of children's data: institutions, places, language assessments, youth guidance and
the municipality's settings. Keyword-only, validated, audit-logged; nothing half-saved.

A started place, a recorded assessment and a held first meeting complete the child's open
milestone of that kind through reception's `milestone_complete`, so the morning reminder
scan stops reminding of it. Reception's scan reminds of the open ones like of any deadline.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from children import selectors
from children.kinds import LANGUAGE_ASSESSMENT, MILESTONE_OF_PLACE, YOUTH_GUIDANCE
from children.models import (
    CHILD_AGE_LIMIT,
    ChildPlacement,
    ChildrenSettings,
    Institution,
    LanguageAssessment,
    PlaceStatus,
    YouthGuidance,
)
from integration_portal.accounts.permissions import Perm, require
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record, changed_field_names
from integration_portal.core.formats import short_date
from integration_portal.core.services import apply_fields, stripped
from reception.models import HouseholdStatus
from reception.services import case_trail, milestone_complete

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User
    from reception.models import Person

INSTITUTION_FIELDS = (
    "kind", "name", "address", "phone", "email", "contact_name", "contact_role", "strategy",
    "strategy_adopted_on", "strategy_reviewed_on", "active",
)
PLACEMENT_FIELDS = ("institution", "kind", "status", "requested_on", "offered_on", "starts_on",
                    "ends_on", "note")
ASSESSMENT_FIELDS = ("assessed_on", "result", "note", "next_assessment_on")
GUIDANCE_FIELDS = ("contact_name", "contact_phone", "contact_email", "first_meeting_on",
                   "education_plan", "plan_date", "status")
SETTINGS_FIELDS = ("youth_guidance_label", "youth_guidance_custom_label", "assessment_results")


# Institutions and settings.


@transaction.atomic
def institution_create(*, municipality: Municipality, actor: User, **fields) -> Institution:
    require(actor, Perm.WORK_ON_CASES, Perm.MANAGE_MUNICIPALITY, municipality_id=municipality.pk)
    institution = Institution(municipality=municipality)
    apply_fields(institution, stripped(fields), INSTITUTION_FIELDS)
    institution.full_clean()
    institution.save()
    audit_record(actor=actor, municipality=municipality, action=AuditAction.CREATE,
                 obj=institution, summary="Institution added")
    return institution


@transaction.atomic
def institution_update(*, institution: Institution, actor: User, **fields) -> Institution:
    require(actor, Perm.WORK_ON_CASES, Perm.MANAGE_MUNICIPALITY,
            municipality_id=institution.municipality_id)
    institution = Institution.objects.select_for_update().get(pk=institution.pk)
    before = apply_fields(institution, stripped(fields), INSTITUTION_FIELDS)
    institution.full_clean()
    institution.save()
    changed = changed_field_names(
        before, {name: getattr(institution, name) for name in INSTITUTION_FIELDS})
    if changed:
        audit_record(actor=actor, municipality=institution.municipality,
                     action=AuditAction.UPDATE, obj=institution, summary="Institution changed",
                     changed_fields=changed)
    return institution


@transaction.atomic
def settings_save(*, municipality: Municipality, actor: User | None, **fields) -> ChildrenSettings:
    """Save the municipality's names (None actor: the demo seeding)."""
    if actor is not None:
        require(actor, Perm.MANAGE_MUNICIPALITY, municipality_id=municipality.pk)
    found = ChildrenSettings.objects.select_for_update().filter(
        municipality=municipality).first()
    settings = found or ChildrenSettings(municipality=municipality)
    values = stripped(fields)
    if "assessment_results" in values:
        values["assessment_results"] = [
            name.strip() for name in values["assessment_results"] if name.strip()]
    before = apply_fields(settings, values, SETTINGS_FIELDS)
    settings.full_clean()
    settings.save()
    changed = changed_field_names(before, {name: getattr(settings, name)
                                           for name in SETTINGS_FIELDS})
    if changed or found is None:
        audit_record(actor=actor, municipality=municipality,
                     action=AuditAction.CREATE if found is None else AuditAction.UPDATE,
                     obj=settings, summary="Children's settings saved", changed_fields=changed)
    return settings


# Checks about the child.


def _arrival(person: Person) -> datetime.date | None:
    household = person.household
    return household.arrival_date or household.expected_arrival_date


def _check_child(*, person: Person, actor: User, on: datetime.date) -> None:
    """The actor works on cases of the child's municipality, the case is open, and the person
    is under 18 on the record's day."""
    household = person.household
    require(actor, Perm.WORK_ON_CASES, municipality_id=household.municipality_id)
    if household.status == HouseholdStatus.CLOSED:
        raise ValidationError(_("The case is closed: its children's data cannot be changed."))
    if person.age_on(on) >= CHILD_AGE_LIMIT:
        raise ValidationError(_("%(name)s is not a child (under 18) on %(date)s.") % {
            "name": person.full_name, "date": short_date(on)})


def _not_before_arrival(person: Person, day: datetime.date | None, field: str,
                        what: str) -> None:
    arrival = _arrival(person)
    if day is not None and arrival is not None and day < arrival:
        raise ValidationError({field: _(
            "The %(what)s (%(date)s) cannot be before the child's arrival in the municipality "
            "(%(arrival)s).") % {"what": what, "date": short_date(day),
                                 "arrival": short_date(arrival)}})


def _not_in_future(day: datetime.date | None, field: str) -> None:
    if day is not None and day > timezone.localdate():
        raise ValidationError({field: _("The date cannot be in the future.")})


def _audit(*, actor: User, person: Person, obj, action: AuditAction, summary: str,
           fields=()) -> None:
    household = person.household
    audit_record(actor=actor, municipality=household.municipality, action=action, obj=obj,
                 trail=case_trail(household), summary=summary, changed_fields=fields)


def _complete(*, person: Person, kind: str | None, actor: User, done_on: datetime.date,
              note: str) -> None:
    if kind is None or done_on > timezone.localdate():
        return
    for milestone in selectors.open_milestones(person=person, kind=kind):
        milestone_complete(milestone=milestone, actor=actor, done_on=done_on, note=note)


# Places.


def _check_placement(placement: ChildPlacement) -> None:
    person = placement.person
    institution = placement.institution
    if institution.municipality_id != person.household.municipality_id:
        raise ValidationError({"institution": _(
            "The institution belongs to another municipality.")})
    if not placement.kind:
        placement.kind = institution.kind
    _not_before_arrival(person, placement.starts_on, "starts_on", _("start"))
    if placement.offered_on and placement.offered_on < placement.requested_on:
        raise ValidationError({"offered_on": _("The offer cannot be before the request.")})
    if placement.ends_on and placement.starts_on and placement.ends_on < placement.starts_on:
        raise ValidationError({"ends_on": _("The end cannot be before the start.")})
    status = placement.status
    if status == PlaceStatus.OFFERED and placement.offered_on is None:
        raise ValidationError({"offered_on": _("Give the day the place was offered.")})
    if status in (PlaceStatus.STARTED, PlaceStatus.ENDED):
        if placement.starts_on is None:
            raise ValidationError({"starts_on": _("Give the day the child started.")})
        _not_in_future(placement.starts_on, "starts_on")
    if status == PlaceStatus.ENDED:
        if placement.ends_on is None:
            raise ValidationError({"ends_on": _("Give the day the place ended.")})
        _not_in_future(placement.ends_on, "ends_on")
    placement.full_clean()


def _placement_met(placement: ChildPlacement, actor: User) -> None:
    if placement.status in (PlaceStatus.STARTED, PlaceStatus.ENDED):
        _complete(person=placement.person, kind=MILESTONE_OF_PLACE.get(placement.kind),
                  actor=actor, done_on=placement.starts_on,
                  note=_("Started at %(institution)s.") % {
                      "institution": placement.institution.name})


@transaction.atomic
def placement_create(*, person: Person, actor: User, **fields) -> ChildPlacement:
    """Register a child's place (requested, offered or already started)."""
    if fields.get("institution") is None:
        raise ValidationError({"institution": _("Choose the institution.")})
    placement = ChildPlacement(person=person, created_by=actor,
                               institution=fields["institution"])
    apply_fields(placement, stripped(fields), PLACEMENT_FIELDS)
    _check_child(person=person, actor=actor, on=placement.requested_on or timezone.localdate())
    if not placement.institution.active:
        raise ValidationError({"institution": _("The institution is no longer active.")})
    _check_placement(placement)
    placement.save()
    _audit(actor=actor, person=person, obj=placement, action=AuditAction.CREATE,
           summary=f"Child's place registered ({placement.kind}, {placement.status})")
    _placement_met(placement, actor)
    return placement


@transaction.atomic
def placement_update(*, placement: ChildPlacement, actor: User, **fields) -> ChildPlacement:
    placement = (ChildPlacement.objects.select_for_update(of=("self",))
                 .select_related("person__household__municipality", "institution")
                 .get(pk=placement.pk))
    person = placement.person
    before = apply_fields(placement, stripped(fields), PLACEMENT_FIELDS)
    _check_child(person=person, actor=actor,
                 on=placement.requested_on or timezone.localdate())
    _check_placement(placement)
    placement.save()
    changed = changed_field_names(before, {name: getattr(placement, name)
                                           for name in PLACEMENT_FIELDS})
    if changed:
        _audit(actor=actor, person=person, obj=placement, action=AuditAction.UPDATE,
               summary=f"Child's place changed ({placement.status})", fields=changed)
    _placement_met(placement, actor)
    return placement


# Language assessments.


def _check_assessment(assessment: LanguageAssessment) -> None:
    person = assessment.person
    _not_in_future(assessment.assessed_on, "assessed_on")
    _not_before_arrival(person, assessment.assessed_on, "assessed_on", _("assessment"))
    results = selectors.settings_for(person.household.municipality_id).results
    if assessment.result not in results:
        raise ValidationError({"result": _("Choose one of the municipality's results: "
                                           "%(results)s.") % {"results": ", ".join(results)}})
    assessment.full_clean()


@transaction.atomic
def assessment_create(*, person: Person, actor: User, **fields) -> LanguageAssessment:
    assessment = LanguageAssessment(person=person, created_by=actor)
    apply_fields(assessment, stripped(fields), ASSESSMENT_FIELDS)
    _check_child(person=person, actor=actor, on=assessment.assessed_on or timezone.localdate())
    _check_assessment(assessment)
    assessment.save()
    _audit(actor=actor, person=person, obj=assessment, action=AuditAction.CREATE,
           summary="Language assessment recorded")
    _complete(person=person, kind=LANGUAGE_ASSESSMENT, actor=actor,
              done_on=assessment.assessed_on,
              note=_("Assessed: %(result)s.") % {"result": assessment.result})
    return assessment


@transaction.atomic
def assessment_update(*, assessment: LanguageAssessment, actor: User,
                      **fields) -> LanguageAssessment:
    assessment = (LanguageAssessment.objects.select_for_update(of=("self",))
                  .select_related("person__household__municipality").get(pk=assessment.pk))
    person = assessment.person
    before = apply_fields(assessment, stripped(fields), ASSESSMENT_FIELDS)
    _check_child(person=person, actor=actor,
                 on=assessment.assessed_on or timezone.localdate())
    _check_assessment(assessment)
    assessment.save()
    changed = changed_field_names(before, {name: getattr(assessment, name)
                                           for name in ASSESSMENT_FIELDS})
    if changed:
        _audit(actor=actor, person=person, obj=assessment, action=AuditAction.UPDATE,
               summary="Language assessment changed", fields=changed)
    return assessment


# Youth guidance.


@transaction.atomic
def youth_guidance_save(*, person: Person, actor: User, **fields) -> YouthGuidance:
    """Record or change the youth guidance of a 15–17-year-old (at the first meeting, or
    today when none is set)."""
    found = YouthGuidance.objects.select_for_update().filter(person=person).first()
    guidance = found or YouthGuidance(person=person)
    before = apply_fields(guidance, stripped(fields), GUIDANCE_FIELDS)
    day = guidance.first_meeting_on or timezone.localdate()
    _check_child(person=person, actor=actor, on=day)
    if not selectors.is_youth_guidance_age(person.age_on(day)):
        raise ValidationError({"first_meeting_on": _(
            "Youth guidance is for young people aged 15 to 17; %(name)s is %(age)s on "
            "%(date)s.") % {"name": person.full_name, "age": person.age_on(day),
                            "date": short_date(day)}})
    _not_before_arrival(person, guidance.first_meeting_on, "first_meeting_on",
                        _("first meeting"))
    if guidance.plan_date and guidance.plan_date > timezone.localdate():
        raise ValidationError({"plan_date": _("The date cannot be in the future.")})
    guidance.full_clean()
    guidance.save()
    changed = changed_field_names(before, {name: getattr(guidance, name)
                                           for name in GUIDANCE_FIELDS})
    if found is None or changed:
        _audit(actor=actor, person=person, obj=guidance,
               action=AuditAction.CREATE if found is None else AuditAction.UPDATE,
               summary="Youth guidance saved", fields=changed)
    if guidance.first_meeting_on:
        _complete(person=person, kind=YOUTH_GUIDANCE, actor=actor,
                  done_on=guidance.first_meeting_on, note=_("First meeting held."))
    return guidance
