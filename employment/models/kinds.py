"""Kinds of measure: configured rows, each with a fixed category the rules and outcomes use.

The law names the categories (IGU, virksomhedspraktik, løntilskud …), and the rules engine
checks a measure by its category. Municipalities name their own offers within them — a
"jobtræningsbaneforløb" is a local term (domain.md §4) — so the kinds are data: the national
ones are seeded by a migration, and a municipality adds its own.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet


class MeasureCategory(models.TextChoices):
    IGU = "igu", _("Basic integration education (IGU)")
    COMPANY_INTERNSHIP = "company_internship", _("Company internship (virksomhedspraktik)")
    LANGUAGE_INTERNSHIP = "language_internship", _("Language internship (sprogpraktik)")
    WAGE_SUBSIDY_PRIVATE = "wage_subsidy_private", _("Wage subsidy, private employer")
    WAGE_SUBSIDY_PUBLIC = "wage_subsidy_public", _("Wage subsidy, public employer")
    SMALL_JOB = "small_job", _("Small job (småjob)")
    ORDINARY_JOB = "ordinary_job", _("Ordinary job")
    EDUCATION = "education", _("Education")
    JOB_TRAINING = "job_training", _("Job-training track (jobtræningsbaneforløb)")
    SPECIAL_UPSKILLING = "special_upskilling", _("Special upskilling course")
    OTHER = "other", _("Other offer")


class OutcomeKind(models.TextChoices):
    """What a person is doing on a given day, for the outcomes at 6, 12 and 24 months."""

    JOB = "job", _("Job")
    EDUCATION = "education", _("Education")
    IGU = "igu", _("IGU")
    OTHER_MEASURE = "other_measure", _("Other measure")
    NONE = "none", _("None")


# Which outcome each category counts as; the first in OUTCOME_PRECEDENCE wins on a day with
# several measures (a person in a job who also takes a course is in a job).
CATEGORY_OUTCOME = {
    MeasureCategory.IGU: OutcomeKind.IGU,
    MeasureCategory.SMALL_JOB: OutcomeKind.JOB,
    MeasureCategory.ORDINARY_JOB: OutcomeKind.JOB,
    MeasureCategory.EDUCATION: OutcomeKind.EDUCATION,
}
OUTCOME_PRECEDENCE = (OutcomeKind.JOB, OutcomeKind.IGU, OutcomeKind.EDUCATION,
                      OutcomeKind.OTHER_MEASURE)
# Measures with an employer: the form asks for one.
EMPLOYER_CATEGORIES = frozenset({
    MeasureCategory.IGU, MeasureCategory.COMPANY_INTERNSHIP,
    MeasureCategory.LANGUAGE_INTERNSHIP, MeasureCategory.WAGE_SUBSIDY_PRIVATE,
    MeasureCategory.WAGE_SUBSIDY_PUBLIC, MeasureCategory.SMALL_JOB,
    MeasureCategory.ORDINARY_JOB, MeasureCategory.JOB_TRAINING,
})


class MeasureTypeQuerySet(MunicipalityQuerySet):
    def available_in(self, municipality_id: int) -> MeasureTypeQuerySet:
        """The national kinds and the municipality's own, active ones."""
        return self.filter(Q(municipality__isnull=True) | Q(municipality_id=municipality_id),
                           is_active=True)


class MeasureType(models.Model):
    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
        help_text=_("Leave empty for a national kind every municipality offers."),
    )
    code = models.SlugField(_("code"), max_length=50)
    name = models.CharField(_("name (Danish)"), max_length=120)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    category = models.CharField(_("category"), max_length=30, choices=MeasureCategory.choices)
    is_active = models.BooleanField(_("offered"), default=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = MeasureTypeQuerySet.as_manager()

    class Meta:
        verbose_name = _("kind of measure")
        verbose_name_plural = _("kinds of measure")
        ordering = ["position", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "code"],
                                    name="employment_measuretype_unique_code"),
            models.UniqueConstraint(fields=["code"], condition=Q(municipality__isnull=True),
                                    name="employment_measuretype_unique_national_code"),
        ]

    def __str__(self) -> str:
        if self.name_en and translation.get_language() == "en":
            return self.name_en
        return self.name

    def clean(self) -> None:
        super().clean()
        if not self.name.strip():
            raise ValidationError({"name": _("Enter a name.")})

    @property
    def outcome(self) -> str:
        return CATEGORY_OUTCOME.get(self.category, OutcomeKind.OTHER_MEASURE)

    @property
    def needs_employer(self) -> bool:
        return self.category in EMPLOYER_CATEGORIES
