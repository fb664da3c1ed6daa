"""Queries the API runs (async, READ access mode)."""

from __future__ import annotations

import neo4j

MODEL_LABELS = ("AdminUnit", "Body", "Position", "Person", "ConcurrencyPattern",
                "Source", "Evidence")


async def read(driver: neo4j.AsyncDriver, database: str, query: str, **params) -> list[dict]:
    records, _, _ = await driver.execute_query(
        query, params, database_=database, routing_=neo4j.RoutingControl.READ
    )
    return [r.data() for r in records]


async def health_counts(driver: neo4j.AsyncDriver, database: str) -> tuple[dict, dict[str, int]]:
    info = (await read(driver, database,
                       "CALL dbms.components() YIELD versions, edition "
                       "RETURN versions[0] AS version, edition"))[0]
    counts = (await read(driver, database, LABEL_COUNTS))[0]
    return info, counts


# One count-store lookup per label (constant time at any size); the labels are
# this module's constants, never user text.
LABEL_COUNTS = "RETURN " + ", ".join(
    f"COUNT {{ MATCH (n:{label}) }} AS {label}" for label in MODEL_LABELS
)
