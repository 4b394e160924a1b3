"""The housing stock: homes the municipality can place households in, and private hosts."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from housing.geo import LATITUDE_RANGE, LONGITUDE_RANGE, validate_latitude, validate_longitude
from integration_portal.core.scoping import MunicipalityQuerySet


class UnitKind(models.TextChoices):
    TEMPORARY = "temporary", _("Temporary housing (midlertidigt opholdssted)")
    PERMANENT = "permanent", _("Permanent home (permanent bolig)")
    PRIVATE_LODGING = "private_lodging", _("Private lodging (privat indkvartering)")
    SHARED_ROOM = "shared_room", _("Shared room (single adults)")


# A household moves into one of these while it waits for a permanent home.
TEMPORARY_KINDS = (UnitKind.TEMPORARY, UnitKind.PRIVATE_LODGING, UnitKind.SHARED_ROOM)


class LandlordKind(models.TextChoices):
    HOUSING_ASSOCIATION = "housing_association", _("Housing association (almen boligorganisation)")
    MUNICIPALITY = "municipality", _("The municipality")
    PRIVATE_LANDLORD = "private_landlord", _("Private landlord")
    PRIVATE_HOST = "private_host", _("Private host (privat indkvartering)")


def coordinate_fields() -> tuple[models.DecimalField, models.DecimalField]:
    return (
        models.DecimalField(
            _("latitude"), max_digits=8, decimal_places=6, validators=[validate_latitude],
            help_text=_("Decimal degrees, for example 55.6012."),
        ),
        models.DecimalField(
            _("longitude"), max_digits=9, decimal_places=6, validators=[validate_longitude],
            help_text=_("Decimal degrees, for example 11.9745."),
        ),
    )


def inside_denmark(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        name=f"{prefix}_inside_denmark",
        condition=Q(latitude__gte=LATITUDE_RANGE[0], latitude__lte=LATITUDE_RANGE[1],
                    longitude__gte=LONGITUDE_RANGE[0], longitude__lte=LONGITUDE_RANGE[1]),
        violation_error_message=_("The coordinates must be inside Denmark."),
    )


class PrivateHost(models.Model):
    """A citizen who lodges refugees in their own home (privat indkvartering)."""

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    agreement_signed_on = models.DateField(_("agreement signed"), null=True, blank=True)
    agreement_ends_on = models.DateField(
        _("agreement ends"), null=True, blank=True,
        help_text=_("Leave empty while the agreement runs until further notice."),
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("private host")
        verbose_name_plural = _("private hosts")
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                name="private_host_agreement_ends_after_signing",
                condition=Q(agreement_ends_on__isnull=True)
                | Q(agreement_signed_on__isnull=True)
                | Q(agreement_ends_on__gte=models.F("agreement_signed_on")),
                violation_error_message=_("The agreement cannot end before it was signed."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.agreement_ends_on and not self.agreement_signed_on:
            raise ValidationError({"agreement_signed_on": _(
                "Enter when the agreement was signed before giving its end.")})
        if (self.agreement_ends_on and self.agreement_signed_on
                and self.agreement_ends_on < self.agreement_signed_on):
            raise ValidationError({"agreement_ends_on": _(
                "The agreement cannot end before it was signed.")})

    def agreement_covers(self, start, end) -> bool:
        """Whether a signed agreement runs on `start` and still on `end` (None: unknown)."""
        if self.agreement_signed_on is None or self.agreement_signed_on > start:
            return False
        return self.agreement_ends_on is None or self.agreement_ends_on >= (end or start)


class HousingUnit(models.Model):
    """A home, a room or a host's spare room the municipality can place a household in."""

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    address = models.CharField(_("address"), max_length=200,
                               help_text=_("Street, number and floor."))
    postcode = models.CharField(
        _("postcode"), max_length=4,
        validators=[RegexValidator(r"^\d{4}$", _("Enter a four-digit Danish postcode."))],
    )
    town = models.CharField(_("town"), max_length=100)
    area = models.CharField(
        _("area"), max_length=100, blank=True,
        help_text=_("A district of the town, used to spread households; the town is used "
                    "when empty."),
    )
    latitude, longitude = coordinate_fields()
    kind = models.CharField(_("kind"), max_length=20, choices=UnitKind.choices)
    rooms = models.PositiveSmallIntegerField(
        _("rooms"), validators=[MinValueValidator(1), MaxValueValidator(20)]
    )
    size_m2 = models.PositiveIntegerField(
        _("size (m²)"), validators=[MinValueValidator(5), MaxValueValidator(1000)]
    )
    rent_dkk = models.DecimalField(
        _("monthly rent (DKK)"), max_digits=9, decimal_places=2,
        validators=[MinValueValidator(0)],
    )
    step_free = models.BooleanField(
        _("step-free access"), default=False,
        help_text=_("No steps from the street to the home and inside it (or a lift)."),
    )
    capacity = models.PositiveSmallIntegerField(
        _("capacity (persons)"), validators=[MinValueValidator(1), MaxValueValidator(50)],
        help_text=_("The most persons who may live here at the same time."),
    )
    landlord_kind = models.CharField(_("landlord"), max_length=30, choices=LandlordKind.choices)
    landlord_name = models.CharField(
        _("landlord's name"), max_length=150, blank=True,
        help_text=_("For example the housing association. Not needed for a private host."),
    )
    private_host = models.ForeignKey(
        PrivateHost, verbose_name=_("private host"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="units",
    )
    available_from = models.DateField(_("available from"))
    available_until = models.DateField(
        _("available until"), null=True, blank=True,
        help_text=_("Leave empty when the home is available until further notice."),
    )
    deprived_area = models.BooleanField(
        _("in a deprived area (udsat boligområde)"), default=False,
        help_text=_("Temporary housing may not be in a deprived area (INL § 12)."),
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("home")
        verbose_name_plural = _("homes")
        ordering = ["town", "address", "pk"]
        constraints = [
            inside_denmark("housing_unit"),
            models.CheckConstraint(
                name="housing_unit_capacity_positive", condition=Q(capacity__gte=1),
            ),
            models.CheckConstraint(
                name="housing_unit_available_until_after_from",
                condition=Q(available_until__isnull=True)
                | Q(available_until__gte=models.F("available_from")),
                violation_error_message=_(
                    "A home cannot stop being available before it becomes available."),
            ),
            # A host's spare room is let by the host; nothing else is.
            models.CheckConstraint(
                name="housing_unit_private_host_iff_host_landlord",
                condition=Q(landlord_kind=LandlordKind.PRIVATE_HOST, private_host__isnull=False)
                | (~Q(landlord_kind=LandlordKind.PRIVATE_HOST) & Q(private_host__isnull=True)),
                violation_error_message=_("Choose the private host exactly when the landlord "
                                          "is a private host."),
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "kind", "available_from"]),
            models.Index(fields=["municipality", "town"]),
        ]

    def __str__(self) -> str:
        return f"{self.address}, {self.postcode} {self.town}"

    @property
    def spread_area(self) -> str:
        return self.area or self.town

    @property
    def is_permanent(self) -> bool:
        return self.kind == UnitKind.PERMANENT

    @property
    def landlord_label(self) -> str:
        if self.private_host_id:
            return self.private_host.name
        return self.landlord_name or self.get_landlord_kind_display()

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        host = self.private_host if self.private_host_id else None
        if self.landlord_kind == LandlordKind.PRIVATE_HOST and host is None:
            errors["private_host"] = _("Choose the private host.")
        if self.landlord_kind != LandlordKind.PRIVATE_HOST and host is not None:
            errors["private_host"] = _("A private host can only be chosen when the landlord "
                                       "is a private host.")
        is_host = self.landlord_kind == LandlordKind.PRIVATE_HOST
        if self.kind == UnitKind.PRIVATE_LODGING and not is_host:
            errors["landlord_kind"] = _("Private lodging is let by a private host.")
        if (self.landlord_kind not in (LandlordKind.PRIVATE_HOST, LandlordKind.MUNICIPALITY)
                and not self.landlord_name.strip()):
            errors["landlord_name"] = _("Enter the landlord's name.")
        if (host is not None and self.municipality_id
                and host.municipality_id != self.municipality_id):
            errors["private_host"] = _("The host belongs to another municipality.")
        if (self.available_from and self.available_until
                and self.available_until < self.available_from):
            errors["available_until"] = _(
                "A home cannot stop being available before it becomes available.")
        if errors:
            raise ValidationError(errors)
