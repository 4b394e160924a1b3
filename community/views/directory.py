"""The community start page and the directory of associations."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from community import selectors, services
from community.forms import AssociationFilterForm, AssociationForm
from community.models import Association
from community.views.common import query_string_without_page
from integration_portal.accounts.permissions import Perm, can, permission_required
from integration_portal.core.forms import add_service_error
from integration_portal.core.scoping import get_visible_or_404
from volunteers.models import EventKind
from volunteers.selectors import upcoming_meetings_of_kinds

ASSOCIATIONS_PER_PAGE = 50
MEETING_KINDS = (EventKind.WELCOME_MEETING, EventKind.INFORMATION_MEETING)


@permission_required(Perm.VIEW_CASES)
def start(request: HttpRequest) -> HttpResponse:
    """Welcome and information meetings to come, and the referrals waiting for follow-up."""
    today = timezone.localdate()
    return render(request, "community/start.html", {
        "meetings": upcoming_meetings_of_kinds(viewer=request.user, kinds=MEETING_KINDS),
        "due_count": selectors.referrals_to_follow_up(user=request.user, today=today).count(),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
        "can_coordinate": can(request.user, Perm.COORDINATE_VOLUNTEERS),
    })


@permission_required(Perm.VIEW_CASES)
def association_list(request: HttpRequest) -> HttpResponse:
    form = AssociationFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    associations = selectors.association_list(
        user=request.user, kind=filters.get("kind", ""), language=filters.get("language", ""),
        age_group=filters.get("age_group", ""),
        welcomes_newcomers=filters.get("welcomes_newcomers", False))
    page = Paginator(associations, ASSOCIATIONS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "community/association_list.html", {
        "form": form, "page": page, "query_string": query_string_without_page(request),
        "can_work": can(request.user, Perm.WORK_ON_CASES),
    })


@permission_required(Perm.VIEW_CASES)
def association_detail(request: HttpRequest, pk: int) -> HttpResponse:
    association = get_visible_or_404(Association.objects.all(), request.user, pk=pk)
    return render(request, "community/association_detail.html", {
        "association": association,
        "referrals": selectors.association_referrals(association=association)[:100],
        "can_work": can(request.user, Perm.WORK_ON_CASES),
    })


def _association_form(request: HttpRequest, association: Association | None) -> HttpResponse:
    form = AssociationForm(request.POST or None, instance=association)
    if request.method == "POST":
        if form.is_valid():
            fields = {name: form.cleaned_data[name] for name in services.ASSOCIATION_FIELDS}
            try:
                if association is None:
                    association = services.association_create(
                        municipality=request.user.municipality, actor=request.user, **fields)
                else:
                    services.association_update(association=association, actor=request.user,
                                                **fields)
            except ValidationError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("The association was saved."))
                return redirect("community:association_detail", pk=association.pk)
        return render(request, "community/association_form.html",
                      {"form": form, "association": association}, status=400)
    return render(request, "community/association_form.html",
                  {"form": form, "association": association})


@permission_required(Perm.WORK_ON_CASES)
def association_create(request: HttpRequest) -> HttpResponse:
    return _association_form(request, None)


@permission_required(Perm.WORK_ON_CASES)
def association_edit(request: HttpRequest, pk: int) -> HttpResponse:
    association = get_visible_or_404(Association.objects.select_related("municipality"),
                                     request.user, pk=pk)
    return _association_form(request, association)
