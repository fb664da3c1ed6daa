"""Every endpoint of the mix, one client, cache off: p50/p99 per endpoint, and the
PROFILE of each endpoint's queries (db hits, rows) for a fixed answer.

The issue's read-path goals at national scale: each endpoint of the mix under
50 ms at p99 for a single client with the answer cache off (every request runs
its queries), and db hits that do not grow with the graph for a fixed answer.
The targets are those of the throughput mix (bench/throughput.py): searches by
unit names and abbreviations, last bodies of merger chains, provinces, pairs of
provinces and of districts. Requests go one at a time, the endpoints in turn, so
all see the same machine; warm-up requests are not counted.

PROFILE runs the same Cypher the endpoint runs (graph.catalog), with the
parameters the endpoint would pass, for a few fixed targets (the same at every
scale: the first province, the first district pair, a fixed search), and sums
the db hits of the plan.
"""

from __future__ import annotations

import random
import time

import httpx

from common import DATABASE, driver, percentile
from lineage import total_hits
from mergegraph.graph.catalog import query
from mergegraph.graph.queries import FAR_FUTURE, SEARCH_WINDOW
from mergegraph.graph.search import lucene_query

COMPARE_LIMIT = 50  # /compare's default page (api/routes.py)


def _requests(targets: dict, rng: random.Random) -> dict:
    """One request per endpoint of the mix, with a random target: (path, params)."""
    return {
        "search": lambda: ("/search", {"q": rng.choice(targets["search"]), "limit": 20}),
        "lineage": lambda: (f"/bodies/{rng.choice(targets['lineage'])}/lineage",
                            {"direction": "both"}),
        "patterns": lambda: ("/patterns/concurrency",
                             {"province": rng.choice(targets["provinces"]), "limit": 50}),
        "compare_provinces": lambda: ("/compare", {"units": ",".join(
            rng.choice(targets["compare"][:10]))}),
        "compare_districts": lambda: ("/compare", {"units": ",".join(
            rng.choice(targets["compare"][10:]))}),
        "unit": lambda: (f"/units/{rng.choice(targets['provinces'])}", {}),
    }


def latency(base_url: str, targets: dict, calls: int = 200, warmup: int = 10,
            seed: int = 7) -> dict:
    """Per endpoint: p50/p99/max in ms over `calls` requests, one client."""
    rng = random.Random(seed)
    makers = _requests(targets, rng)
    times: dict[str, list[float]] = {name: [] for name in makers}
    with httpx.Client(base_url=base_url, timeout=60) as http:
        for i in range(warmup + calls):
            for name, make in makers.items():
                path, params = make()
                t = time.perf_counter()
                resp = http.get(path, params=params)
                ms = (time.perf_counter() - t) * 1000
                resp.raise_for_status()
                if i >= warmup:
                    times[name].append(ms)
    return {name: {"p50_ms": round(percentile(v, 50), 2), "p99_ms": round(percentile(v, 99), 2),
                   "max_ms": round(max(v), 2), "calls": len(v)} for name, v in times.items()}


def _profile(session, name: str, params: dict) -> dict:
    summary = session.run("PROFILE " + query(name), params).consume()
    return {"query": name, "db_hits": total_hits(summary.profile),
            "rows": summary.profile.get("rows")}


def profiles(inst, targets: dict) -> dict:
    """db hits of each endpoint's queries for fixed targets (same at every scale)."""
    province = "legacy:" + targets["provinces"][0]
    pair = targets["compare"][10]
    body = targets["lineage"][-1]
    out = {}
    with driver(inst) as drv, drv.session(database=DATABASE) as s:
        out["search"] = _profile(s, "search", {
            "query": lucene_query(targets["search"][0]), "offset": 0, "limit": 20,
            "labels": ["AdminUnit", "Body", "Position", "Person"], "province": None,
            "window": SEARCH_WINDOW})
        out["search_ubkt"] = _profile(s, "search", {
            "query": lucene_query(targets["search"][60]), "offset": 0, "limit": 20,
            "labels": ["AdminUnit", "Body", "Position", "Person"], "province": None,
            "window": SEARCH_WINDOW})
        out["lineage"] = _profile(s, "body_lineage", {
            "id": body, "direction": "both", "as_of": FAR_FUTURE, "max_depth": 20})
        out["patterns"] = _profile(s, "patterns", {
            "province": province, "level": None, "status": None, "as_of": None,
            "offset": 0, "limit": 50, "units_limit": 100})
        out["compare_province"] = _profile(s, "compare_unit", {
            "uid": province, "as_of": None, "offset": 0, "limit": COMPARE_LIMIT})
        out["compare_district"] = _profile(s, "compare_unit", {
            "uid": "legacy:" + pair[0], "as_of": None, "offset": 0, "limit": COMPARE_LIMIT})
    return out
