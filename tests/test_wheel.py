"""The distribution works as a normal wheel, outside the source tree: built with
pip, installed into a fresh virtualenv, then `mergegraph bootstrap` and
`mergegraph serve` against the test Neo4j from a folder that holds no source."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from tests.support.helpers import wipe

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # from a copy of the tracked files: what a clean clone holds, and no build/
    # folder left in the checkout
    tracked = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, check=True,
                             capture_output=True).stdout.decode().split("\0")
    tree = tmp_path_factory.mktemp("tree")
    for name in filter(None, tracked):
        if (ROOT / name).is_file():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, tree / name)
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out),
                    str(tree)], check=True, cwd=out)
    (path,) = out.glob("mergegraph-*.whl")
    return path


def test_the_wheel_holds_one_package_and_its_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names if not n.startswith("mergegraph-")}
    assert top == {"mergegraph"}, f"importable names outside mergegraph.: {top}"
    for needed in ("mergegraph/cypher/schema.cypher", "mergegraph/cypher/body_lineage.cypher",
                   "mergegraph/ingest/vocab/bodies.yaml", "mergegraph/ingest/corpus/manifest.jsonl",
                   "mergegraph/graph/neo4j_local/pom.xml", "mergegraph/api/static/index.html",
                   "mergegraph/graph/model.py"):
        assert needed in names, f"{needed} is not in the wheel"
    seeds = [n for n in names if n.startswith("mergegraph/ingest/corpus/seeds/")]
    manifest = zipfile.ZipFile(wheel).read("mergegraph/ingest/corpus/manifest.jsonl").decode()
    assert len(seeds) == len([line for line in manifest.splitlines() if line.strip()])


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read()


def test_installed_wheel_bootstraps_and_serves(wheel, tmp_path, driver, conn, cli_env):
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
                   check=True, timeout=900)
    elsewhere = tmp_path / "elsewhere"  # no source, no pyproject.toml
    elsewhere.mkdir()
    env = {k: v for k, v in cli_env.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    where = subprocess.run([str(venv / "bin" / "python"), "-c",
                            "import mergegraph.graph.model as m; print(m.__file__)"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    assert str(venv) in where.stdout and str(ROOT) not in where.stdout

    wipe(driver, conn.database)
    boot = subprocess.run([str(venv / "bin" / "mergegraph"), "bootstrap"], cwd=elsewhere,
                          env=env, capture_output=True, text=True, timeout=600)
    assert boot.returncode == 0, boot.stdout + boot.stderr

    port = _free_port()
    server = subprocess.Popen([str(venv / "bin" / "mergegraph"), "serve", "--port", str(port)],
                              cwd=elsewhere, env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = _get(f"http://127.0.0.1:{port}/health")
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.5)
        health = json.loads(body)
        assert status == 200 and health["counts"]["Evidence"] > 0, health
        status, page = _get(f"http://127.0.0.1:{port}/")
        assert status == 200 and b"<html" in page.lower()
        status, body = _get(f"http://127.0.0.1:{port}/search?q=dam%20ha&kind=unit")
        assert status == 200 and "Đầm Hà" in body.decode()
    finally:
        server.terminate()
        server.wait(timeout=30)
    wipe(driver, conn.database)
