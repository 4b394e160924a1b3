"""`seed_demo` makes three municipalities with a user per role, and is safe to run twice."""

import pytest
from django.core.management import CommandError, call_command

from integration_portal.accounts.demo import DEMO_PASSWORD
from integration_portal.accounts.models import Municipality, User

pytestmark = pytest.mark.django_db


def test_seed_demo_creates_a_user_per_role_in_each_municipality(capsys, settings):
    settings.DEBUG = True

    call_command("seed_demo")

    assert set(Municipality.objects.values_list("name", flat=True)) == {"Lejre", "Vejen", "Lemvig"}
    for municipality in Municipality.objects.all():
        users = User.objects.in_municipality(municipality)
        assert users.filter(is_caseworker=True).exists()
        assert users.filter(is_manager=True).exists()
        assert users.filter(is_volunteer=True).exists()
    volunteer = User.objects.get(email="volunteer@vejen.example")
    assert volunteer.check_password(DEMO_PASSWORD)
    printed = capsys.readouterr().out
    assert "manager@lemvig.example" in printed
    assert DEMO_PASSWORD in printed


def test_seed_demo_twice_changes_nothing(settings):
    settings.DEBUG = True
    call_command("seed_demo")
    counts = (Municipality.objects.count(), User.objects.count())

    call_command("seed_demo")

    assert (Municipality.objects.count(), User.objects.count()) == counts


def test_seed_demo_refuses_when_debug_is_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError):
        call_command("seed_demo")
    assert not User.objects.exists()
