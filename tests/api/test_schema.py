"""The OpenAPI schema is valid OpenAPI 3, holds every registered endpoint, generates without
a warning, and is served to logged-in users only."""

import re

import pytest
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from openapi_spec_validator import validate

from integration_portal.api.registry import router

pytestmark = pytest.mark.django_db


def _schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def _served_paths() -> set[tuple[str, str]]:
    """(path, method) of every route the router serves, written as the schema writes them."""
    served = set()
    for pattern in router.urls:
        actions = getattr(pattern.callback, "actions", None)
        regex = pattern.pattern.regex.pattern
        if not actions or "(?P<format>" in regex:
            continue
        path = re.sub(r"\(\?P<pk>[^)]*\)", "{id}", regex.strip("^$"))
        served |= {(f"/api/v1/{path}", method) for method in actions if method != "head"}
    return served


def test_the_schema_is_valid_openapi_3():
    # when
    schema = _schema()

    # then
    validate(schema)
    assert schema["openapi"].startswith("3.")


def test_every_registered_endpoint_is_in_the_schema():
    # given
    served = _served_paths()

    # when
    paths = _schema()["paths"]

    # then
    assert served, "no endpoint is registered"
    documented = {(path, method) for path, item in paths.items() for method in item
                  if method in ("get", "post", "put", "patch", "delete")}
    assert served - documented == set()


def test_every_operation_has_a_summary_and_names_its_authentication():
    # when
    schema = _schema()

    # then
    assert {"tokenAuth", "cookieAuth"} <= set(schema["components"]["securitySchemes"])
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            assert operation.get("summary"), f"{method.upper()} {path} has no summary"
            assert {"tokenAuth": []} in operation["security"], f"{method.upper()} {path}"


def test_the_schema_generates_without_warnings(tmp_path):
    # when: --fail-on-warn raises on any warning (an unresolvable field, an enum name clash)
    call_command("spectacular", "--validate", "--fail-on-warn", "--file",
                 str(tmp_path / "schema.yaml"))

    # then
    assert "/api/v1/notices/" in (tmp_path / "schema.yaml").read_text()


def test_the_raw_schema_is_for_logged_in_users(client, caseworker):
    # when
    anonymous = client.get("/api/v1/schema/")
    client.force_login(caseworker)
    logged_in = client.get("/api/v1/schema/?format=json")

    # then
    assert anonymous.status_code in (401, 403)
    assert logged_in.status_code == 200
    assert "/api/v1/households/" in logged_in.json()["paths"]
