from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from integration_portal.accounts.permissions import Perm, permission_required


@permission_required(Perm.WORK_ON_CASES)
def start(request: HttpRequest) -> HttpResponse:
    """Employment start page: measures, employers and the job-centre queue."""
    return render(request, "employment/start.html")
