"""Settings come from the environment; production refuses to start without its secrets."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from integration_portal.env import env_bool, env_int

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    unset = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    base = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env={**base, **env}, capture_output=True, text=True, timeout=120,
    )


def test_env_bool_rejects_a_typo(monkeypatch):
    monkeypatch.setenv("SOME_FLAG", "ture")

    with pytest.raises(ImproperlyConfigured):
        env_bool("SOME_FLAG")


def test_env_int_rejects_words(monkeypatch):
    monkeypatch.setenv("SOME_NUMBER", "ten")

    with pytest.raises(ImproperlyConfigured):
        env_int("SOME_NUMBER", 1)


def test_with_no_configuration_at_all_it_runs_as_a_development_install():
    result = _manage("check", env={})

    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = _manage("check", env={"DEBUG": "0"})

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
