"""The employment start page."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from employment.selectors.overview import (
    WITHOUT_MEASURE_SHOWN,
    employment_figures,
    persons_without_measure,
)
from integration_portal.accounts.permissions import Perm, can, permission_required


@permission_required(Perm.VIEW_CASES)
def start(request: HttpRequest) -> HttpResponse:
    """The figures at a glance, and the programme persons nobody has planned a measure for."""
    without = persons_without_measure(viewer=request.user, today=timezone.localdate())
    return render(request, "employment/start.html", {
        "figures": employment_figures(viewer=request.user),
        "without_measure": list(without[:WITHOUT_MEASURE_SHOWN]),
        "without_measure_count": without.count(),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
    })
