"""A production install passes Django's deployment checks and sends its cookies securely."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]
SETTINGS_AS_JSON = """
import json, django
django.setup()
from django.conf import settings
names = ["DEBUG", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE", "CSRF_COOKIE_HTTPONLY",
         "SESSION_COOKIE_HTTPONLY", "SESSION_COOKIE_SAMESITE", "SECURE_SSL_REDIRECT",
         "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS", "SECURE_CONTENT_TYPE_NOSNIFF",
         "X_FRAME_OPTIONS", "SECURE_REFERRER_POLICY", "CSP_REPORT_ONLY",
         "SESSION_IDLE_TIMEOUT", "SESSION_COOKIE_AGE", "CONTENT_SECURITY_POLICY"]
print(json.dumps({name: getattr(settings, name) for name in names}))
"""


def production_env(**extra: str) -> dict[str, str]:
    unset = {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE", "CSP_REPORT_ONLY",
             "SESSION_IDLE_TIMEOUT"}
    base = {k: v for k, v in os.environ.items() if k not in unset}
    return {
        **base,
        "DJANGO_SETTINGS_MODULE": "integration_portal.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "portal.kommune.example",
        "CSRF_TRUSTED_ORIGINS": "https://portal.kommune.example",
        "CPR_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "CPR_HASH_KEY": secrets.token_hex(32),
        **extra,
    }


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def test_check_deploy_reports_nothing_with_production_settings():
    # given the variables a production install sets, its secrets included
    env = production_env()

    # when Django's deployment checks run
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)

    # then there is nothing to warn about
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_sends_cookies_only_over_https_and_enforces_the_policy():
    # when the settings are read with DEBUG off
    result = run(["-c", SETTINGS_AS_JSON], production_env())
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])

    # then cookies are secure, HTTPS is required and remembered, and the CSP blocks
    assert values["DEBUG"] is False
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert values["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert values["SECURE_CONTENT_TYPE_NOSNIFF"] is True
    assert values["X_FRAME_OPTIONS"] == "DENY"
    assert values["SECURE_REFERRER_POLICY"] == "same-origin"
    assert values["CSP_REPORT_ONLY"] is False
    assert values["CONTENT_SECURITY_POLICY"]["script-src"] == ["'self'"]
    assert values["SESSION_IDLE_TIMEOUT"] == 30 * 60
    assert values["SESSION_COOKIE_AGE"] == 8 * 60 * 60


def test_the_idle_timeout_and_report_only_mode_come_from_the_environment():
    # when a municipality sets a shorter idle timeout and tries the policy in report-only mode
    env = production_env(SESSION_IDLE_TIMEOUT="600", CSP_REPORT_ONLY="1")
    result = run(["-c", SETTINGS_AS_JSON], env)

    # then both are used
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values["SESSION_IDLE_TIMEOUT"] == 600
    assert values["CSP_REPORT_ONLY"] is True
