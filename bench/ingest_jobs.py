"""`ingest --jobs N`: the whole ingest job (extraction, planning, loading) with
1 and N extraction processes, on the same documents, alternating.

    .venv/bin/python bench/ingest_jobs.py [--docs 300] [--jobs 2] [--rounds 2]

The documents are extract_bench's synthetic ~10 KB articles (extraction is the
expensive step). Each run starts from the bench Neo4j with its facts wiped
(units kept: run bench/run.py first), runs `ingest.load.ingest(..., jobs=J)`
and records documents/s and the graph's counts, which must be equal for every
J. The order of the runs alternates by round. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
from common import DATABASE, graph_counts, log  # noqa: E402
from extract_bench import synthetic_documents  # noqa: E402
from load_bench import wipe_facts  # noqa: E402
from mergegraph.ingest.extract import DocumentMeta  # noqa: E402
from mergegraph.ingest.load import ingest  # noqa: E402
from mergegraph.ingest.manifest import Document  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    docs = [Document(DocumentMeta(**meta), text=text, origin=meta["doc"])
            for text, meta in synthetic_documents(args.docs, seed=11)]
    inst = common.ensure_running()
    out: dict = {"documents": len(docs), "loadavg_start": os.getloadavg(), "runs": []}
    counts = {}
    with common.driver(inst) as drv:
        for r in range(args.rounds):
            for jobs in ((1, args.jobs) if r % 2 == 0 else (args.jobs, 1)):  # order alternates
                wipe_facts(drv)
                t0, c0 = time.perf_counter(), time.process_time()
                report = ingest(drv, DATABASE, docs, jobs=jobs)
                seconds = time.perf_counter() - t0
                run = {"round": r, "jobs": jobs, "seconds": round(seconds, 2),
                       "docs_per_s": round(len(docs) / seconds, 1),
                       "main_process_cpu_s": round(time.process_time() - c0, 2),
                       "facts": report.facts, "skipped": len(report.skipped),
                       "loadavg": os.getloadavg()[0]}
                log(run)
                out["runs"].append(run)
                counts.setdefault(jobs, []).append(graph_counts(drv))
    flat = [c for cs in counts.values() for c in cs]
    out["same_graph"] = all(c == flat[0] for c in flat)
    for jobs in counts:
        rates = [x["docs_per_s"] for x in out["runs"] if x["jobs"] == jobs]
        out[f"docs_per_s_jobs_{jobs}"] = rates
    out["loadavg_end"] = os.getloadavg()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
