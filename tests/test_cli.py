"""`mergegraph cypher`: a small read-only cypher-shell."""

from __future__ import annotations

import json
import subprocess
import sys

CLI = [sys.executable, "-m", "mergegraph.cli"]


def run_cli(args, env):
    return subprocess.run(CLI + args, env=env, capture_output=True, text=True, timeout=120)


def test_cypher_prints_rows_as_json_lines(db, conn, cli_env):
    db.execute_query("UNWIND ['Đầm Hà', 'Quỳnh Nhai'] AS n CREATE (:Body {id: n, name: n})",
                     database_=conn.database)
    res = run_cli(["cypher", "MATCH (b:Body) WHERE b.name STARTS WITH $p RETURN b.name AS name, "
                   "$k AS k", "--param", "p=Đầm", "--param", "k=[1, 2]"], cli_env)
    assert res.returncode == 0, res.stderr
    rows = [json.loads(line) for line in res.stdout.splitlines()]
    assert rows == [{"name": "Đầm Hà", "k": [1, 2]}]


def test_cypher_refuses_writes(db, conn, cli_env):
    res = run_cli(["cypher", "CREATE (n:Body {id: 'x'}) RETURN n"], cli_env)
    assert res.returncode == 1
    assert "read access mode" in res.stderr.lower()
    recs, _, _ = db.execute_query("MATCH (n) RETURN count(n) AS n", database_=conn.database)
    assert recs[0]["n"] == 0


def test_cypher_reports_bad_params(cli_env):
    res = run_cli(["cypher", "RETURN 1", "--param", "novalue"], cli_env)
    assert res.returncode == 1
    assert "name=value" in res.stderr


def test_wrong_password_exits_non_zero_with_a_sentence(cli_env):
    env = dict(cli_env, NEO4J_PASSWORD="wrong-password-123")
    res = run_cli(["cypher", "RETURN 1"], env)
    assert res.returncode == 1
    assert "refused the credentials" in res.stderr
    assert "wrong-password-123" not in res.stderr + res.stdout


def test_ingest_files_then_retract(db, conn, cli_env, tmp_path):
    from mergegraph.settings import PROJECT_ROOT

    seed = PROJECT_ROOT / "ingest" / "corpus" / "seeds" / "003_87f683aa0724e388.txt"
    (tmp_path / "son-la.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("")
    res = run_cli(["ingest", str(tmp_path), "--province-hint", "Sơn La"], cli_env)
    assert res.returncode == 2, res.stderr  # one document was skipped
    assert "empty.txt" in res.stderr and "1 new" in res.stdout
    recs, _, _ = db.execute_query(
        "MATCH (s:Source {id: 'son-la'})<-[:CITES]-(e:Evidence) RETURN count(e) AS n",
        database_=conn.database)
    assert recs[0]["n"] > 0
    res = run_cli(["retract", "son-la"], cli_env)
    assert res.returncode == 0, res.stderr
    recs, _, _ = db.execute_query("MATCH (e:Evidence) RETURN count(e) AS n",
                                  database_=conn.database)
    assert recs[0]["n"] == 0
    res = run_cli(["retract", "no-such-doc"], cli_env)
    assert res.returncode == 1 and "no such document" in res.stderr
