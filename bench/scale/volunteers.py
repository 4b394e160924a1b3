"""Volunteer organisations and agreements, volunteer profiles, tasks, hours and reports."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

from . import shape
from .base import DAY, Weighted, at, json_list, next_id
from .writer import NULL


class VolunteersRows:
    """Organisations, agreements, profiles, tasks, hours, reports."""

    def make_organisations(self) -> int:
        from volunteers.models import CooperationAgreement, Organisation, default_commitments

        rng = self.rng("organisations")
        organisation_id = next_id(Organisation)
        agreement_id = next_id(CooperationAgreement)
        organisations, agreements = [], []
        commitments = json.dumps(default_commitments(), ensure_ascii=False)
        for m in self.municipalities:
            names = [f"Frivillignet {m.name}"]
            if m.households >= 200:
                names.append(f"Røde Kors {m.name}")
            for name in names:
                start = self.today - datetime.timedelta(days=rng.randint(200, 1500))
                organisations.append((organisation_id, m.id, name,
                                      "Dansk Flygtningehjælps Frivillignet", "", "", "",
                                      at(start)))
                agreements.append((agreement_id, organisation_id, "", "", start, NULL, start,
                                   commitments, start + 365 * DAY, NULL, NULL, at(start)))
                m.organisations.append(organisation_id)
                organisation_id += 1
                agreement_id += 1
        count = self.loader.load(Organisation, [
            "id", "municipality", "name", "parent_network", "contact_name", "contact_email",
            "contact_phone", "created_at"], organisations)
        return count + self.loader.load(CooperationAgreement, [
            "id", "organisation", "municipality_contacts", "organisation_contacts",
            "period_start", "period_end", "signed_on", "commitments", "evaluation_due_on",
            "last_evaluated_on", "terminated_on", "created_at"], agreements)

    def make_volunteer_profiles(self) -> int:
        from volunteers.models import VolunteerProfile

        rng = self.rng("volunteer_profiles")
        status = Weighted((("active", 85), ("paused", 5), ("pending", 5), ("ended", 5)))
        languages = Weighted(((["da", "en"], 50), (["da", "en", "ar"], 15),
                              (["da", "uk", "ru"], 10), (["da"], 15), (["da", "en", "fa"], 5),
                              (["da", "ti"], 5)))
        profile_id = next_id(VolunteerProfile)
        rows = []
        for m in self.municipalities:
            for user_id in m.volunteers:
                signed = self.today - datetime.timedelta(days=rng.randint(30, 1400))
                certified = rng.random() < 0.6
                state = status(rng)
                if user_id == m.volunteers[0]:
                    # The login printed for the load test: active, and may take any task.
                    certified, state = True, "active"
                if state == "active":
                    m.active_volunteers.append(user_id)
                    if certified:
                        m.certified_volunteers.append(user_id)
                rows.append((
                    profile_id, user_id, rng.choice(m.organisations), json_list(languages(rng)),
                    json_list([m.name]), "Hverdage efter kl. 16", "", signed,
                    signed + datetime.timedelta(days=rng.randint(0, 30)) if certified else NULL,
                    certified, "[]", state, m.coordinator if state != "pending" else NULL,
                    at(signed, 12) if state != "pending" else NULL,
                    f"{rng.getrandbits(160):040x}{profile_id}", at(signed)))
                profile_id += 1
        return self.loader.load(VolunteerProfile, [
            "id", "user", "organisation", "languages", "areas", "availability", "skills",
            "agreement_signed_on", "boerneattest_obtained_on", "boerneattest_no_concerns",
            "courses", "status", "approved_by", "approved_at", "calendar_token", "created_at"],
            rows)

    def make_tasks(self) -> int:
        from volunteers.models import Task, TaskKind

        rng = self.rng("tasks")
        kinds = list(TaskKind.objects.filter(municipality=None).order_by("code")
                     .values_list("pk", "label", "involves_children_default"))
        future = Weighted((("open", 75), ("claimed", 20), ("cancelled", 5)))
        past = Weighted((("done", 80), ("cancelled", 12), ("open", 3), ("claimed", 5)))
        languages = Weighted(((["da"], 40), (["da", "en"], 25), (["ar"], 10), (["uk"], 15),
                              (["ti"], 5), (["prs"], 5)))
        per_municipality = shape.apportion(self.counts.tasks,
                                           [max(m.households, 0.01) for m in self.municipalities])
        first = next_id(Task)
        self.done_tasks: list[tuple[int, int, datetime.date, Decimal]] = []

        def rows():
            task_id = first
            for m in self.municipalities:
                for _ in range(per_municipality[m.index]):
                    kind_id, label, children = rng.choice(kinds)
                    day = self.today + datetime.timedelta(days=rng.randint(-1100, 60))
                    starts = at(day, rng.randint(8, 18), rng.choice((0, 15, 30, 45)))
                    hours = rng.randint(1, 4)
                    status = (future if day > self.today else past)(rng)
                    pool = m.certified_volunteers if children else m.active_volunteers
                    claimed_by = claimed_at = NULL
                    if status in ("claimed", "done"):
                        if pool:
                            claimed_by = rng.choice(pool)
                            claimed_at = starts - datetime.timedelta(days=rng.randint(1, 20))
                        else:
                            status = "open" if day > self.today else "cancelled"
                    household = (self.h_id[rng.choice(m.household_range)]
                                 if m.households and rng.random() < 0.6 else NULL)
                    estimate = Decimal(hours)
                    if status == "done":
                        self.done_tasks.append((task_id, claimed_by, day, estimate))
                    yield (task_id, m.id, kind_id, f"{label}, {m.name}", "", m.name, starts,
                           starts + datetime.timedelta(hours=hours),
                           json_list(languages(rng)), children, estimate, status, household,
                           m.coordinator, starts - datetime.timedelta(days=rng.randint(21, 60)),
                           claimed_by, claimed_at)
                    task_id += 1

        return self.loader.load(Task, [
            "id", "municipality", "kind", "title", "description", "area", "starts_at",
            "ends_at", "languages", "involves_children_under_15", "estimated_hours", "status",
            "household", "created_by", "created_at", "claimed_by", "claimed_at"], rows())

    def make_hours_and_reports(self) -> int:
        from volunteers.models import HoursLog, TaskReport

        rng = self.rng("hours")
        hours_rows, reports = [], []
        hours_id, report_id = next_id(HoursLog), next_id(TaskReport)
        for task_id, volunteer, day, estimate in self.done_tasks:
            for n in range(1 if rng.random() < 0.8 else 2):
                hours = estimate if n == 0 else Decimal("0.50")
                hours_rows.append((hours_id, task_id, volunteer, day + n * DAY, hours, "",
                                   at(day + n * DAY, 20)))
                hours_id += 1
            if rng.random() < 0.4:
                found = rng.random() < 0.02
                reports.append((report_id, task_id, "Opgaven er løst som aftalt.", found,
                                rng.choice(shape.EMPLOYERS) if found else "", at(day, 21)))
                report_id += 1
        count = self.loader.load(HoursLog, [
            "id", "task", "volunteer", "date", "hours", "note", "created_at"], hours_rows)
        return count + self.loader.load(TaskReport, [
            "id", "task", "text", "found_language_internship", "employer_name", "created_at"],
            reports)
