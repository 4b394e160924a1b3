"""Private hosts, homes and placements."""

from __future__ import annotations

import datetime
from decimal import Decimal

from . import shape
from .base import Municipality, Weighted, at, next_id
from .writer import NULL


class HousingRows:
    """Hosts, homes and the placements planned with them."""

    def make_units(self) -> int:
        """Plans the placements too: a home's capacity must hold every household placed in
        it (the capacity trigger checks each placement as it is written)."""
        from housing.models import HousingUnit, PrivateHost

        rng = self.rng("units")
        kind_of = Weighted((("permanent", 55), ("temporary", 25), ("shared_room", 8),
                            ("private_lodging", 12)))
        permanent_landlord = Weighted((("housing_association", 70), ("private_landlord", 20),
                                       ("municipality", 10)))
        per_municipality = shape.apportion(self.counts.units,
                                           [max(m.households, 0.01) for m in self.municipalities])
        first_unit, first_host = next_id(HousingUnit), next_id(PrivateHost)
        units, hosts = [], []
        self.u_id, self.u_permanent = [], []
        by_municipality: dict[int, tuple[list[int], list[int]]] = {}
        for m in self.municipalities:
            permanent, temporary = [], []
            for _ in range(per_municipality[m.index]):
                u = len(units)
                kind = kind_of(rng)
                rooms = rng.randint(1, 5) if kind != "shared_room" else 1
                host = NULL
                if kind == "private_lodging":
                    host = first_host + len(hosts)
                    signed = self.today - datetime.timedelta(days=rng.randint(30, 1200))
                    hosts.append((host, m.id, f"{rng.choice(shape.DANISH_FIRST)} "
                                  f"{rng.choice(shape.DANISH_LAST)}", "", "", signed, NULL, "",
                                  at(signed), at(signed)))
                    landlord, landlord_name = "private_host", ""
                elif kind == "permanent":
                    landlord = permanent_landlord(rng)
                    landlord_name = {"housing_association": f"Boligforeningen {m.name}",
                                     "private_landlord": "Ejendomsselskabet Nord ApS",
                                     "municipality": ""}[landlord]
                else:
                    landlord, landlord_name = "municipality", ""
                available = self.today - datetime.timedelta(days=rng.randint(0, 1800))
                units.append([
                    first_unit + u, m.id,
                    f"{rng.choice(shape.STREETS)} {rng.randint(1, 150)}, "
                    f"{rng.choice(['st. tv.', '1. th.', '2. tv.', ''])}".rstrip(", "),
                    f"{m.postcode + rng.randint(0, 9):04d}", m.name,
                    rng.choice(["Centrum", "Nord", "Syd", "Øst", "Vest", ""]),
                    Decimal(f"{min(max(m.latitude + rng.uniform(-0.08, 0.08), 54.6), 57.7):.6f}"),
                    Decimal(f"{min(max(m.longitude + rng.uniform(-0.08, 0.08), 8.1), 15.1):.6f}"),
                    kind, rooms, rooms * 22 + rng.randint(8, 30),
                    Decimal(rng.randint(25, 120) * 100), rng.random() < 0.2,
                    rooms + 1 if kind != "shared_room" else 2, landlord, landlord_name, host,
                    available, NULL, kind == "permanent" and rng.random() < 0.05, "",
                    at(available), at(available)])
                (permanent if kind == "permanent" else temporary).append(u)
                self.u_id.append(first_unit + u)
                self.u_permanent.append(kind == "permanent")
            by_municipality[m.index] = (permanent, temporary)
        self.placement_rows = self._plan_placements(units, by_municipality)
        count = self.loader.load(PrivateHost, [
            "id", "municipality", "name", "email", "phone", "agreement_signed_on",
            "agreement_ends_on", "note", "created_at", "updated_at"], hosts)
        return count + self.loader.load(HousingUnit, [
            "id", "municipality", "address", "postcode", "town", "area", "latitude",
            "longitude", "kind", "rooms", "size_m2", "rent_dkk", "step_free", "capacity",
            "landlord_kind", "landlord_name", "private_host", "available_from",
            "available_until", "deprived_area", "notes", "created_at", "updated_at"],
            map(tuple, units))

    def _plan_placements(self, units: list[list], by_municipality) -> list[tuple]:
        from housing.models import Placement

        rng = self.rng("placements")
        load = [0] * len(units)
        cursors: dict[tuple[int, bool], int] = {}
        rows = []
        placement_id = next_id(Placement)

        def home(m: Municipality, permanent: bool, persons: int) -> int | None:
            """The next home of the wanted kind in turn (any kind when there is none)."""
            pools = by_municipality[m.index]
            pool = pools[0] if permanent else pools[1]
            pool = pool or pools[0] or pools[1]
            if not pool:
                return None
            key = (m.index, permanent)
            turn = cursors.get(key, rng.randrange(len(pool)))
            cursors[key] = turn + 1
            u = pool[turn % len(pool)]
            if load[u] + persons > 50:
                return None
            load[u] += persons
            return u

        def place(h, u, status, starts, ends):
            nonlocal placement_id
            if u is None:
                return
            start_time = at(starts, 10)
            rows.append((placement_id, self.h_id[h], self.u_id[u], self.u_permanent[u], status,
                         starts, NULL if ends is None else ends, self.h_size[h], "", NULL,
                         at(starts - datetime.timedelta(days=14), 10), self.h_caseworker[h],
                         start_time if ends is None else at(min(ends, self.today), 10),
                         self.h_caseworker[h]))
            placement_id += 1

        for h in range(len(self.h_id)):
            m, status, arrival = self.h_m[h], self.h_status[h], self.h_arrival[h]
            size, r = self.h_size[h], rng.random()
            if status == "in_programme":
                if r < 0.6:
                    moved = min(arrival + datetime.timedelta(days=rng.randint(30, 300)),
                                self.today)
                    if rng.random() < 0.5:
                        place(h, home(m, False, size), "ended", arrival, moved)
                    place(h, home(m, True, size), "active", moved, None)
                elif r < 0.85:
                    place(h, home(m, False, size), "active", arrival, None)
                    if rng.random() < 0.3:
                        place(h, home(m, True, size), "reserved",
                              self.today + datetime.timedelta(days=rng.randint(5, 60)), None)
            elif status == "arrived" and r < 0.7:
                place(h, home(m, False, size), "active", arrival, None)
            elif status == "closed" and r < 0.5:
                closed = self.h_closed[h]
                starts = min(arrival + datetime.timedelta(days=rng.randint(30, 200)), closed)
                place(h, home(m, True, size), "ended", starts, closed)
            elif status == "announced" and r < 0.1:
                place(h, home(m, False, size), "reserved", arrival, None)
        # Make every home hold all the households ever placed in it.
        for u, persons in enumerate(load):
            unit = units[u]
            if persons > unit[13]:
                unit[13] = persons
                unit[9] = min(max(unit[9], (persons + 1) // 2), 20)
                unit[10] = min(max(unit[10], unit[9] * 20), 1000)
        return rows

    def make_placements(self) -> int:
        from housing.models import Placement

        rows, self.placement_rows = self.placement_rows, None
        return self.loader.load(Placement, [
            "id", "household", "unit", "is_permanent", "status", "starts_on", "ends_on",
            "persons", "note", "moving_task", "created_at", "created_by", "status_changed_at",
            "status_changed_by"], rows)
