"""Fixtures of the reliability tests: a loaded graph, a real API server process,
and the figures each test records for RELIABILITY.md.

The API server is `mergegraph serve` run as a subprocess on 127.0.0.1 against
the test Neo4j (never a stand-in), with its log in a file so that a test can
read what it wrote.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import neo4j
import pytest

from tests.support.fingerprint import Fingerprint, fingerprint
from mergegraph.ingest.load import ingest
from mergegraph.ingest.manifest import read_manifest
from mergegraph.ingest.load_units import load_units
from mergegraph.settings import PROJECT_ROOT
from tests.support.helpers import wipe

BUNDLED = PROJECT_ROOT / "ingest" / "corpus" / "manifest.jsonl"
SEEDS = PROJECT_ROOT / "ingest" / "corpus" / "seeds"
TOKEN = "reliability-token-4f1c2a9e77d0b3"
MERGEGRAPH = PROJECT_ROOT / ".venv" / "bin" / "mergegraph"
FIGURES = Path(os.environ.get("MERGEGRAPH_RELIABILITY_FIGURES",
                              PROJECT_ROOT / ".local" / "reliability"))
API_PORT = int(os.environ.get("MERGEGRAPH_TEST_API_PORT", "8301"))


def record(name: str, figures: dict) -> None:
    """Keep a test's figures (cases run, faults injected, latencies) for RELIABILITY.md."""
    FIGURES.mkdir(parents=True, exist_ok=True)
    figures = {"recorded": time.strftime("%Y-%m-%d %H:%M:%S"), **figures}
    (FIGURES / f"{name}.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False))


def settle(drv: neo4j.Driver, database: str, timeout: float = 60.0) -> None:
    """Wait until a driver whose server was restarted answers again (stale
    pooled connections are dropped on the way)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            drv.execute_query("RETURN 1", database_=database)
            return
        except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired,
                OSError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def is_problem(res: httpx.Response, status: int | None = None) -> bool:
    """An RFC 9457 problem document, with the status it claims."""
    if not res.headers.get("content-type", "").startswith("application/problem+json"):
        return False
    body = res.json()
    return (isinstance(body, dict) and body.get("status") == res.status_code
            and "title" in body and (status is None or res.status_code == status))


@pytest.fixture(scope="session")
def loaded_fingerprint(driver, conn) -> Fingerprint:
    """Load the administrative units and the bundled corpus once per session."""
    wipe(driver, conn.database)
    load_units(driver, conn.database)
    report = ingest(driver, conn.database, read_manifest(BUNDLED))
    assert report.ok
    return fingerprint(driver, conn.database)


@pytest.fixture
def loaded(driver, conn, loaded_fingerprint) -> Fingerprint:
    """The graph of units + bundled corpus; reloaded if another test changed it."""
    settle(driver, conn.database)
    if fingerprint(driver, conn.database) != loaded_fingerprint:
        wipe(driver, conn.database)
        load_units(driver, conn.database)
        assert ingest(driver, conn.database, read_manifest(BUNDLED)).ok
        assert fingerprint(driver, conn.database) == loaded_fingerprint
    return loaded_fingerprint


@dataclass
class ApiServer:
    url: str
    log: Path
    proc: subprocess.Popen
    token: str

    def client(self, **kw) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30.0, **kw)

    @property
    def auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def start_api_server(cli_env: dict, log: Path, port: int = API_PORT,
                     token: str = TOKEN) -> ApiServer:
    env = dict(cli_env, MERGEGRAPH_API_TOKEN=token)
    fh = open(log, "ab")
    proc = subprocess.Popen([str(MERGEGRAPH), "serve", "--host", "127.0.0.1",
                             "--port", str(port)],
                            stdout=fh, stderr=subprocess.STDOUT, env=env, cwd=PROJECT_ROOT)
    fh.close()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the API server exited: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{url}/openapi.json", timeout=2).status_code == 200:
                return ApiServer(url, log, proc, token)
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    stop_api_server(ApiServer(url, log, proc, token))
    raise RuntimeError(f"the API server did not answer on {url}")


def stop_api_server(server: ApiServer) -> None:
    if server.proc.poll() is None:
        server.proc.send_signal(signal.SIGTERM)
        try:
            server.proc.wait(20)
        except subprocess.TimeoutExpired:
            server.proc.kill()
            server.proc.wait(10)


@pytest.fixture(scope="module")
def api_server(cli_env, tmp_path_factory) -> ApiServer:
    """`mergegraph serve` against the test Neo4j, writes on with TOKEN."""
    log = tmp_path_factory.mktemp("api") / "api.log"
    server = start_api_server(cli_env, log)
    yield server
    stop_api_server(server)


def python() -> str:
    return sys.executable
