"""Extraction output of the development sets, the corpora and the synthetic bench
documents as one JSON file, to check that a change meant for speed changes no
output: dump before and after, compare the files byte for byte.

    .venv/bin/python bench/extract_dump.py > /tmp/after.json
    cmp /tmp/before.json /tmp/after.json

It holds: `mergegraph extract`'s records for ../shared/eval/dev and dev2 (the
pipeline: statements, dates), and every fact's full record (offsets, quotes,
surfaces) for the real corpus (/work/shared/corpus and the bundled seeds, as
extract_bench reads them), the synthetic bench documents (with their metadata)
and synthetic documents without metadata (the second place pass). To dump an
older commit, run this file with that commit's package first on sys.path.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import mergegraph.ingest.extract  # noqa: F401  (the package under test, before bench/ is put on the path)
from mergegraph.ingest.extract import DocumentMeta, extract_document
from mergegraph.ingest.manifest import read_manifest
from mergegraph.ingest.pipeline import extract_all

sys.path.insert(0, str(Path(__file__).resolve().parent))
import extract_bench  # noqa: E402

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def records(docs) -> list[list[dict]]:
    return [[f.to_record() for f in extract_document(text, DocumentMeta(**meta))] for text, meta in docs]


def main(n_synthetic: int = 300) -> None:
    out = {}
    for name in ("dev", "dev2"):
        manifest = EVAL / name / "manifest.jsonl"
        if manifest.exists():
            buf = io.StringIO()
            extract_all(read_manifest(manifest), buf)
            out[name] = buf.getvalue()
    out["corpus"] = records(extract_bench.corpus_documents())
    out["synthetic"] = records(extract_bench.synthetic_documents(n_synthetic))
    out["synthetic_nometa"] = records([(t, {"doc": m["doc"]})
                                       for t, m in extract_bench.synthetic_documents(60, seed=11)])
    json.dump(out, sys.stdout, ensure_ascii=False, indent=0, sort_keys=True, default=str)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300)
