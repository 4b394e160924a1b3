"""Demo municipalities and one user per role in each."""

from __future__ import annotations

from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from allauth.mfa.utils import encrypt

from integration_portal.accounts.middleware import must_use_mfa
from integration_portal.accounts.models import Municipality, User
from integration_portal.core.demo import DemoContext, demo_seeder

DEMO_PASSWORD = "demo-portal-2026"  # noqa: S105 - printed on purpose; demo installs only
# Every demo staff user in a municipality that requires two-factor authentication has an
# authenticator app with this secret, and the same recovery codes; both are printed.
DEMO_TOTP_SECRET = "DEMOPORTALSECRETKEYFORTESTING234"  # noqa: S105 - base32, printed on purpose
DEMO_RECOVERY_SEED = "demo-portal-2026-recovery-codes"
DEMO_RECOVERY_CODES_SHOWN = 3

MUNICIPALITIES = [
    # name, kommunekode, slug, contact e-mail, two-factor required of staff
    ("Lejre", "350", "lejre", "integration@lejre.example", True),
    ("Vejen", "575", "vejen", "integration@vejen.example", True),
    # One with it switched off, to try the portal with a password only.
    ("Lemvig", "665", "lemvig", "integration@lemvig.example", False),
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


def _demo_authenticators(user: User) -> list[str]:
    """Give a demo staff user the printed authenticator and recovery codes, afresh on every
    run (so that used recovery codes work again); return the recovery codes."""
    Authenticator.objects.filter(user=user).delete()
    if not must_use_mfa(user):
        return []
    TOTP.activate(user, DEMO_TOTP_SECRET)
    recovery = Authenticator.objects.create(
        user=user, type=Authenticator.Type.RECOVERY_CODES,
        data={"seed": encrypt(DEMO_RECOVERY_SEED), "used_mask": 0},
    )
    return RecoveryCodes(recovery).get_unused_codes()


@demo_seeder(order=0)
def seed_accounts(context: DemoContext) -> None:
    recovery_codes: list[str] = []
    for name, code, slug, contact_email, mfa_required in MUNICIPALITIES:
        municipality, _ = Municipality.objects.update_or_create(
            code=code, defaults={"name": name, "slug": slug, "contact_email": contact_email,
                                 "job_centre_email": f"jobcenter@{slug}.example",
                                 "mfa_required": mfa_required},
        )
        context.municipalities[slug] = municipality
        for role, (flags, names) in PEOPLE.items():
            email = f"{role}@{slug}.example"
            user = _demo_user(
                email=email, full_name=names[slug], municipality=municipality, flags=flags
            )
            recovery_codes = _demo_authenticators(user) or recovery_codes
            context.users[(slug, role)] = user
            context.credentials.append((name, role, email, DEMO_PASSWORD))
    with_mfa = " and ".join(name for name, *_, required in MUNICIPALITIES if required)
    without_mfa = " and ".join(name for name, *_, required in MUNICIPALITIES if not required)
    context.notes += [
        "",
        f"Two-factor authentication: staff (caseworker, coordinator, manager) in {with_mfa} "
        "and the administrator are asked for a code after the password.",
        f"  Add this secret to an authenticator app (one entry serves every demo user): "
        f"{DEMO_TOTP_SECRET}",
        f"  or type it as a URI: otpauth://totp/Integrationsportalen:demo?secret="
        f"{DEMO_TOTP_SECRET}&issuer=Integrationsportalen",
        "  or use a recovery code (each works once per user until seed_demo runs again): "
        + ", ".join(recovery_codes[:DEMO_RECOVERY_CODES_SHOWN]),
        f"  {without_mfa} has two-factor switched off: the password is enough there. "
        "Volunteers log in with the password only.",
    ]

    admin = _demo_user(
        email="admin@portal.example",
        full_name="Portal Administrator",
        municipality=context.municipalities["lejre"],
        flags={},
    )
    if not (admin.is_staff and admin.is_superuser):
        admin.is_staff = admin.is_superuser = True
        admin.save(update_fields=["is_staff", "is_superuser"])
    _demo_authenticators(admin)
    context.credentials.append(("(all)", "administrator", admin.email, DEMO_PASSWORD))
