"""Erase a closed case's traces in the volunteers' records once a manager approved it (see
integration_portal.retention): the tasks' link to the case, and what volunteers wrote about
those tasks. Tasks, hours and their dates stay: the volunteer figures count them."""

from __future__ import annotations

from integration_portal.retention.registry import register_anonymiser
from volunteers.models import HoursLog, Task, TaskReport


def anonymise_household(household_id: int) -> dict[str, int]:
    tasks = Task.objects.filter(household_id=household_id)
    reports = TaskReport.objects.filter(task__in=tasks).exclude(text="").update(text="")
    hour_notes = HoursLog.objects.filter(task__in=tasks).exclude(note="").update(note="")
    links = tasks.update(household=None)
    return {"task reports": reports, "hours notes": hour_notes, "task links": links}


register_anonymiser(name="volunteers", anonymiser=anonymise_household)
