"""Measure the read path on the graph the bench Neo4j already holds (no load).

The companion of bench/load_graph.py: after a scale is loaded once (a 1M load
takes minutes), the read figures of bench/run.py's scale (lineage vs Bolt,
every endpoint one client at a time, the 32-client mix, API RSS; cache off,
then on) can be taken again and again on it, e.g. before and after a change:

    MERGEGRAPH_BENCH_DIR=.local/neo4j-1m MERGEGRAPH_BENCH_BOLT_PORT=7692 \\
    MERGEGRAPH_BENCH_HTTP_PORT=7479 .venv/bin/python bench/read_graph.py --scale 1000000

`--scale` and `--seed` must be those of the load: they give the generator's
chain ends and targets. Starts the instance if it is stopped; leaves it running.
Prints one JSON object; `--out FILE` writes it too.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

import psutil

import api_server
import common
import endpoints
import generate
import lineage
import throughput
from mergegraph.graph import neo4j_local

API_PORT = int(os.environ.get("MERGEGRAPH_BENCH_API_PORT", "8100"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=int, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--lineage-calls", type=int, default=300)
    ap.add_argument("--endpoint-calls", type=int, default=200)
    ap.add_argument("--seconds", type=int, default=30, help="of each 32-client run")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()

    plan = generate.Plan(args.scale, args.seed)
    for _ in generate.documents(args.scale, args.seed, plan):
        pass
    inst = common.ensure_running()
    sample = lineage.sample_bodies(plan.chain_ends, n=50)
    tgt = throughput.targets(plan.chain_ends, args.seed)
    neo_proc = psutil.Process(neo4j_local.status(inst).pid)
    with common.driver(inst) as drv:
        counts = common.graph_counts(drv)
    out: dict = {"scale": args.scale, "seed": args.seed, "machine": common.machine(),
                 "loadavg_start": os.getloadavg(), "graph": counts}
    t0 = time.perf_counter()
    for cache in (False, True):
        key = "cached" if cache else "uncached"
        with api_server.serving(inst, port=API_PORT, workers=1, cache=cache) as (base, proc):
            with api_server.RssSampler(proc) as rss:
                out[f"lineage_{key}"] = lineage.measure(inst, base, sample,
                                                        calls=args.lineage_calls)
                common.log(f"lineage ({key}): {out[f'lineage_{key}']}")
                if not cache:
                    out["endpoints"] = endpoints.latency(base, tgt, calls=args.endpoint_calls)
                    common.log(f"endpoints, one client: {out['endpoints']}")
                out[f"throughput_{key}"] = throughput.run_locust(
                    base, tgt, users=32, seconds=args.seconds,
                    watch={"api": proc, "neo4j": neo_proc})
                common.log(f"throughput ({key}): {out[f'throughput_{key}']['rps']} req/s")
            out[f"api_peak_rss_mb_{key}"] = round(rss.peak, 1)
    out["loadavg_end"] = os.getloadavg()
    out["seconds"] = round(time.perf_counter() - t0, 1)
    text = json.dumps(out)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
