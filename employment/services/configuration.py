"""Writes of a municipality's employment configuration: new versions of its employment rules,
and its own kinds of measure.

Managers make them (Perm.MANAGE_MUNICIPALITY): the limits are the law as the municipality
reads it and the kinds are its offers, neither is casework. A version of the rules is never
changed once made — measures keep a link to the version they were checked against, so a
change is a new version from a new date (see `employment.models.rules`).
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext as _

from employment.models import EmploymentRuleSet, MeasureType
from employment.selectors.rules import employment_rules_in_force
from integration_portal.accounts.permissions import Perm, require
from integration_portal.audit.models import AuditAction
from integration_portal.audit.services import audit_record, changed_field_names
from integration_portal.core.services import apply_fields, stripped
from integration_portal.rules.models import ResidenceBasis

if TYPE_CHECKING:
    from integration_portal.accounts.models import Municipality, User

# The values of a version, in the order the pages show them.
RULE_VALUE_FIELDS = (
    "igu_min_age", "igu_max_age", "igu_max_years_registered", "igu_residence_bases",
    "igu_last_start_on", "igu_months", "igu_school_weeks", "igu_min_hours_per_week",
    "igu_extension_min_weeks", "igu_bonus_dkk", "wage_subsidy_private_max_months",
    "wage_subsidy_public_max_months", "internship_weeks", "internship_extension_weeks",
    "special_upskilling_max_months", "max_hours_per_week",
)
RULE_FIELDS = (*RULE_VALUE_FIELDS, "legal_basis", "note")
MEASURE_TYPE_FIELDS = ("name", "name_en", "category", "position", "is_active")

# Danish letters a slug would otherwise drop ("Jobtræning" → "jobtrning").
DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe",
                                "Å": "Aa"})
CODE_LENGTH = MeasureType._meta.get_field("code").max_length


@transaction.atomic
def employment_rules_create(*, municipality: Municipality, actor: User,
                            effective_from: datetime.date, **values) -> EmploymentRuleSet:
    """A new version of the municipality's own rules, in force from `effective_from`.

    A value not given is copied from the version in force on that day (the municipality's
    own or the national one), so that every version holds all values and replaces the
    national rules whole. The note is the new version's own. Raises `ValidationError` when
    the municipality already has a version from that date: it is not edited, a new date is
    chosen.
    """
    require(actor, Perm.MANAGE_MUNICIPALITY, municipality_id=municipality.pk)
    unknown = set(values) - set(RULE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown rule fields: {sorted(unknown)}")
    if EmploymentRuleSet.objects.filter(municipality=municipality,
                                        effective_from=effective_from).exists():
        raise ValidationError({"effective_from": _(
            "Your municipality already has rules in force from %(date)s. A version is never "
            "changed once made: choose another date for the new one.") % {
                "date": formats.date_format(effective_from, "SHORT_DATE_FORMAT")}})
    current = employment_rules_in_force(municipality_id=municipality.pk, on=effective_from)
    copied = {name: getattr(current, name) for name in RULE_FIELDS if name != "note"}
    values = {**copied, **stripped(values)}
    if isinstance(values["igu_residence_bases"], list | tuple | set):
        # Stored in the order of the choices, so that equal sets compare equal.
        chosen = set(values["igu_residence_bases"])
        values["igu_residence_bases"] = [code for code in ResidenceBasis.values if code in chosen
                                         ] + sorted(chosen - set(ResidenceBasis.values))
    rules = EmploymentRuleSet(municipality=municipality, effective_from=effective_from,
                              created_by=actor, **values)
    rules.full_clean()
    rules.save()
    changed = changed_field_names(copied, {name: getattr(rules, name) for name in copied})
    audit_record(actor=actor, municipality=municipality, action=AuditAction.CREATE, obj=rules,
                 summary=f"Employment rules in force from {effective_from:%Y-%m-%d} created "
                         f"(copied from rule set {current.pk})",
                 changed_fields=changed)
    return rules


def _code_from(name: str) -> str:
    code = slugify(name.translate(DANISH_LETTERS))[:CODE_LENGTH - 4].strip("-")
    return code or "kind"


def _free_code(*, municipality_id: int, name: str) -> str:
    """A code made from the name, used by no kind the municipality offers (its own, active
    or not, and the national ones): "jobtraening", then "jobtraening-2" …"""
    base = _code_from(name)
    taken = set(MeasureType.objects
                .filter(Q(municipality_id=municipality_id) | Q(municipality__isnull=True),
                        code__startswith=base)
                .values_list("code", flat=True))
    code, number = base, 1
    while code in taken:
        number += 1
        code = f"{base}-{number}"
    return code


def _check_name_free(measure_type: MeasureType) -> None:
    # Two kinds of one name would be told apart by nobody choosing among them. Compared in
    # Python: SQLite folds the case of ASCII letters only ("Småjob", "SMÅJOB"), and the
    # kinds a municipality offers are a short list.
    names = (MeasureType.objects
             .filter(Q(municipality_id=measure_type.municipality_id)
                     | Q(municipality__isnull=True))
             .exclude(pk=measure_type.pk).values_list("name", flat=True))
    if measure_type.name.casefold() in {name.casefold() for name in names}:
        raise ValidationError({"name": _(
            "There is already a kind of measure named %(name)s.") % {"name": measure_type.name}})


@transaction.atomic
def measure_type_create(*, municipality: Municipality, actor: User, name: str,
                        name_en: str = "", category: str, position: int = 0) -> MeasureType:
    """Add a kind of measure of the municipality's own, in one of the categories the rules
    know: "Jobtræningsbaneforløb" as a job-training track, for example."""
    require(actor, Perm.MANAGE_MUNICIPALITY, municipality_id=municipality.pk)
    measure_type = MeasureType(municipality=municipality, name=name.strip(),
                               name_en=name_en.strip(), category=category, position=position)
    measure_type.code = _free_code(municipality_id=municipality.pk, name=measure_type.name)
    _check_name_free(measure_type)
    measure_type.full_clean()
    measure_type.save()
    audit_record(actor=actor, municipality=municipality, action=AuditAction.CREATE,
                 obj=measure_type,
                 summary=f"Kind of measure {measure_type.code} ({category}) created")
    return measure_type


@transaction.atomic
def measure_type_update(*, measure_type: MeasureType, actor: User, **fields) -> MeasureType:
    """Change one of the municipality's own kinds; `is_active` False stops offering it for
    new measures. The code stays. National kinds are changed by a migration, not here."""
    if measure_type.municipality_id is None:
        raise PermissionError("The national kinds of measure cannot be changed in the portal")
    require(actor, Perm.MANAGE_MUNICIPALITY, municipality_id=measure_type.municipality_id)
    measure_type = (MeasureType.objects.select_for_update(of=("self",))
                    .select_related("municipality").get(pk=measure_type.pk))
    before = apply_fields(measure_type, stripped(fields), MEASURE_TYPE_FIELDS)
    if measure_type.category != before["category"] and measure_type.measures.exists():
        # The category decides which rules a measure is checked against and what it counts
        # as in the outcomes: the measures already planned must keep theirs.
        raise ValidationError({"category": _(
            "Measures of this kind have been planned, so its category cannot change. Add a "
            "new kind instead, and stop offering this one.")})
    _check_name_free(measure_type)
    measure_type.full_clean()
    measure_type.save()
    changed = changed_field_names(before, {name: getattr(measure_type, name)
                                           for name in MEASURE_TYPE_FIELDS})
    if changed:
        audit_record(actor=actor, municipality=measure_type.municipality,
                     action=AuditAction.UPDATE, obj=measure_type,
                     summary=f"Kind of measure {measure_type.code} changed",
                     changed_fields=changed)
    return measure_type
