"""Journal notes and documents on a case. Files are private: served only through a view."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from integration_portal.core.scoping import MunicipalityQuerySet


class CaseChildQuerySet(MunicipalityQuerySet):
    municipality_path = "household__municipality"


class JournalNote(models.Model):
    """The caseworker's journal (notatpligt): notes are never edited, only added."""

    household = models.ForeignKey(
        "reception.Household", verbose_name=_("household"), on_delete=models.CASCADE,
        related_name="journal_notes",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    objects = CaseChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("journal note")
        verbose_name_plural = _("journal notes")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.household} {self.created_at:%Y-%m-%d}"


class DocumentType(models.TextChoices):
    PLACEMENT_DECISION = "placement_decision", _("Placement decision")
    PLACEMENT_FORM = "placement_form", _("Housing placement form (boligplaceringsskema)")
    CONTRACT = "contract", _("Integration contract")
    DECLARATION = "declaration", _("Residence and self-support declaration")
    IDENTITY = "identity", _("Identity document")
    HEALTH = "health", _("Health information")
    OTHER = "other", _("Other")


def document_upload_to(instance: Document, filename: str) -> str:
    # Never the user's file name on disk: it may hold a name or a CPR number.
    return f"documents/{instance.household.municipality_id}/{uuid.uuid4().hex}"


class Document(models.Model):
    household = models.ForeignKey(
        "reception.Household", verbose_name=_("household"), on_delete=models.CASCADE,
        related_name="documents",
    )
    person = models.ForeignKey(
        "reception.Person", verbose_name=_("person"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="documents",
    )
    document_type = models.CharField(_("type"), max_length=30, choices=DocumentType.choices)
    file = models.FileField(_("file"), upload_to=document_upload_to)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    objects = CaseChildQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.original_name
