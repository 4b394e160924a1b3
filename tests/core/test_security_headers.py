"""Every response tells the browser what it may run, embed and send."""

import pytest

from integration_portal.core.security import policy_header

pytestmark = pytest.mark.django_db


@pytest.fixture
def english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def directives(header: str) -> dict[str, list[str]]:
    parsed = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def test_a_page_forbids_inline_scripts_framing_and_sniffing(english, caseworker):
    # given a logged-in caseworker
    english.force_login(caseworker)

    # when they open their start page
    response = english.get("/", follow=True)

    # then the response carries the security headers
    assert response.status_code == 200
    policy = directives(response.headers["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in response.headers["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response.headers["Permissions-Policy"]


def test_the_login_page_and_errors_carry_the_policy_too(english):
    login = english.get("/accounts/login/")
    missing = english.get("/no-such-page/")

    assert login.status_code == 200
    assert "script-src 'self'" in login.headers["Content-Security-Policy"]
    assert missing.status_code == 404
    assert "script-src 'self'" in missing.headers["Content-Security-Policy"]


def test_report_only_mode_reports_instead_of_blocking(english, settings):
    # given the policy switched to report-only
    settings.CSP_REPORT_ONLY = True

    # when a page is opened
    response = english.get("/accounts/login/")

    # then the browser is asked to report, not to block
    assert "Content-Security-Policy" not in response.headers
    assert "script-src 'self'" in response.headers["Content-Security-Policy-Report-Only"]


def test_only_the_browsable_api_may_use_style_attributes(english, caseworker):
    # given a logged-in caseworker looking at the API in their browser
    english.force_login(caseworker)

    # when they open the API's root as HTML, and as JSON
    html = english.get("/api/v1/", HTTP_ACCEPT="text/html")
    data = english.get("/api/v1/", HTTP_ACCEPT="application/json")

    # then only the HTML page relaxes style attributes, and nothing relaxes scripts
    html_policy = directives(html.headers["Content-Security-Policy"])
    assert html_policy["style-src-attr"] == ["'unsafe-inline'"]
    assert html_policy["style-src-elem"] == ["'self'", "'unsafe-inline'"]
    assert html_policy["script-src"] == ["'self'"]
    assert "style-src-attr" not in directives(data.headers["Content-Security-Policy"])


def test_the_header_is_written_in_the_policy_order():
    assert policy_header({"default-src": ["'self'"], "img-src": ["'self'", "data:"]}) == (
        "default-src 'self'; img-src 'self' data:")
