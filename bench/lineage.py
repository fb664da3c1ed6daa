"""Figure 2 (and 3): body lineage latency, the API vs the same Cypher over raw Bolt.

The same bodies (last bodies of depth-20 merger chains: 20 edges, each with its
evidence), the same parameters (direction 'both', as_of far future, max_depth
20), the same number of calls, one client at a time, calls alternating API /
Bolt so both see the same machine load; warm-up calls excluded.

- API: GET /bodies/{id}/lineage over HTTP/1.1 keep-alive on loopback, with two
  clients: httpx (`api_*`, the figure of every earlier run) and the standard
  library's http.client (`api_lean_*`), whose own cost per request is lower
  (0.16 vs 0.32 ms p50 against a bare ASGI app on this machine): the Bolt side's
  client is the driver with its Rust extension, the lean figure is the API's
  cost with a comparably light client. The endpoint runs
  `cypher/body_lineage.cypher` (one round trip) and serialises the answer.
- Bolt: `graph.catalog.query('body_lineage')` with the sync driver
  (`execute_query`, READ routing), records fully consumed.
- In-process (a diagnostic, not the baseline): `graph.queries.body_lineage`,
  the endpoint's own function with its 4 queries, on the async driver, no
  HTTP: API - in-process is the cost of HTTP + FastAPI + JSON; in-process -
  Bolt is the cost of the endpoint's extra round trips.
"""

from __future__ import annotations

import asyncio
from http.client import HTTPConnection
import json
import random
import time
from urllib.parse import quote

import httpx
import neo4j

from common import DATABASE, driver, percentile
from mergegraph.graph import queries
from mergegraph.graph.catalog import query
from mergegraph.graph.queries import FAR_FUTURE


def sample_bodies(chain_ends: dict[int, list[str]], n: int = 50, depth: int = 20,
                  seed: int = 7) -> list[str]:
    ids = list(chain_ends.get(depth, []))
    random.Random(seed).shuffle(ids)
    return ids[:n]


def measure(inst, base_url: str, body_ids: list[str], calls: int, warmup: int = 20) -> dict:
    cypher = query("body_lineage")
    from mergegraph.graph import neo4j_local

    api_ms, lean_ms, bolt_ms, inproc_ms, edges = [], [], [], [], []
    host, port = base_url.split("//", 1)[1].rsplit(":", 1)
    lean = HTTPConnection(host, int(port), timeout=60)
    loop = asyncio.new_event_loop()
    adrv = neo4j.AsyncGraphDatabase.driver(inst.bolt_uri,
                                           auth=("neo4j", neo4j_local.read_password(inst)),
                                           notifications_min_severity="OFF")
    with driver(inst) as drv, httpx.Client(base_url=base_url, timeout=60) as http:
        for i in range(warmup + calls):
            body_id = body_ids[i % len(body_ids)]
            params = {"id": body_id, "direction": "both", "as_of": FAR_FUTURE, "max_depth": 20}
            t = time.perf_counter()
            resp = http.get(f"/bodies/{quote(body_id, safe='')}/lineage",
                            params={"direction": "both", "max_depth": 20})
            resp.raise_for_status()
            n_edges = len(resp.json()["edges"])
            a = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            lean.request("GET", f"/bodies/{quote(body_id, safe='')}/lineage"
                         "?direction=both&max_depth=20")
            answer = lean.getresponse()
            body = answer.read()
            if answer.status != 200 or len(json.loads(body)["edges"]) != n_edges:
                raise AssertionError(f"{body_id}: lean client got {answer.status}")
            d = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            records, _, _ = drv.execute_query(cypher, params, database_=DATABASE,
                                              routing_=neo4j.RoutingControl.READ)
            b = (time.perf_counter() - t) * 1000
            t = time.perf_counter()
            loop.run_until_complete(queries.body_lineage(adrv, DATABASE, body_id, "both",
                                                         FAR_FUTURE, 20))
            c = (time.perf_counter() - t) * 1000
            # one row: the body, its edges (with evidence) and its unit's fate
            bolt_edges = len(records[0]["edges"]) if records else -1
            if bolt_edges != n_edges:
                raise AssertionError(f"{body_id}: API {n_edges} edges, Bolt {bolt_edges}")
            if i >= warmup:
                api_ms.append(a)
                lean_ms.append(d)
                bolt_ms.append(b)
                inproc_ms.append(c)
                edges.append(n_edges)
    lean.close()
    loop.run_until_complete(adrv.close())
    loop.close()
    out = {"calls": calls, "warmup": warmup, "bodies": len(body_ids),
           "edges_per_answer": sorted(set(edges))}
    for name, values in (("api", api_ms), ("api_lean", lean_ms), ("bolt", bolt_ms),
                         ("inprocess", inproc_ms)):
        out[f"{name}_p50_ms"] = round(percentile(values, 50), 2)
        out[f"{name}_p99_ms"] = round(percentile(values, 99), 2)
        out[f"{name}_mean_ms"] = round(sum(values) / len(values), 2)
    out["api_p99_vs_bolt"] = round(out["api_p99_ms"] / out["bolt_p99_ms"], 3)
    out["api_p50_vs_bolt"] = round(out["api_p50_ms"] / out["bolt_p50_ms"], 3)
    out["api_lean_p99_vs_bolt"] = round(out["api_lean_p99_ms"] / out["bolt_p99_ms"], 3)
    out["api_lean_p50_vs_bolt"] = round(out["api_lean_p50_ms"] / out["bolt_p50_ms"], 3)
    return out


def profile(inst, body_id: str) -> str:
    """PROFILE of the lineage query for one body, as text (operators, rows, db hits)."""
    cypher = query("body_lineage")
    params = {"id": body_id, "direction": "both", "as_of": FAR_FUTURE, "max_depth": 20}
    with driver(inst) as drv:
        with drv.session(database=DATABASE) as s:
            summary = s.run("PROFILE " + cypher, params).consume()
    return render_plan(summary.profile) + (
        f"\ntotal db hits: {total_hits(summary.profile)}")


def total_hits(plan: dict) -> int:
    return plan.get("dbHits", 0) + sum(total_hits(c) for c in plan.get("children", []))


def render_plan(plan: dict, depth: int = 0) -> str:
    args = plan.get("args", {})
    details = args.get("Details", "")
    line = (f"{'  ' * depth}{plan['operatorType']}  rows={plan.get('rows')} "
            f"dbHits={plan.get('dbHits')}  {details}")
    return "\n".join([line] + [render_plan(c, depth + 1) for c in plan.get("children", [])])
