"""Associations and community: the directory of local associations, the person's consent to
be referred to them, and the referrals with their follow-up.

A referral shares with an association only what the person's consent covers, copied into the
referral when it is made (`shared_data`): what the association was told stays on record even
if the person's data changes later. For a child the consent can cover no more than an age
group and languages; the contact is the consenting guardian's.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet
from integration_portal.letters.languages import Language

# Under this age a person is a child: an association never learns who the child is.
ADULT_AGE = 18
# A referral is followed up this long after it was made, unless the caseworker says otherwise.
DEFAULT_FOLLOW_UP = datetime.timedelta(weeks=4)


class AssociationKind(models.TextChoices):
    SPORTS = "sports", _("Sports club")
    CULTURE = "culture", _("Culture and leisure")
    LIBRARY = "library", _("Library")
    FAITH = "faith", _("Religious or cultural community")
    NETWORK = "network", _("Integration or volunteer network")
    OTHER = "other", _("Other activity")


class AgeGroup(models.TextChoices):
    CHILDREN_0_5 = "0-5", _("Children 0–5")
    CHILDREN_6_14 = "6-14", _("Children 6–14")
    YOUTH_15_17 = "15-17", _("Young people 15–17")
    ADULTS = "adults", _("Adults")
    SENIORS = "seniors", _("Seniors (65+)")


def age_group_for(age: int) -> str:
    if age <= 5:
        return AgeGroup.CHILDREN_0_5
    if age <= 14:
        return AgeGroup.CHILDREN_6_14
    if age <= 17:
        return AgeGroup.YOUTH_15_17
    if age < 65:
        return AgeGroup.ADULTS
    return AgeGroup.SENIORS


def _check_codes(value, allowed, field: str) -> None:
    if not isinstance(value, list) or any(code not in allowed for code in value):
        raise ValidationError({field: _("Choose from the list.")})


class AssociationQuerySet(MunicipalityQuerySet):
    def active(self) -> AssociationQuerySet:
        return self.filter(active=True)


class Association(models.Model):
    """A local association, club, library or activity (forening) newcomers can be referred to."""

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=AssociationKind.choices)
    name = models.CharField(_("name"), max_length=150)
    area = models.CharField(_("town or district"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    age_groups = models.JSONField(_("age groups"), default=list, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True,
                              help_text=_("Referrals are e-mailed to this address."))
    website = models.CharField(_("website"), max_length=200, blank=True)
    welcomes_newcomers = models.BooleanField(_("welcomes newcomers"), default=False)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = AssociationQuerySet.as_manager()

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("associations")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"],
                                    name="community_association_unique_name",
                                    violation_error_message=_(
                                        "An association with this name already exists.")),
        ]
        indexes = [models.Index(fields=["municipality", "kind"])]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        _check_codes(self.languages, Language.values, "languages")
        _check_codes(self.age_groups, AgeGroup.values, "age_groups")

    @property
    def language_labels(self) -> list[str]:
        labels = dict(Language.choices)
        return [str(labels.get(code, code)) for code in self.languages]

    @property
    def age_group_labels(self) -> list[str]:
        labels = dict(AgeGroup.choices)
        return [str(labels.get(code, code)) for code in self.age_groups]


class SharedItem(models.TextChoices):
    """What a consent may let the municipality tell an association."""

    FIRST_NAME = "first_name", _("First name")
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    LANGUAGES = "languages", _("Languages")
    AGE_GROUP = "age_group", _("Age group")
    INTERESTS = "interests", _("Interests and wishes (note)")


# For a child the association may learn no more than this: never who the child is.
CHILD_ITEMS = frozenset({SharedItem.LANGUAGES, SharedItem.AGE_GROUP})
# What of the consenting guardian an association may learn, as the child's contact.
CONTACT_ITEMS = (SharedItem.FIRST_NAME, SharedItem.PHONE, SharedItem.EMAIL)


class RecordedHow(models.TextChoices):
    SIGNED_FORM = "signed_form", _("Signed form")
    ORALLY_INTERPRETER = "oral_interpreter", _("Orally, with an interpreter")
    ORALLY = "oral", _("Orally, in a language the person understands")
    DIGITAL = "digital", _("Digitally (e.g. e-Boks reply)")


class ConsentQuerySet(MunicipalityQuerySet):
    municipality_path = "person__household__municipality"

    def active(self) -> ConsentQuerySet:
        return self.filter(withdrawn_on__isnull=True)


class Consent(models.Model):
    """A person's consent to be referred to associations (samtykke), and what it covers.

    For a child the consent is given by a guardian of the household, recorded here.
    """

    person = models.ForeignKey(
        "reception.Person", verbose_name=_("person"), on_delete=models.CASCADE,
        related_name="community_consents",
    )
    # The only purpose the portal records consent for here; a field, so that the record of
    # purpose travels with the consent (domain.md §5).
    purpose = models.CharField(
        _("purpose"), max_length=50, default="community_referral", editable=False,
    )
    items = models.JSONField(_("data the consent covers"), default=list)
    given_on = models.DateField(_("given on"))
    given_by = models.ForeignKey(
        "reception.Person", verbose_name=_("given by (guardian)"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="community_consents_given",
        help_text=_("For a child: the guardian who gave the consent."),
    )
    guardian_relationship = models.CharField(
        _("guardian's relationship to the child"), max_length=60, blank=True)
    recorded_how = models.CharField(_("how it was given"), max_length=20,
                                    choices=RecordedHow.choices)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("withdrawal recorded by"),
        on_delete=models.PROTECT, null=True, blank=True, related_name="+",
    )

    objects = ConsentQuerySet.as_manager()

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_on", "-pk"]
        constraints = [
            # One consent in force per person: a new one needs the old one withdrawn.
            models.UniqueConstraint(fields=["person"],
                                    condition=models.Q(withdrawn_on__isnull=True),
                                    name="community_one_active_consent_per_person",
                                    violation_error_message=_(
                                        "This person already has a consent in force. "
                                        "Withdraw it first.")),
        ]

    def __str__(self) -> str:
        return f"{self.person} ({self.given_on})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_on is None

    @property
    def item_labels(self) -> list[str]:
        labels = dict(SharedItem.choices)
        return [str(labels.get(code, code)) for code in self.items]

    def clean(self) -> None:
        super().clean()
        _check_codes(self.items, SharedItem.values, "items")
        if not self.items:
            raise ValidationError({"items": _("Choose what the consent covers.")})
        if self.withdrawn_on and self.withdrawn_on < self.given_on:
            raise ValidationError({"withdrawn_on": _(
                "A consent cannot be withdrawn before it was given.")})


class ReferralStatus(models.TextChoices):
    REFERRED = "referred", _("Referred")
    CONTACTED = "contacted", _("Contacted by the association")
    STARTED = "started", _("Started")
    DECLINED = "declined", _("Declined")
    STOPPED = "stopped", _("Stopped")


OPEN_STATUSES = (ReferralStatus.REFERRED, ReferralStatus.CONTACTED)


class ReferralQuerySet(MunicipalityQuerySet):
    def open(self) -> ReferralQuerySet:
        return self.filter(status__in=OPEN_STATUSES)


class Referral(models.Model):
    """A caseworker refers a person to an association (henvisning), with their consent."""

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    household = models.ForeignKey(
        "reception.Household", verbose_name=_("household"), on_delete=models.CASCADE,
        related_name="community_referrals",
    )
    person = models.ForeignKey(
        "reception.Person", verbose_name=_("person"), on_delete=models.CASCADE,
        related_name="community_referrals",
    )
    association = models.ForeignKey(
        Association, verbose_name=_("association"), on_delete=models.PROTECT,
        related_name="referrals",
    )
    consent = models.ForeignKey(
        Consent, verbose_name=_("consent"), on_delete=models.PROTECT, related_name="referrals",
    )
    # Exactly what the association is told: only what the consent covers, copied on creation.
    shared_data = models.JSONField(_("data shared"), default=dict, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ReferralStatus.choices,
                              default=ReferralStatus.REFERRED)
    referred_on = models.DateField(_("referred on"))
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    outcome_note = models.TextField(_("outcome"), blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("referred by"), on_delete=models.PROTECT,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    # Claimed before the e-mail to the association goes out: at most one e-mail per referral.
    emailed_at = models.DateTimeField(_("e-mailed to the association"), null=True, blank=True)

    objects = ReferralQuerySet.as_manager()

    class Meta:
        verbose_name = _("referral")
        verbose_name_plural = _("referrals")
        ordering = ["-referred_on", "-pk"]
        indexes = [models.Index(fields=["municipality", "status", "follow_up_on"])]

    def __str__(self) -> str:
        return f"{self.association} ({self.referred_on})"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES

    def clean(self) -> None:
        super().clean()
        if self.follow_up_on and self.referred_on and self.follow_up_on < self.referred_on:
            raise ValidationError({"follow_up_on": _(
                "The follow-up cannot be before the referral.")})
