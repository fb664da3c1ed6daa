"""Synchronous reads of unit lineage, for the tests of the units graph (the API
reads the same cypher/ files through graph.queries)."""

from __future__ import annotations

import neo4j

from mergegraph.graph.catalog import query


def _read(driver: neo4j.Driver, database: str, name: str, **params) -> list[dict]:
    records, _, _ = driver.execute_query(query(name), params, database_=database,
                                         routing_=neo4j.RoutingControl.READ)
    return [r.data() for r in records]


def unit_successors(driver: neo4j.Driver, database: str, uid: str,
                    as_of: str = "9999-12-31") -> list[dict]:
    """What a unit's territory belongs to as of a date (itself before the reform)."""
    return _read(driver, database, "unit_successors", uid=uid, as_of=as_of)


def unit_predecessors(driver: neo4j.Driver, database: str, uid: str,
                      as_of: str = "9999-12-31") -> list[dict]:
    """The units a unit was formed from, as of a date (none before it existed)."""
    return _read(driver, database, "unit_predecessors", uid=uid, as_of=as_of)


def province_today(driver: neo4j.Driver, database: str, uid: str,
                   as_of: str = "9999-12-31") -> dict | None:
    """The province a (historical) unit's territory belongs to as of a date."""
    rows = _read(driver, database, "unit_province_today", uid=uid, as_of=as_of)
    return rows[0] if rows else None
