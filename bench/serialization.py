"""Where a lineage request's time goes besides the query: a decomposition.

    .venv/bin/python bench/serialization.py [--calls 300]

Against the bench Neo4j as the last `bench/run.py` left it (run it with
--keep-neo4j or --quick), for the last bodies of depth-20 chains, p50 of:

- bolt: `cypher/body_lineage.cypher` over the sync driver (the baseline);
- function: `graph.queries.body_lineage` in-process (async driver, no HTTP),
  and its parts: the query on the async driver, `jsonable` of the records;
- version_read: the answer cache's one tiny query per request (graph/version.py);
- model_route_* (orjson timings only where orjson is installed; it is not a
  dependency): FastAPI's response step for `response_model=BodyLineage`:
  validation and JSON bytes by pydantic-core (the default response class), or
  Python data encoded by ORJSONResponse / JSONResponse (a response class set);
- dict_route_*: a route without a response model: jsonable_encoder, then
  JSONResponse or ORJSONResponse;
- api / api_cached: GET over HTTP from uvicorn, cache off / on (1 worker each).

The last line is one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import time
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

import httpx  # noqa: E402
import neo4j  # noqa: E402

import api_server  # noqa: E402
import common  # noqa: E402
from common import DATABASE, percentile  # noqa: E402
from mergegraph.graph import neo4j_local, queries, version  # noqa: E402
from mergegraph.graph.catalog import query  # noqa: E402


def _p50(fn, n: int) -> float:
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return round(percentile(times, 50), 3)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--calls", type=int, default=300)
    args = ap.parse_args()
    inst = common.ensure_running()
    with common.driver(inst) as drv:
        ids = [r["id"] for r in drv.execute_query(
            "MATCH (b:Body) WHERE NOT (b)-[:MERGED_INTO]->() AND (b)<-[:MERGED_INTO*20]-() "
            "RETURN b.id AS id LIMIT 20", database_=DATABASE).records]
        if not ids:
            raise SystemExit("no depth-20 chain in the bench graph: run bench/run.py first")
        if version.current(drv, DATABASE) is None:  # loaded by older code: give it a version
            with drv.session(database=DATABASE) as session:
                session.execute_write(version.bump)
    body_id = ids[0]
    params = {"id": body_id, "direction": "both", "as_of": queries.FAR_FUTURE, "max_depth": 20}
    cypher = query("body_lineage")
    out: dict = {"body": body_id}
    loop = asyncio.new_event_loop()
    adrv = neo4j.AsyncGraphDatabase.driver(inst.bolt_uri,
                                           auth=("neo4j", neo4j_local.read_password(inst)),
                                           notifications_min_severity="OFF")
    answer = loop.run_until_complete(queries.body_lineage(adrv, DATABASE, body_id, "both",
                                                          queries.FAR_FUTURE, 20))
    out["edges"] = len(answer["edges"])
    with common.driver(inst) as drv:
        out["bolt_p50_ms"] = _p50(lambda: drv.execute_query(
            cypher, params, database_=DATABASE, routing_=neo4j.RoutingControl.READ), args.calls)
    out["function_p50_ms"] = _p50(lambda: loop.run_until_complete(queries.body_lineage(
        adrv, DATABASE, body_id, "both", queries.FAR_FUTURE, 20)), args.calls)
    # the function's parts: the query on the async driver, records -> JSON-ready data
    out["async_query_p50_ms"] = _p50(lambda: loop.run_until_complete(adrv.execute_query(
        cypher, params, database_=DATABASE, routing_=neo4j.RoutingControl.READ)), args.calls)
    records = loop.run_until_complete(adrv.execute_query(
        cypher, params, database_=DATABASE, routing_=neo4j.RoutingControl.READ)).records
    out["jsonable_p50_ms"] = _p50(lambda: [queries.jsonable(r.data()) for r in records],
                                  args.calls)
    # what the answer cache adds to every request: one tiny read of the version
    out["version_read_p50_ms"] = _p50(lambda: loop.run_until_complete(
        version.read_version(adrv, DATABASE)), args.calls)
    loop.run_until_complete(adrv.close())

    # FastAPI's own response step for this route (fastapi.routing.serialize_response)
    from fastapi.responses import JSONResponse, ORJSONResponse
    from fastapi.routing import serialize_response

    from mergegraph.api.routes import reads

    route = next(r for r in reads.routes if r.path == "/bodies/{body_id}/lineage")

    def respond(dump_json: bool, cls=None):
        # what FastAPI 0.165 does for a route with a response_model: with the
        # default response class, pydantic-core writes the JSON bytes itself
        # (dump_json); with a response class set (ORJSONResponse as the app's
        # default), it builds Python data and the class encodes it
        content = loop.run_until_complete(serialize_response(
            field=route.response_field, response_content=answer, is_coroutine=True,
            dump_json=dump_json))
        return content if dump_json else cls(content).body

    try:  # orjson is not a dependency: `pip install orjson` to time it
        import orjson  # noqa: F401
    except ImportError:
        ORJSONResponse = None
    out["model_route_default_p50_ms"] = _p50(lambda: respond(True), args.calls)
    if ORJSONResponse is not None:
        assert json.loads(respond(True)) == json.loads(respond(False, ORJSONResponse))
        out["model_route_orjson_p50_ms"] = _p50(lambda: respond(False, ORJSONResponse),
                                                args.calls)
    out["model_route_jsonresponse_p50_ms"] = _p50(lambda: respond(False, JSONResponse),
                                                  args.calls)
    # a route without a response_model (/compare, /units): jsonable_encoder, then the class
    from fastapi.encoders import jsonable_encoder
    out["dict_route_json_p50_ms"] = _p50(lambda: JSONResponse(jsonable_encoder(answer)).body,
                                         args.calls)
    if ORJSONResponse is not None:
        out["dict_route_orjson_p50_ms"] = _p50(
            lambda: ORJSONResponse(jsonable_encoder(answer)).body, args.calls)
    out["json_bytes"] = len(respond(True))

    for cache, key in ((False, "api"), (True, "api_cached")):
        with api_server.serving(inst, port=int(os.environ.get("MERGEGRAPH_BENCH_API_PORT", "8100")) + 5, workers=1, cache=cache) as (base, _):
            with httpx.Client(base_url=base, timeout=30) as http:
                path = f"/bodies/{quote(body_id, safe='')}/lineage"
                for _ in range(20):
                    http.get(path, params={"direction": "both", "max_depth": 20})
                out[f"{key}_p50_ms"] = _p50(lambda: http.get(
                    path, params={"direction": "both", "max_depth": 20}).raise_for_status(),
                    args.calls)
                if cache:
                    etag = http.get(path, params={"direction": "both", "max_depth": 20}
                                    ).headers.get("etag")
                    if etag:
                        out["api_304_p50_ms"] = _p50(lambda: http.get(
                            path, params={"direction": "both", "max_depth": 20},
                            headers={"If-None-Match": etag}), args.calls)
    loop.close()
    out["loadavg"] = os.getloadavg()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
