"""The FastAPI application: `create_app()` builds it; one async driver per process."""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import Annotated

import neo4j
from fastapi import Depends, FastAPI, Request

from api import errors
from api.models import Health
from graph.driver import connection_for, open_async_driver
from mergegraph import __version__
from mergegraph.settings import Settings, get_settings


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings: Settings = app.state.settings
    conn = connection_for(settings)
    driver = open_async_driver(conn)
    app.state.conn = conn
    app.state.driver = driver
    try:
        yield
    finally:
        await driver.close()


def get_driver(request: Request) -> neo4j.AsyncDriver:
    return request.app.state.driver


def get_database(request: Request) -> str:
    return request.app.state.conn.database


Driver = Annotated[neo4j.AsyncDriver, Depends(get_driver)]
Database = Annotated[str, Depends(get_database)]


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="mergegraph",
        version=__version__,
        summary="Lineage and concurrency patterns of Vietnam's merged agencies and posts.",
        lifespan=lifespan,
    )
    app.state.settings = settings or get_settings()
    errors.install(app)

    @app.get("/health", response_model=Health, tags=["meta"],
             responses={503: {"description": "Neo4j is unreachable (problem+json)"}})
    async def health(driver: Driver, database: Database) -> Health:
        """Whether Neo4j answers, its version and the graph's size."""
        from graph.queries import health_counts

        try:
            info, counts = await health_counts(driver, database)
        except errors.NEO4J_UNAVAILABLE as exc:
            return errors.problem(503, "Database unavailable", f"Neo4j cannot be reached: {exc}",
                                  status_text="unavailable", neo4j_reachable=False)
        return Health(status="ok", neo4j_reachable=True, neo4j_version=info["version"],
                      neo4j_edition=info["edition"], counts=counts)

    return app
