"""seed_demo prints a working API token per municipality; seeding again replaces them."""

import re

import pytest
from django.core.management import call_command
from rest_framework.test import APIClient

from integration_portal.api.models import ApiToken

pytestmark = pytest.mark.django_db


def _printed_tokens(output: str) -> dict[str, str]:
    return dict(re.findall(r"^\s+\S+\s+(api@\S+)\s+(\S+)$", output, flags=re.MULTILINE))


def _works(token: str) -> bool:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client.get("/api/v1/households/").status_code == 200


def test_seed_demo_prints_a_working_token_per_municipality_and_replaces_them(capsys, settings):
    # given
    settings.DEBUG = True
    call_command("seed_demo")
    first = _printed_tokens(capsys.readouterr().out)

    # when
    call_command("seed_demo")
    output = capsys.readouterr().out
    second = _printed_tokens(output)

    # then
    assert set(second) == {"api@lejre.example", "api@vejen.example", "api@lemvig.example"}
    assert all(_works(token) for token in second.values())
    assert not any(_works(token) for token in first.values())
    assert ApiToken.objects.active().count() == 3
    assert "curl -H \"Authorization: Token " in output
    account = ApiToken.objects.active().get(user__email="api@lejre.example").user
    assert account.is_caseworker and not account.has_usable_password()
