"""The employment rules as effective-dated configuration (domain.md §§3–4, §7).

One row is one version of the limits, for the nation (no municipality) or for one
municipality, in force from `effective_from` until a newer version of the same owner.
A municipality without a version of its own uses the national one. A version is never
edited into the past: a change in the law is a new row with a new date, so a measure can
always be explained by the rules that were in force when it was planned.

The values are checked when a measure is planned; a breach is a warning the caseworker
acknowledges with a reason, never a hard stop — rules change faster than software.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet
from integration_portal.rules.models import ResidenceBasis

SMALL = [MinValueValidator(1), MaxValueValidator(99)]


def small(label, default: int, help_text="") -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(label, default=default, validators=SMALL,
                                            help_text=help_text)


def default_igu_bases() -> list[str]:
    return [ResidenceBasis.ASYLUM_REFUGEE, ResidenceBasis.QUOTA_REFUGEE,
            ResidenceBasis.FAMILY_REUNIFIED, ResidenceBasis.UKRAINIAN_SPECIAL_ACT]


class EmploymentRuleSet(models.Model):
    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
        help_text=_("Leave empty for the national rules."),
    )
    effective_from = models.DateField(_("in force from"))
    legal_basis = models.CharField(
        _("legal basis"), max_length=255, blank=True,
        help_text=_('For example "L 82 2023-24; LAB § 68".'),
    )
    # IGU (L 82 2023-24; domain.md §3).
    igu_min_age = small(_("IGU: youngest age at the start"), 18)
    igu_max_age = small(_("IGU: oldest age at the start"), 49,
                        _("Inclusive: 49 means under 50."))
    igu_max_years_registered = small(
        _("IGU: most years with a registered address in Denmark"), 20)
    igu_residence_bases = models.JSONField(
        _("IGU: residence bases"), default=default_igu_bases, blank=True,
        help_text=_("Codes of the residence bases that give access to IGU."),
    )
    igu_last_start_on = models.DateField(
        _("IGU: last start date of the scheme"), null=True, blank=True,
        help_text=_("Empty when the scheme has no end date."),
    )
    igu_months = small(_("IGU: length in months"), 24)
    igu_school_weeks = small(_("IGU: school weeks"), 23)
    igu_min_hours_per_week = models.DecimalField(
        _("IGU: fewest hours a week in the internship, on average"), max_digits=4,
        decimal_places=1, default=25, validators=[MinValueValidator(1), MaxValueValidator(37)],
    )
    igu_extension_min_weeks = small(
        _("IGU: weeks of leave or illness that allow an extension"), 8,
        _("An interruption longer than this extends the IGU by its length."))
    igu_bonus_dkk = models.PositiveIntegerField(
        _("IGU: the private employer's bonus (DKK, each payment)"), default=20000)
    # Wage subsidy (LAB § 68), internships and the special upskilling course.
    wage_subsidy_private_max_months = small(_("Wage subsidy, private: most months"), 6)
    wage_subsidy_public_max_months = small(_("Wage subsidy, public: most months"), 4)
    internship_weeks = small(_("Company internship: weeks"), 13)
    internship_extension_weeks = small(_("Company internship: extension in weeks"), 13)
    special_upskilling_max_months = small(_("Special upskilling course: most months"), 3,
                                          _("Once only (INL § 23 a)."))
    # The work duty: Danish lessons, small jobs and internships together (domain.md §1).
    max_hours_per_week = models.DecimalField(
        _("most hours a week in all"), max_digits=4, decimal_places=1, default=37,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("Measures and Danish education at the same time add up to at most this."),
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("employment rules")
        verbose_name_plural = _("employment rules")
        ordering = ["municipality_id", "-effective_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "effective_from"],
                name="employment_rules_one_per_municipality_and_date",
                violation_error_message=_("There are already rules in force from that date."),
            ),
            models.UniqueConstraint(
                fields=["effective_from"], condition=Q(municipality__isnull=True),
                name="employment_rules_one_national_per_date",
                violation_error_message=_("There are already national rules in force from "
                                          "that date."),
            ),
            models.CheckConstraint(
                name="employment_rules_igu_ages_in_order",
                condition=Q(igu_min_age__lte=models.F("igu_max_age")),
                violation_error_message=_("The youngest IGU age is above the oldest."),
            ),
        ]

    def __str__(self) -> str:
        owner = self.municipality.name if self.municipality_id else _("National")
        return f"{owner}: {self.effective_from:%Y-%m-%d}"

    @property
    def is_national(self) -> bool:
        return self.municipality_id is None

    def clean(self) -> None:
        super().clean()
        bases = self.igu_residence_bases
        if not isinstance(bases, list) or set(bases) - set(ResidenceBasis.values):
            raise ValidationError({"igu_residence_bases": _("Choose known residence bases.")})
