from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from integration_portal.notifications.selectors import notification_inbox
from integration_portal.notifications.services import notifications_mark_all_read

PAGE_SIZE = 25


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    # Any signed-in user has an inbox; it only ever holds their own notifications.
    page = Paginator(notification_inbox(user=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/inbox.html", {"page_obj": page})


@login_required
@require_POST
def mark_all_read(request: HttpRequest) -> HttpResponse:
    marked = notifications_mark_all_read(recipient=request.user)
    if marked:
        messages.success(
            request,
            ngettext(
                "%(count)d notification was marked as read.",
                "%(count)d notifications were marked as read.",
                marked,
            ) % {"count": marked},
        )
    return redirect("notifications:inbox")
