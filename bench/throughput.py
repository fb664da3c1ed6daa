"""Figure 4: requests/s and latency of a realistic read mix, 32 clients, loopback.

locust (headless, FastHttpUser, closed loop, `wait_time = constant(0)`) drives
bench/locustfile.py against the API served by uvicorn with 1 or 2 workers. The
load generator runs on the same 2 cores as the API and Neo4j: what it burns is
taken from the server, so the figure is a lower bound of what the server alone
could do.
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, log
from mergegraph.ingest import adminunits


def targets(chain_ends: dict[int, list[str]], seed: int = 7) -> dict:
    rng = random.Random(seed)
    lineage = [b for depth, ids in sorted(chain_ends.items()) for b in ids[:20]]
    units = adminunits.legacy_units()
    provinces = [u.code for u in units if u.level == "province"]
    districts = [u.code for u in units if u.level == "district"]
    names = [u.short_name for u in units if u.level in ("province", "district")]
    search = rng.sample(names, 60) + ["ubkt " + n for n in rng.sample(names, 20)] \
        + ["ban to chuc " + n for n in rng.sample(names, 20)]
    compare = [rng.sample(provinces, 2) for _ in range(10)] + \
        [rng.sample(districts, 2) for _ in range(30)]
    return {"search": search, "lineage": lineage, "provinces": provinces, "compare": compare}


def _cpu(procs: dict) -> dict:
    import psutil

    out = {}
    for name, proc in procs.items():
        total = 0.0
        try:
            for p in [proc] + proc.children(recursive=True):
                t = p.cpu_times()
                total += t.user + t.system + t.children_user + t.children_system
        except psutil.NoSuchProcess:
            pass
        out[name] = total
    return out


def run_locust(base_url: str, target_data: dict, users: int = 32, seconds: int = 30,
               watch: dict | None = None) -> dict:
    """`watch`: name -> psutil.Process whose CPU seconds during the run are reported."""
    import psutil

    out = Path(tempfile.mkdtemp(prefix="mergegraph-locust-"))
    tfile = out / "targets.json"
    tfile.write_text(json.dumps(target_data, ensure_ascii=False), encoding="utf-8")
    env = dict(os.environ, MERGEGRAPH_BENCH_TARGETS=str(tfile))
    locust = Path(sys.executable).with_name("locust")
    cmd = [str(locust) if locust.exists() else "locust", "-f", str(ROOT / "bench" / "locustfile.py"),
           "--headless", "-u", str(users), "-r", str(users), "-t", f"{seconds}s",
           "--host", base_url, "--csv", str(out / "locust"), "--only-summary",
           "--stop-timeout", "5", "--loglevel", "WARNING"]
    log(f"locust: {users} users, {seconds}s against {base_url}")
    me = psutil.Process()
    before, sys0, kids0 = _cpu(watch or {}), psutil.cpu_times(), me.cpu_times()
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=seconds + 120)
    wall = time.perf_counter() - t0
    after, sys1, kids1 = _cpu(watch or {}), psutil.cpu_times(), me.cpu_times()
    busy = sum(getattr(sys1, f) - getattr(sys0, f) for f in ("user", "system", "nice", "irq",
                                                               "softirq", "steal")
               if hasattr(sys1, f))
    cpu = {f"{k}_cpu_s": round(after[k] - before[k], 1) for k in after}
    cpu.update(machine_busy_cpu_s=round(busy, 1), wall_s=round(wall, 1),
               machine_cpu_capacity_s=round(wall * (os.cpu_count() or 1), 1),
               locust_cpu_s=round(kids1.children_user + kids1.children_system
                                  - kids0.children_user - kids0.children_system, 1))
    stats_file = out / "locust_stats.csv"
    if not stats_file.exists():
        raise RuntimeError(f"locust wrote no stats: {proc.stderr[-2000:]}")
    rows = list(csv.DictReader(stats_file.open(encoding="utf-8")))
    per = {}
    for row in rows:
        entry = {"requests": int(row["Request Count"]), "failures": int(row["Failure Count"]),
                 "rps": round(float(row["Requests/s"]), 1),
                 "p50_ms": float(row["50%"] or 0), "p99_ms": float(row["99%"] or 0),
                 "mean_ms": round(float(row["Average Response Time"]), 1)}
        per[row["Name"]] = entry
    agg = per.pop("Aggregated")
    return {"users": users, "seconds": seconds, "tool": "locust", **agg, "by_endpoint": per,
            "cpu": cpu}
