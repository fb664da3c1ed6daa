"""Test fixtures: a real Neo4j for every test that needs one, never a stand-in.

With NEO4J_URI set, the tests use that server and WIPE its database between
tests. Without it they start the project's own Neo4j in a folder of their own
(`.local/neo4j-test`, Bolt 7688, HTTP 7475), so that the user's data in
`.local/neo4j` is never touched, and stop it at the end (set
MERGEGRAPH_TEST_KEEP_NEO4J=1 to keep it running between runs).
"""

from __future__ import annotations

import os
from pathlib import Path

import neo4j
import pytest
from pydantic import SecretStr

from mergegraph.graph import neo4j_local
from mergegraph.graph.driver import Connection, open_driver, verify
from mergegraph.graph.schema import apply_schema
from mergegraph.settings import PROJECT_ROOT, Settings
from tests.support.helpers import wipe

SHARED = PROJECT_ROOT.parent / "shared"


def _test_instance() -> neo4j_local.Instance:
    return neo4j_local.Instance(
        home=Path(os.environ.get("MERGEGRAPH_TEST_DIR", PROJECT_ROOT / ".local" / "neo4j-test")),
        bolt_port=int(os.environ.get("MERGEGRAPH_TEST_BOLT_PORT", "7688")),
        http_port=int(os.environ.get("MERGEGRAPH_TEST_HTTP_PORT", "7475")),
        heap=os.environ.get("MERGEGRAPH_TEST_HEAP", "1g"),
        pagecache="256m",
        tx_log_file="32m",
    )


@pytest.fixture(scope="session")
def local_instance() -> neo4j_local.Instance | None:
    """The project-run test Neo4j, or None when the tests use NEO4J_URI."""
    if os.environ.get("NEO4J_URI"):
        yield None
        return
    instance = _test_instance()
    neo4j_local.start(instance)
    yield instance
    if not os.environ.get("MERGEGRAPH_TEST_KEEP_NEO4J"):
        neo4j_local.stop(instance)


@pytest.fixture(scope="session")
def conn(local_instance) -> Connection:
    if local_instance is None:
        return Connection(
            os.environ["NEO4J_URI"], os.environ.get("NEO4J_USER", "neo4j"),
            SecretStr(os.environ["NEO4J_PASSWORD"]), os.environ.get("NEO4J_DATABASE", "neo4j"),
        )
    return Connection(local_instance.bolt_uri, "neo4j",
                      SecretStr(neo4j_local.read_password(local_instance)), "neo4j")


@pytest.fixture(scope="session")
def driver(conn) -> neo4j.Driver:
    drv = open_driver(conn)
    verify(drv, conn)
    apply_schema(drv, conn.database)
    yield drv
    drv.close()


@pytest.fixture
def db(driver, conn) -> neo4j.Driver:
    """A clean database (schema kept) for one test."""
    wipe(driver, conn.database)
    return driver


@pytest.fixture(scope="session")
def settings(conn) -> Settings:
    """Settings that point the app and the CLI at the test Neo4j."""
    return Settings(
        NEO4J_URI=conn.uri, NEO4J_USER=conn.user,
        NEO4J_PASSWORD=conn.password.get_secret_value(), NEO4J_DATABASE=conn.database,
    )


@pytest.fixture(scope="session")
def cli_env(conn) -> dict[str, str]:
    """Environment for running `mergegraph` as a subprocess against the test Neo4j."""
    env = dict(os.environ)
    env.update(NEO4J_URI=conn.uri, NEO4J_USER=conn.user,
               NEO4J_PASSWORD=conn.password.get_secret_value(), NEO4J_DATABASE=conn.database)
    return env
