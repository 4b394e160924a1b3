"""Placements: a household reserved into, living in or gone from a home, and its move-in
checklist.

A placement occupies its home from `starts_on` (the move-in, inclusive) to `ends_on` (the
move-out, exclusive; empty while open-ended): a household moving out on the 1st and another
moving in on the 1st do not overlap. Cancelled reservations occupy nothing. The persons of
the placements overlapping at any day never exceed the home's capacity: the placement
services lock the home's row and re-count inside the transaction, and on PostgreSQL a trigger
(migration 0002) checks the same on every write, whoever makes it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet


class PlacementStatus(models.TextChoices):
    RESERVED = "reserved", _("Reserved")
    ACTIVE = "active", _("Moved in")
    ENDED = "ended", _("Moved out")
    CANCELLED = "cancelled", _("Cancelled")


OCCUPYING_STATUSES = (PlacementStatus.RESERVED, PlacementStatus.ACTIVE, PlacementStatus.ENDED)


class PlacementQuerySet(MunicipalityQuerySet):
    municipality_path = "unit__municipality"

    def occupying(self) -> PlacementQuerySet:
        return self.exclude(status=PlacementStatus.CANCELLED)

    def overlapping(self, start, end) -> PlacementQuerySet:
        """Placements that occupy some day of [start, end) (end None: open-ended)."""
        overlapping = self.occupying().filter(
            Q(ends_on__isnull=True) | Q(ends_on__gt=start)
        ).exclude(ends_on=models.F("starts_on"))
        if end is not None:
            overlapping = overlapping.filter(starts_on__lt=end)
        return overlapping

    def living_on(self, day) -> PlacementQuerySet:
        return self.overlapping(day, None).filter(starts_on__lte=day)


class Placement(models.Model):
    household = models.ForeignKey(
        "reception.Household", verbose_name=_("household"), on_delete=models.PROTECT,
        related_name="housing_placements",
    )
    unit = models.ForeignKey(
        "housing.HousingUnit", verbose_name=_("home"), on_delete=models.PROTECT,
        related_name="placements",
    )
    # A snapshot of the home's kind when reserved: a home's kind may change later.
    is_permanent = models.BooleanField(_("permanent home"))
    status = models.CharField(_("status"), max_length=20, choices=PlacementStatus.choices,
                              default=PlacementStatus.RESERVED)
    starts_on = models.DateField(_("move-in"))
    ends_on = models.DateField(_("move-out"), null=True, blank=True)
    persons = models.PositiveSmallIntegerField(_("persons"), validators=[MinValueValidator(1)])
    note = models.TextField(_("note"), blank=True)
    moving_task = models.ForeignKey(
        "volunteers.Task", verbose_name=_("moving-help task"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reserved by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("status changed by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )

    objects = PlacementQuerySet.as_manager()

    class Meta:
        verbose_name = _("placement")
        verbose_name_plural = _("placements")
        ordering = ["starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                name="housing_placement_moves_out_after_moving_in",
                condition=Q(ends_on__isnull=True) | Q(ends_on__gte=models.F("starts_on")),
                violation_error_message=_("The move-out cannot be before the move-in."),
            ),
            models.CheckConstraint(
                name="housing_placement_persons_positive", condition=Q(persons__gte=1),
            ),
            # A household lives in one home at a time, and holds at most one reservation.
            models.UniqueConstraint(
                fields=["household"], condition=Q(status=PlacementStatus.ACTIVE),
                name="housing_placement_one_home_at_a_time",
            ),
            models.UniqueConstraint(
                fields=["household"], condition=Q(status=PlacementStatus.RESERVED),
                name="housing_placement_one_reservation_per_household",
            ),
        ]
        indexes = [
            models.Index(fields=["unit", "status", "starts_on"]),
            models.Index(fields=["household", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.unit} ({self.starts_on})"

    @property
    def kind_label(self) -> str:
        return str(_("Permanent home") if self.is_permanent else _("Temporary housing"))


class ChecklistItemQuerySet(MunicipalityQuerySet):
    municipality_path = "placement__unit__municipality"


class ChecklistItem(models.Model):
    """One line of a move-in checklist, copied from the service frame when the home is
    reserved (a later change to the frame does not rewrite promises already made)."""

    placement = models.ForeignKey(Placement, verbose_name=_("placement"),
                                  on_delete=models.CASCADE, related_name="checklist")
    name = models.CharField(_("item"), max_length=150)
    quantity = models.PositiveSmallIntegerField(_("quantity"), default=1)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    delivered_on = models.DateField(_("delivered"), null=True, blank=True)

    objects = ChecklistItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("move-in checklist item")
        verbose_name_plural = _("move-in checklist items")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return f"{self.quantity} x {self.name}"
