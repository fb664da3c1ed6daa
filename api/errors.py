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
RETRY_AFTER_S = 5


def problem(status: int, title: str, detail: str | None = None, *,
            headers: dict[str, str] | None = None, **extra) -> JSONResponse:
    body = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    body.update(extra)
    headers = dict(headers or {})  # e.g. Allow of a 405
    if status == 503:
        headers["Retry-After"] = str(RETRY_AFTER_S)
    if status == 401:
        headers["WWW-Authenticate"] = "Bearer"
    return JSONResponse(body, status_code=status, media_type=PROBLEM, headers=headers or None)


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
        return problem(exc.status_code, str(exc.detail) if exc.detail else "Error",
                       headers=getattr(exc, "headers", None))

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


# --- what the OpenAPI document says of errors ---------------------------------------

_DESCRIPTIONS = {
    400: "The body is not JSON",
    401: "Missing or wrong bearer token",
    403: "Writes are off: no MERGEGRAPH_API_TOKEN is configured",
    404: "No such id",
    409: "Conflict: a dataset's id, a url another document holds, or a retracted document",
    413: "Request body over 4 MB",
    422: "A parameter or the body is not valid",
    503: "Neo4j is unreachable or did not answer in time; retry after Retry-After seconds",
}


def describe_errors(schema: dict, reads_require_token: bool) -> dict:
    """Make the generated OpenAPI document say what the server does: the security of
    each operation (writes always, reads only when closed), every error status it
    can answer, all as application/problem+json, and Retry-After on 503."""
    from mergegraph.api.models import Problem

    components = schema.setdefault("components", {})
    components.setdefault("schemas", {})["Problem"] = Problem.model_json_schema()
    for name in ("HTTPValidationError", "ValidationError"):
        components["schemas"].pop(name, None)
    ref = {"$ref": "#/components/schemas/Problem"}
    bearer = [{name: []} for name in components.get("securitySchemes", {})]
    for path, operations in schema.get("paths", {}).items():
        for method, op in operations.items():
            write = method in ("post", "put", "patch", "delete")
            statuses = {503}
            if write or reads_require_token:
                op["security"] = bearer
                statuses.add(401)
            else:
                op.pop("security", None)
            if write:
                statuses |= {403, 409}
            if op.get("parameters") or op.get("requestBody"):
                statuses.add(422)
            if op.get("requestBody"):
                statuses |= {400, 413}
            # ids in the path; units named in a query (compare, a 2025 province's patterns)
            if "{" in path or path in ("/compare", "/patterns/concurrency"):
                statuses.add(404)
            responses = op.setdefault("responses", {})
            for status in statuses:
                responses.setdefault(str(status), {"description": _DESCRIPTIONS[status]})
            for status, response in responses.items():
                if not status.isdigit() or int(status) < 400:
                    continue
                response["content"] = {PROBLEM: {"schema": ref}}
                if status == "503":
                    response["headers"] = {"Retry-After": {
                        "description": "Seconds to wait before retrying",
                        "schema": {"type": "string"}}}
                if status == "401":
                    response["headers"] = {"WWW-Authenticate": {"schema": {"type": "string"}}}
    return schema
