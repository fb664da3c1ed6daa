"""Errors as application/problem+json (RFC 9457), mapped in this one place."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from neo4j import exceptions as neo4j_errors
from starlette.exceptions import HTTPException as StarletteHTTPException

from mergegraph.graph.driver import is_unavailable
from mergegraph.errors import (
    BadInput, Conflict, Forbidden, MergegraphError, NotFound, Unauthorized, Unavailable)

log = logging.getLogger("mergegraph.api")
PROBLEM = "application/problem+json"
def problem(status: int, title: str, detail: str | None = None, **extra) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    body.update(extra)
    headers = {"Retry-After": "5"} if status == 503 else None
    if status == 401:
        headers = {"WWW-Authenticate": "Bearer"}
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers)


_STATUS = {NotFound: (404, "Not found"), BadInput: (422, "Bad input"),
           Conflict: (409, "Conflict"),
           Unauthorized: (401, "Unauthorized"), Forbidden: (403, "Forbidden"),
           Unavailable: (503, "Database unavailable")}


def install(app: FastAPI) -> None:
    @app.exception_handler(MergegraphError)
    async def _ours(request: Request, exc: MergegraphError):
        for cls, (status, title) in _STATUS.items():
            if isinstance(exc, cls):
                return problem(status, title, str(exc))
        log.exception("unexpected error on %s", request.url.path)
        return problem(500, "Internal error")

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError):
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()
        ]
        return problem(422, "Bad parameter", "The request's parameters are not valid.",
                       errors=errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException):
        return problem(exc.status_code, str(exc.detail) if exc.detail else "Error")

    # Every driver error (GqlError is the base of Neo4jError and DriverError)
    # and socket-level failures are classified here, inside the app, so that
    # an unavailable Neo4j is a 503 and only a real bug is a 500.
    @app.exception_handler(neo4j_errors.GqlError)
    @app.exception_handler(OSError)
    @app.exception_handler(TimeoutError)
    async def _driver(request: Request, exc: Exception):
        if is_unavailable(exc):
            log.warning("Neo4j unavailable on %s: %s", request.url.path, type(exc).__name__)
            return problem(503, "Database unavailable", "Neo4j cannot be reached right now.")
        log.error("unexpected database error on %s", request.url.path, exc_info=exc)
        return problem(500, "Internal error", "An unexpected error occurred; it was logged.")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        log.exception("unexpected error on %s", request.url.path)
        return problem(500, "Internal error", "An unexpected error occurred; it was logged.")
