"""Audit events."""

from __future__ import annotations

import datetime

from . import shape
from .base import UTC, Weighted, json_list, next_id
from .writer import NULL


class AuditRows:
    """Audit events about the cases."""

    def make_audit(self) -> int:
        from integration_portal.audit.models import AuditEvent

        rng = self.rng("audit")
        total = self.counts.audit
        if total and not self.h_id:
            raise ValueError("Audit events need households to be about")
        action_of = Weighted(shape.ACTIONS)
        summaries = {action: list(texts) for action, texts in shape.SUMMARIES.items()}
        changed = [json_list(fields) for fields in shape.CHANGED_FIELDS]
        # Four years of events, denser towards today; ids follow time, as they would.
        end = datetime.datetime(self.today.year, self.today.month, self.today.day,
                                tzinfo=UTC).timestamp()
        span = 4 * 365 * 86400
        first = next_id(AuditEvent)
        households = len(self.h_id)
        from_timestamp = datetime.datetime.fromtimestamp

        def rows():
            for i in range(total):
                h = rng.randrange(households)
                household_id = self.h_id[h]
                m = self.h_m[h]
                r = rng.random()
                if r < 0.5:
                    object_type, object_id = "reception.household", household_id
                elif r < 0.8:
                    object_type = "reception.person"
                    object_id = self.p_id[self.h_first_person[h] + rng.randrange(self.h_size[h])]
                elif self.h_milestones[h]:
                    object_type = "reception.milestone"
                    object_id = self.h_first_milestone[h] + rng.randrange(self.h_milestones[h])
                else:
                    object_type, object_id = "reception.household", household_id
                action = action_of(rng)
                actor = NULL if r > 0.97 else (self.h_caseworker[h] if r < 0.7
                                               else rng.choice(m.caseworkers))
                moment = end - span * (1 - ((i + rng.random()) / total) ** 0.6) - 6 * 3600
                yield (first + i, from_timestamp(moment, UTC), actor, m.id, action, object_type,
                       object_id, f"reception.household:{household_id}",
                       rng.choice(summaries[action]),
                       rng.choice(changed) if action == "update" else "[]")

        return self.loader.load(AuditEvent, [
            "id", "at", "actor", "municipality", "action", "object_type", "object_id",
            "trail", "summary", "changed_fields"], rows())
