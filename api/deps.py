"""Dependencies: the driver, the database, and access control.

They are `async def` though they never wait: FastAPI runs a plain `def`
dependency in its thread pool, a thread hop each, on every request (0.2-0.5 ms
of CPU per lineage request, measured: BENCHMARKS.md)."""

from __future__ import annotations

import hmac
from typing import Annotated

import neo4j
from fastapi import Depends, Path, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from mergegraph.errors import Forbidden, Unauthorized


async def get_driver(request: Request) -> neo4j.AsyncDriver:
    return request.app.state.driver


async def get_database(request: Request) -> str:
    return request.app.state.conn.database


Driver = Annotated[neo4j.AsyncDriver, Depends(get_driver)]
Database = Annotated[str, Depends(get_database)]

bearer = HTTPBearer(auto_error=False, description="MERGEGRAPH_API_TOKEN")


def _token_matches(request: Request, credentials: HTTPAuthorizationCredentials | None) -> bool:
    configured = request.app.state.settings.api_token
    if configured is None or credentials is None:
        return False
    # constant time, whatever the length or content of the guess
    return hmac.compare_digest(credentials.credentials.encode("utf-8"),
                               configured.get_secret_value().encode("utf-8"))


async def require_write(request: Request, credentials: Annotated[
        HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Writes need the configured bearer token; with no token configured they are off."""
    if request.app.state.settings.api_token is None:
        raise Forbidden("writes are disabled: no MERGEGRAPH_API_TOKEN is configured")
    if not _token_matches(request, credentials):
        raise Unauthorized("a valid bearer token is required to write")


async def require_read(request: Request, credentials: Annotated[
        HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """Reads are open unless MERGEGRAPH_READS_REQUIRE_TOKEN is set."""
    if request.app.state.settings.reads_require_token and not _token_matches(request, credentials):
        raise Unauthorized("a valid bearer token is required")


def example_id(summary: str, value: str):
    """A path id with an example that exists in the bundled data (Swagger UI pre-fills it)."""
    return Annotated[str, Path(min_length=1, max_length=300,
                               openapi_examples={"bundled": {"summary": summary, "value": value}})]
