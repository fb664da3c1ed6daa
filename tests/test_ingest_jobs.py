"""`ingest(..., jobs=N)` / `mergegraph ingest --jobs N`: extraction on N processes,
one writer, and the same graph as with one process."""

from __future__ import annotations

import re
import subprocess
import sys

from mergegraph.ingest.load import default_jobs, ingest
from mergegraph.ingest.manifest import Skipped, read_manifest, read_paths
from mergegraph.settings import PROJECT_ROOT
from tests.conftest import SHARED
from tests.support.fingerprint import fingerprint
from tests.support.helpers import wipe

BUNDLED = PROJECT_ROOT / "ingest" / "corpus" / "manifest.jsonl"
NEWS = SHARED / "corpus" / "news"


def _items(tmp_path):
    """The bundled corpus, the shared news articles when present, an empty
    document (skipped) and a bad manifest line, in one fixed order."""
    items = list(read_manifest(BUNDLED))
    if NEWS.is_dir():
        items += list(read_paths([NEWS], "Sơn La"))
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    items.insert(2, list(read_paths([empty], None))[0])
    items.insert(4, Skipped("manifest.jsonl:9", "not JSON"))
    return items


def _summary(report):
    w = report.writes
    return (report.read, report.facts, report.facts_not_placed,
            [(s.origin, s.reason) for s in report.skipped],
            w.documents_new, w.nodes_created, w.relationships_created, w.evidence_written)


def test_jobs_give_the_same_graph_as_one_process(db, conn, tmp_path):
    items = _items(tmp_path)
    assert len(items) >= 7
    seen_serial: list[str] = []
    serial = ingest(db, conn.database, items, group_documents=3, jobs=1,
                    on_document=seen_serial.append)
    one = fingerprint(db, conn.database)
    assert serial.facts > 0 and len(serial.skipped) == 2

    wipe(db, conn.database)
    seen_parallel: list[str] = []
    parallel = ingest(db, conn.database, _items(tmp_path), group_documents=3, jobs=2,
                      on_document=seen_parallel.append)
    assert fingerprint(db, conn.database) == one
    assert _summary(parallel) == _summary(serial)
    assert seen_parallel == seen_serial  # documents reported in the input's order


def test_cli_ingest_with_jobs_equals_jobs_1(db, conn, cli_env):
    def run(jobs: int):
        wipe(db, conn.database)
        proc = subprocess.run(
            [sys.executable, "-m", "mergegraph.cli", "ingest", "--manifest", str(BUNDLED),
             "--jobs", str(jobs)], env=cli_env, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        return re.sub(r"\([0-9.]+ s\)", "", proc.stdout), fingerprint(db, conn.database)

    assert run(2) == run(1)


def test_default_jobs_is_the_cores_with_enough_documents_each():
    assert default_jobs(0) == 1
    assert default_jobs(10_000) >= 1
    assert default_jobs(16) == 1
