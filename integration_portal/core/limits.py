"""Requests too large or too odd to handle are refused cleanly, before a view reads them.

A body whose declared length is over MAX_REQUEST_BYTES gets 413 without being read (a
chunked body has no declared length: Django's DATA_UPLOAD_MAX_MEMORY_SIZE and
DATA_UPLOAD_MAX_NUMBER_FIELDS bound what it reads into memory, and the 400 below answers
them). The API answers in JSON, the pages with a page in the portal's layout.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _


def _is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):g}"


class RequestSizeLimitMiddleware:
    """413 for a request whose Content-Length is over settings.MAX_REQUEST_BYTES."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django treats a malformed length as none; so does the limit
        if length > settings.MAX_REQUEST_BYTES:
            return request_too_large(request)
        return self.get_response(request)


def request_too_large(request: HttpRequest) -> HttpResponse:
    limit = _megabytes(settings.MAX_REQUEST_BYTES)
    if _is_api(request):
        return JsonResponse({"detail": _("The request is too large: at most %(limit)s MB.")
                             % {"limit": limit}}, status=413)
    response = render(request, "413.html", {"limit_mb": limit,
                                            "file_limit_mb": _megabytes(
                                                settings.DOCUMENT_MAX_BYTES)}, status=413)
    # The client may still be sending the body it was refused: don't keep the connection.
    response["Connection"] = "close"
    return response


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """The answer to a request Django could not take in (ROOT_URLCONF.handler400): too many
    form fields, too much form data, a malformed body or host."""
    if _is_api(request):
        return JsonResponse({"detail": _("The request could not be read: it is malformed or "
                                         "too large.")}, status=400)
    try:
        return render(request, "400.html", status=400)
    except Exception:
        # The request may be too broken for the layout (a host Django refused): say it plainly.
        return HttpResponseBadRequest(_("The request could not be read."),
                                      content_type="text/plain; charset=utf-8")
