"""Static checks of the production docker-compose.yml (no Docker engine, no network, no DB)."""

import subprocess
import sys
from pathlib import Path

import yaml

COMPOSE_FILE = Path(__file__).resolve().parent.parent / "docker-compose.yml"


def _load_compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))


def test_compose_file_matches_the_compose_specification():
    # given
    cmd = [
        sys.executable,
        "-m",
        "check_jsonschema",
        "--builtin-schema",
        "vendor.compose-spec",
        str(COMPOSE_FILE),
    ]

    # when
    result = subprocess.run(cmd, capture_output=True, text=True, check=False, timeout=120)

    # then
    assert result.returncode == 0, (
        f"check-jsonschema failed ({result.returncode})\n"
        f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    )


def test_compose_file_has_the_production_shape():
    # given
    compose = _load_compose()

    # when
    services = compose["services"]
    named_volumes = set(compose.get("volumes") or {})

    # then
    assert {"postgres", "redis", "web", "worker", "beat", "migrate"} <= set(services)

    for name in ("web", "worker", "beat", "postgres", "redis"):
        assert services[name].get("healthcheck", {}).get("test"), f"{name} has no healthcheck"

    for name in ("postgres", "redis"):
        mounts = services[name].get("volumes") or []
        sources = {str(m).split(":", 1)[0] if isinstance(m, str) else m["source"] for m in mounts}
        assert sources & named_volumes, f"{name} has no named volume"

    web_command = services["web"]["command"]
    web_command = " ".join(web_command) if isinstance(web_command, list) else web_command
    assert "gunicorn" in web_command

    for name in ("SECRET_KEY", "CPR_ENCRYPTION_KEY", "CPR_HASH_KEY"):
        value = str(services["web"]["environment"][name])
        assert value.startswith("${" + name + ":?"), f"{name} must be required: {value}"
        assert ":-" not in value, f"{name} must not have a default: {value}"
