"""Shared helpers of the benchmarks: a fresh bench Neo4j, the machine, percentiles.

The bench runs its own Neo4j (never the user's): by default in
`.local/neo4j-bench` on Bolt 7691 / HTTP 7478 (MERGEGRAPH_BENCH_DIR,
MERGEGRAPH_BENCH_BOLT_PORT, MERGEGRAPH_BENCH_HTTP_PORT, MERGEGRAPH_BENCH_HEAP,
MERGEGRAPH_BENCH_PAGECACHE). "A fresh database" is a fresh store: the instance
folder is removed and Neo4j started again, so every load starts from the same
empty state.
"""

from __future__ import annotations

import json
import os
import platform
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import neo4j  # noqa: E402

from mergegraph.graph import neo4j_local  # noqa: E402
from mergegraph.graph.schema import apply_schema  # noqa: E402

DATABASE = "neo4j"
# relative to the project (Neo4j is started with the instance folder as its cwd)
BENCH_DIR = ROOT / os.environ.get("MERGEGRAPH_BENCH_DIR", ".local/neo4j-bench")
BOLT_PORT = int(os.environ.get("MERGEGRAPH_BENCH_BOLT_PORT", "7691"))
HTTP_PORT = int(os.environ.get("MERGEGRAPH_BENCH_HTTP_PORT", "7478"))
HEAP = os.environ.get("MERGEGRAPH_BENCH_HEAP", "4g")
PAGECACHE = os.environ.get("MERGEGRAPH_BENCH_PAGECACHE", "6g")
MAVEN_CACHE = ROOT / ".local" / "maven"


def log(*args) -> None:
    print("[bench %s]" % time.strftime("%H:%M:%S"), *args, file=sys.stderr, flush=True)


def instance() -> neo4j_local.Instance:
    return neo4j_local.Instance(home=BENCH_DIR, bolt_port=BOLT_PORT, http_port=HTTP_PORT,
                                heap=HEAP, pagecache=PAGECACHE)


def stop() -> None:
    inst = instance()
    if neo4j_local.status(inst).running:
        neo4j_local.stop(inst)


def fresh() -> neo4j_local.Instance:
    """Stop the bench Neo4j, remove its store, start it empty."""
    inst = instance()
    stop()
    if inst.home.exists():
        shutil.rmtree(inst.home)
    neo4j_local.start(inst, cache_dir=MAVEN_CACHE)
    return inst


def ensure_running() -> neo4j_local.Instance:
    inst = instance()
    neo4j_local.start(inst, cache_dir=MAVEN_CACHE)
    return inst


def driver(inst: neo4j_local.Instance) -> neo4j.Driver:
    return neo4j.GraphDatabase.driver(inst.bolt_uri,
                                      auth=("neo4j", neo4j_local.read_password(inst)),
                                      max_connection_pool_size=100,
                                      notifications_min_severity="OFF")


def prepare_empty(inst: neo4j_local.Instance) -> dict:
    """Schema and the real administrative units (what every fact load starts from)."""
    from mergegraph.ingest.load_units import load_units

    with driver(inst) as drv:
        apply_schema(drv, DATABASE)
        t0 = time.perf_counter()
        _, counts = load_units(drv, DATABASE)
        return {"units_seconds": round(time.perf_counter() - t0, 2),
                "units_nodes": counts.nodes_created}


def graph_counts(drv: neo4j.Driver) -> dict:
    nodes = {r["label"]: r["n"] for r in drv.execute_query(
        "UNWIND ['AdminUnit','Body','Position','Person','ConcurrencyPattern','Source',"
        "'Evidence'] AS label CALL (label) { RETURN COUNT { MATCH (n) WHERE label IN labels(n) }"
        " AS n } RETURN label, n", database_=DATABASE).records}
    rels = {r["t"]: r["n"] for r in drv.execute_query(
        "MATCH ()-[r]->() RETURN type(r) AS t, count(*) AS n", database_=DATABASE).records}
    return {"nodes": nodes, "relationships": rels}


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, int(-(-p * len(ordered) // 100)))  # ceil
    return ordered[min(rank, len(ordered)) - 1]


def machine() -> dict:
    import psutil

    info = {"cores": os.cpu_count(), "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "python": platform.python_version(), "platform": platform.platform(),
            "neo4j_driver": neo4j.__version__}
    try:
        import importlib.metadata as md
        info["neo4j_rust_ext"] = md.version("neo4j-rust-ext")
    except Exception:
        info["neo4j_rust_ext"] = None
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    info["cpu"] = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return info


def neo4j_version(inst: neo4j_local.Instance) -> str:
    with driver(inst) as drv:
        rec = drv.execute_query("CALL dbms.components() YIELD versions RETURN versions[0] AS v",
                                database_=DATABASE).records[0]
        return rec["v"]


def dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, sort_keys=True)
