"""The municipalities, and their staff and volunteers' user accounts."""

from __future__ import annotations

import datetime

from django.contrib.auth.hashers import make_password

from . import shape
from .base import Municipality, at, next_id
from .writer import NULL


class AccountsRows:
    """Municipalities and users."""

    def make_municipalities(self) -> int:
        from integration_portal.accounts.models import Municipality as MunicipalityModel

        rng = self.rng("municipalities")
        first = next_id(MunicipalityModel)
        shares = shape.household_shares()
        per_municipality = shape.apportion(self.counts.households, shares)
        now = at(self.today - datetime.timedelta(days=5 * 365), 8)
        rows = []
        for index, (code, name, slug, _) in enumerate(shape.MUNICIPALITIES):
            m = Municipality(index=index, id=first + index, code=code, name=name, slug=slug,
                             households=per_municipality[index])
            # Roughly where it lies: the code's first digit runs from the capital westwards.
            m.postcode = 1000 + int(code) * 10 % 8000
            m.latitude = round(rng.uniform(54.8, 57.5), 4)
            m.longitude = round(rng.uniform(8.3, 12.6), 4)
            self.municipalities.append(m)
            rows.append((m.id, name, code, slug, False, f"integration@{slug}.example", 7,
                         f"jobcenter@{slug}.example", 24, "", now))
        return self.loader.load(MunicipalityModel, [
            "id", "name", "code", "slug", "mfa_required", "contact_email",
            "milestone_warning_days", "job_centre_email", "boerneattest_renewal_months", "logo",
            "created_at"], rows)

    def make_users(self) -> int:
        from integration_portal.accounts.models import User

        rng = self.rng("users")
        password_hash = make_password(self.password, salt=f"scale{self.seed}")
        volunteers = shape.apportion(self.counts.volunteers,
                                     [max(m.households, 1) for m in self.municipalities])
        next_user = next_id(User)
        rows = []
        joined = at(self.today - datetime.timedelta(days=4 * 365), 8)

        def user(m: Municipality, email: str, *, caseworker=False, coordinator=False,
                 manager=False, volunteer=False) -> int:
            nonlocal next_user
            user_id, next_user = next_user, next_user + 1
            name = f"{rng.choice(shape.DANISH_FIRST)} {rng.choice(shape.DANISH_LAST)}"
            rows.append((user_id, password_hash, NULL, False, email, name, m.id, caseworker,
                         coordinator, manager, volunteer, True, False, joined))
            return user_id

        for m in self.municipalities:
            domain = f"{m.slug}.scale.example"
            for n in range(1, max(2, round(m.households / 150)) + 1):
                m.caseworkers.append(user(m, f"caseworker{n}@{domain}", caseworker=True))
            m.coordinator = user(m, f"coordinator@{domain}", caseworker=True, coordinator=True)
            for n in range(1, 2 + (m.households >= 1000) + 1):
                m.managers.append(user(m, f"manager{n}@{domain}", manager=True))
            for n in range(1, volunteers[m.index] + 1):
                m.volunteers.append(user(m, f"volunteer{n}@{domain}", volunteer=True))
        return self.loader.load(User, [
            "id", "password", "last_login", "is_superuser", "email", "full_name",
            "municipality", "is_caseworker", "is_volunteer_coordinator", "is_manager",
            "is_volunteer", "is_active", "is_staff", "date_joined"], rows)
