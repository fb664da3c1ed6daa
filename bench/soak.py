"""A bounded soak: mixed read traffic at 32 clients on loopback, with an ingest
running at the same time, against a real API server process and Neo4j.

    NEO4J_URI=... NEO4J_PASSWORD=... .venv/bin/python bench/soak.py [--seconds 300]
    (or MERGEGRAPH_LOCAL_DIR / MERGEGRAPH_BOLT_PORT for the project's own Neo4j)

It loads the administrative units and the bundled corpus if the graph has no
units, starts `mergegraph serve` on 127.0.0.1, runs N asyncio clients (httpx)
for the given time over the read endpoints, runs `mergegraph ingest` of a
generated manifest of real articles in a loop meanwhile, samples the API
process's RSS every 5 s, and prints (and writes, --out) a JSON summary:
requests, errors (transport errors, 5xx, and any status a request did not
expect), latency percentiles, ingest runs, and the RSS curve. Exit 1 on errors.
It measures; it asserts nothing but the error count.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mergegraph.graph.driver import connection_for, open_driver  # noqa: E402
from mergegraph.settings import Settings  # noqa: E402

MERGEGRAPH = ROOT / ".venv" / "bin" / "mergegraph"
BUNDLED = ROOT / "ingest" / "corpus" / "manifest.jsonl"


def prepare_graph(settings: Settings) -> dict:
    """Units and bundled corpus loaded (once); ids for the read mix."""
    conn = connection_for(settings)
    drv = open_driver(conn)
    try:
        n = drv.execute_query("MATCH (u:AdminUnit) RETURN count(u) AS n",
                              database_=conn.database)[0][0]["n"]
        env = os.environ.copy()
        if n < 1000:
            subprocess.run([str(MERGEGRAPH), "init-schema"], check=True, env=env)
            subprocess.run([str(MERGEGRAPH), "load-units"], check=True, env=env)
        subprocess.run([str(MERGEGRAPH), "ingest", "--manifest", str(BUNDLED)], check=True,
                       env=env, capture_output=True)
        recs, _, _ = drv.execute_query("""
            CALL () { MATCH (b:Body) RETURN collect(b.id)[..50] AS bodies }
            CALL () { MATCH (p:Position) RETURN collect(p.id)[..50] AS positions }
            CALL () { MATCH (h:Person) RETURN collect(h.id)[..50] AS people }
            CALL () { MATCH (s:Source) RETURN collect(s.id)[..50] AS sources }
            CALL () { MATCH ()-[r:MERGED_INTO|APPLIES|HELD_CONCURRENTLY_WITH]->()
                      WHERE r.fact_id IS NOT NULL AND NOT r.fact_id STARTS WITH 'unit-merger'
                      RETURN collect(r.fact_id)[..50] AS facts }
            RETURN bodies, positions, people, sources, facts""", database_=conn.database)
        return dict(recs[0])
    finally:
        drv.close()


def ingest_manifest(folder: Path, n: int, run: int = 0) -> Path:
    """n real articles (the bundled seeds under new ids) for the concurrent ingest;
    each run changes their first line, so every run replaces them (real writes)."""
    seeds = [json.loads(line) for line in BUNDLED.read_text(encoding="utf-8").splitlines()]
    lines = []
    for i in range(n):
        seed = seeds[i % len(seeds)]
        text = (BUNDLED.parent / seed["path"]).read_text(encoding="utf-8")
        path = folder / f"soak{i:04}.txt"
        path.write_text(f"Bản tin số {i}, lần {run}.\n{text}", encoding="utf-8")
        lines.append(json.dumps({**seed, "doc": f"soak{i:04}", "path": path.name,
                                 "url": None}, ensure_ascii=False))
    manifest = folder / "manifest.jsonl"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


def read_mix(ids: dict) -> list[tuple[str, dict, set[int]]]:
    """(path, params, statuses that are right) of the read endpoints."""
    pick = random.choice
    mix = [
        ("/search", {"q": pick(["dam ha", "ubkt", "quynh nhai", "ban to chuc", "mttq"])},
         {200}),
        ("/units/" + pick(["200", "22", "118", "14", "06895"]), {}, {200}),
        ("/units/" + pick(["200", "22", "118"]) + "/lineage", {}, {200}),
        ("/patterns/concurrency", {"limit": 20}, {200}),
        ("/patterns/concurrency/matrix", {}, {200}),
        ("/compare", {"units": "22,14"}, {200}),
        ("/health", {}, {200}),
        ("/units/99999", {}, {404}),
    ]
    for key, path in (("bodies", "/bodies/{}"), ("bodies", "/bodies/{}/lineage"),
                      ("positions", "/positions/{}"), ("people", "/people/{}"),
                      ("sources", "/sources/{}"), ("facts", "/facts/{}/evidence")):
        if ids.get(key):
            mix.append((path.format(pick(ids[key])), {}, {200}))
    return mix


async def client_loop(base: str, ids: dict, stop_at: float, stats: dict) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30.0) as client:
        while time.monotonic() < stop_at:
            path, params, ok = random.choice(read_mix(ids))
            if random.random() < 0.01:
                path, params, ok = "/export", {"format": random.choice(["csv", "jsonl"])}, {200}
            t0 = time.monotonic()
            try:
                res = await client.get(path, params=params)
                status = res.status_code
            except httpx.HTTPError as err:
                status, res = None, None
                stats["errors"].append(f"{path}: {type(err).__name__} {err}")
            stats["latencies"].append(time.monotonic() - t0)
            stats["requests"] += 1
            if status is not None and status not in ok:
                stats["errors"].append(f"{path} {params}: {status} {res.text[:200]}")


async def sample_rss(pid: int, stop_at: float, curve: list, every: float = 5.0) -> None:
    proc = psutil.Process(pid)
    t0 = time.monotonic()
    while time.monotonic() < stop_at:
        curve.append((round(time.monotonic() - t0), proc.memory_info().rss // 2**20))
        await asyncio.sleep(every)
    curve.append((round(time.monotonic() - t0), proc.memory_info().rss // 2**20))


async def ingest_loop(folder: Path, documents: int, stop_at: float, runs: list) -> None:
    """`mergegraph ingest` again and again, each run a new version of every document."""
    while time.monotonic() < stop_at:
        manifest = ingest_manifest(folder, documents, len(runs))
        t0 = time.monotonic()
        proc = await asyncio.create_subprocess_exec(
            str(MERGEGRAPH), "ingest", "--manifest", str(manifest),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        out, err = await proc.communicate()
        runs.append({"exit": proc.returncode, "seconds": round(time.monotonic() - t0, 1),
                     "summary": out.decode(errors="replace").strip().splitlines()[:1]})


async def soak(args) -> dict:
    settings = Settings()
    ids = prepare_graph(settings)
    token = secrets.token_urlsafe(24)
    log = Path(tempfile.mkdtemp(prefix="soak-")) / "api.log"
    env = dict(os.environ, MERGEGRAPH_API_TOKEN=token)
    with open(log, "wb") as fh:
        server = subprocess.Popen([str(MERGEGRAPH), "serve", "--host", "127.0.0.1", "--port",
                                   str(args.port)], env=env, stdout=fh, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(120):
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            await asyncio.sleep(0.5)
        stats = {"requests": 0, "errors": [], "latencies": []}
        curve: list = []
        runs: list = []
        t0 = time.monotonic()
        stop_at = t0 + args.seconds
        await asyncio.gather(
            *(client_loop(base, ids, stop_at, stats) for _ in range(args.clients)),
            sample_rss(server.pid, stop_at, curve),
            ingest_loop(log.parent, args.documents, stop_at, runs))
        elapsed = time.monotonic() - t0
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(30)
    lat = sorted(stats["latencies"])
    q = (lambda p: round(lat[min(len(lat) - 1, int(p * len(lat)))] * 1000, 1)) if lat else None
    rss = [mb for _, mb in curve]
    warm = rss[len(rss) // 5:] or rss  # after the first fifth (imports, pools, caches)
    return {
        "seconds": round(elapsed, 1), "clients": args.clients, "requests": stats["requests"],
        "requests_per_s": round(stats["requests"] / elapsed, 1),
        "errors": len(stats["errors"]), "first_errors": stats["errors"][:10],
        "latency_ms": {"p50": q(0.5), "p95": q(0.95), "p99": q(0.99), "max": q(1.0)},
        "ingest_runs": runs, "ingest_failures": sum(1 for r in runs if r["exit"] != 0),
        "rss_mb_curve": curve,
        "rss_mb": {"start": rss[0], "end": rss[-1], "max": max(rss),
                   "warm_min": min(warm), "warm_max": max(warm)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=300)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--documents", type=int, default=100,
                        help="documents of the concurrent ingest")
    parser.add_argument("--port", type=int, default=8305)
    parser.add_argument("--out", type=Path, help="also write the summary here (JSON)")
    args = parser.parse_args()
    summary = asyncio.run(soak(args))
    text = json.dumps(summary, indent=2, ensure_ascii=False)
    print(text)
    if args.out:
        args.out.write_text(text + "\n")
    sys.exit(1 if summary["errors"] or summary["ingest_failures"] else 0)


if __name__ == "__main__":
    main()
