"""Where a source's text lives: measured (issue 14).

Compares, for N documents made from the bundled articles (each one made unique by
a line of its own, so every text and hash differs):

  A. the NFC text as a property of its Source node (what mergegraph does): the
     load time of the documents, the growth of Neo4j's property and string stores (measured after a clean stop), and the
     time of `GET /sources/{id}/text`'s query;
  B. the same load without the text (the baseline), plus the text written to a
     content-addressed store of files (sha256/<2 hex>/<hash>.txt) beside it.

It WIPES the database it is given: run it against a Neo4j of its own.

    .venv/bin/python bench/source_text.py --uri bolt://127.0.0.1:7785 \
        --password-file .local/neo4j-test/password --home .local/neo4j-test -n 400
"""

from __future__ import annotations

import argparse
import hashlib
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import neo4j  # noqa: E402

from mergegraph.graph import neo4j_local  # noqa: E402
from mergegraph.graph.facts import write_documents  # noqa: E402
from mergegraph.ingest.extract import DocumentMeta  # noqa: E402
from mergegraph.ingest.manifest import Document, read_manifest  # noqa: E402
from mergegraph.ingest.pipeline import prepare  # noqa: E402

STRINGS = "neostore.propertystore.db.strings"
PROPS = "neostore.propertystore.db"


def plans(n: int, tag: str) -> list:
    seeds = [d for d in read_manifest(ROOT / "ingest" / "corpus" / "manifest.jsonl")]
    out = []
    for i in range(n):
        seed = seeds[i % len(seeds)]
        text = seed.read() + f"\n\nBản sao thử nghiệm {tag} số {i}."
        meta = DocumentMeta(doc=f"bench-{tag}-{i}", publisher=seed.meta.publisher, date=seed.meta.date,
                            province_hint=seed.meta.province_hint, title=seed.meta.title)
        out.append(prepare(Document(meta, text=text, origin=f"bench-{tag}-{i}")))
    return out


def wipe(driver) -> None:
    with driver.session(database="neo4j") as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def store_bytes(instance, store: Path) -> dict:
    """The property and string stores' sizes on disk, after a clean stop (Community
    has no db.checkpoint(): a stop is a checkpoint), then Neo4j started again."""
    neo4j_local.stop(instance)
    sizes = {name: (store / name).stat().st_size for name in (STRINGS, PROPS)}
    neo4j_local.start(instance)
    return sizes


def load(driver, items: list, batch: int = 50) -> float:
    t0 = time.perf_counter()
    for i in range(0, len(items), batch):
        write_documents(driver, "neo4j", items[i:i + batch])
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--uri", required=True)
    ap.add_argument("--password-file", required=True)
    ap.add_argument("--home", required=True, type=Path, help="the project-run Neo4j's folder")
    ap.add_argument("--bolt-port", type=int, default=7785)
    ap.add_argument("--http-port", type=int, default=7585)
    ap.add_argument("-n", type=int, default=400)
    args = ap.parse_args()
    instance = neo4j_local.Instance(home=args.home.resolve(), bolt_port=args.bolt_port,
                                    http_port=args.http_port)
    store = instance.home / "data" / "databases" / "neo4j"
    auth = ("neo4j", Path(args.password_file).read_text().strip())
    neo4j_local.start(instance)
    driver = neo4j.GraphDatabase.driver(args.uri, auth=auth)
    wipe(driver)
    driver.close()
    # Three phases on one store, never wiped in between (a wipe's freed records would be
    # reused and hide growth): a warm-up, then N documents without their text, then N
    # other documents with it. Each phase's growth is measured after a clean stop.
    phases = {"warm_up": (plans(50, "warm"), False), "without_text": (plans(args.n, "a"), False),
              "with_text_in_neo4j": (plans(args.n, "b"), True)}
    sample = phases["with_text_in_neo4j"][0]
    result = {"documents_per_phase": args.n,
              "text_chars": sum(p.source["length"] for p in sample),
              "text_utf8_bytes": sum(len(p.source["text"].encode()) for p in sample)}
    before = store_bytes(instance, store)
    for name, (items, with_text) in phases.items():
        for p in items:
            if not with_text:
                p.source["text"] = None
        driver = neo4j.GraphDatabase.driver(args.uri, auth=auth)
        seconds = load(driver, items)
        if with_text:
            lat = []
            for i in range(300):
                t0 = time.perf_counter()
                driver.execute_query("MATCH (s:Source {id: $id}) RETURN s.text AS text",
                                     id=items[i % len(items)].source["id"],
                                     routing_=neo4j.RoutingControl.READ)
                lat.append((time.perf_counter() - t0) * 1000)
        driver.close()
        after = store_bytes(instance, store)
        result[name] = {"load_seconds": round(seconds, 2),
                        "store_growth_bytes": {k: after[k] - before[k] for k in after}}
        if with_text:
            result[name]["read_text_ms_p50"] = round(statistics.median(lat), 2)
            result[name]["read_text_ms_p95"] = round(sorted(lat)[int(0.95 * len(lat))], 2)
        before = after

    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        size = 0
        for p in sample:
            text = p.source["text"]
            digest = hashlib.sha256(text.encode()).hexdigest()
            path = Path(tmp) / "sha256" / digest[:2] / f"{digest}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            size += path.stat().st_size
        result["content_addressed_files"] = {"write_seconds": round(time.perf_counter() - t0, 3),
                                             "bytes": size}
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
