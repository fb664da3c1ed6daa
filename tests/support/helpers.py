"""Helpers shared by the tests (fixtures are in conftest.py)."""

from __future__ import annotations

import neo4j


def wipe(drv: neo4j.Driver, database: str) -> None:
    """Delete every node and relationship; constraints and indexes stay."""
    with drv.session(database=database) as session:
        session.run(
            "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()


def load_units_and_bundled_corpus(drv: neo4j.Driver, database: str) -> None:
    """A clean graph holding what `mergegraph bootstrap` loads: units and the bundled corpus."""
    from mergegraph.ingest.load import ingest
    from mergegraph.ingest.manifest import read_manifest
    from mergegraph.ingest.load_units import load_units
    from mergegraph.settings import PROJECT_ROOT

    wipe(drv, database)
    load_units(drv, database)
    report = ingest(drv, database, read_manifest(PROJECT_ROOT / "ingest" / "corpus" / "manifest.jsonl"))
    assert report.ok, report.skipped
