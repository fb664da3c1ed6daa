"""Throughput with the answer cache warm: 1 and 2 workers, cache off and on.

    .venv/bin/python bench/warm_throughput.py [--scale 2000] [--seconds 20]

Against the bench graph as the last `bench/run.py` left it (the generator's
plan for --scale and --seed must match it). For each (workers, cache) the
server is started, locust runs once untimed for --warm seconds (the cache
fills: every worker keeps its own), then once measured. Order: off, on, for 1
and 2 workers. The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import psutil  # noqa: E402

import api_server  # noqa: E402
import common  # noqa: E402
import generate  # noqa: E402
import throughput  # noqa: E402
from common import log  # noqa: E402
from mergegraph.graph import neo4j_local  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--scale", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--seconds", type=int, default=20)
    ap.add_argument("--warm", type=int, default=10)
    args = ap.parse_args()
    plan = generate.Plan(args.scale, args.seed)
    for _ in generate.documents(args.scale, args.seed, plan):
        pass
    tgt = throughput.targets(plan.chain_ends, args.seed)
    inst = common.ensure_running()
    neo = psutil.Process(neo4j_local.status(inst).pid)
    port = int(os.environ.get("MERGEGRAPH_BENCH_API_PORT", "8100")) + 6
    out: dict = {"scale": args.scale, "seconds": args.seconds, "warm_seconds": args.warm,
                 "loadavg_start": os.getloadavg(), "runs": {}}
    for workers in (1, 2):
        for cache in (False, True):
            name = f"{workers}_worker{'s' if workers > 1 else ''}_{'on' if cache else 'off'}"
            with api_server.serving(inst, port=port, workers=workers, cache=cache) as (base, proc):
                throughput.run_locust(base, tgt, users=32, seconds=args.warm)  # warm-up
                r = throughput.run_locust(base, tgt, users=32, seconds=args.seconds,
                                          watch={"api": proc, "neo4j": neo})
                r["loadavg"] = os.getloadavg()[0]
                out["runs"][name] = r
                log(f"{name}: {r['rps']} req/s, p99 {r['p99_ms']} ms, cpu {r['cpu']}")
    out["loadavg_end"] = os.getloadavg()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
