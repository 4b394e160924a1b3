from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from integration_portal.accounts.permissions import Perm, permission_required


@permission_required(Perm.WORK_ON_CASES)
def start(request: HttpRequest) -> HttpResponse:
    """The caseworker's start page: what is overdue, what is due, who is coming."""
    return render(request, "reception/start.html")
