"""Where the graph lives and how to reach it.

`connection_for(settings)` answers the configured server (NEO4J_URI) or the
project's own local Neo4j; `open_driver` / `open_async_driver` make the one
driver a process uses. Connection problems become `Unavailable` /
`AuthenticationFailed` with a sentence a user can act on.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

import neo4j
from neo4j import exceptions as neo4j_errors
from pydantic import SecretStr

from mergegraph.graph.neo4j_local import Instance, read_password
from mergegraph.errors import AuthenticationFailed, Unavailable
from mergegraph.settings import Settings

# Bounded waits so that a dead server is an error in seconds, not a hang.
DRIVER_OPTIONS = dict(
    connection_timeout=5.0,
    connection_acquisition_timeout=10.0,
    max_transaction_retry_time=15.0,
    max_connection_pool_size=100,
    # Server notifications (unknown property keys before first use, ...) are
    # not errors; EXPLAIN in the tests checks every query instead.
    notifications_min_severity="OFF",
)

# The API answers within seconds or says 503: a client retries better than a
# request that hangs. Reads fail fast when Neo4j is down (a refused connection
# is retried for at most half a second), so every endpoint answers within 2 s
# (tests/reliability/test_neo4j_down.py measures it). The CLI and the ingest
# keep DRIVER_OPTIONS, whose longer retries ride out a restart or a deadlock.
API_DRIVER_OPTIONS = dict(
    DRIVER_OPTIONS,
    connection_timeout=1.0,
    connection_acquisition_timeout=2.0,
    max_transaction_retry_time=0.5,
    initial_retry_delay=0.1,
)


@dataclass(frozen=True)
class Connection:
    uri: str
    user: str
    password: SecretStr
    database: str

    def __repr__(self) -> str:  # never print the password
        return f"Connection(uri={self.uri!r}, user={self.user!r}, database={self.database!r})"


def local_instance(settings: Settings) -> Instance:
    return Instance(
        home=settings.local_neo4j_home or settings.local_dir / "neo4j",
        bolt_port=settings.local_bolt_port,
        http_port=settings.local_http_port,
        heap=settings.local_heap,
        pagecache=settings.local_pagecache,
    )


def connection_for(settings: Settings) -> Connection:
    if settings.neo4j_uri:
        if settings.neo4j_password is None:
            raise Unavailable("NEO4J_URI is set but NEO4J_PASSWORD is not.")
        return Connection(
            settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password,
            settings.neo4j_database,
        )
    instance = local_instance(settings)
    return Connection(
        instance.bolt_uri, "neo4j", SecretStr(read_password(instance)), settings.neo4j_database
    )


def open_driver(conn: Connection) -> neo4j.Driver:
    return neo4j.GraphDatabase.driver(
        conn.uri, auth=(conn.user, conn.password.get_secret_value()), **DRIVER_OPTIONS
    )


def open_async_driver(conn: Connection, options: dict | None = None) -> neo4j.AsyncDriver:
    return neo4j.AsyncGraphDatabase.driver(
        conn.uri, auth=(conn.user, conn.password.get_secret_value()),
        **(DRIVER_OPTIONS if options is None else options)
    )


def explain_error(conn: Connection, err: Exception) -> Unavailable:
    """Turn a driver exception into our error, naming the server and user."""
    if isinstance(err, neo4j_errors.AuthError):
        return AuthenticationFailed(
            f"Neo4j at {conn.uri} refused the credentials of user {conn.user!r} "
            "(check NEO4J_USER / NEO4J_PASSWORD)."
        )
    return Unavailable(f"Neo4j at {conn.uri} is unavailable: {err}")


# Driver errors that mean "Neo4j cannot serve us right now" (down, overloaded,
# refusing our credentials), as opposed to a bad query. IncompleteCommit and the
# Read/Write/RoutingServiceUnavailable errors are ServiceUnavailable; deadlocks
# and DatabaseUnavailable are TransientError.
UNAVAILABLE_ERRORS = (
    neo4j_errors.ServiceUnavailable,
    neo4j_errors.SessionExpired,
    neo4j_errors.TransientError,
    neo4j_errors.AuthError,
    OSError,
    TimeoutError,
)
# The driver reports an exhausted connection pool as a bare ClientError.
_POOL_TIMEOUT = "failed to obtain a connection from the pool"


def is_unavailable(exc: BaseException) -> bool:
    """Whether an exception means Neo4j is down, overloaded or refusing us."""
    if isinstance(exc, UNAVAILABLE_ERRORS):
        return True
    return isinstance(exc, neo4j_errors.ClientError) and _POOL_TIMEOUT in str(exc)


def verify(driver: neo4j.Driver, conn: Connection) -> None:
    try:
        driver.verify_connectivity()
        driver.execute_query("RETURN 1", database_=conn.database, routing_=neo4j.RoutingControl.READ)
    except UNAVAILABLE_ERRORS as err:
        raise explain_error(conn, err) from err


@contextmanager
def connected(settings: Settings) -> Iterator[tuple[neo4j.Driver, Connection]]:
    """A verified driver for the length of a CLI command."""
    conn = connection_for(settings)
    driver = open_driver(conn)
    try:
        verify(driver, conn)
        yield driver, conn
    finally:
        driver.close()


def server_info(driver: neo4j.Driver, database: str) -> dict:
    records, _, _ = driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition "
        "RETURN name, versions[0] AS version, edition",
        database_=database, routing_=neo4j.RoutingControl.READ,
    )
    rec = records[0]
    return {"name": rec["name"], "version": rec["version"], "edition": rec["edition"]}
