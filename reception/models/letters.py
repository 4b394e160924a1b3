"""Letters sent to a household: the welcome letter, rendered once and delivered once."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet
from integration_portal.letters.languages import LetterLanguage
from integration_portal.letters.models import LetterKind


class LetterChannel(models.TextChoices):
    EMAIL = "email", _("E-mail")
    PRINT = "print", _("Print or Digital Post")


class LetterStatus(models.TextChoices):
    PENDING = "pending", _("Waiting to be written")
    RENDERED = "rendered", _("Written")
    SENT = "sent", _("Sent by e-mail")
    AWAITING_PRINT = "awaiting_print", _("Waiting to be printed or sent by Digital Post")
    PRINTED = "printed", _("Printed or sent by Digital Post")


class LetterQuerySet(MunicipalityQuerySet):
    municipality_path = "household__municipality"

    def awaiting_print(self) -> LetterQuerySet:
        return self.filter(status=LetterStatus.AWAITING_PRINT)


def letter_upload_to(instance: Letter, filename: str) -> str:
    # Never a person's name on disk; the municipality's folder keeps tenants apart.
    return f"letters/{instance.household.municipality_id}/{uuid.uuid4().hex}.pdf"


class Letter(models.Model):
    household = models.ForeignKey(
        "reception.Household", verbose_name=_("household"), on_delete=models.CASCADE,
        related_name="letters",
    )
    kind = models.CharField(_("letter"), max_length=30, choices=LetterKind.choices)
    languages = models.JSONField(
        _("languages"), default=list, help_text=_("Language codes of the sections, in order."),
    )
    pdf = models.FileField(_("PDF"), upload_to=letter_upload_to, blank=True)
    channel = models.CharField(_("channel"), max_length=10, choices=LetterChannel.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=LetterStatus.choices, default=LetterStatus.PENDING
    )
    needs_oral_backup = models.BooleanField(
        _("needs oral or interpreter backup"), default=False,
        help_text=_("An adult in the household reads little or not at all."),
    )
    rendered_at = models.DateTimeField(_("written"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    printed_at = models.DateTimeField(_("printed or sent by Digital Post"), null=True, blank=True)
    printed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("printed by"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = LetterQuerySet.as_manager()

    class Meta:
        verbose_name = _("letter")
        verbose_name_plural = _("letters")
        ordering = ["-created_at", "-pk"]
        constraints = [
            # The database, not the code, guarantees one welcome letter per household: two
            # runs of the welcome letter task can never both create one.
            models.UniqueConstraint(
                fields=["household", "kind"], name="letter_one_per_household_and_kind"
            ),
        ]
        indexes = [
            models.Index(fields=["created_at"], condition=Q(status="awaiting_print"),
                         name="letter_awaiting_print_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.household_id}"

    @property
    def language_labels(self) -> list[str]:
        """The sections' languages by name, in the reader's interface language."""
        labels = dict(LetterLanguage.choices)
        return [str(labels.get(code, code)) for code in self.languages]
