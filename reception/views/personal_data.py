"""A person's data export (GDPR art. 15, indsigt): everything the portal holds about them,
as PDF or JSON. Built on request: a normal person's export takes well under a second."""

from __future__ import annotations

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from integration_portal.accounts.permissions import Perm, permission_required
from integration_portal.core.scoping import get_visible_or_404
from reception.models import Person
from reception.personal_data import (
    EXPORT_FORMATS,
    personal_data_document,
    personal_data_export,
    personal_data_filename,
    personal_data_pdf,
    personal_data_record_export,
)


@require_GET
# Everyone who reads cases may answer a request for access, managers included.
@permission_required(Perm.VIEW_CASES)
def personal_data(request: HttpRequest, pk: int, person_pk: int, export_format: str
                  ) -> HttpResponse:
    if export_format not in EXPORT_FORMATS:
        raise Http404
    person = get_visible_or_404(
        Person.objects.select_related("household__municipality", "household__caseworker"),
        request.user, pk=person_pk, household_id=pk,
    )
    export = personal_data_export(person=person, viewer=request.user)
    if export_format == "pdf":
        response = HttpResponse(personal_data_pdf(export), content_type="application/pdf")
    else:
        response = HttpResponse(
            json.dumps(personal_data_document(export), cls=DjangoJSONEncoder, ensure_ascii=False,
                       indent=2),
            content_type="application/json; charset=utf-8",
        )
    personal_data_record_export(person=person, actor=request.user, export_format=export_format)
    filename = personal_data_filename(person=person, on=timezone.localdate(),
                                      export_format=export_format)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    # Personal data: never kept by a browser cache or a proxy.
    response["Cache-Control"] = "private, no-store"
    return response
