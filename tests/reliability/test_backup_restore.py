"""`mergegraph backup FILE` / `mergegraph restore FILE` on the project's own Neo4j,
with an API server running throughout (issue 18, item 2 and "also build").

Load, back up, change (through the API), restore: the graph has the checksum it
had at the backup (`graph.fingerprint`), and the API server that ran through it
recovers by itself, without a restart: `/health` answers 200 promptly (no
BookmarkTimeout: it carries no bookmarks from before the restore), and reads and
writes answer again.
"""

from __future__ import annotations

import subprocess
import time

import neo4j
import pytest

from tests.support.fingerprint import fingerprint
from tests.reliability.conftest import MERGEGRAPH, record

RECOVERY_LIMIT_S = 30.0
DOC = {"doc": "after-backup", "publisher": "Báo Thử", "date": "2021-05-01",
       "province_hint": "Quảng Ninh",
       "text": "Huyện Đầm Hà hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ huyện."}


def local_env(cli_env: dict, instance) -> dict:
    """The CLI pointed at the test instance as ITS local Neo4j (no NEO4J_URI)."""
    env = {k: v for k, v in cli_env.items() if k not in ("NEO4J_URI", "NEO4J_PASSWORD")}
    env.update(MERGEGRAPH_NEO4J_HOME=str(instance.home),
               MERGEGRAPH_BOLT_PORT=str(instance.bolt_port),
               MERGEGRAPH_HTTP_PORT=str(instance.http_port),
               MERGEGRAPH_NEO4J_HEAP=instance.heap, MERGEGRAPH_NEO4J_PAGECACHE=instance.pagecache)
    return env


def run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(MERGEGRAPH), *args], env=env, capture_output=True, text=True,
                          timeout=600)


def fresh_fingerprint(conn):
    with neo4j.GraphDatabase.driver(conn.uri, auth=(conn.user,
                                    conn.password.get_secret_value())) as drv:
        deadline = time.monotonic() + 60
        while True:
            try:
                return fingerprint(drv, conn.database)
            except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.5)


def test_backup_change_restore_gives_the_same_checksum_and_the_api_recovers(
        loaded, local_instance, conn, cli_env, api_server, tmp_path):
    if local_instance is None:
        pytest.skip("backup/restore run on the project's own Neo4j (NEO4J_URI is set)")
    env = local_env(cli_env, local_instance)
    dump = tmp_path / "graph.dump"
    with api_server.client(headers=api_server.auth) as client:
        assert client.get("/health").status_code == 200

        t0 = time.monotonic()
        res = run(["backup", str(dump)], env)
        backup_s = time.monotonic() - t0
        assert res.returncode == 0, res.stderr
        assert dump.stat().st_size > 100_000
        at_backup = fresh_fingerprint(conn)
        assert at_backup == loaded

        # the API recovers from the stop around the dump, then changes the graph
        deadline = time.monotonic() + RECOVERY_LIMIT_S
        while client.get("/health").status_code != 200:
            assert time.monotonic() < deadline, "the API did not recover after the backup"
            time.sleep(0.25)
        res = client.post("/documents", json=DOC)
        assert res.status_code == 201, res.text
        assert client.get("/sources/after-backup").status_code == 200  # reads after the write
        assert client.get("/health").status_code == 200
        assert fresh_fingerprint(conn) != at_backup

        t0 = time.monotonic()
        res = run(["restore", str(dump)], env)
        restore_s = time.monotonic() - t0
        assert res.returncode == 0, res.stderr
        assert fresh_fingerprint(conn) == at_backup  # the checksum of the backup

        # the same API process answers again by itself, promptly
        t0 = time.monotonic()
        while True:
            res = client.get("/health", timeout=10)
            if res.status_code == 200:
                break
            assert time.monotonic() - t0 < RECOVERY_LIMIT_S, res.text
            time.sleep(0.25)
        recovered_s = time.monotonic() - t0
        assert api_server.proc.poll() is None
        res = client.get("/sources/after-backup", timeout=10)
        assert res.status_code == 404, res.text  # the change is gone
        # writes answer (the first ones meet a cold server: compiled plans and page
        # cache are gone with the restart)
        t0 = time.monotonic()
        res = client.post("/documents", json=DOC, timeout=60)
        assert res.status_code == 201, res.text
        write_s = time.monotonic() - t0
        t0 = time.monotonic()
        res = client.delete("/documents/after-backup", timeout=60)
        assert res.status_code == 204, res.text
        delete_s = time.monotonic() - t0
        assert write_s + delete_s < RECOVERY_LIMIT_S
    record("backup_restore", {
        "dump_bytes": dump.stat().st_size, "backup_s": round(backup_s, 1),
        "restore_s": round(restore_s, 1), "same_checksum_after_restore": True,
        "api_recovered_after_restore_s": round(recovered_s, 2),
        "first_write_after_restore_s": round(write_s, 2),
        "first_delete_after_restore_s": round(delete_s, 2)})


def test_backup_of_a_remote_neo4j_says_what_to_do(cli_env, tmp_path):
    res = run(["backup", str(tmp_path / "x.dump")], cli_env)  # NEO4J_URI is set
    assert res.returncode == 1 and "Traceback" not in res.stderr
    assert "neo4j-admin database dump" in res.stderr
    res = run(["restore", str(tmp_path / "x.dump")], cli_env)
    assert res.returncode == 1 and "neo4j-admin database load" in res.stderr
