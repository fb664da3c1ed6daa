"""Helpers shared by the tests (fixtures are in conftest.py)."""

from __future__ import annotations

import neo4j


def wipe(drv: neo4j.Driver, database: str) -> None:
    """Delete every node and relationship; constraints and indexes stay."""
    with drv.session(database=database) as session:
        session.run(
            "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()
