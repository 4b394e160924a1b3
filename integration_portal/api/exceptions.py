"""Errors from the services answer as DRF's do: 400 with field messages, 403, 404.

Services raise Django's ValidationError (and PermissionError for a write across the
municipality boundary); the API turns them into the same shapes DRF gives for bad input, in
the request's language, so every endpoint's error body reads alike.
"""

from __future__ import annotations

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import exceptions
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler


def validation_error_detail(error: DjangoValidationError) -> dict[str, list[str]]:
    """A Django ValidationError as DRF's error body: field → messages."""
    if hasattr(error, "error_dict"):
        return {
            (api_settings.NON_FIELD_ERRORS_KEY if field == NON_FIELD_ERRORS else field): messages
            for field, messages in error.message_dict.items()
        }
    return {api_settings.NON_FIELD_ERRORS_KEY: error.messages}


def portal_exception_handler(exc, context):
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(validation_error_detail(exc))
    elif isinstance(exc, PermissionError):
        # A service's last guard (another municipality, a missing permission): never a 500.
        exc = exceptions.PermissionDenied()
    return exception_handler(exc, context)
