"""Arrival notices, household cases and the persons in them."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from integration_portal.core.crypto import cpr_decrypt, cpr_encrypt, cpr_hash
from integration_portal.core.scoping import MunicipalityQuerySet
from integration_portal.letters.languages import Language, LetterLanguage
from integration_portal.rules.cpr import parse_cpr
from integration_portal.rules.models import ResidenceBasis


class NoticeSource(models.TextChoices):
    EMAIL = "email", _("E-mail from the Immigration Service")
    PHONE = "phone", _("Phone call")
    LETTER = "letter", _("Letter")
    API = "api", _("Imported through the API")


class NeedFlag(models.TextChoices):
    """Coarse flags on the anonymised notice; details belong on the person, not here."""

    STEP_FREE = "step_free", _("Needs step-free housing")
    MEDICAL = "medical", _("Medical follow-up")
    PSYCHOLOGICAL = "psychological", _("Psychological support")
    PREGNANCY = "pregnancy", _("Pregnancy")
    UNACCOMPANIED_MINOR = "unaccompanied_minor", _("Unaccompanied minor")


class HouseholdStatus(models.TextChoices):
    ANNOUNCED = "announced", _("Announced")
    ARRIVED = "arrived", _("Arrived")
    IN_PROGRAMME = "in_programme", _("In programme")
    CLOSED = "closed", _("Closed")


class ArrivalNotice(models.Model):
    """The Immigration Service's advance notice: anonymised — no names, no CPR numbers."""

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    source = models.CharField(_("source"), max_length=20, choices=NoticeSource.choices)
    source_reference = models.CharField(
        _("the Immigration Service's reference"), max_length=50, blank=True
    )
    received_on = models.DateField(_("received"))
    expected_arrival_date = models.DateField(_("expected arrival"))
    residence_basis = models.CharField(
        _("residence basis"), max_length=30, choices=ResidenceBasis.choices
    )
    placement_decision_date = models.DateField(
        _("date of the placement decision"), null=True, blank=True
    )
    adults = models.PositiveSmallIntegerField(
        _("adults"), default=1, validators=[MaxValueValidator(30)]
    )
    children_0_5 = models.PositiveSmallIntegerField(
        _("children 0–5 years"), default=0, validators=[MaxValueValidator(30)]
    )
    children_6_14 = models.PositiveSmallIntegerField(
        _("children 6–14 years"), default=0, validators=[MaxValueValidator(30)]
    )
    children_15_17 = models.PositiveSmallIntegerField(
        _("children 15–17 years"), default=0, validators=[MaxValueValidator(30)]
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    need_flags = models.JSONField(_("special needs"), default=list, blank=True)
    note = models.TextField(
        _("note"), blank=True,
        help_text=_("Practical information only: no names, CPR numbers or health details."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("registered by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("arrival notice")
        verbose_name_plural = _("arrival notices")
        ordering = ["expected_arrival_date", "pk"]

    def __str__(self) -> str:
        return f"{self.expected_arrival_date} ({self.household_size})"

    @property
    def children(self) -> int:
        return self.children_0_5 + self.children_6_14 + self.children_15_17

    @property
    def household_size(self) -> int:
        return self.adults + self.children


class HouseholdQuerySet(MunicipalityQuerySet):
    def open(self) -> HouseholdQuerySet:
        return self.exclude(status=HouseholdStatus.CLOSED)


class Household(models.Model):
    """The case: one household received by the municipality."""

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="households",
    )
    reference = models.CharField(_("case reference"), max_length=30)
    notice = models.OneToOneField(
        ArrivalNotice, verbose_name=_("arrival notice"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="household",
    )
    caseworker = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("caseworker"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="households",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=HouseholdStatus.choices,
        default=HouseholdStatus.ANNOUNCED,
    )
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("status changed by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    expected_arrival_date = models.DateField(_("expected arrival"), null=True, blank=True)
    arrival_date = models.DateField(_("arrival"), null=True, blank=True)
    placement_decision_date = models.DateField(
        _("date of the placement decision"), null=True, blank=True
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = HouseholdQuerySet.as_manager()

    class Meta:
        verbose_name = _("household case")
        verbose_name_plural = _("household cases")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "reference"], name="household_reference_unique"
            ),
        ]
        indexes = [
            models.Index(fields=["municipality", "status"]),
            models.Index(fields=["municipality", "caseworker", "status"]),
        ]

    def __str__(self) -> str:
        return self.reference


class Literacy(models.TextChoices):
    READS_AND_WRITES = "reads_writes", _("Reads and writes")
    LIMITED = "limited", _("Reads and writes a little")
    NONE = "none", _("Cannot read or write (letters need oral backup)")
    UNKNOWN = "unknown", _("Not known")


class Relation(models.TextChoices):
    APPLICANT = "applicant", _("Main person")
    SPOUSE = "spouse", _("Spouse or partner")
    CHILD = "child", _("Child")
    OTHER = "other", _("Other family member")


class PersonQuerySet(MunicipalityQuerySet):
    municipality_path = "household__municipality"


class Person(models.Model):
    household = models.ForeignKey(
        Household, verbose_name=_("household"), on_delete=models.CASCADE, related_name="persons"
    )
    relation = models.CharField(_("relation"), max_length=20, choices=Relation.choices)
    first_name = models.CharField(_("first name(s)"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)
    # The CPR number is never stored in the clear: `cpr` (below) encrypts and decrypts it.
    # Lists and searches use the hash and the masked form, so they need no decryption.
    cpr_ciphertext = models.TextField(_("CPR number (encrypted)"), blank=True, editable=False)
    cpr_hash = models.CharField(
        _("CPR number (keyed hash)"), max_length=64, blank=True, editable=False
    )
    cpr_masked = models.CharField(_("CPR number"), max_length=11, blank=True, editable=False)
    cpr_registration_date = models.DateField(_("CPR registration date"), null=True, blank=True)
    birth_date = models.DateField(_("date of birth"))
    nationality = models.CharField(_("nationality"), max_length=60, blank=True)
    residence_basis = models.CharField(
        _("residence basis"), max_length=30, choices=ResidenceBasis.choices
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    letter_language = models.CharField(
        _("preferred letter language"), max_length=5, choices=LetterLanguage.choices,
        default=LetterLanguage.ENGLISH,
    )
    literacy = models.CharField(
        _("literacy"), max_length=20, choices=Literacy.choices, default=Literacy.UNKNOWN
    )
    interpreter_needed = models.BooleanField(_("needs an interpreter"), default=False)
    interpreter_language = models.CharField(
        _("interpreter language"), max_length=10, choices=Language.choices, blank=True
    )
    interpreter_dialect = models.CharField(_("dialect"), max_length=60, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    email_consent = models.BooleanField(
        _("consents to letters by e-mail"), default=False,
    )
    digital_post_exempt = models.BooleanField(
        _("exempt from Digital Post (fritaget)"), default=False
    )
    digital_post_exempt_until = models.DateField(
        _("Digital Post exemption ends"), null=True, blank=True
    )
    needs_note = models.TextField(
        _("needs and health notes"), blank=True,
        help_text=_("Special-category data: shared only with consent."),
    )
    takeover_date = models.DateField(_("takeover date (computed)"), null=True, blank=True)
    takeover_date_override = models.DateField(_("takeover date set by hand"), null=True, blank=True)
    takeover_override_reason = models.CharField(
        _("reason for the takeover date set by hand"), max_length=300, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("persons")
        ordering = ["household", "birth_date", "pk"]
        indexes = [models.Index(fields=["cpr_hash"]), models.Index(fields=["last_name"])]

    def __str__(self) -> str:
        return self.full_name

    @property
    def cpr(self) -> str:
        """The full CPR number, decrypted ("" if none). Read it only where the full number is
        really needed, and audit-log that; everywhere else show `cpr_masked`."""
        return cpr_decrypt(self.cpr_ciphertext) if self.cpr_ciphertext else ""

    @cpr.setter
    def cpr(self, value: str | None) -> None:
        """Set from "DDMMYY-SSSS" or ten digits (ValidationError otherwise); "" removes it."""
        if not value:
            self.cpr_ciphertext = self.cpr_hash = self.cpr_masked = ""
            return
        try:
            parsed = parse_cpr(value)
        except ValidationError as error:
            raise ValidationError({"cpr": error.messages}) from None
        digest = cpr_hash(parsed.normalised)
        if digest == self.cpr_hash and self.cpr_ciphertext:
            return  # the same number: keep the ciphertext, so nothing is written for nothing
        self.cpr_ciphertext = cpr_encrypt(parsed.normalised)
        self.cpr_hash = digest
        self.cpr_masked = parsed.masked

    @property
    def full_name(self) -> str:
        # Only erasure (retention) leaves both empty: the forms require a first name.
        return f"{self.first_name} {self.last_name}".strip() or str(_("(name erased)"))

    @property
    def effective_takeover_date(self):
        return self.takeover_date_override or self.takeover_date

    def age_on(self, day) -> int:
        years = day.year - self.birth_date.year
        return years - ((day.month, day.day) < (self.birth_date.month, self.birth_date.day))

