"""Figure 1: the project's loader vs `LOAD CSV` of the same rows.

Both start from the same state: the bench Neo4j with the schema and the real
administrative units, and no facts (`wipe_facts` before each load; the units
are needed by both, as bodies are linked to them, and their load is not timed).

- loader: `ingest.load.ingest` (grouping, `graph.facts.write_documents`: one
  transaction per group, batched UNWIND MERGE, summarising every fact from its
  evidence) over the generator's documents, their fact records planned by
  `ingest.plan.plan_document` (planning is part of the loader's time;
  extraction is not, nor is generating the records that stand for it: they are
  generated before the clock starts). Planning runs on `jobs` processes as in
  `mergegraph ingest` (default: its default, the cores), one writer loads. It runs
  in a subprocess of its own so that its peak RSS is its own; its CPU seconds
  include the planning processes'.
- LOAD CSV: the rows of the very same plans, written to CSV files in Neo4j's
  import folder (not timed), loaded with `LOAD CSV ... CALL (row) {MERGE ...}
  IN TRANSACTIONS` on the same keys, under the same constraints, setting the
  same properties (the statements' sentences and dates, the relationships'
  `valid_from_basis` and `reported_by` included). A relationship's summary
  (status, dates, sources, evidence_count), which the loader computes from the
  evidence, is precomputed into the CSV: the baseline does strictly less work.

Relationships/s = relationships created / wall seconds of the load.
"""

from __future__ import annotations

import csv
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from common import DATABASE, ROOT, driver, graph_counts, log

import generate
from mergegraph.graph.facts import summary_of

CSV_BATCH = 10_000

NODE_FILES = {
    "sources": ["id", "url", "publisher", "title", "date", "province_hint", "content_hash",
                "path"],
    "units": ["uid", "code", "era", "level", "name", "province_uid"],
    "bodies": ["id", "name", "name_folded", "aliases_folded", "body_type", "branch", "level",
               "unit_uid", "province_uid"],
    "positions": ["id", "name", "role", "body_type", "position_type", "title", "name_folded",
                  "aliases_folded", "body_id", "province_uid"],
    "people": ["id", "name", "name_folded", "province_uid"],
    "patterns": ["id", "level", "position_types", "label"],
    "evidence": ["id", "fact_id", "source_id", "rel_type", "quote", "start", "end", "status",
                 "status_rank", "date", "count", "of", "sentence", "sentence_start",
                 "valid_from", "valid_to", "date_basis", "reported_by"],
}
REL_COLUMNS = ["fact_id", "start", "end", "kind", "function", "status", "date", "since",
               "valid_from", "valid_from_basis", "reported_by", "until", "valid_to",
               "effective", "count", "of", "evidence_count", "sources"]
REL_TYPES = {"MERGED_INTO": ("Body", "id", "Body", "id"),
             "TRANSFERRED_FUNCTION_TO": ("Body", "id", "Body", "id"),
             "HELD_CONCURRENTLY_WITH": ("Position", "id", "Position", "id"),
             "HOLDS": ("Person", "id", "Position", "id"),
             "APPLIES": ("AdminUnit", "uid", "ConcurrencyPattern", "id")}

INT = "toInteger(row.{0})"

LOAD_STATEMENTS = [
    ("sources", """
MERGE (s:Source {id: row.id})
SET s.url = row.url, s.publisher = row.publisher, s.title = row.title, s.date = row.date,
    s.province_hint = row.province_hint, s.content_hash = row.content_hash, s.kind = 'article',
    s.path = row.path, s.recorded_at = datetime(), s.retracted_at = null"""),
    ("units", """
MERGE (u:AdminUnit {uid: row.uid})
ON CREATE SET u.code = row.code, u.era = row.era, u.level = row.level, u.name = row.name,
    u.province_uid = row.province_uid"""),
    ("bodies", """
MERGE (b:Body {id: row.id})
ON CREATE SET b.name = row.name, b.name_folded = row.name_folded,
    b.aliases_folded = row.aliases_folded, b.body_type = row.body_type, b.branch = row.branch,
    b.level = row.level, b.unit_uid = row.unit_uid, b.province_uid = row.province_uid
WITH b, row
MATCH (u:AdminUnit {uid: row.unit_uid})
MERGE (b)-[:IN_UNIT]->(u)"""),
    ("positions", """
MERGE (p:Position {id: row.id})
ON CREATE SET p.name = row.name, p.role = row.role, p.body_type = row.body_type,
    p.position_type = row.position_type, p.title = row.title, p.name_folded = row.name_folded,
    p.aliases_folded = row.aliases_folded, p.body_id = row.body_id,
    p.province_uid = row.province_uid
WITH p, row
MATCH (b:Body {id: row.body_id})
MERGE (p)-[:IN_BODY]->(b)"""),
    ("people", """
MERGE (p:Person {id: row.id})
ON CREATE SET p.name = row.name, p.name_folded = row.name_folded,
    p.province_uid = row.province_uid"""),
    ("patterns", """
MERGE (p:ConcurrencyPattern {id: row.id})
ON CREATE SET p.level = row.level, p.position_types = split(row.position_types, '|'),
    p.label = row.label"""),
] + [
    (f"rel_{rel}", f"""
MATCH (a:{sl} {{{sk}: row.start}}), (b:{el} {{{ek}: row.end}})
MERGE (a)-[r:{rel} {{fact_id: row.fact_id}}]->(b)
SET r.kind = row.kind, r.function = row.function, r.status = row.status, r.date = row.date,
    r.since = row.since, r.valid_from = row.valid_from, r.until = row.until,
    r.valid_to = row.valid_to, r.valid_from_basis = row.valid_from_basis,
    r.reported_by = row.reported_by, r.effective = row.effective, r.count = toInteger(row.count),
    r.of = toInteger(row.of), r.evidence_count = toInteger(row.evidence_count),
    r.sources = split(row.sources, '|')""")
    for rel, (sl, sk, el, ek) in REL_TYPES.items()
] + [
    ("evidence", """
MATCH (s:Source {id: row.source_id})
MERGE (e:Evidence {id: row.id})
SET e.fact_id = row.fact_id, e.source_id = row.source_id, e.rel_type = row.rel_type,
    e.quote = row.quote, e.start = toInteger(row.start), e.end = toInteger(row.end),
    e.status = row.status, e.status_rank = toInteger(row.status_rank), e.date = row.date,
    e.count = toInteger(row.count), e.of = toInteger(row.of), e.sentence = row.sentence,
    e.sentence_start = toInteger(row.sentence_start), e.valid_from = row.valid_from,
    e.valid_to = row.valid_to, e.date_basis = row.date_basis, e.reported_by = row.reported_by,
    e.recorded_at = datetime()
MERGE (e)-[:CITES]->(s)"""),
]


def _csv_summary(evidence: list[dict]) -> dict:
    """The relationship summary graph.facts computes from evidence (`summary_of`, the
    Python twin of its summarise query), its sources as one CSV field."""
    summary = summary_of(evidence)
    return {**summary, "sources": "|".join(summary["sources"])}


def write_csv(scale: int, seed: int, import_dir: Path) -> dict:
    """The rows of the generator's plans as CSV files; returns row counts."""
    import_dir.mkdir(parents=True, exist_ok=True)
    handles, writers, counts = {}, {}, {}
    names = dict(NODE_FILES)
    for rel in REL_TYPES:
        names[f"rel_{rel}"] = REL_COLUMNS
    for name, cols in names.items():
        handles[name] = open(import_dir / f"{name}.csv", "w", newline="", encoding="utf-8")
        writers[name] = csv.DictWriter(handles[name], cols, extrasaction="ignore")
        writers[name].writeheader()
        counts[name] = 0
    seen_units, seen_patterns = set(), set()
    try:
        for plan in generate.plans(scale, seed):
            w = writers
            w["sources"].writerow(plan.source)
            counts["sources"] += 1
            for uid, row in plan.units.items():
                if uid not in seen_units:
                    seen_units.add(uid)
                    w["units"].writerow(row)
                    counts["units"] += 1
            for name in ("bodies", "positions", "people"):
                for row in getattr(plan, name).values():
                    w[name].writerow(row)
                    counts[name] += 1
            for pid, row in plan.patterns.items():
                if pid not in seen_patterns:
                    seen_patterns.add(pid)
                    w["patterns"].writerow({**row, "position_types": "|".join(row["position_types"])})
                    counts["patterns"] += 1
            by_fact: dict[str, list[dict]] = {}
            for ev in plan.evidence.values():
                by_fact.setdefault(ev["fact_id"], []).append(ev)
                w["evidence"].writerow(ev)
                counts["evidence"] += 1
            for rel, rows in plan.relationships.items():
                for fact_id, row in rows.items():
                    flat = {k: v for k, v in row.items() if k != "props"}
                    w[f"rel_{rel}"].writerow({"kind": None, "function": None, **flat,
                                              **row["props"], **_csv_summary(by_fact[fact_id])})
                    counts[f"rel_{rel}"] += 1
    finally:
        for h in handles.values():
            h.close()
    return counts


def load_csv(drv, batch: int = CSV_BATCH) -> dict:
    """Run the LOAD CSV statements; wall time and what they created."""
    created = {"nodes": 0, "relationships": 0}
    steps = {}
    t0 = time.perf_counter()
    with drv.session(database=DATABASE) as session:
        for name, body in LOAD_STATEMENTS:
            t = time.perf_counter()
            cypher = (f"LOAD CSV WITH HEADERS FROM 'file:///{name}.csv' AS row\n"
                      f"CALL (row) {{{body}\n}} IN TRANSACTIONS OF {batch} ROWS")
            counters = session.run(cypher).consume().counters
            created["nodes"] += counters.nodes_created
            created["relationships"] += counters.relationships_created
            steps[name] = round(time.perf_counter() - t, 2)
    seconds = time.perf_counter() - t0
    return {"seconds": round(seconds, 2), "nodes_created": created["nodes"],
            "relationships_created": created["relationships"],
            "relationships_per_s": round(created["relationships"] / seconds, 1),
            "steps_seconds": steps, "batch_rows": batch}


def wipe_facts(drv) -> None:
    """Back to 'schema + units': every node but the units and their dataset source."""
    with drv.session(database=DATABASE) as session:
        session.run("""
MATCH (n) WHERE NOT n:AdminUnit AND NOT (n:Source AND n.kind = 'dataset')
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS""").consume()


def run_loader(inst, scale: int, seed: int, group_rows: int | None = None,
               jobs: int | None = None) -> dict:
    """The loader in a subprocess (its own peak RSS); returns its JSON report."""
    cmd = [sys.executable, str(Path(__file__)), "--scale", str(scale), "--seed", str(seed)]
    if group_rows:
        cmd += ["--group-rows", str(group_rows)]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"loader failed: {proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def neo4j_cpu_seconds(inst) -> float | None:
    """CPU seconds (user + system) the bench Neo4j process has used so far."""
    import psutil

    from mergegraph.graph import neo4j_local

    pid = neo4j_local.status(inst).pid
    if pid is None:
        return None
    times = psutil.Process(pid).cpu_times()
    return times.user + times.system


def compare(inst, scale: int, seed: int, group_rows: int | None = None,
            jobs: int | None = None) -> dict:
    """Both loads of the same rows into the same empty state; the loader's graph stays."""
    import_dir = inst.home / "import"
    t = time.perf_counter()
    rows = write_csv(scale, seed, import_dir)
    log(f"CSV of {scale} written in {time.perf_counter() - t:.1f}s: {rows}")
    with driver(inst) as drv:
        wipe_facts(drv)
        log("LOAD CSV ...")
        cpu0 = neo4j_cpu_seconds(inst)
        baseline = load_csv(drv)
        if cpu0 is not None:
            baseline["neo4j_cpu_seconds"] = round(neo4j_cpu_seconds(inst) - cpu0, 2)
        baseline_counts = graph_counts(drv)
        log(f"LOAD CSV: {baseline['relationships_created']} rels in {baseline['seconds']}s")
        wipe_facts(drv)
    log("loader ...")
    cpu0 = neo4j_cpu_seconds(inst)
    loader = run_loader(inst, scale, seed, group_rows, jobs)
    if cpu0 is not None:
        loader["neo4j_cpu_seconds"] = round(neo4j_cpu_seconds(inst) - cpu0, 2)
    with driver(inst) as drv:
        loader_counts = graph_counts(drv)
    log(f"loader: {loader['relationships_created']} rels in {loader['seconds']}s")
    for f in import_dir.glob("*.csv"):
        f.unlink()
    cpu = {}
    if "neo4j_cpu_seconds" in baseline and "neo4j_cpu_seconds" in loader:
        # CPU seconds per 1000 relationships, Neo4j + client: robust to a shared machine
        cpu = {"load_csv_cpu_s_per_1k_rels": round(
                   1000 * baseline["neo4j_cpu_seconds"] / baseline["relationships_created"], 3),
               "loader_cpu_s_per_1k_rels": round(
                   1000 * (loader["neo4j_cpu_seconds"] + loader["cpu_seconds"])
                   / loader["relationships_created"], 3)}
    return {"scale": scale, "csv_rows": rows, "load_csv": baseline, "loader": loader, **cpu,
            "same_graph": baseline_counts == loader_counts,
            "graph_counts": loader_counts, "load_csv_graph_counts": baseline_counts,
            "ratio": round(loader["relationships_per_s"] / baseline["relationships_per_s"], 3)}


# the fact records, generated before the clock starts: they stand for what
# extraction gives, and extraction is not the loader's time (nor the baseline's).
# A module global, so that the planning processes (forked) have them too.
_GENERATED: dict[str, tuple[dict, list]] = {}


def _plan(item):
    """The bench's preparer: the document's generated records, planned."""
    from mergegraph.ingest.plan import plan_document

    source, records = _GENERATED[item.doc]
    return plan_document(source, records)


def _cpu() -> float:
    """CPU seconds of this process and of its ended children."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def _worker(scale: int, seed: int, group_rows: int | None, jobs: int | None) -> None:
    """Subprocess body: the project's ingest job over the synthetic documents, with
    `jobs` planning processes as `mergegraph ingest` has (default: as many as it
    would take, `ingest.load.default_jobs`)."""
    from common import instance
    from mergegraph.ingest.extract import DocumentMeta
    from mergegraph.ingest.load import GROUP_DOCUMENTS, GROUP_ROWS, default_jobs, ingest
    from mergegraph.ingest.manifest import Document

    inst = instance()
    _GENERATED.update((source["id"], (source, records))
                      for source, records in generate.documents(scale, seed))
    jobs = jobs or default_jobs(len(_GENERATED))

    def items():
        for source, _ in _GENERATED.values():
            yield Document(DocumentMeta(doc=source["id"], url=source["url"],
                                        publisher=source["publisher"], date=source["date"],
                                        title=source["title"]), origin=source["id"])

    with driver(inst) as drv:
        t0, c0 = time.perf_counter(), _cpu()
        report = ingest(drv, DATABASE, items(), preparer=_plan, jobs=jobs,
                        group_rows=group_rows or GROUP_ROWS, group_documents=GROUP_DOCUMENTS)
        seconds = time.perf_counter() - t0
        cpu_seconds = _cpu() - c0  # the planning processes' included
    w = report.writes
    if report.skipped:
        raise SystemExit(f"skipped documents: {report.skipped[:3]}")
    print(json.dumps({
        "seconds": round(seconds, 2), "documents": report.read, "facts": report.facts,
        "nodes_created": w.nodes_created, "relationships_created": w.relationships_created,
        "relationships_per_s": round(w.relationships_created / seconds, 1),
        "evidence": w.evidence_written, "cpu_seconds": round(cpu_seconds, 2),
        "group_rows": group_rows or GROUP_ROWS, "jobs": jobs,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))


if __name__ == "__main__":
    import argparse

    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--group-rows", type=int, default=None)
    ap.add_argument("--jobs", type=int, default=None)
    args = ap.parse_args()
    _worker(args.scale, args.seed, args.group_rows, args.jobs)
