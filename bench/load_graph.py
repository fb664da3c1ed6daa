"""Load one scale of the synthetic graph with the project's loader and leave it.

For looking at the read path of a big graph by hand (PROFILE in Neo4j Browser,
bench/endpoints.py) without the whole bench/run.py:

    MERGEGRAPH_BENCH_DIR=.local/neo4j-1m MERGEGRAPH_BENCH_BOLT_PORT=7692 \
    MERGEGRAPH_BENCH_HTTP_PORT=7479 .venv/bin/python bench/load_graph.py --scale 1000000

Starts the bench Neo4j (fresh store unless --keep), loads the schema and the
administrative units, then the synthetic documents of the scale (bench/generate.py)
through ingest.load.ingest, as the loader figure of bench/run.py does. Prints the
loader's JSON report. Neo4j stays running (`bench/common.py` stop() stops it).
"""

from __future__ import annotations

import argparse
import json

import common
import load_bench


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=int, required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--keep", action="store_true", help="keep the store, only add")
    args = ap.parse_args()
    inst = common.ensure_running() if args.keep else common.fresh()
    common.log(f"units ... {common.prepare_empty(inst)}")
    report = load_bench.run_loader(inst, args.scale, args.seed)
    common.log(f"loaded: {report}")
    print(json.dumps(report))


if __name__ == "__main__":
    main()
