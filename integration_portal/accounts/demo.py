"""Demo municipalities and one user per role in each."""

from __future__ import annotations

from integration_portal.accounts.models import Municipality, User
from integration_portal.core.demo import DemoContext, demo_seeder

DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 - printed on purpose; demo installs only

MUNICIPALITIES = [
    # name, kommunekode, slug, contact e-mail
    ("Lejre", "350", "lejre", "integration@lejre.example"),
    ("Vejen", "575", "vejen", "integration@vejen.example"),
    ("Lemvig", "665", "lemvig", "integration@lemvig.example"),
]

# role key, flags, names per municipality
PEOPLE = {
    "caseworker": (
        {"is_caseworker": True},
        {"lejre": "Mette Sørensen", "vejen": "Anders Kjær", "lemvig": "Hanne Vestergaard"},
    ),
    "coordinator": (
        {"is_caseworker": True, "is_volunteer_coordinator": True},
        {"lejre": "Jonas Holm", "vejen": "Louise Bach", "lemvig": "Søren Thomsen"},
    ),
    "manager": (
        {"is_manager": True},
        {"lejre": "Inge Bagge", "vejen": "Peter Møller", "lemvig": "Karen Lund"},
    ),
    "volunteer": (
        {"is_volunteer": True},
        {"lejre": "Birgitte Friis", "vejen": "Ole Damgaard", "lemvig": "Lise Kirk"},
    ),
}


def _demo_user(*, email: str, full_name: str, municipality: Municipality, flags: dict) -> User:
    user = User.objects.filter(email=email).first()
    if user is None:
        user = User(email=email)
    user.full_name = full_name
    user.municipality = municipality
    for flag in ("is_caseworker", "is_volunteer_coordinator", "is_manager", "is_volunteer"):
        setattr(user, flag, flags.get(flag, False))
    user.is_active = True
    # Reset on every run so that the printed credentials always work.
    user.set_password(DEMO_PASSWORD)
    user.full_clean()
    user.save()
    return user


@demo_seeder(order=0)
def seed_accounts(context: DemoContext) -> None:
    for name, code, slug, contact_email in MUNICIPALITIES:
        municipality, _ = Municipality.objects.update_or_create(
            code=code, defaults={"name": name, "slug": slug, "contact_email": contact_email,
                                 "job_centre_email": f"jobcenter@{slug}.example"},
        )
        context.municipalities[slug] = municipality
        for role, (flags, names) in PEOPLE.items():
            email = f"{role}@{slug}.example"
            user = _demo_user(
                email=email, full_name=names[slug], municipality=municipality, flags=flags
            )
            context.users[(slug, role)] = user
            context.credentials.append((name, role, email, DEMO_PASSWORD))

    admin = _demo_user(
        email="admin@portal.example",
        full_name="Portal Administrator",
        municipality=context.municipalities["lejre"],
        flags={},
    )
    if not (admin.is_staff and admin.is_superuser):
        admin.is_staff = admin.is_superuser = True
        admin.save(update_fields=["is_staff", "is_superuser"])
    context.credentials.append(("(all)", "administrator", admin.email, DEMO_PASSWORD))
