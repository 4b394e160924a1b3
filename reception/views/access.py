"""The first line of every case view: the case, if this user may see it, else 404."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from integration_portal.core.scoping import get_visible_or_404
from reception.models import Household


def household_for(request: HttpRequest, pk: int) -> Household:
    return get_visible_or_404(Household.objects.select_related("municipality"), request.user,
                              pk=pk)


def redirect_to_case(household: Household) -> HttpResponse:
    return redirect("reception:case_detail", pk=household.pk)


def show_errors(request: HttpRequest, errors) -> None:
    if isinstance(errors, ValidationError):
        texts = errors.messages
    else:
        texts = [str(text) for field_errors in errors.values() for text in field_errors]
    for text in texts:
        messages.error(request, text)
