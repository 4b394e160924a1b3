"""The housing start page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from housing import selectors
from integration_portal.accounts.permissions import Perm, can, permission_required


@permission_required(Perm.VIEW_CASES)
def start(request: HttpRequest) -> HttpResponse:
    """The stock at a glance and the open cases still without a permanent home."""
    today = timezone.localdate()
    return render(request, "housing/start.html", {
        "summary": selectors.stock_summary(user=request.user, today=today),
        "awaiting": selectors.households_awaiting_home(user=request.user),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
        "today": today,
    })
