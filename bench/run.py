"""mergegraph benchmarks: load, lineage latency, scaling, throughput, extraction, memory.

    .venv/bin/python bench/run.py --quick     # every workload at small scale, < 3 min
    .venv/bin/python bench/run.py             # full scales: 10k, 100k, 1M bodies

Runs its own Neo4j (bench/common.py: .local/neo4j-bench, Bolt 7691, HTTP 7478)
and its own API servers (127.0.0.1:8100-8101, MERGEGRAPH_BENCH_API_PORT). Every figure is a ratio against
a baseline measured in this same run, with the absolute numbers. Progress goes
to stderr; the last line of stdout is one JSON object of figures. The full
report (everything measured, PROFILE of the lineage query, machine) is written
to bench/results/<mode>-<time>.json after each scale, so a long run that is
stopped keeps what it measured.
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
from common import log  # noqa: E402

import api_server  # noqa: E402
import extract_bench  # noqa: E402
import generate  # noqa: E402
import lineage  # noqa: E402
import load_bench  # noqa: E402
import endpoints  # noqa: E402
import throughput  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
# The API servers' ports (two, for 1 and 2 workers); movable so that two
# checkouts can run the bench side by side.
API_PORT = int(os.environ.get("MERGEGRAPH_BENCH_API_PORT", "8100"))


def units_loaded(inst) -> bool:
    with common.driver(inst) as drv:
        n = drv.execute_query("RETURN COUNT { MATCH (u:AdminUnit) } AS n",
                              database_=common.DATABASE).records[0]["n"]
    return n >= 14_000


def run_scale(inst, scale: int, seed: int, cfg: dict) -> dict:
    log(f"=== scale {scale:,} bodies ===")
    t0 = time.perf_counter()
    out: dict = {"scale": scale, "loadavg_start": os.getloadavg()}
    out["load"] = load_bench.compare(inst, scale, seed, cfg.get("group_rows"))
    plan = generate.Plan(scale, seed)
    for _ in generate.documents(scale, seed, plan):
        pass
    sample = lineage.sample_bodies(plan.chain_ends, n=50)
    out["generated"] = {"documents": plan.documents, "bodies": plan.bodies,
                        "chains": plan.chains,
                        "chains_by_depth": {d: len(v) for d, v in sorted(plan.chain_ends.items())}}
    import psutil

    from mergegraph.graph import neo4j_local

    neo_proc = psutil.Process(neo4j_local.status(inst).pid)
    tgt = throughput.targets(plan.chain_ends, seed)
    # Uncached first (MERGEGRAPH_CACHE=off: the API as it was, every request runs
    # its queries), then the same with the answer cache on (api/cache.py).
    with api_server.serving(inst, port=API_PORT, workers=1, cache=False) as (base, proc):
        with api_server.RssSampler(proc) as rss:
            out["lineage"] = lineage.measure(inst, base, sample, calls=cfg["lineage_calls"])
            log(f"lineage (cache off): {out['lineage']}")
            out["endpoints"] = endpoints.latency(base, tgt, calls=cfg["endpoint_calls"])
            log(f"endpoints, one client (cache off): {out['endpoints']}")
            out["throughput_1_worker"] = throughput.run_locust(
                base, tgt, users=32, seconds=cfg["locust_seconds"],
                watch={"api": proc, "neo4j": neo_proc})
            log(f"throughput (1 worker, cache off): {out['throughput_1_worker']['rps']} req/s")
        out["api_peak_rss_mb_1_worker"] = round(rss.peak, 1)
    with api_server.serving(inst, port=API_PORT, workers=1, cache=True) as (base, proc):
        with api_server.RssSampler(proc) as rss:
            out["lineage_cached"] = lineage.measure(inst, base, sample,
                                                    calls=cfg["lineage_calls"])
            log(f"lineage (cache on): {out['lineage_cached']}")
            out["throughput_1_worker_cached"] = throughput.run_locust(
                base, tgt, users=32, seconds=cfg["locust_seconds"],
                watch={"api": proc, "neo4j": neo_proc})
            log(f"throughput (1 worker, cache on): "
                f"{out['throughput_1_worker_cached']['rps']} req/s")
        out["api_peak_rss_mb_1_worker_cached"] = round(rss.peak, 1)
    if cfg["two_workers"]:
        for cache, suffix in ((False, ""), (True, "_cached")):
            with api_server.serving(inst, port=API_PORT + 1, workers=2,
                                    cache=cache) as (base, proc):
                with api_server.RssSampler(proc) as rss:
                    out["throughput_2_workers" + suffix] = throughput.run_locust(
                        base, tgt, users=32, seconds=cfg["locust_seconds"],
                        watch={"api": proc, "neo4j": neo_proc})
                    log(f"throughput (2 workers, cache {'on' if cache else 'off'}): "
                        f"{out['throughput_2_workers' + suffix]['rps']} req/s")
                out["api_peak_rss_mb_2_workers" + suffix] = round(rss.peak, 1)
    out["lineage_profile"] = lineage.profile(inst, sample[0])
    out["profiles"] = endpoints.profiles(inst, tgt)
    log(f"db hits: { {k: v['db_hits'] for k, v in out['profiles'].items()} }")
    out["loadavg_end"] = os.getloadavg()
    out["seconds"] = round(time.perf_counter() - t0, 1)
    return out


def figures(report: dict) -> dict:
    scales = report["scales"]
    first, last = scales[0], scales[-1]
    tp = [last.get(k) for k in ("throughput_1_worker", "throughput_2_workers") if last.get(k)]
    best = max(tp, key=lambda t: t["rps"])
    tpc = [last.get(k) for k in ("throughput_1_worker_cached", "throughput_2_workers_cached")
           if last.get(k)]
    best_cached = max(tpc, key=lambda t: t["rps"]) if tpc else None
    fig = {
        "scale_bodies": last["scale"],
        "load_vs_load_csv": last["load"]["ratio"],
        "load_loader_rels_per_s": last["load"]["loader"]["relationships_per_s"],
        "load_load_csv_rels_per_s": last["load"]["load_csv"]["relationships_per_s"],
        "lineage_api_p99_vs_bolt": last["lineage"]["api_p99_vs_bolt"],
        "lineage_p99_ms": last["lineage"]["api_p99_ms"],
        "lineage_p50_ms": last["lineage"]["api_p50_ms"],
        "lineage_bolt_p99_ms": last["lineage"]["bolt_p99_ms"],
        "lineage_lean_client_p99_vs_bolt": last["lineage"].get("api_lean_p99_vs_bolt"),
        "lineage_lean_client_p50_vs_bolt": last["lineage"].get("api_lean_p50_vs_bolt"),
        "throughput_rps": best["rps"],
        "throughput_p99_ms": best["p99_ms"],
        "throughput_failures": best["failures"],
        "throughput_cached_rps": best_cached["rps"] if best_cached else None,
        "throughput_cached_p99_ms": best_cached["p99_ms"] if best_cached else None,
        "throughput_cached_failures": best_cached["failures"] if best_cached else None,
        "lineage_cached_p50_ms": last.get("lineage_cached", {}).get("api_p50_ms"),
        "loadavg_start": last.get("loadavg_start"),
        "extract_docs_per_s": report["extraction"]["synthetic"]["docs_per_s"],
        "extract_corpus_docs_per_s": report["extraction"].get("corpus", {}).get("docs_per_s"),
        "loader_peak_rss_mb": last["load"]["loader"]["peak_rss_mb"],
        "api_peak_rss_mb": last.get("api_peak_rss_mb_1_worker"),
        "api_peak_rss_mb_cached": last.get("api_peak_rss_mb_1_worker_cached"),
        "endpoint_p99_ms": {k: v["p99_ms"] for k, v in last.get("endpoints", {}).items()},
        "lineage_cached_api_p99_vs_bolt": last.get("lineage_cached", {}).get("api_p99_vs_bolt"),
        "db_hits_by_scale": {str(s["scale"]): {k: v["db_hits"] for k, v in s["profiles"].items()}
                             for s in scales if "profiles" in s},
    }
    if len(scales) > 1:
        growth = last["lineage"]["api_p99_ms"] / first["lineage"]["api_p99_ms"]
        key = f"lineage_p99_growth_{_short(first['scale'])}_to_{_short(last['scale'])}"
        fig[key] = round(growth, 3)
        fig["lineage_p99_ms_by_scale"] = {str(s["scale"]): s["lineage"]["api_p99_ms"]
                                          for s in scales}
        if first["scale"] == 10_000 and last["scale"] >= 1_000_000:
            fig["lineage_p99_growth_10k_to_1m"] = round(growth, 3)
    return fig


def _short(n: int) -> str:
    return f"{n // 1_000_000}m" if n >= 1_000_000 else f"{n // 1000}k"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="small scale, under 3 minutes")
    ap.add_argument("--scales", default=None,
                    help="comma-separated body counts (default 10000,100000,1000000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--group-rows", type=int, default=None,
                    help="the loader's rows per transaction (default: ingest.load.GROUP_ROWS)")
    ap.add_argument("--locust-seconds", type=int, default=None)
    ap.add_argument("--keep-neo4j", action="store_true", help="leave the bench Neo4j running")
    args = ap.parse_args()

    if args.quick:
        scales = [int(s) for s in (args.scales or "2000").split(",")]
        cfg = {"lineage_calls": 150, "endpoint_calls": 40,
               "locust_seconds": args.locust_seconds or 10,
               "two_workers": False, "extract_docs": 40, "corpus_rounds": 1}
    else:
        scales = [int(s) for s in (args.scales or "10000,100000,1000000").split(",")]
        cfg = {"lineage_calls": 500, "endpoint_calls": 200,
               "locust_seconds": args.locust_seconds or 30,
               "two_workers": True, "extract_docs": 300, "corpus_rounds": 3}
    cfg["group_rows"] = args.group_rows
    mode = "quick" if args.quick else "full"
    RESULTS.mkdir(exist_ok=True)
    out_file = RESULTS / f"{mode}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    t0 = time.perf_counter()
    report: dict = {"mode": mode, "date": time.strftime("%Y-%m-%d %H:%M:%S %z"),
                    "machine": common.machine(), "config": cfg, "scales": []}

    log("extraction ...")
    report["extraction"] = extract_bench.run(cfg["extract_docs"], cfg["corpus_rounds"])
    log(f"extraction: {report['extraction']}")

    inst = common.ensure_running()
    report["neo4j"] = {"version": common.neo4j_version(inst), "heap": inst.heap,
                       "pagecache": inst.pagecache}
    if not units_loaded(inst):
        log("schema and administrative units ...")
        report["units_load"] = common.prepare_empty(inst)
    else:
        with common.driver(inst) as drv:
            from mergegraph.graph.schema import apply_schema
            apply_schema(drv, common.DATABASE)
    try:
        for scale in scales:
            report["scales"].append(run_scale(inst, scale, args.seed, cfg))
            report["figures"] = figures(report)
            report["seconds"] = round(time.perf_counter() - t0, 1)
            out_file.write_text(json.dumps(report, indent=1, ensure_ascii=False))
            log(f"written {out_file}")
    finally:
        if not args.keep_neo4j and not args.quick:
            common.stop()
    report["seconds"] = round(time.perf_counter() - t0, 1)
    fig = report["figures"]
    fig["seconds"] = report["seconds"]
    out_file.write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(json.dumps(fig, ensure_ascii=False))


if __name__ == "__main__":
    main()
