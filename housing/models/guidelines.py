"""A municipality's placement guidelines and its service frame (serviceramme) of furniture.

Lejre's welcome policy ("Velkommen til boligen") asks for guidelines that weigh access to
school, daycare, shopping, network and transport, and for households spread across the
whole municipality. The weights are the municipality's configuration, not code.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet

WEIGHT_VALIDATORS = [MinValueValidator(0), MaxValueValidator(10)]
WEIGHT_HELP = _("0 (ignore) to 10 (matters most).")


def weight_field(label, default: int) -> models.PositiveSmallIntegerField:
    return models.PositiveSmallIntegerField(label, default=default, validators=WEIGHT_VALIDATORS,
                                            help_text=WEIGHT_HELP)


class PlacementGuideline(models.Model):
    """How a municipality ranks homes for a household. One per municipality.

    A municipality without a stored row uses these field defaults (see
    `housing.selectors.guideline_for`), so matching works from the first day.
    """

    municipality = models.OneToOneField(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    weight_school = weight_field(_("weight: school (children 6–16)"), 5)
    weight_daycare = weight_field(_("weight: daycare and SFO (children 0–9)"), 4)
    weight_shop = weight_field(_("weight: shops"), 2)
    weight_transport = weight_field(_("weight: public transport"), 3)
    weight_network = weight_field(_("weight: network (relatives, communities)"), 4)
    weight_size = weight_field(_("weight: size fits the household"), 3)
    weight_spread = weight_field(_("weight: spread across the municipality"), 3)
    good_distance_km = models.DecimalField(
        _("good distance (km)"), max_digits=4, decimal_places=1, default=Decimal("1.0"),
        validators=[MinValueValidator(Decimal("0.1")), MaxValueValidator(Decimal("50"))],
        help_text=_("A place this close or closer gives full points."),
    )
    max_distance_km = models.DecimalField(
        _("longest distance (km)"), max_digits=4, decimal_places=1, default=Decimal("5.0"),
        validators=[MinValueValidator(Decimal("0.2")), MaxValueValidator(Decimal("99"))],
        help_text=_("A place this far away or farther gives no points."),
    )
    max_persons_per_room = models.PositiveSmallIntegerField(
        _("most persons per room"), default=2,
        validators=[MinValueValidator(1), MaxValueValidator(6)],
        help_text=_("A home with fewer rooms than this allows is too small."),
    )
    step_free_required = models.BooleanField(
        _("step-free access is a must when a household needs it"), default=True,
        help_text=_("Otherwise homes with steps are ranked, with the need shown."),
    )
    exclude_deprived_for_permanent = models.BooleanField(
        _("no permanent homes in deprived areas either"), default=False,
        help_text=_("Temporary housing in a deprived area is never offered (INL § 12)."),
    )
    spread_full_at = models.PositiveSmallIntegerField(
        _("households in one area before the spread gives no points"), default=4,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
    )
    note = models.TextField(_("note"), blank=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("changed by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("placement guideline")
        verbose_name_plural = _("placement guidelines")

    def __str__(self) -> str:
        return str(_("Placement guidelines"))

    def clean(self) -> None:
        super().clean()
        if (self.good_distance_km is not None and self.max_distance_km is not None
                and self.max_distance_km <= self.good_distance_km):
            raise ValidationError({"max_distance_km": _(
                "The longest distance must be greater than the good distance.")})


class ServiceFrameItem(models.Model):
    """One line of the municipality's service frame: furniture and household goods lent or
    given when a household moves in (local policy, domain.md §2)."""

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("item"), max_length=150)
    quantity = models.PositiveSmallIntegerField(
        _("quantity"), default=1, validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    per_person = models.BooleanField(
        _("per person"), default=False,
        help_text=_("The quantity is multiplied by the number of persons."),
    )
    for_temporary = models.BooleanField(_("for temporary housing"), default=True)
    for_permanent = models.BooleanField(_("for permanent homes"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("service frame item (serviceramme)")
        verbose_name_plural = _("service frame items (serviceramme)")
        ordering = ["position", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"],
                                    name="housing_service_frame_item_unique_name",
                                    violation_error_message=_(
                                        "The service frame already has an item of that name.")),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if not (self.for_temporary or self.for_permanent):
            raise ValidationError({"for_temporary": _(
                "Choose temporary housing, permanent homes or both.")})

    def quantity_for(self, persons: int) -> int:
        return self.quantity * persons if self.per_person else self.quantity
