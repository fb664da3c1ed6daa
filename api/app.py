"""The FastAPI application: `create_app()` builds it; one async driver per process."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request

from api import errors
from api.deps import Database, Driver
from api.models import Health
from api.routes import reads, writes
from api.ui import ui_router
from graph.driver import connection_for, open_async_driver, open_driver
from mergegraph import __version__
from mergegraph.settings import Settings, get_settings

MAX_BODY_BYTES = 4 * 1024 * 1024


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings: Settings = app.state.settings
    conn = connection_for(settings)
    app.state.conn = conn
    app.state.driver = open_async_driver(conn)
    # Writes go through the ingest code, which is synchronous: they run in a
    # worker thread with a driver of their own, opened only when writes are on.
    app.state.write_driver = open_driver(conn) if settings.api_token else None
    try:
        yield
    finally:
        await app.state.driver.close()
        if app.state.write_driver is not None:
            app.state.write_driver.close()


def create_app(settings: Settings | None = None) -> FastAPI:
    app = FastAPI(
        title="mergegraph",
        version=__version__,
        summary="Lineage and concurrency patterns of Vietnam's merged agencies and posts.",
        description=(
            "Every fact comes with its evidence: the source document and the exact quote. "
            "Errors are application/problem+json. Lists take `offset` and `limit` "
            "(at most 200); lineage `max_depth` is at most 20; request bodies at most 4 MB."),
        lifespan=lifespan,
    )
    app.state.settings = settings or get_settings()
    errors.install(app)

    @app.middleware("http")
    async def limit_body(request: Request, call_next):
        length = request.headers.get("content-length")
        if length and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return errors.problem(413, "Request too large",
                                  f"Request bodies are limited to {MAX_BODY_BYTES} bytes.")
        return await call_next(request)

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

    app.include_router(reads)
    app.include_router(writes)
    app.include_router(ui_router)  # the web UI at /
    return app
