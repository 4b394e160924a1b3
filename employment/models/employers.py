"""Employers the municipality works with, and the openings they offer.

Every seed document puts close cooperation with local employers at the centre: the
municipality's employer network (virksomhedsnetværk) offers internships, IGU courses and
small jobs, and the caseworker plans measures with the employers in this register.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet

# The weights of the CVR number's modulus 11 check (Erhvervsstyrelsen). Unlike the CPR
# number, every CVR number ever issued passes it, so a failing number is a typing error.
CVR_WEIGHTS = (2, 7, 6, 5, 4, 3, 2, 1)


def normalise_cvr(value: str) -> str:
    """The CVR number without spaces or the "DK" prefix often copied from invoices."""
    value = "".join(value.split()).upper()
    return value.removeprefix("DK")


def validate_cvr(value: str) -> None:
    digits = normalise_cvr(value)
    if len(digits) != 8 or not digits.isdigit():
        raise ValidationError(_("A CVR number is 8 digits, for example 29189846."),
                              code="cvr_format")
    if digits[0] == "0":
        raise ValidationError(_("A CVR number never starts with 0."), code="cvr_format")
    if sum(int(d) * w for d, w in zip(digits, CVR_WEIGHTS, strict=True)) % 11:
        raise ValidationError(
            _("%(cvr)s is not a valid CVR number: check the digits.") % {"cvr": digits},
            code="cvr_checksum")


class Sector(models.TextChoices):
    RETAIL = "retail", _("Retail and shops")
    HOSPITALITY = "hospitality", _("Hotels, restaurants and catering")
    CLEANING = "cleaning", _("Cleaning and facility services")
    CONSTRUCTION = "construction", _("Building and construction")
    MANUFACTURING = "manufacturing", _("Manufacturing and industry")
    AGRICULTURE = "agriculture", _("Agriculture, gardening and forestry")
    TRANSPORT = "transport", _("Transport and warehousing")
    CARE = "care", _("Health, care and social services")
    EDUCATION = "education", _("Education and childcare")
    OFFICE = "office", _("Office, IT and services")
    OTHER = "other", _("Other")


class EmployerQuerySet(MunicipalityQuerySet):
    def active(self) -> EmployerQuerySet:
        return self.filter(is_active=True)


class Employer(models.Model):
    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=200)
    cvr = models.CharField(_("CVR number"), max_length=8, validators=[validate_cvr],
                           help_text=_("8 digits."))
    is_public = models.BooleanField(
        _("public employer"), default=False,
        help_text=_("A public employer: shorter wage subsidy, and no IGU bonus."),
    )
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices,
                              default=Sector.OTHER)
    address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    city = models.CharField(_("town"), max_length=100, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    in_network = models.BooleanField(
        _("member of the employer network (virksomhedsnetværk)"), default=False)
    network_joined_on = models.DateField(_("joined the network"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    is_active = models.BooleanField(
        _("active"), default=True,
        help_text=_("An inactive employer is kept for history but offered for no new measure."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = EmployerQuerySet.as_manager()

    class Meta:
        verbose_name = _("employer")
        verbose_name_plural = _("employers")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "cvr"], name="employment_employer_unique_cvr",
                violation_error_message=_("An employer with this CVR number is already "
                                          "in the register."),
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        if self.cvr:
            self.cvr = normalise_cvr(self.cvr)
        if self.network_joined_on and not self.in_network:
            raise ValidationError({"network_joined_on": _(
                "Only a member of the network has a date of joining it.")})


class OpeningKind(models.TextChoices):
    INTERNSHIP = "internship", _("Internship (virksomhedspraktik or sprogpraktik)")
    IGU = "igu", _("IGU course")
    SMALL_JOB = "small_job", _("Small job (småjob)")
    WAGE_SUBSIDY = "wage_subsidy", _("Wage-subsidy job (løntilskud)")
    ORDINARY_JOB = "ordinary_job", _("Ordinary job")


class OpeningStatus(models.TextChoices):
    OPEN = "open", _("Open")
    FILLED = "filled", _("Filled")
    CLOSED = "closed", _("Closed")


class OpeningQuerySet(MunicipalityQuerySet):
    def open(self) -> OpeningQuerySet:
        return self.filter(status=OpeningStatus.OPEN)


class Opening(models.Model):
    """A place an employer offers: an internship, an IGU course, a small job."""

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    employer = models.ForeignKey(Employer, verbose_name=_("employer"),
                                 on_delete=models.PROTECT, related_name="openings")
    kind = models.CharField(_("kind"), max_length=20, choices=OpeningKind.choices)
    title = models.CharField(_("title"), max_length=150,
                             help_text=_('For example "Kitchen assistant".'))
    hours_per_week = models.DecimalField(
        _("hours a week"), max_digits=4, decimal_places=1,
        validators=[MinValueValidator(1), MaxValueValidator(37)],
    )
    languages = models.JSONField(
        _("languages"), default=list, blank=True,
        help_text=_("Languages spoken at the workplace besides Danish."),
    )
    places = models.PositiveSmallIntegerField(
        _("places"), default=1, validators=[MinValueValidator(1), MaxValueValidator(50)])
    available_from = models.DateField(_("available from"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=OpeningStatus.choices,
                              default=OpeningStatus.OPEN, db_index=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = OpeningQuerySet.as_manager()

    class Meta:
        verbose_name = _("opening")
        verbose_name_plural = _("openings")
        ordering = ["employer__name", "title", "pk"]

    def __str__(self) -> str:
        return f"{self.title} ({self.employer})"

    def clean(self) -> None:
        super().clean()
        if self.employer_id and self.municipality_id and (
                self.employer.municipality_id != self.municipality_id):
            raise ValidationError({"employer": _("The employer belongs to another municipality.")})
