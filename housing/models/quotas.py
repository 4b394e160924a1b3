"""The municipality's yearly quota (kommunekvote), per category."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet
from integration_portal.rules.models import ResidenceBasis


class QuotaCategory(models.TextChoices):
    REFUGEES = "refugees", _("Refugees (kommunekvote)")
    UKRAINIAN = "ukrainian", _("Ukrainians under the special act (kommunetal)")


# Who counts against which number. Family-reunified persons and other immigrants are not
# distributed by quota (domain.md §2); Ukrainians have separate numbers (kommunetal).
QUOTA_BASES = {
    QuotaCategory.REFUGEES: (ResidenceBasis.ASYLUM_REFUGEE, ResidenceBasis.QUOTA_REFUGEE),
    QuotaCategory.UKRAINIAN: (ResidenceBasis.UKRAINIAN_SPECIAL_ACT,),
}


class Quota(models.Model):
    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    category = models.CharField(_("category"), max_length=20, choices=QuotaCategory.choices)
    persons = models.PositiveIntegerField(
        _("persons"), validators=[MaxValueValidator(100000)],
        help_text=_("The number of persons the municipality is to receive in the year."),
    )
    note = models.CharField(_("note"), max_length=300, blank=True,
                            help_text=_("For example the KKR decision it comes from."))
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("quota (kommunekvote)")
        verbose_name_plural = _("quotas (kommunekvoter)")
        ordering = ["-year", "category"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year", "category"],
                                    name="housing_quota_one_per_year_and_category"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_category_display()}: {self.persons}"
