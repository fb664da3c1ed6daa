"""The graph's version: one node that every write bumps, in the write's own transaction.

`(:GraphVersion {id: 'graph'})` holds `n`, an integer that every write
transaction which changes the graph (documents written or replaced, retracted,
units loaded) increments as its LAST statement, and `epoch`, a random id set
when the node is created. The node is bookkeeping, not a fact: no model label,
never exported, not counted.

- Same transaction: a reader that sees the new data sees the new number; one
  that sees the old number cannot see the new data (commit is atomic).
- Last statement: the bump takes the write lock on the one node, so writers
  serialise only for the short tail from their bump to their commit, and a
  transaction that holds this lock waits for no other lock (no deadlock). The one
  exception, `lock`, is taken just before the merger tallies are recounted
  (graph/facts.py): a recount reads the mergers and rewrites tally rows that only
  recounts touch, so concurrent writers recount one after the other, each after the
  previous one's commit, and wait for no lock a waiting writer holds.
- `epoch`: a database that is wiped (or restored) and written again starts a new
  series, so "version 3" of an old graph is never taken for "version 3" now.

`read_version` answers the token `"<n>.<epoch>"`, or None when no write of ours
has happened yet (a graph loaded by other means: callers must not cache then).
"""

from __future__ import annotations

import neo4j

BUMP = """
MERGE (v:GraphVersion {id: 'graph'})
ON CREATE SET v.epoch = randomUUID(), v.n = 0
SET v.n = v.n + 1
"""

# The same node's write lock, taken early by a write that must not interleave with
# another's from here to its commit (graph/facts.py: the merger tallies' recount).
LOCK = """
MERGE (v:GraphVersion {id: 'graph'})
ON CREATE SET v.epoch = randomUUID(), v.n = 0
SET v.locked = true
REMOVE v.locked
"""

READ = "OPTIONAL MATCH (v:GraphVersion {id: 'graph'}) RETURN v.n AS n, v.epoch AS epoch"


def bump(tx: neo4j.ManagedTransaction) -> None:
    """Increment the version inside a write transaction: call it last."""
    tx.run(BUMP).consume()


def lock(tx: neo4j.ManagedTransaction) -> None:
    """Take the version node's write lock now (held to commit; the bump follows)."""
    tx.run(LOCK).consume()


def write_bumping(driver: neo4j.Driver, database: str, cypher: str,
                  **params) -> neo4j.ResultSummary:
    """Run one write query and the bump in one transaction; the query's summary."""
    def work(tx: neo4j.ManagedTransaction) -> neo4j.ResultSummary:
        summary = tx.run(cypher, params).consume()
        bump(tx)
        return summary

    with driver.session(database=database) as session:
        return session.execute_write(work)


def token(n: int | None, epoch: str | None) -> str | None:
    return None if n is None or epoch is None else f"{n}.{epoch}"


def current(driver: neo4j.Driver, database: str) -> str | None:
    """The version token, read now (sync driver)."""
    records, _, _ = driver.execute_query(READ, database_=database,
                                         routing_=neo4j.RoutingControl.READ)
    return token(records[0]["n"], records[0]["epoch"])


async def read_version(driver: neo4j.AsyncDriver, database: str) -> str | None:
    """The version token, read now (async driver: one tiny read query)."""
    async with driver.session(database=database,
                              default_access_mode=neo4j.READ_ACCESS) as session:
        result = await session.run(READ)
        record = await result.single()
    return token(record["n"], record["epoch"])
