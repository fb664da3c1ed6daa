"""Neo4j SIGKILLed during `mergegraph ingest --manifest` of many real articles.

After the crash and a restart with the project's launcher: no document is
half-written (every stored document has exactly the evidence a clean run gives
it, and the partial graph equals a clean load of just those documents);
rerunning the same command completes the job; the graph then equals a clean
run (counts and property checksum, `graph.fingerprint`).
"""

from __future__ import annotations

import json
import re
import subprocess
import time
from pathlib import Path

import pytest

from mergegraph.graph import neo4j_local
from tests.support.fingerprint import fingerprint
from tests.support.helpers import wipe
from tests.reliability.conftest import BUNDLED, MERGEGRAPH, record, settle

DOCUMENTS = 150  # 3 transactions of ~70 documents: the kill lands after the first


def many_documents(folder: Path, n: int = DOCUMENTS) -> Path:
    """A manifest of `n` real articles: the bundled seeds, each under many ids,
    with a numbered first line so that every document is its own text."""
    seeds = [json.loads(line) for line in BUNDLED.read_text(encoding="utf-8").splitlines()]
    texts = [(BUNDLED.parent / s["path"]).read_text(encoding="utf-8") for s in seeds]
    (folder / "docs").mkdir()
    lines = []
    for i in range(n):
        seed, text = seeds[i % len(seeds)], texts[i % len(seeds)]
        path = f"docs/a{i:04}.txt"
        (folder / path).write_text(f"Bản tin số {i}.\n{text}", encoding="utf-8")
        lines.append(json.dumps({**seed, "doc": f"a{i:04}", "path": path,
                                 "url": f"https://example.org/tin/{i}"}, ensure_ascii=False))
    manifest = folder / "manifest.jsonl"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


def run_ingest(manifest: Path, env: dict, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([str(MERGEGRAPH), "ingest", "--manifest", str(manifest)], env=env,
                          capture_output=True, text=True, timeout=timeout)


def evidence_per_source(drv, database) -> dict[str, int]:
    recs, _, _ = drv.execute_query(
        "MATCH (s:Source) RETURN s.id AS id, COUNT { (:Evidence)-[:CITES]->(s) } AS n",
        database_=database)
    return {r["id"]: r["n"] for r in recs}


def summary(stdout: str) -> dict[str, int]:
    m = re.search(r"Documents: (\d+) read, (\d+) new, (\d+) replaced, (\d+) unchanged, "
                  r"(\d+) skipped", stdout)
    assert m, stdout
    return dict(zip(("read", "new", "replaced", "unchanged", "skipped"), map(int, m.groups())))


def test_cli_ingest_killed_mid_run_then_rerun_equals_a_clean_run(
        local_instance, driver, conn, cli_env, tmp_path):
    if local_instance is None:
        pytest.skip("needs the project's own Neo4j to kill (NEO4J_URI is set)")
    manifest = many_documents(tmp_path)
    settle(driver, conn.database)

    # the reference: a clean run of the same command
    wipe(driver, conn.database)
    t0 = time.monotonic()
    clean_run = run_ingest(manifest, cli_env)
    clean_seconds = time.monotonic() - t0
    assert clean_run.returncode == 0, clean_run.stderr
    assert summary(clean_run.stdout)["new"] == DOCUMENTS
    clean = fingerprint(driver, conn.database)
    clean_per_doc = evidence_per_source(driver, conn.database)
    assert len(clean_per_doc) == DOCUMENTS and all(n > 0 for n in clean_per_doc.values())
    wipe(driver, conn.database)

    # the crash: SIGKILL once the first transactions are committed
    proc = subprocess.Popen([str(MERGEGRAPH), "ingest", "--manifest", str(manifest)],
                            env=cli_env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    stored_at_kill = 0
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        recs, _, _ = driver.execute_query("MATCH (s:Source) RETURN count(s) AS n",
                                          database_=conn.database)
        stored_at_kill = recs[0]["n"]
        if stored_at_kill > 0:
            break
        time.sleep(0.1)
    assert proc.poll() is None, "the ingest ended before the kill: make it longer"
    killed_at = time.monotonic()
    neo4j_local.kill(local_instance)
    out, err = proc.communicate(timeout=180)
    ingest_failed_after = time.monotonic() - killed_at

    neo4j_local.start(local_instance)
    settle(driver, conn.database)
    assert proc.returncode == 1, "the ingest should fail (exit 1) when Neo4j dies"
    # one sentence, no traceback: what happened, and that rerunning is safe
    assert "Traceback" not in err, err[-3000:]
    lines = [x for x in err.splitlines() if x.strip()]
    assert len(lines) == 1, err[-3000:]
    assert lines[0].startswith("error: Neo4j stopped answering") and "rerunning" in lines[0], err

    try:
        # between the crash and the rerun: whole documents only
        partial = evidence_per_source(driver, conn.database)
        assert 0 < len(partial) < DOCUMENTS
        half_written = {d: n for d, n in partial.items() if n != clean_per_doc[d]}
        assert not half_written
        partial_fp = fingerprint(driver, conn.database)

        # the rerun completes the job and equals the clean run
        rerun = run_ingest(manifest, cli_env)
        assert rerun.returncode == 0, rerun.stderr
        counts = summary(rerun.stdout)
        assert counts["unchanged"] == len(partial)
        assert counts["new"] == DOCUMENTS - len(partial)
        assert fingerprint(driver, conn.database) == clean

        # and the partial graph was exactly a clean load of the documents it held
        subset = tmp_path / "subset.jsonl"
        subset.write_text("".join(
            line + "\n" for line in manifest.read_text(encoding="utf-8").splitlines()
            if json.loads(line)["doc"] in partial), encoding="utf-8")
        wipe(driver, conn.database)
        assert run_ingest(subset, cli_env).returncode == 0
        assert fingerprint(driver, conn.database) == partial_fp
    finally:
        record("kill_ingest", {
            "documents": DOCUMENTS, "faults_injected": 1, "fault": "SIGKILL of Neo4j",
            "documents_stored_when_killed": len(partial) if "partial" in dir() else None,
            "half_written_documents": len(half_written) if "half_written" in dir() else None,
            "ingest_exit_code_after_kill": proc.returncode,
            "ingest_failed_after_s": round(ingest_failed_after, 1),
            "clean_run_s": round(clean_seconds, 1),
            "ingest_error_tail": err.strip().splitlines()[-1:] if err else [],
        })
