from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from integration_portal.letters.models import LetterText
from integration_portal.letters.services import letter_text_publish

EDITABLE_FIELDS = ("municipality", "kind", "language", "subject", "body")


@admin.register(LetterText)
class LetterTextAdmin(admin.ModelAdmin):
    """Texts are versioned: a published version is read-only, a change is a new version.

    "Publish a new version" on a text opens the add form filled in with that text; saving it
    publishes the next version through `letter_text_publish`.
    """

    list_display = ("kind", "language", "owner", "version", "subject", "created_at", "created_by")
    # The municipality filter offers "-" (empty) for the national default.
    list_filter = ("kind", "language", "municipality")
    list_select_related = ("municipality", "created_by")
    search_fields = ("subject", "body", "municipality__name")

    def has_change_permission(self, request: HttpRequest, obj: LetterText | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: LetterText | None = None) -> bool:
        # Old versions are the record of what was sent; they are never removed.
        return False

    def get_fields(self, request: HttpRequest, obj: LetterText | None = None):
        if obj is None:
            return EDITABLE_FIELDS
        return (*EDITABLE_FIELDS, "version", "created_at", "created_by", "new_version_link")

    def get_readonly_fields(self, request: HttpRequest, obj: LetterText | None = None):
        if obj is None:
            return ()
        return ("version", "created_at", "created_by", "new_version_link")

    def get_changeform_initial_data(self, request: HttpRequest) -> dict:
        initial = super().get_changeform_initial_data(request)
        source_pk = request.GET.get("copy_from", "")
        if source_pk.isdigit():
            source = LetterText.objects.filter(pk=source_pk).first()
            if source is not None:
                initial.update({
                    "municipality": source.municipality_id,
                    "kind": source.kind,
                    "language": source.language,
                    "subject": source.subject,
                    "body": source.body,
                })
        return initial

    def save_model(self, request: HttpRequest, obj: LetterText, form, change: bool) -> None:
        published = letter_text_publish(
            actor=request.user, **{name: form.cleaned_data[name] for name in EDITABLE_FIELDS}
        )
        # The admin goes on with `obj` (history entry, redirect): make it the published row.
        for field in ("id", "version", "created_at", "created_by_id"):
            setattr(obj, field, getattr(published, field))
        obj._state.adding = False
        obj._state.db = published._state.db

    @admin.display(description=_("municipality"), ordering="municipality__name")
    def owner(self, obj: LetterText) -> str:
        return obj.municipality.name if obj.municipality_id else _("National default")

    @admin.display(description=_("change"))
    def new_version_link(self, obj: LetterText) -> str:
        url = reverse("admin:letters_lettertext_add") + f"?copy_from={obj.pk}"
        return format_html('<a href="{}">{}</a>', url, _("Publish a new version of this text"))
