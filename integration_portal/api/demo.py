"""A demo API token per municipality, for a service account, printed with an example call.

A token is shown only when it is issued, so every run issues a new one and revokes the one the
previous run issued: the printed tokens always work, and running the seeder twice leaves one
working demo token per municipality.
"""

from __future__ import annotations

from integration_portal.accounts.models import Municipality, User
from integration_portal.api.models import ApiToken
from integration_portal.api.services import api_token_issue, api_token_revoke
from integration_portal.core.demo import DemoContext, demo_seeder

DEMO_TOKEN_NAME = "Demo: import and data warehouse"  # noqa: S105 - a label, not a secret
DEMO_BASE_URL = "http://127.0.0.1:8000"


def _service_account(municipality: Municipality) -> User:
    email = f"api@{municipality.slug}.example"
    user = User.objects.filter(email=email).first() or User(email=email)
    user.full_name = f"API ({municipality.name})"
    user.municipality = municipality
    user.is_caseworker, user.is_active = True, True
    # A system never logs in to the pages; it only holds tokens.
    user.set_unusable_password()
    user.full_clean()
    user.save()
    return user


@demo_seeder(order=90)
def seed_api_tokens(context: DemoContext) -> None:
    issued = []
    for municipality in context.municipalities.values():
        user = _service_account(municipality)
        for previous in ApiToken.objects.active().filter(user=user, name=DEMO_TOKEN_NAME):
            api_token_revoke(api_token=previous, actor=None)
        _, token = api_token_issue(municipality=municipality, user=user, name=DEMO_TOKEN_NAME,
                                   actor=None)
        issued.append((municipality.name, user.email, token))
    if not issued:
        return
    context.notes.append("API tokens (a caseworker service account each; new on every seed, "
                         "the previous ones revoked):")
    for name, email, token in issued:
        context.notes.append(f"  {name:<8} {email:<22} {token}")
    context.notes.append(
        f'  e.g. curl -H "Authorization: Token {issued[0][2]}" {DEMO_BASE_URL}/api/v1/households/'
    )
    context.notes.append(f"  Documentation: {DEMO_BASE_URL}/api/v1/docs/ (log in as staff)")
