"""The foundation: a real Neo4j 5.26 Community, started by the project itself."""

from __future__ import annotations

import os
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import neo4j
import pytest
from pydantic import SecretStr

from mergegraph.graph import neo4j_local
from mergegraph.graph.driver import Connection, open_driver, server_info, verify
from mergegraph.graph.schema import apply_schema, schema_statements
from mergegraph.errors import AuthenticationFailed, LocalNeo4jError

needs_local = pytest.mark.skipif(bool(os.environ.get("NEO4J_URI")),
                                 reason="NEO4J_URI is set: the tests use that server")


def test_bolt_answers_with_configured_credentials(driver, conn):
    info = server_info(driver, conn.database)
    assert info["version"].startswith("5.26.")
    assert info["edition"] == "community"


def test_wrong_password_is_a_clear_error(conn):
    wrong = Connection(conn.uri, conn.user, SecretStr("not-the-password"), conn.database)
    drv = open_driver(wrong)
    try:
        with pytest.raises(AuthenticationFailed) as info:
            verify(drv, wrong)
    finally:
        drv.close()
    message = str(info.value)
    assert conn.uri in message and "NEO4J_PASSWORD" in message
    assert "not-the-password" not in message


@needs_local
def test_default_credentials_never_work(local_instance):
    drv = neo4j.GraphDatabase.driver(local_instance.bolt_uri, auth=("neo4j", "neo4j"))
    try:
        with pytest.raises(neo4j.exceptions.AuthError):
            drv.verify_connectivity()
    finally:
        drv.close()
    password_file = local_instance.password_file
    assert password_file.stat().st_mode & 0o777 == 0o600
    assert len(password_file.read_text().strip()) >= 16


def test_schema_applies_twice(driver, conn):
    def names():
        recs, _, _ = driver.execute_query(
            "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN collect(name) AS n",
            database_=conn.database)
        return sorted(recs[0]["n"])

    apply_schema(driver, conn.database)
    first = names()
    apply_schema(driver, conn.database)
    assert names() == first
    # every statement of the file is in the database (constraints own an index each)
    assert len(first) == len(schema_statements())
    assert "name_search" in first


def test_fulltext_index_keeps_vietnamese_syllables_that_are_english_stop_words(db, conn):
    # "Long An" folds to "long an"; 'standard-folding' would drop "an".
    db.execute_query("CREATE (:AdminUnit {uid: 't:1', name: 'Long An', name_folded: 'long an'})",
                     database_=conn.database)
    recs, _, _ = db.execute_query(
        "CALL db.index.fulltext.queryNodes('name_search', 'name_folded:an') YIELD node "
        "RETURN node.name AS name", database_=conn.database)
    assert [r["name"] for r in recs] == ["Long An"]


@needs_local
def test_browser_is_served(local_instance):
    with urllib.request.urlopen(local_instance.browser_uri, timeout=10) as resp:
        body = resp.read().decode("utf-8", "replace")
    assert resp.status == 200
    assert "Neo4j Browser" in body or "neo4j-browser" in body.lower()
    with urllib.request.urlopen(local_instance.http_uri, timeout=10) as resp:
        assert b'"bolt_direct"' in resp.read()


@needs_local
def test_listens_on_loopback_only(local_instance):
    addresses = subprocess.run(["hostname", "-I"], capture_output=True, text=True).stdout.split()
    others = [a for a in addresses if not a.startswith("127.") and ":" not in a]
    if not others:
        pytest.skip("this machine has no non-loopback IPv4 address to probe")
    for address in others:
        assert not neo4j_local.port_open(address, local_instance.bolt_port)
        assert not neo4j_local.port_open(address, local_instance.http_port)


@needs_local
def test_start_is_idempotent(local_instance):
    before = neo4j_local.status(local_instance)
    t0 = time.monotonic()
    after = neo4j_local.start(local_instance)
    assert after.running and after.pid == before.pid
    assert time.monotonic() - t0 < 5  # returned without starting anything


@needs_local
def test_stop_then_start_keeps_data(local_instance, db, conn):
    db.execute_query("CREATE (:Source {id: 'persisted', url: 'u'})", database_=conn.database)
    assert neo4j_local.stop(local_instance)
    assert not neo4j_local.status(local_instance).running
    neo4j_local.start(local_instance)
    drv = open_driver(conn)
    try:
        recs, _, _ = drv.execute_query("MATCH (s:Source {id: 'persisted'}) RETURN count(s) AS n",
                                       database_=conn.database)
        assert recs[0]["n"] == 1
    finally:
        drv.close()


@needs_local
def test_a_password_beginning_with_a_dash_is_set_and_works(local_instance, tmp_path,
                                                            monkeypatch):
    """The initial password is set (even one beginning with "-", with a space, a
    quote and a backslash) without ever being on a command line: no argv of the
    launcher's subprocesses holds it, nor any /proc/*/cmdline seen during the start."""
    # token_urlsafe starts one generated password in 64 with "-": the admin tool
    # must not read it as an option (a fresh CI run once failed on exactly that).
    def free_port():
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            return s.getsockname()[1]
    instance = neo4j_local.Instance(home=tmp_path / "dash", bolt_port=free_port(),
                                    http_port=free_port(), heap="512m", pagecache="64m",
                                    tx_log_file="16m")
    password = '-starts-with-a-dash 0123 "quoted" back\\slash'
    argvs: list[list[str]] = []
    launcher = neo4j_local.launcher
    real_run, real_popen = launcher.subprocess.run, launcher.subprocess.Popen

    def run(args, *a, **kw):
        argvs.append(list(args))
        return real_run(args, *a, **kw)

    def popen(args, *a, **kw):
        argvs.append(list(args))
        return real_popen(args, *a, **kw)

    monkeypatch.setattr(launcher.subprocess, "run", run)
    monkeypatch.setattr(launcher.subprocess, "Popen", popen)
    seen_in_ps: list[str] = []
    done = threading.Event()

    def watch_ps():  # what `ps` would show, while the start runs
        needle = password.encode()
        while not done.is_set():
            for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
                try:
                    if needle in cmdline.read_bytes():
                        seen_in_ps.append(str(cmdline))
                except OSError:
                    pass
            time.sleep(0.02)

    watcher = threading.Thread(target=watch_ps, daemon=True)
    watcher.start()
    try:
        neo4j_local.start(instance, password=password,
                          cache_dir=local_instance.home.parent / "maven")
    finally:
        done.set()
        watcher.join()
    try:
        assert any(launcher.ADMIN_TOOL in argv for argv in argvs)  # the spy saw the tool
        assert not [argv for argv in argvs if any(password in arg for arg in argv)]
        assert not seen_in_ps
        assert not list(instance.home.glob(".admin-args-*"))  # the argument file is gone
        assert neo4j_local.read_password(instance) == password
        with neo4j.GraphDatabase.driver(instance.bolt_uri, auth=("neo4j", password)) as drv:
            assert drv.execute_query("RETURN 1 AS one").records[0]["one"] == 1
        # the transaction logs are as large as the instance says (Neo4j's own
        # 256 MiB per database made every fresh store half a gigabyte)
        used = sum(f.stat().st_blocks * 512 for f in (instance.home / "data").rglob("*")
                   if f.is_file())
        assert used < 96 * 2**20, used
    finally:
        neo4j_local.stop(instance)


def test_port_taken_by_another_program_is_reported(tmp_path):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        instance = neo4j_local.Instance(home=tmp_path / "n", bolt_port=port, http_port=port + 1)
        with pytest.raises(LocalNeo4jError, match=f"Port {port}"):
            neo4j_local.start(instance)


def test_missing_java_is_reported(tmp_path, monkeypatch):
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    instance = neo4j_local.Instance(home=tmp_path / "n", bolt_port=1, http_port=2)
    with pytest.raises(LocalNeo4jError, match="Java not found"):
        neo4j_local.start(instance)


def test_missing_maven_is_reported(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LocalNeo4jError, match="Maven not found"):
        neo4j_local.resolve_classpath(tmp_path / "fresh-cache")
