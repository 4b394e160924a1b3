"""Children and young people on a household case: the institutions they go to (each with its
own integration strategy, Lejre's welcome policy "Velkommen til et godt børneliv"), their
places there, the language assessments (sprogvurderinger) the municipality records, and the
youth guidance of the 15–17-year-olds. `ChildrenSettings` holds what each municipality names
its own way: the youth guidance's label and the assessment's result categories.

Children live in reception's `Person` (under 18 at the day of the record); this app only adds
to them and is never imported by reception.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from integration_portal.core.scoping import MunicipalityQuerySet

CHILD_AGE_LIMIT = 18
YOUTH_GUIDANCE_AGES = (15, 17)
DEFAULT_ASSESSMENT_RESULTS = ["Generel indsats", "Fokuseret indsats", "Særlig indsats"]


class InstitutionKind(models.TextChoices):
    DAYCARE = "daycare", _("Daycare (vuggestue, børnehave)")
    INTERNATIONAL_PRESCHOOL = "international_preschool", _("International preschool")
    SCHOOL = "school", _("School")
    RECEPTION_CLASS = "reception_class", _("Reception class (modtageklasse)")
    SFO = "sfo", _("After-school care (SFO)")
    YOUTH_EDUCATION = "youth_education", _("Youth education")
    OTHER = "other", _("Other")


class Institution(models.Model):
    """A daycare, school, SFO or other institution of the municipality's registry."""

    municipality = models.ForeignKey(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=30, choices=InstitutionKind.choices)
    name = models.CharField(_("name"), max_length=150)
    address = models.CharField(_("address"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_role = models.CharField(
        _("contact person's role"), max_length=100, blank=True,
        help_text=_("For example: head of the institution, integration coordinator."),
    )
    strategy = models.TextField(
        _("integration strategy"), blank=True,
        help_text=_("How management, staff, children and parents contribute to the "
                    "integration of newcomers."),
    )
    strategy_adopted_on = models.DateField(_("strategy adopted"), null=True, blank=True)
    strategy_reviewed_on = models.DateField(_("strategy last reviewed"), null=True, blank=True)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("institution")
        verbose_name_plural = _("institutions")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"],
                                    name="children_institution_name_unique",
                                    violation_error_message=_(
                                        "The municipality already has an institution of "
                                        "that name.")),
        ]
        indexes = [models.Index(fields=["municipality", "kind"])]

    def __str__(self) -> str:
        return self.name

    @property
    def has_strategy(self) -> bool:
        return bool(self.strategy.strip())

    def clean(self) -> None:
        super().clean()
        if (self.strategy_adopted_on and self.strategy_reviewed_on
                and self.strategy_reviewed_on < self.strategy_adopted_on):
            raise ValidationError({"strategy_reviewed_on": _(
                "The review cannot be before the strategy was adopted.")})


class PlaceStatus(models.TextChoices):
    REQUESTED = "requested", pgettext_lazy("place status", "Requested")
    OFFERED = "offered", pgettext_lazy("place status", "Offered")
    STARTED = "started", _("Started")
    ENDED = "ended", _("Ended")


class ChildPlacementQuerySet(MunicipalityQuerySet):
    municipality_path = "person__household__municipality"


class ChildPlacement(models.Model):
    """A child's place at an institution: requested, offered, started, ended."""

    person = models.ForeignKey(
        "reception.Person", verbose_name=_("child"), on_delete=models.CASCADE,
        related_name="child_placements",
    )
    institution = models.ForeignKey(
        Institution, verbose_name=_("institution"), on_delete=models.PROTECT,
        related_name="placements",
    )
    # The kind of place, which may differ from the institution's: a school's reception class.
    kind = models.CharField(_("kind of place"), max_length=30, choices=InstitutionKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=PlaceStatus.choices,
                              default=PlaceStatus.REQUESTED)
    requested_on = models.DateField(_("requested"))
    offered_on = models.DateField(_("offered"), null=True, blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("registered by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )

    objects = ChildPlacementQuerySet.as_manager()

    class Meta:
        verbose_name = _("child's place")
        verbose_name_plural = _("children's places")
        ordering = ["-requested_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="children_placement_ends_after_start",
                condition=Q(ends_on__isnull=True) | Q(starts_on__isnull=True)
                | Q(ends_on__gte=models.F("starts_on")),
                violation_error_message=_("The end cannot be before the start."),
            ),
        ]
        indexes = [models.Index(fields=["person", "status"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.institution}"


class LanguageAssessmentQuerySet(MunicipalityQuerySet):
    municipality_path = "person__household__municipality"


class LanguageAssessment(models.Model):
    """A language assessment (sprogvurdering) with the result as the municipality records it."""

    person = models.ForeignKey(
        "reception.Person", verbose_name=_("child"), on_delete=models.CASCADE,
        related_name="language_assessments",
    )
    assessed_on = models.DateField(_("assessed"))
    result = models.CharField(_("result"), max_length=100)
    note = models.TextField(_("note"), blank=True)
    next_assessment_on = models.DateField(_("next assessment"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("registered by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )

    objects = LanguageAssessmentQuerySet.as_manager()

    class Meta:
        verbose_name = _("language assessment (sprogvurdering)")
        verbose_name_plural = _("language assessments (sprogvurderinger)")
        ordering = ["-assessed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.assessed_on}: {self.result}"

    def clean(self) -> None:
        super().clean()
        if self.next_assessment_on and self.assessed_on and (
                self.next_assessment_on <= self.assessed_on):
            raise ValidationError({"next_assessment_on": _(
                "The next assessment must be after this one.")})


class GuidanceStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Under way")
    ENDED = "ended", _("Ended")


class YouthGuidanceQuerySet(MunicipalityQuerySet):
    municipality_path = "person__household__municipality"


class YouthGuidance(models.Model):
    """The youth guidance of a 15–17-year-old (Ungdommens Uddannelsesvejledning or Kommunal
    ungeindsats, as the municipality calls it) and their education plan."""

    person = models.OneToOneField(
        "reception.Person", verbose_name=_("young person"), on_delete=models.CASCADE,
        related_name="youth_guidance",
    )
    contact_name = models.CharField(_("guidance counsellor"), max_length=150, blank=True)
    contact_phone = models.CharField(_("counsellor's phone"), max_length=30, blank=True)
    contact_email = models.EmailField(_("counsellor's e-mail"), blank=True)
    first_meeting_on = models.DateField(_("first meeting"), null=True, blank=True)
    education_plan = models.TextField(_("education plan"), blank=True)
    plan_date = models.DateField(_("plan made"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=GuidanceStatus.choices,
                              default=GuidanceStatus.PLANNED)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = YouthGuidanceQuerySet.as_manager()

    class Meta:
        verbose_name = _("youth guidance")
        verbose_name_plural = _("youth guidance")

    def __str__(self) -> str:
        return self.contact_name or str(_("youth guidance"))


class YouthGuidanceLabel(models.TextChoices):
    UU = "uu", "Ungdommens Uddannelsesvejledning"
    KUI = "kui", "Kommunal ungeindsats"
    CUSTOM = "custom", _("Our own name")


class ChildrenSettings(models.Model):
    """What the municipality names its own way. One row per municipality (none: defaults)."""

    municipality = models.OneToOneField(
        "accounts.Municipality", verbose_name=_("municipality"), on_delete=models.CASCADE,
        related_name="+",
    )
    youth_guidance_label = models.CharField(
        _("name of the youth guidance"), max_length=20, choices=YouthGuidanceLabel.choices,
        default=YouthGuidanceLabel.KUI,
    )
    youth_guidance_custom_label = models.CharField(
        _("own name of the youth guidance"), max_length=100, blank=True,
        help_text=_("Only when the municipality uses its own name."),
    )
    assessment_results = models.JSONField(
        _("language assessment results"), default=list, blank=True,
        help_text=_("The result categories the municipality records, one per line."),
    )
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("children's settings")
        verbose_name_plural = _("children's settings")

    def __str__(self) -> str:
        return str(self.municipality)

    @property
    def guidance_label(self) -> str:
        if self.youth_guidance_label == YouthGuidanceLabel.CUSTOM:
            return self.youth_guidance_custom_label or YouthGuidanceLabel.KUI.label
        return str(YouthGuidanceLabel(self.youth_guidance_label).label)

    @property
    def results(self) -> list[str]:
        return list(self.assessment_results or DEFAULT_ASSESSMENT_RESULTS)

    def clean(self) -> None:
        super().clean()
        if (self.youth_guidance_label == YouthGuidanceLabel.CUSTOM
                and not self.youth_guidance_custom_label.strip()):
            raise ValidationError({"youth_guidance_custom_label": _(
                "Give the municipality's own name of the youth guidance.")})
        results = self.assessment_results
        if not isinstance(results, list) or not all(
                isinstance(item, str) and item.strip() for item in results):
            raise ValidationError({"assessment_results": _(
                "Give the result categories as a list of names.")})
