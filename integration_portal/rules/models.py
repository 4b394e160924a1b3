"""Rule sets: which milestone is due how long after which event, per municipality and date.

A `RuleSet` is one version of one municipality's rules (or, with no municipality, of the
national default), in force from `effective_from` until a newer set of the same owner takes
over. Sets are never edited into the past: a change in the law is a new set with a new date,
so a case can always be explained by the rules that were in force for it.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet
from integration_portal.rules.registry import get_milestone_kind, milestone_kind_choices


class ResidenceBasis(models.TextChoices):
    ASYLUM_REFUGEE = "asylum_refugee", _("Refugee (asylum)")
    QUOTA_REFUGEE = "quota_refugee", _("Quota refugee (UDL § 8)")
    FAMILY_REUNIFIED = "family_reunified", _("Family-reunified")
    UKRAINIAN_SPECIAL_ACT = "ukrainian_special_act", _("Ukrainian under the special act (særloven)")
    OTHER_IMMIGRANT = "other_immigrant", _("Other immigrant")


class Anchor(models.TextChoices):
    """The event a deadline counts from. Add members here as apps need new anchors."""

    TAKEOVER = "takeover", _("Takeover by the municipality")
    ARRIVAL = "arrival", _("Arrival in the municipality")
    PLACEMENT_DECISION = "placement_decision", _("Housing placement decision (visitering)")
    MEASURE_START = "measure_start", _("Start of the measure")
    BIRTH = "birth", _("Birth")
    # Provided by employment through `hooks.register_anchor_provider`.
    IGU_START = "igu_start", _("Start of the IGU")
    IGU_END = "igu_end", _("End of the IGU")


class OffsetUnit(models.TextChoices):
    DAYS = "days", _("calendar days")
    WORKING_DAYS = "working_days", _("working days")
    WEEKS = "weeks", _("weeks")
    MONTHS = "months", _("calendar months")


class Confidence(models.TextChoices):
    """How sure the rule is, as in domain.md: checked, general knowledge, or uncertain."""

    VERIFIED = "V", _("Checked against a public source")
    GENERAL = "G", _("General knowledge, not checked")
    UNCERTAIN = "?", _("Uncertain or conflicting")


class RuleSet(models.Model):
    municipality = models.ForeignKey(
        "accounts.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="rule_sets",
        help_text=_("Leave empty for the national default, which every municipality inherits."),
    )
    name = models.CharField(_("name"), max_length=150)
    effective_from = models.DateField(_("in force from"))
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("rule set")
        verbose_name_plural = _("rule sets")
        ordering = ["municipality__name", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "effective_from"],
                name="rules_ruleset_one_per_municipality_and_date",
                violation_error_message=_(
                    "This municipality already has a rule set in force from that date."
                ),
            ),
            # NULLs are distinct in a unique index, so the national default needs its own.
            models.UniqueConstraint(
                fields=["effective_from"],
                condition=models.Q(municipality__isnull=True),
                name="rules_ruleset_one_national_per_date",
                violation_error_message=_(
                    "There is already a national default rule set in force from that date."
                ),
            ),
        ]

    def __str__(self) -> str:
        owner = self.municipality.name if self.municipality_id else _("National default")
        return f"{owner}: {self.name} ({self.effective_from:%Y-%m-%d})"

    @property
    def is_national(self) -> bool:
        return self.municipality_id is None


class RuleQuerySet(MunicipalityQuerySet):
    municipality_path = "rule_set__municipality"


class Rule(models.Model):
    """MILESTONE_KIND is due OFFSET after ANCHOR, for whom (residence basis, age)."""

    rule_set = models.ForeignKey(
        RuleSet, verbose_name=_("rule set"), on_delete=models.CASCADE, related_name="rules"
    )
    # Choices come from the registry (a callable), so apps add kinds without a migration.
    milestone_kind = models.CharField(
        _("milestone"), max_length=50, choices=milestone_kind_choices
    )
    anchor = models.CharField(_("counted from"), max_length=40, choices=Anchor.choices)
    offset_amount = models.PositiveIntegerField(_("offset"))
    offset_unit = models.CharField(_("unit"), max_length=20, choices=OffsetUnit.choices)
    applies_to_residence_bases = models.JSONField(
        _("residence bases"),
        default=list,
        blank=True,
        help_text=_("Codes of the residence bases the rule applies to; empty means all."),
    )
    min_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True,
        help_text=_("Age at the anchor date, inclusive."),
    )
    max_age = models.PositiveSmallIntegerField(
        _("maximum age"), null=True, blank=True,
        help_text=_("Age at the anchor date, inclusive."),
    )
    is_local = models.BooleanField(
        _("local target"),
        default=False,
        help_text=_(
            "The municipality's own stricter target, shown beside the statutory deadline "
            "rather than replacing it."
        ),
    )
    roll_to_working_day = models.BooleanField(
        _("move to the next working day"),
        default=False,
        help_text=_("If the due date falls on a weekend or public holiday."),
    )
    legal_basis = models.CharField(
        _("legal basis"), max_length=255, help_text=_('For example "INL § 21".')
    )
    confidence = models.CharField(
        _("confidence"), max_length=1, choices=Confidence.choices, default=Confidence.UNCERTAIN
    )
    note = models.TextField(_("note"), blank=True)

    objects = RuleQuerySet.as_manager()

    class Meta:
        verbose_name = _("rule")
        verbose_name_plural = _("rules")
        # rule_set_id, not rule_set: ordering by the relation would join its own ordering.
        ordering = ["rule_set_id", "milestone_kind", "is_local", "id"]
        constraints = [
            models.CheckConstraint(
                name="rules_rule_min_age_not_above_max_age",
                condition=models.Q(min_age__isnull=True)
                | models.Q(max_age__isnull=True)
                | models.Q(min_age__lte=models.F("max_age")),
                violation_error_message=_("The minimum age cannot be above the maximum age."),
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.milestone_label}: {self.offset_amount} {self.get_offset_unit_display()} "
            f"/ {self.get_anchor_display()}"
        )

    @property
    def milestone_label(self) -> Promise | str:
        try:
            return get_milestone_kind(self.milestone_kind).label
        except LookupError:
            return self.milestone_kind

    def clean(self) -> None:
        super().clean()
        errors: dict[str, list] = {}
        bases = self.applies_to_residence_bases
        if not isinstance(bases, list) or not all(isinstance(code, str) for code in bases):
            errors["applies_to_residence_bases"] = [
                _("Enter a list of residence basis codes.")
            ]
        else:
            unknown = sorted(set(bases) - set(ResidenceBasis.values))
            if unknown:
                errors["applies_to_residence_bases"] = [
                    _("Unknown residence basis: %(codes)s.") % {"codes": ", ".join(unknown)}
                ]
            elif len(set(bases)) != len(bases):
                errors["applies_to_residence_bases"] = [
                    _("A residence basis is listed twice.")
                ]
        # A related-object lookup on an unset foreign key raises an AttributeError subclass.
        rule_set = getattr(self, "rule_set", None)
        if self.is_local and rule_set is not None and rule_set.is_national:
            errors["is_local"] = [
                _("The national default holds statutory rules only; local targets belong to "
                  "a municipality's rule set.")
            ]
        if errors:
            raise ValidationError(errors)
