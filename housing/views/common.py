"""Small helpers the housing views share."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest


def query_string_without_page(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def show_errors(request: HttpRequest, error: ValidationError) -> None:
    for text in error.messages:
        messages.error(request, text)
