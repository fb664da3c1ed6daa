"""docker-compose.yml, Dockerfile and .dockerignore, checked without a Docker engine.

The YAML is checked statically; `docker compose config` runs only where the
compose plugin (or a standalone docker-compose v2) is available.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"

# ${NEO4J_PASSWORD:?message}: required, error if unset or empty, no default.
REQUIRED_PASSWORD = re.compile(r"\$\{NEO4J_PASSWORD:\?[^}]+\}")
ANY_PASSWORD_REF = re.compile(r"\$\{?NEO4J_PASSWORD")


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def services(compose) -> dict:
    return compose["services"]


def env_of(service: dict) -> dict[str, str | None]:
    env = service.get("environment") or {}
    if isinstance(env, list):
        out = {}
        for item in env:
            key, sep, value = item.partition("=")
            out[key] = value if sep else None
        return out
    return dict(env)


def as_argv(command) -> list[str]:
    return command.split() if isinstance(command, str) else list(command)


def depends_on(service: dict) -> dict[str, dict]:
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):  # short form carries no condition
        return {name: {} for name in deps}
    return deps


def port_bindings(service: dict) -> list[str]:
    out = []
    for port in service.get("ports", []):
        if isinstance(port, dict):  # long syntax
            out.append(f"{port.get('host_ip', '')}:{port.get('published', '')}:{port.get('target')}")
        else:
            out.append(str(port))
    return out


# --------------------------------------------------------------------------
# Static checks


def test_services_present(services):
    assert {"neo4j", "api", "ingest"} <= set(services)


def test_neo4j_image_is_5_26_community(services):
    image = services["neo4j"]["image"]
    assert re.fullmatch(r"neo4j:5\.26(\.\d+)?-community", image), image


def test_password_is_required_and_has_no_default(services):
    auth = env_of(services["neo4j"])["NEO4J_AUTH"]
    assert auth.startswith("neo4j/")
    assert REQUIRED_PASSWORD.fullmatch(auth.removeprefix("neo4j/")), auth
    for name in ("api", "ingest"):
        env = env_of(services[name])
        assert REQUIRED_PASSWORD.fullmatch(env["NEO4J_PASSWORD"]), (name, env["NEO4J_PASSWORD"])
        assert env["NEO4J_URI"] == "bolt://neo4j:7687"
        assert env["NEO4J_USER"] == "neo4j"
    # nowhere a default (":-" / "-") or a literal password
    text = COMPOSE_FILE.read_text(encoding="utf-8")
    refs = re.findall(r"\$\{NEO4J_PASSWORD[^}]*\}", text)
    assert refs and all(REQUIRED_PASSWORD.fullmatch(r) for r in refs), refs
    assert len(ANY_PASSWORD_REF.findall(text)) == len(refs)  # no bare $NEO4J_PASSWORD
    assert "NEO4J_AUTH=none" not in text and "neo4j/neo4j" not in text


def test_neo4j_has_a_healthcheck(services):
    hc = services["neo4j"].get("healthcheck")
    assert hc and not hc.get("disable", False)
    test = hc["test"]
    cmd = test if isinstance(test, str) else " ".join(test)
    assert isinstance(test, str) or test[0] in {"CMD", "CMD-SHELL"}
    assert "cypher-shell" in cmd or "7474" in cmd, cmd
    for key in ("interval", "timeout", "retries"):
        assert key in hc


def test_neo4j_uses_named_volumes(compose, services):
    named = set(compose.get("volumes") or {})
    mounts = {}
    for vol in services["neo4j"]["volumes"]:
        if isinstance(vol, dict):
            assert vol.get("type", "volume") == "volume", vol
            mounts[vol["target"]] = vol["source"]
        else:
            source, target = vol.split(":")[:2]
            mounts[target] = source
    assert {"/data", "/logs"} <= set(mounts)
    for target in ("/data", "/logs"):
        source = mounts[target]
        assert not source.startswith((".", "/", "~")), f"{target} is a bind mount: {source}"
        assert source in named, f"{source} not declared under top-level volumes"


def test_ports_are_published_on_loopback_only(services):
    expected = {"neo4j": {"7474", "7687"}, "api": {"8000"}, "ingest": set()}
    for name, service in services.items():
        bindings = port_bindings(service)
        for binding in bindings:
            assert binding.startswith("127.0.0.1:"), f"{name}: {binding} is not loopback-only"
        published = {b.split(":")[-1].split("/")[0] for b in bindings}
        assert published == expected.get(name, published), (name, bindings)


def test_api_service(services):
    api = services["api"]
    assert api.get("build") in (".", {"context": "."}) or (
        isinstance(api.get("build"), dict) and api["build"].get("context") == "."
    )
    assert as_argv(api["command"]) == ["mergegraph", "serve", "--host", "0.0.0.0", "--port", "8000"]
    deps = depends_on(api)
    assert deps["neo4j"].get("condition") == "service_healthy"
    assert deps["ingest"].get("condition") == "service_completed_successfully"


def test_ingest_is_a_one_shot_bootstrap(services):
    ingest, api = services["ingest"], services["api"]
    assert str(ingest.get("restart")) == "no"
    assert as_argv(ingest["command"]) == ["mergegraph", "bootstrap"]
    assert depends_on(ingest)["neo4j"].get("condition") == "service_healthy"
    assert "ports" not in ingest
    # same image as the api
    assert ingest.get("build") == api.get("build")
    assert ingest.get("image") == api.get("image")


def test_dockerfile():
    text = DOCKERFILE.read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    assert lines[0] == "FROM python:3.11-slim AS build"
    # the image installs the wheel built from the tree, never the tree in place
    assert re.search(r"^RUN pip wheel --no-deps (--no-cache-dir )?-w /dist \.$", text, re.MULTILINE)
    assert re.search(r"^RUN pip install /dist/mergegraph-\*\.whl", text, re.MULTILINE)
    assert "pip install -e" not in text
    user_lines = [ln for ln in lines if ln.startswith("USER ")]
    assert user_lines and user_lines[-1].split()[1] not in {"root", "0"}
    assert lines.index(user_lines[-1]) > max(i for i, ln in enumerate(lines) if ln.startswith("RUN "))
    assert lines[-1] == 'CMD ["mergegraph", "serve", "--host", "0.0.0.0", "--port", "8000"]'


def test_dockerignore_excludes_local_state():
    entries = {
        ln.strip().rstrip("/")
        for ln in DOCKERIGNORE.read_text(encoding="utf-8").splitlines()
        if ln.strip() and not ln.startswith("#")
    }
    for required in (".venv", ".local", ".git", ".env", ".pytest_cache", "test-artifacts"):
        assert required in entries, required
    assert {"__pycache__", "**/__pycache__"} & entries


# --------------------------------------------------------------------------
# With a compose CLI (no engine needed for `config`)


def _compose_cli() -> list[str] | None:
    for argv in (["docker", "compose"], ["docker-compose"]):
        if shutil.which(argv[0]) is None:
            continue
        try:
            out = subprocess.run([*argv, "version"], capture_output=True, text=True, timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if out.returncode == 0 and re.search(r"v?2\.\d+", out.stdout):
            return argv
    return None


@pytest.fixture(scope="module")
def compose_cli() -> list[str]:
    cli = _compose_cli()
    if cli is None:
        pytest.skip("no Docker Compose v2 CLI here (`docker compose version` fails)")
    return cli


def _run_config(cli, tmp_path, monkeypatch, password: str | None):
    # An empty --env-file so that a developer's .env cannot supply the password.
    env_file = tmp_path / "empty.env"
    env_file.write_text("")
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.delenv("MERGEGRAPH_API_TOKEN", raising=False)
    if password is not None:
        monkeypatch.setenv("NEO4J_PASSWORD", password)
    return subprocess.run(
        [*cli, "--env-file", str(env_file), "-f", str(COMPOSE_FILE), "config", "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )


def test_compose_config_with_password(compose_cli, tmp_path, monkeypatch):
    import json

    out = _run_config(compose_cli, tmp_path, monkeypatch, "s3cret-test-pass")
    assert out.returncode == 0, out.stderr
    cfg = json.loads(out.stdout)
    assert cfg["services"]["neo4j"]["environment"]["NEO4J_AUTH"] == "neo4j/s3cret-test-pass"
    assert cfg["services"]["api"]["environment"]["NEO4J_PASSWORD"] == "s3cret-test-pass"
    for port in cfg["services"]["neo4j"]["ports"] + cfg["services"]["api"]["ports"]:
        assert port.get("host_ip") == "127.0.0.1", port
    assert cfg["services"]["api"]["depends_on"]["neo4j"]["condition"] == "service_healthy"


def test_compose_config_fails_without_password(compose_cli, tmp_path, monkeypatch):
    out = _run_config(compose_cli, tmp_path, monkeypatch, None)
    assert out.returncode != 0
    assert "NEO4J_PASSWORD" in out.stderr


def test_compose_config_fails_with_empty_password(compose_cli, tmp_path, monkeypatch):
    out = _run_config(compose_cli, tmp_path, monkeypatch, "")
    assert out.returncode != 0
