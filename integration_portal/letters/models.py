"""Letter texts: what a letter says, per kind and language, versioned.

A text is never edited in place: publishing a change makes a new version, so the wording of
any letter that was sent can always be found again. A municipality's own text (of the same
kind and language) takes precedence over the national default text, which has no
municipality.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet
from integration_portal.letters.languages import LetterLanguage
from integration_portal.letters.placeholders import validate_placeholders


class LetterKind(models.TextChoices):
    WELCOME = "welcome", _("Welcome letter")


class LetterText(models.Model):
    municipality = models.ForeignKey(
        "accounts.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="letter_texts",
        help_text=_("Leave empty for the national default, which every municipality inherits."),
    )
    kind = models.CharField(_("letter"), max_length=30, choices=LetterKind.choices)
    language = models.CharField(_("language"), max_length=5, choices=LetterLanguage.choices)
    version = models.PositiveIntegerField(_("version"), validators=[MinValueValidator(1)])
    subject = models.CharField(
        _("subject"), max_length=200, validators=[validate_placeholders]
    )
    body = models.TextField(
        _("text"),
        validators=[validate_placeholders],
        help_text=_(
            "Plain text; a blank line starts a new paragraph. Placeholders: {first_names}, "
            "{municipality}, {caseworker}, {contact_email}, {reference}, {arrival_date}."
        ),
    )
    created_at = models.DateTimeField(_("published"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = MunicipalityQuerySet.as_manager()

    class Meta:
        verbose_name = _("letter text")
        verbose_name_plural = _("letter texts")
        ordering = ["kind", "language", "municipality_id", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "kind", "language", "version"],
                name="letters_text_one_per_version",
            ),
            # NULLs are distinct in a unique index, so the national default needs its own.
            models.UniqueConstraint(
                fields=["kind", "language", "version"],
                condition=models.Q(municipality__isnull=True),
                name="letters_text_one_national_per_version",
            ),
        ]

    def __str__(self) -> str:
        owner = self.municipality.name if self.municipality_id else _("National default")
        return (
            f"{owner}: {self.get_kind_display()}, {self.get_language_display()} "
            f"(v{self.version})"
        )

    @property
    def is_national(self) -> bool:
        return self.municipality_id is None
