"""The volunteer's pages: the task board and the tasks they took.

Outside the privacy wall: everything shown here comes from the task's own volunteer-safe
fields, through volunteers.selectors. This module must not import reception (a test checks).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from integration_portal.accounts.permissions import Perm, permission_required
from integration_portal.core.scoping import get_visible_or_404
from integration_portal.letters.languages import Language
from volunteers import selectors, services
from volunteers.forms import BoardFilterForm, CompleteForm, HoursForm, add_service_error
from volunteers.models import HoursLog, Task, TaskStatus

TASKS_PER_PAGE = 25


def _task_for(request: HttpRequest, pk: int) -> Task:
    """A task of the volunteer's municipality with only its volunteer-safe fields, or 404."""
    queryset = Task.objects.select_related("kind").only(
        *selectors.VOLUNTEER_SAFE_FIELDS, "municipality")
    return get_visible_or_404(queryset, request.user, pk=pk)


def _language_names(codes: list[str]) -> list[str]:
    return [Language(code).label if code in Language.values else code for code in codes]


def _claim_refusals(tasks: list[Task], volunteer) -> dict[int, str]:
    # Why the volunteer may not take each task. The answer depends on the volunteer and only
    # on whether the task involves children, so ask once per kind of answer, not per row:
    # the board's query count must not grow with the number of tasks.
    by_children: dict[bool, str] = {}
    refusals = {}
    profile = selectors.profile_of(volunteer)
    for task in tasks:
        flag = task.involves_children_under_15
        if flag not in by_children:
            by_children[flag] = services.claim_refusal(task=task, volunteer=volunteer,
                                                       profile=profile)
        refusals[task.pk] = by_children[flag]
    return refusals


def _render_board(request: HttpRequest, *, claim_error: str = "") -> HttpResponse:
    form = BoardFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    tasks = selectors.task_board(
        volunteer=request.user, area=filters.get("area", ""),
        language=filters.get("language", ""), on_or_after=filters.get("date_from"),
    )
    page = Paginator(tasks, TASKS_PER_PAGE).get_page(request.GET.get("page"))
    refusals = _claim_refusals(page.object_list, request.user)
    rows = [{"task": task, "refusal": refusals[task.pk],
             "languages": _language_names(task.languages)} for task in page.object_list]
    query_string = request.GET.copy()
    query_string.pop("page", None)
    return render(request, "volunteers/board.html", {
        "form": form, "rows": rows, "page": page,
        "filtered": bool(filters and any(filters.values())),
        "claim_error": claim_error,
        # Taking a task comes back to the same page of the same filtered board.
        "claim_query_string": request.GET.urlencode(),
        "query_string": query_string.urlencode(),
    })


@permission_required(Perm.VOLUNTEER_TASKS)
def board(request: HttpRequest) -> HttpResponse:
    """The volunteer's start page: open tasks they can pick up."""
    return _render_board(request)


@require_POST
@permission_required(Perm.VOLUNTEER_TASKS)
def task_claim(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task_for(request, pk)
    try:
        services.task_claim(task=task, volunteer=request.user)
    except ValidationError as error:
        # Back on the board, with the filters the volunteer had chosen, and why.
        return _render_board(request, claim_error=" ".join(error.messages))
    messages.success(request, _("You took the task “%(title)s”.") % {"title": task.title})
    return redirect("volunteers:my_tasks")


def _render_my_tasks(request: HttpRequest, *, bound: dict | None = None,
                     error: str = "") -> HttpResponse:
    """The tasks I took; `bound` holds the one form that was posted, keyed (task pk, form)."""
    bound = bound or {}
    own_hours = HoursLog.objects.filter(volunteer=request.user).only(
        "task_id", "date", "hours", "note")
    tasks = selectors.my_tasks(volunteer=request.user).prefetch_related(
        Prefetch("hours", queryset=own_hours))
    # Current tasks come first; the done ones of years of helping follow, a page at a time.
    page = Paginator(tasks, TASKS_PER_PAGE).get_page(request.GET.get("page"))
    rows = []
    for task in page.object_list:
        rows.append({
            "task": task,
            "languages": _language_names(task.languages),
            "hours_form": bound.get((task.pk, "hours")) or HoursForm(prefix=f"hours-{task.pk}"),
            "complete_form": bound.get((task.pk, "complete"))
            or CompleteForm(prefix=f"complete-{task.pk}"),
            "is_open": task.status == TaskStatus.CLAIMED,
        })
    return render(request, "volunteers/my_tasks.html",
                  {"rows": rows, "page": page, "error": error})


@permission_required(Perm.VOLUNTEER_TASKS)
def my_tasks(request: HttpRequest) -> HttpResponse:
    return _render_my_tasks(request)


def _my_task(request: HttpRequest, pk: int) -> Task:
    task = _task_for(request, pk)
    if task.claimed_by_id != request.user.pk:
        # Someone else's task is none of this volunteer's business.
        raise Http404
    return task


@require_POST
@permission_required(Perm.VOLUNTEER_TASKS)
def task_release(request: HttpRequest, pk: int) -> HttpResponse:
    task = _my_task(request, pk)
    try:
        services.task_release(task=task, volunteer=request.user)
    except ValidationError as error:
        return _render_my_tasks(request, error=" ".join(error.messages))
    messages.success(request, _("You gave the task back. It is on the board again."))
    return redirect("volunteers:my_tasks")


@require_POST
@permission_required(Perm.VOLUNTEER_TASKS)
def hours_add(request: HttpRequest, pk: int) -> HttpResponse:
    task = _my_task(request, pk)
    form = HoursForm(request.POST, prefix=f"hours-{task.pk}")
    if form.is_valid():
        try:
            services.hours_log(task=task, volunteer=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Your hours were saved."))
            return redirect("volunteers:my_tasks")
    return _render_my_tasks(request, bound={(task.pk, "hours"): form})


@require_POST
@permission_required(Perm.VOLUNTEER_TASKS)
def task_complete(request: HttpRequest, pk: int) -> HttpResponse:
    task = _my_task(request, pk)
    form = CompleteForm(request.POST, prefix=f"complete-{task.pk}")
    if form.is_valid():
        try:
            services.task_complete(task=task, volunteer=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_error(form, error)
        else:
            messages.success(request, _("Thank you. The task is marked as done."))
            return redirect("volunteers:my_tasks")
    return _render_my_tasks(request, bound={(task.pk, "complete"): form})
