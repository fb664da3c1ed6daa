"""The project's error hierarchy. The graph and ingest layers raise these; the
API maps them to HTTP statuses in one place (api/errors.py) and the CLI prints
their message and exits non-zero. None of them carries a stack trace to users."""

from __future__ import annotations


class MergegraphError(Exception):
    """Base class: `str(err)` is a sentence a user can act on."""


class NotFound(MergegraphError):
    """An id that names nothing in the graph."""


class BadInput(MergegraphError):
    """A request, document or manifest line that cannot be used as it is."""


class Conflict(MergegraphError):
    """A write that would overwrite another record: a dataset's id, a url that
    another document holds, a retracted document posted again."""


class Unauthorized(MergegraphError):
    """A request without the credentials it needs."""


class Forbidden(MergegraphError):
    """A request that is not allowed at all (writes with no token configured)."""


class Unavailable(MergegraphError):
    """Neo4j cannot be reached, or refused us."""


class AuthenticationFailed(Unavailable):
    """Neo4j answered, but refused the configured credentials."""


class LocalNeo4jError(MergegraphError):
    """The project's own Neo4j could not be fetched, started or stopped."""
