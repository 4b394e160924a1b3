"""Volunteer-facing and coordinator views.

The volunteer-facing views stand outside the privacy wall: they must never import
reception's person selectors or models (see architecture.md).
"""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from integration_portal.accounts.permissions import Perm, permission_required


@permission_required(Perm.VOLUNTEER_TASKS)
def board(request: HttpRequest) -> HttpResponse:
    """The volunteer's start page: open tasks they can pick up."""
    return render(request, "volunteers/board.html")


@permission_required(Perm.COORDINATE_VOLUNTEERS)
def coordination(request: HttpRequest) -> HttpResponse:
    """The coordinator's start page: volunteers awaiting approval and unclaimed tasks."""
    return render(request, "volunteers/coordination.html")
