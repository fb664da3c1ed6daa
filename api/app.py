"""The FastAPI application: `create_app()` builds it; one async driver per process."""

from __future__ import annotations

import math
from contextlib import asynccontextmanager

import anyio
from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mergegraph.api import cache, errors
from mergegraph.api.deps import Database, Driver
from mergegraph.api.docs import docs_router
from mergegraph.api.guide import guide_router
from mergegraph.api.models import Health
from mergegraph.api.routes import reads, writes
from mergegraph.api.sources import router as sources_router
from mergegraph.api.ui import ui_router
from mergegraph.graph.driver import (API_DRIVER_OPTIONS, connection_for, is_unavailable, open_async_driver,
                          open_driver)
from mergegraph import __version__
from mergegraph.settings import Settings, get_settings

MAX_BODY_BYTES = 4 * 1024 * 1024


class BodyLimit:
    """413 for a request body over `max_bytes`, declared (Content-Length) or
    streamed (chunked, where the length is only known by counting)."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = dict(scope["headers"]).get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            await self._too_large()(scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    # raised inside the app: FastAPI passes HTTPExceptions through
                    # body parsing, and api/errors.py answers it as problem+json
                    raise HTTPException(413, "Request too large")
            return message

        await self.app(scope, counting_receive, send)

    def _too_large(self):
        return errors.problem(413, "Request too large",
                              f"Request bodies are limited to {self.max_bytes} bytes.")


class Deadline:
    """503 problem+json with Retry-After for a request that has not started its
    answer within its deadline: `reads` seconds for GET and HEAD, `writes` for the
    others. Whatever Neo4j does (down, frozen by SIGSTOP, overloaded), no request
    waits longer. Once the answer has started (a streamed export), it is not cut."""

    def __init__(self, app: ASGIApp, reads: float, writes: float) -> None:
        self.app = app
        self.reads = reads
        self.writes = writes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        seconds = self.reads if scope["method"] in ("GET", "HEAD") else self.writes
        started = False

        with anyio.CancelScope() as cancel:
            cancel.deadline = anyio.current_time() + seconds

            async def send_started(message: Message) -> None:
                nonlocal started
                if message["type"] == "http.response.start":
                    started = True
                    cancel.deadline = math.inf  # the status is sent: let the body flow
                await send(message)

            await self.app(scope, receive, send_started)
        if cancel.cancelled_caught and not started:
            errors.log.warning("deadline of %.1f s passed on %s %s", seconds, scope["method"],
                               scope["path"])
            await errors.problem(
                503, "Database unavailable",
                f"No answer from the database within {seconds:g} s; retry later.",
            )(scope, receive, send)


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings: Settings = app.state.settings
    conn = connection_for(settings)
    app.state.conn = conn
    # Fail-fast options: a down Neo4j is a 503 within 2 s, not a hang.
    app.state.driver = open_async_driver(conn, API_DRIVER_OPTIONS)
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
        # /docs and /redoc are api/docs.py's: their assets come from the app, not a CDN
        docs_url=None, redoc_url=None,
        # No redirect from /search/ to /search: Starlette builds the Location from the
        # request's Host header, which a client chooses (Host: evil.example).
        redirect_slashes=False,
    )
    app.state.settings = settings or get_settings()
    errors.install(app)


    @app.get("/health", response_model=Health, tags=["meta"])
    async def health(driver: Driver, database: Database) -> Health:
        """Whether Neo4j answers, its version and the graph's size."""
        from mergegraph.graph.queries import health_counts

        try:
            info, counts = await health_counts(driver, database)
        except Exception as exc:
            if not is_unavailable(exc):
                raise
            # what failed (address, errno, bookmarks) is for the log, not for clients
            errors.log.warning("health: Neo4j unavailable: %s", type(exc).__name__)
            return errors.problem(503, "Database unavailable", "Neo4j cannot be reached right now.",
                                  status_text="unavailable", neo4j_reachable=False)
        return Health(status="ok", neo4j_reachable=True, neo4j_version=info["version"],
                      neo4j_edition=info["edition"], counts=counts)

    app.include_router(sources_router)  # sources, their text, timelines (before reads)
    app.include_router(reads)
    cache.install(app, reads.routes, exclude={"/export"})  # api/cache.py
    app.include_router(writes)
    app.include_router(ui_router)  # the web UI at /
    app.include_router(docs_router)  # /docs, /redoc
    app.include_router(guide_router)  # /guide: a Neo4j Browser guide (:play <url>)

    # Middleware added last runs first: the deadline is outermost, so that nothing
    # (the cache's version read included) waits on Neo4j past it.
    settings = app.state.settings
    app.add_middleware(BodyLimit, max_bytes=MAX_BODY_BYTES)
    app.add_middleware(Deadline, reads=settings.request_deadline, writes=settings.write_deadline)

    def openapi() -> dict:
        if app.openapi_schema is None:
            app.openapi_schema = errors.describe_errors(
                get_openapi(title=app.title, version=app.version, summary=app.summary,
                            description=app.description, routes=app.routes),
                reads_require_token=app.state.settings.reads_require_token)
        return app.openapi_schema

    app.openapi = openapi
    return app
