"""Places that matter when choosing a home: schools, daycare, shops, transport and networks."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from housing.models.stock import coordinate_fields, inside_denmark
from integration_portal.core.scoping import MunicipalityQuerySet


class PlaceKind(models.TextChoices):
    SCHOOL = "school", _("School")
    DAYCARE = "daycare", _("Daycare (vuggestue, børnehave)")
    SFO = "sfo", _("After-school care (SFO)")
    SHOP = "shop", _("Shop")
    STATION = "station", _("Train station")
    STOP = "stop", _("Bus stop")
    RELATIVES = "relatives", _("Relatives (network)")
    COMMUNITY = "community", _("Community or association (network)")


NETWORK_KINDS = (PlaceKind.RELATIVES, PlaceKind.COMMUNITY)
TRANSPORT_KINDS = (PlaceKind.STATION, PlaceKind.STOP)


class Place(models.Model):
    """A point on the map. Network places may belong to one household (staff only)."""

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=PlaceKind.choices)
    name = models.CharField(_("name"), max_length=150)
    latitude, longitude = coordinate_fields()
    household = models.ForeignKey(
        "reception.Household", verbose_name=_("household"), on_delete=models.CASCADE,
        null=True, blank=True, related_name="housing_network",
        help_text=_("Only for relatives or a community that matters to one household."),
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True,
        help_text=_("For a community: the languages it gathers people around. Empty: "
                    "everyone."),
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("place")
        verbose_name_plural = _("places")
        ordering = ["kind", "name", "pk"]
        constraints = [
            inside_denmark("housing_place"),
            models.CheckConstraint(
                name="housing_place_household_only_for_network",
                condition=models.Q(household__isnull=True)
                | models.Q(kind__in=[kind.value for kind in NETWORK_KINDS]),
                violation_error_message=_("Only a network place can belong to a household."),
            ),
        ]
        indexes = [models.Index(fields=["municipality", "kind"])]

    def __str__(self) -> str:
        return self.name

    @property
    def is_network(self) -> bool:
        return self.kind in NETWORK_KINDS

    def clean(self) -> None:
        super().clean()
        if self.household_id and not self.is_network:
            raise ValidationError({"household": _(
                "Only relatives or a community can belong to a household.")})
        if (self.household_id and self.municipality_id
                and self.household.municipality_id != self.municipality_id):
            raise ValidationError({"household": _("The case belongs to another municipality.")})
        if not isinstance(self.languages, list):
            raise ValidationError({"languages": _("Enter a list of language codes.")})
