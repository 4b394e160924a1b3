"""Arrival notices, households, persons and milestones."""

from __future__ import annotations

import datetime
import random

from integration_portal.core.crypto import cpr_encrypt, cpr_hash

from . import shape
from .base import DAY, Weighted, at, json_list, next_id
from .writer import NULL


class ReceptionRows:
    """Notices, households, persons and milestones."""

    def _arrival(self, rng: random.Random, status: str) -> tuple[datetime.date, bool]:
        """A past arrival date, and whether it falls in the 2022 peak."""
        today = self.today
        latest = today - datetime.timedelta(days=76 if status == "in_programme" else 400)
        if rng.random() < 0.35:
            day = datetime.date(2022, 3, 1) + datetime.timedelta(days=rng.randint(0, 300))
            if day <= latest:
                return day, True
        earliest = today - datetime.timedelta(days=5 * 365 + (150 if status == "closed" else 0))
        return earliest + datetime.timedelta(days=rng.randint(0, (latest - earliest).days)), False

    @staticmethod
    def _takeover(basis: str, decision: datetime.date, arrival: datetime.date):
        if basis == "ukrainian_special_act":
            return decision + datetime.timedelta(days=14)
        if basis == "asylum_refugee":
            month = decision.month + 2
            return datetime.date(decision.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)
        if basis in ("quota_refugee", "family_reunified"):
            return arrival + datetime.timedelta(days=3)
        return None

    def make_households(self) -> int:
        from reception.models import ArrivalNotice, Household

        rng = self.rng("households")
        status_of = Weighted(shape.HOUSEHOLD_STATUS)
        size_of = Weighted(shape.HOUSEHOLD_SIZES)
        bases_peak, bases_other = Weighted(shape.BASES_PEAK), Weighted(shape.BASES_OTHER)
        origins = {basis: Weighted(pairs) for basis, pairs in shape.ORIGINS_BY_BASIS.items()}
        sizes = [size_of(rng) for _ in range(self.counts.households)]
        shape.adjust_to_total(sizes, self.counts.persons, low=1, high=10, rng=rng)

        first_household, first_notice = next_id(Household), next_id(ArrivalNotice)
        # What later tables need to know of each household, by position.
        self.h_id, self.h_m, self.h_status, self.h_arrival, self.h_decision = [], [], [], [], []
        self.h_takeover, self.h_closed, self.h_size, self.h_basis, self.h_origin = \
            [], [], [], [], []
        self.h_caseworker, self.h_created = [], []
        households, notices = [], []
        position = 0
        for m in self.municipalities:
            m.household_range = range(position, position + m.households)
            numbers: dict[int, int] = {}
            for _ in range(m.households):
                status = status_of(rng)
                peak = False
                if status == "announced":
                    expected = self.today + datetime.timedelta(days=rng.randint(3, 75))
                    arrival = None
                    decision = expected - datetime.timedelta(days=rng.randint(10, 30))
                    if decision > self.today:
                        decision = None
                    received = min(expected - datetime.timedelta(days=rng.randint(14, 45)),
                                   self.today)
                else:
                    if status == "arrived":
                        arrival = self.today - datetime.timedelta(days=rng.randint(0, 75))
                    else:
                        arrival, peak = self._arrival(rng, status)
                    expected = arrival + datetime.timedelta(days=rng.randint(-5, 3))
                    decision = arrival - datetime.timedelta(days=rng.randint(10, 40))
                    received = decision - datetime.timedelta(days=rng.randint(0, 10))
                basis = (bases_peak if peak else bases_other)(rng)
                origin = origins[basis](rng)
                takeover = (self._takeover(basis, decision, arrival)
                            if arrival is not None and decision is not None else None)
                closed = None
                if status == "closed":
                    closed = min(arrival + datetime.timedelta(days=rng.randint(300, 1800)),
                                 self.today - DAY)
                if status == "announced":
                    changed = received
                elif status == "closed":
                    changed = closed
                else:
                    changed = takeover or arrival + 10 * DAY
                caseworker = (NULL if status == "announced" and rng.random() < 0.4
                              else rng.choice(m.caseworkers))
                year = received.year
                numbers[year] = numbers.get(year, 0) + 1
                household_id = first_household + position
                created = at(received, rng.randint(8, 15), rng.randint(0, 59))
                address = ("" if arrival is None else
                           f"{rng.choice(shape.STREETS)} {rng.randint(1, 120)}, "
                           f"{m.postcode} {m.name}")
                households.append((
                    household_id, m.id, f"{m.slug[:3].upper()}-{year}-{numbers[year]:04d}",
                    first_notice + position, caseworker, status, at(changed, 11),
                    caseworker if status != "announced" else NULL, expected,
                    NULL if arrival is None else arrival, NULL if decision is None else decision,
                    address, created, at(changed, 11)))
                notices.append([
                    first_notice + position, m.id, "email", f"UDL-{year}-{household_id:06d}",
                    received, expected, basis, NULL if decision is None else decision,
                    0, 0, 0, 0, json_list(shape.ORIGINS[origin][0]), "[]", "", created, NULL])
                self.h_id.append(household_id)
                self.h_m.append(m)
                self.h_status.append(status)
                self.h_arrival.append(arrival or expected)
                self.h_decision.append(decision)
                self.h_takeover.append(takeover)
                self.h_closed.append(closed)
                self.h_size.append(sizes[position])
                self.h_basis.append(basis)
                self.h_origin.append(origin)
                self.h_caseworker.append(m.caseworkers[0] if caseworker == NULL else caseworker)
                self.h_created.append(created)
                position += 1
        self.persons_rows = self._person_rows(notices)
        count = self.loader.load(ArrivalNotice, [
            "id", "municipality", "source", "source_reference", "received_on",
            "expected_arrival_date", "residence_basis", "placement_decision_date", "adults",
            "children_0_5", "children_6_14", "children_15_17", "languages", "need_flags",
            "note", "created_at", "created_by"], map(tuple, notices))
        return count + self.loader.load(Household, [
            "id", "municipality", "reference", "notice", "caseworker", "status",
            "status_changed_at", "status_changed_by", "expected_arrival_date", "arrival_date",
            "placement_decision_date", "address", "created_at", "updated_at"], households)

    def _person_rows(self, notices: list[list]) -> list[tuple]:
        """The persons of every household (written by the next step); fills in the notices'
        head counts and keeps what milestones and measures need."""
        from reception.models import Person

        rng = self.rng("persons")
        literacy = Weighted((("reads_writes", 70), ("limited", 15), ("none", 5), ("unknown", 10)))
        person_id = next_id(Person)
        self.h_first_person = []
        self.p_id, self.p_h, self.p_birth, self.p_adult = [], [], [], []
        rows = []
        serial = 0
        for h, household_id in enumerate(self.h_id):
            self.h_first_person.append(len(self.p_id))
            reference_day = self.h_arrival[h]
            origin = shape.ORIGINS[self.h_origin[h]]
            languages, letter_language, first_names, last_names = origin
            last_name = rng.choice(last_names)
            registered = self.h_status[h] != "announced"
            notice = notices[h]
            spouse_chance = 0.35 if self.h_origin[h] == "ukraine" else 0.7
            for n in range(self.h_size[h]):
                if n == 0:
                    relation, age = "applicant", rng.randint(19, 62)
                elif n == 1 and rng.random() < spouse_chance:
                    relation, age = "spouse", rng.randint(19, 62)
                elif rng.random() < 0.05:
                    relation, age = "other", rng.randint(50, 82)
                else:
                    relation, age = "child", rng.randint(0, 17)
                birth = reference_day - datetime.timedelta(days=age * 365 + rng.randint(0, 364))
                adult = age >= 18
                if adult:
                    notice[8] += 1
                elif age <= 5:
                    notice[9] += 1
                elif age <= 14:
                    notice[10] += 1
                else:
                    notice[11] += 1
                cpr_ciphertext = cpr_digest = cpr_masked = ""
                cpr_day = NULL
                if registered:
                    serial += 1
                    century = 0 if birth.year < 2000 else 4
                    cpr = f"{birth:%d%m%y}-{century}{serial % 1000:03d}"
                    # As Person.cpr stores it: encrypted, keyed hash, masked.
                    cpr_ciphertext, cpr_digest = cpr_encrypt(cpr), cpr_hash(cpr)
                    cpr_masked = f"{cpr[:6]}-XXXX"
                    cpr_day = reference_day + datetime.timedelta(days=rng.randint(0, 14))
                interpreter = adult and rng.random() < 0.4
                spoken = languages + (["da"] if not adult and registered else [])
                rows.append((
                    person_id, household_id, relation, rng.choice(first_names), last_name,
                    cpr_ciphertext, cpr_digest, cpr_masked, cpr_day, birth,
                    shape.NATIONALITY[self.h_origin[h]], self.h_basis[h],
                    json_list(spoken),
                    "en" if adult and rng.random() < 0.15 else letter_language,
                    literacy(rng) if adult else "unknown", interpreter,
                    languages[0] if interpreter else "", "",
                    f"{rng.randint(20000000, 99999999)}" if adult else "", "", False,
                    adult and rng.random() < 0.1, NULL, "",
                    NULL if self.h_takeover[h] is None else self.h_takeover[h], NULL, "",
                    self.h_created[h], self.h_created[h]))
                self.p_id.append(person_id)
                self.p_h.append(h)
                self.p_birth.append(birth)
                self.p_adult.append(adult)
                person_id += 1
        return rows

    def make_persons(self) -> int:
        from reception.models import Person

        rows, self.persons_rows = self.persons_rows, None
        return self.loader.load(Person, [
            "id", "household", "relation", "first_name", "last_name", "cpr_ciphertext",
            "cpr_hash", "cpr_masked", "cpr_registration_date", "birth_date", "nationality",
            "residence_basis",
            "languages", "letter_language", "literacy", "interpreter_needed",
            "interpreter_language", "interpreter_dialect", "phone", "email", "email_consent",
            "digital_post_exempt", "digital_post_exempt_until", "needs_note", "takeover_date",
            "takeover_date_override", "takeover_override_reason", "created_at", "updated_at"],
            rows)

    def make_milestones(self) -> int:
        from housing.kinds import PERMANENT_HOME
        from integration_portal.rules.models import Rule
        from integration_portal.rules.registry import milestone_kinds
        from reception.models import Milestone

        rng = self.rng("milestones")
        national: dict[str, Rule] = {}
        for rule in (Rule.objects.filter(rule_set__municipality=None, is_local=False,
                                         rule_set__effective_from__lte=self.today)
                     .order_by("rule_set__effective_from", "pk")):
            national[rule.milestone_kind] = rule  # the newest set in force wins
        days_per = {"days": 1, "weeks": 7, "months": 30.44, "working_days": 1.4}
        person_kinds = [k.code for k in milestone_kinds() if k.code != PERMANENT_HOME]
        # Children first get what concerns them too (the health assessment), then the rest.
        child_order = sorted(person_kinds, key=lambda code: code != "health_assessment_offer")

        households = [h for h in range(len(self.h_id))
                      if self.h_status[h] != "announced" and rng.random() < 0.75]
        person_total = self.counts.milestones - len(households)
        if person_total < 0:
            households = households[: self.counts.milestones]
            person_total = 0
        per_person = [rng.randint(6, 8) if adult else rng.randint(3, 6) for adult in self.p_adult]
        shape.adjust_to_total(per_person, person_total, low=0, high=len(person_kinds), rng=rng)
        with_home_target = set(households)
        first = next_id(Milestone)
        self.h_first_milestone = [0] * len(self.h_id)
        self.h_milestones = [0] * len(self.h_id)

        def open_or_done(h: int, due: datetime.date, anchor: datetime.date):
            """(done_on, done_by): done for closed cases, mostly done when due, a few early."""
            closed = self.h_closed[h]
            if closed is not None:
                done = max(min(due - datetime.timedelta(days=rng.randint(0, 20)), closed),
                           anchor)
            elif due < self.today:
                if rng.random() >= 0.85:
                    return NULL, NULL  # overdue
                done = max(due - datetime.timedelta(days=rng.randint(-5, 20)), anchor)
                done = min(done, self.today)
            elif rng.random() < 0.05:
                done = max(self.today - datetime.timedelta(days=rng.randint(0, 10)), anchor)
                done = min(done, self.today)
            else:
                return NULL, NULL
            return done, self.h_caseworker[h]

        def rows():
            milestone_id = first
            for h, household_id in enumerate(self.h_id):
                self.h_first_milestone[h] = milestone_id
                arrival, takeover = self.h_arrival[h], self.h_takeover[h]
                start = takeover or arrival
                created = self.h_created[h]
                anchors = {"takeover": start, "arrival": arrival,
                           "placement_decision": self.h_decision[h] or arrival,
                           "measure_start": start + 180 * DAY,
                           "igu_start": start + 365 * DAY, "igu_end": start + 1095 * DAY}
                if h in with_home_target:
                    due = arrival + 182 * DAY
                    done_on, done_by = open_or_done(h, due, arrival)
                    yield (milestone_id, household_id, NULL, PERMANENT_HOME, due, arrival, NULL,
                           "Lokalt mål: permanent bolig inden 6 måneder", True, done_on,
                           done_by, "", created, created)
                    milestone_id += 1
                first_person = self.h_first_person[h]
                for p in range(first_person, first_person + self.h_size[h]):
                    kinds = person_kinds if self.p_adult[p] else child_order
                    for kind in kinds[: per_person[p]]:
                        rule = national.get(kind)
                        if rule is None:
                            anchor, due = start, start + 90 * DAY
                        else:
                            anchor = (self.p_birth[p] if rule.anchor == "birth"
                                      else anchors.get(rule.anchor, start))
                            due = anchor + datetime.timedelta(
                                days=round(rule.offset_amount * days_per[rule.offset_unit]))
                        done_on, done_by = open_or_done(h, due, anchor)
                        yield (milestone_id, household_id, self.p_id[p], kind, due, anchor,
                               NULL if rule is None else rule.pk,
                               "" if rule is None else rule.legal_basis, False, done_on,
                               done_by, "", created, created)
                        milestone_id += 1
                self.h_milestones[h] = milestone_id - self.h_first_milestone[h]

        return self.loader.load(Milestone, [
            "id", "household", "person", "kind", "due_date", "anchor_date", "rule", "basis",
            "is_local", "done_on", "done_by", "note", "created_at", "updated_at"], rows())
