"""What the volunteers app holds about a person, for their personal data export
(reception.personal_data): the volunteer tasks linked to their case, when a volunteer took
them, the hours logged and the volunteer's report. Staff side of the privacy wall; no
volunteer's name or contact details: those are the volunteer's personal data, not theirs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from reception.personal_data import Section, Table, columns, record, register_personal_data_section
from volunteers.models import Task, TaskReport
from volunteers.selectors import tasks_for_household

if TYPE_CHECKING:
    from integration_portal.accounts.models import User
    from reception.models import Person

TASK_FIELDS = ("kind", "title", "description", "area", "starts_at", "ends_at", "status",
               "claimed_at")


def personal_data_section(person: Person, viewer: User) -> Section:
    tasks = tasks_for_household(viewer=viewer, household=person.household)
    rows = []
    for task in tasks:
        report = getattr(task, "report", None)  # select_related: no query
        rows.append(record(task, TASK_FIELDS, hours_logged=task.hours_logged,
                           report=report.text if report else None,
                           reported_at=report.created_at if report else None))
    return Section(key="volunteers", title=_("Volunteer help"), tables=[Table(
        key="tasks", title=capfirst(str(Task._meta.verbose_name_plural)),
        columns=columns(Task, TASK_FIELDS, [
            ("hours_logged", _("Hours logged")),
            ("report", capfirst(str(TaskReport._meta.verbose_name))),
            ("reported_at", _("Reported")),
        ]),
        rows=rows,
    )])


register_personal_data_section(key="volunteers", build=personal_data_section, order=50)
