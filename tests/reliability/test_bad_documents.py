"""A corpus of bad documents (tests/bad_documents/) through `mergegraph ingest`:
each bad document or manifest line gets an error naming it, the good documents
of the same run load, and nothing already stored changes."""

from __future__ import annotations

import re
import shutil
import subprocess

from tests.support.fingerprint import fingerprint
from mergegraph.ingest.load import ingest
from mergegraph.ingest.manifest import read_manifest
from mergegraph.settings import PROJECT_ROOT
from tests.support.helpers import wipe
from tests.reliability.conftest import BUNDLED, MERGEGRAPH, record, settle

CORPUS = PROJECT_ROOT / "tests" / "bad_documents"
BIG_BYTES = 20 * 1024 * 1024
STORED = "000_3ebe3cc6aa2eb4b4"  # a bundled document, stored before the bad run

# manifest line -> words its error must contain (besides the manifest line itself)
EXPECTED = {
    2: ["empty.txt", "empty"],
    3: ["blank.txt", "empty"],
    4: ["binary.txt", "binary content"],
    5: ["utf16-no-bom.txt", "UTF-16 without a byte-order mark"],
    6: ["windows-1258.txt", "not valid UTF-8 and declares no encoding"],
    7: ["no-article.html", "without article text"],
    8: ["big.txt", "too large", "the limit is 5242880"],
    9: ["no-such-file.txt", "no such file"],
    10: ["bad manifest line"],
    11: ["bad manifest line"],
    12: ["bad manifest line", "JSON object"],
    13: ["bad manifest line", "'doc' and 'path' are required"],
    14: ["bad manifest line", "'doc' must be a string"],
    15: ["bad manifest line", "duplicate doc id 'good-article'"],
    16: ["bad manifest line", "2999-01-01", "outside"],
    17: ["bad manifest line", "1066-10-14", "outside"],
    18: ["bad manifest line", "2021-02-30", "does not exist"],
    19: ["bad manifest line", "hôm qua", "not an ISO date"],
    20: ["empty.txt", "empty"],
}
GOOD = {"good-article", "good-html"}


def big_document(path) -> None:
    """20 MB of plausible text, made at test time (never committed)."""
    line = "Huyện Đầm Hà hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ huyện. ".encode()
    with open(path, "wb") as fh:
        for _ in range(BIG_BYTES // len(line) + 1):
            fh.write(line)
    assert path.stat().st_size >= BIG_BYTES


def test_bad_documents_are_named_good_ones_load_stored_ones_stay(driver, conn, cli_env,
                                                                  tmp_path):
    settle(driver, conn.database)
    wipe(driver, conn.database)
    assert ingest(driver, conn.database, read_manifest(BUNDLED)).ok
    stored = fingerprint(driver, conn.database)

    corpus = tmp_path / "bad"
    shutil.copytree(CORPUS, corpus, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    big_document(corpus / "big.txt")
    manifest = corpus / "manifest.jsonl"
    run = subprocess.run([str(MERGEGRAPH), "ingest", "--manifest", str(manifest)],
                         env=cli_env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 2, run.stdout + run.stderr  # "some were skipped"
    assert "Traceback" not in run.stderr

    # one error per bad line, each naming its manifest line and its file
    reasons = dict(re.findall(rf"skipped {re.escape(str(manifest))}:(\d+): (.*)", run.stderr))
    reasons = {int(k): v for k, v in reasons.items()}
    assert set(reasons) == set(EXPECTED), run.stderr
    for line, words in EXPECTED.items():
        for word in words:
            assert word in reasons[line], (line, reasons[line])

    # the good documents of the same run loaded, with facts
    recs, _, _ = driver.execute_query(
        "MATCH (s:Source) WHERE s.id IN $ids "
        "RETURN s.id AS id, COUNT { (:Evidence)-[:CITES]->(s) } AS n",
        ids=sorted(GOOD), database_=conn.database)
    assert {r["id"]: r["n"] > 0 for r in recs} == {d: True for d in GOOD}

    # nothing else changed: the graph is the stored corpus plus the good documents,
    # exactly as a clean load of those gives it (the bad line reusing a stored id
    # left that document as it was)
    after = fingerprint(driver, conn.database)
    good_only = corpus / "good.jsonl"
    good_only.write_text("".join(
        line + "\n" for n, line in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1)
        if n not in EXPECTED), encoding="utf-8")
    wipe(driver, conn.database)
    assert ingest(driver, conn.database, read_manifest(BUNDLED)).ok
    assert ingest(driver, conn.database, read_manifest(good_only)).ok
    assert after == fingerprint(driver, conn.database)
    assert after != stored
    record("bad_documents", {"bad_inputs": len(EXPECTED), "errors_reported": len(reasons),
                             "good_loaded": len(recs), "exit_code": run.returncode,
                             "errors": {str(k): v for k, v in sorted(reasons.items())}})
