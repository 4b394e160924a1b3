"""Administrators issue and revoke API tokens here. The token is shown once, when issued."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from integration_portal.api.models import ApiToken
from integration_portal.api.services import api_token_issue, api_token_revoke


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("name", "municipality", "user", "prefix", "created_at", "last_used_at",
                    "expires_at", "revoked_at")
    list_filter = ("municipality",)
    search_fields = ("name", "prefix", "user__email")
    list_select_related = ("municipality", "user")
    autocomplete_fields = ("user",)
    actions = ("revoke",)

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("municipality", "user", "name", "expires_at")
        return ("municipality", "user", "name", "prefix", "created_by", "created_at",
                "last_used_at", "expires_at", "revoked_at")

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        # An issued token is never re-pointed to another user or municipality: issue a new one.
        return ("municipality", "user", "prefix", "created_by", "created_at", "last_used_at",
                "revoked_at")

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)
            return
        issued, token = api_token_issue(
            municipality=obj.municipality, user=obj.user, name=obj.name,
            expires_at=obj.expires_at, actor=request.user,
        )
        # The admin's own messages and redirect use `obj`: make it the row just issued.
        obj.pk, obj.prefix, obj.key_hash = issued.pk, issued.prefix, issued.key_hash
        obj.created_by, obj.created_at = issued.created_by, issued.created_at
        messages.warning(request, _(
            "The token is %(token)s. Copy it now: it is stored only as a hash and cannot be "
            "shown again."
        ) % {"token": token})

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        for api_token in queryset.filter(revoked_at__isnull=True):
            api_token_revoke(api_token=api_token, actor=request.user)
        self.message_user(request, _("Revoked at %(time)s.") % {
            "time": timezone.localtime().strftime("%H:%M")})
