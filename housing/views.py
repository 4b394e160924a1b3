from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from integration_portal.accounts.permissions import Perm, permission_required


@permission_required(Perm.WORK_ON_CASES)
def start(request: HttpRequest) -> HttpResponse:
    """Housing start page: temporary and permanent homes, matching and the yearly quota."""
    return render(request, "housing/start.html")
