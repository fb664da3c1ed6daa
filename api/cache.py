"""Read answers cached by graph version: ETag, 304 and an in-process LRU.

The graph changes only when something is written, and every write bumps the
graph's version in its own transaction (graph/version.py). A read answer is a
function of (version, today's date, path, query string), so:

- a 200 read answer carries `ETag: W/"<n>-<hash>"`, a hash of the version
  token, the date (some answers say where a unit is "today") and the request
  (path + the query string with its parameters sorted by name);
  `Cache-Control: no-cache` lets any cache store it but makes it revalidate
  every time (`private, no-cache` when reads need a token);
- `If-None-Match` with the current ETag gets `304` without running the read's
  queries;
- an in-process LRU (bounded by entries and bytes; an answer larger than
  1/16 of the budget is never stored) keyed by the same tuple answers repeated
  reads without running their queries (`X-Cache: hit`; `miss` when it ran them).

How a worker knows the current version: it reads it, per request, in one tiny
query, and requests that arrive while such a read is in flight share the next
one (`VersionReader`): every request uses a version read that STARTED AFTER
the request arrived, so it sees every write committed before the request came
in, whichever worker or process wrote it. There is no time window of staleness;
under load one round trip serves a whole queue of requests. An answer is
labelled with the version read before its query ran: it can be newer than its
label (a write committed in between), never older, and the write's bump
retires that label at once.

`MERGEGRAPH_CACHE_VERSION_MAX_AGE_MS=N` (default 0, off) trades that for fewer
reads: a worker reuses a version read that started at most N ms ago, so a
write through another worker may go unseen for up to N ms (a worker always
sees its own writes: every write request through it expires its version).

Only GET requests on the read routes handed to `install` are cached (never
writes, /health or /export); only 200 answers are stored; errors never. With
`MERGEGRAPH_CACHE=off` the middleware is not installed at all (the bench's
uncached figure).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import logging
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Iterable
from urllib.parse import parse_qsl, urlencode

from fastapi import FastAPI
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mergegraph.api import errors
from mergegraph.graph.driver import is_unavailable
from mergegraph.graph.version import read_version

log = logging.getLogger("mergegraph.api.cache")

ENTRY_OVERHEAD = 256  # bytes counted per entry besides its body and key


@dataclass(frozen=True)
class Entry:
    headers: tuple[tuple[bytes, bytes], ...]
    body: bytes
    size: int


class AnswerCache:
    """An LRU of answers, bounded by number of entries and by bytes."""

    def __init__(self, max_entries: int, max_bytes: int) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_bytes // 16
        self.bytes = 0
        self.hits = self.misses = self.evictions = 0
        self._items: OrderedDict[tuple, Entry] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: tuple) -> Entry | None:
        entry = self._items.get(key)
        if entry is None:
            self.misses += 1
            return None
        self._items.move_to_end(key)
        self.hits += 1
        return entry

    def put(self, key: tuple, headers: Iterable[tuple[bytes, bytes]], body: bytes) -> bool:
        size = len(body) + sum(len(k) + len(v) for k, v in headers) \
            + sum(len(str(part)) for part in key) + ENTRY_OVERHEAD
        if size > self.max_entry_bytes or self.max_entries < 1:
            return False
        old = self._items.pop(key, None)
        if old is not None:
            self.bytes -= old.size
        self._items[key] = Entry(tuple(headers), body, size)
        self.bytes += size
        while len(self._items) > self.max_entries or self.bytes > self.max_bytes:
            _, evicted = self._items.popitem(last=False)
            self.bytes -= evicted.size
            self.evictions += 1
        return True

    def stats(self) -> dict:
        return {"entries": len(self._items), "bytes": self.bytes, "hits": self.hits,
                "misses": self.misses, "evictions": self.evictions}


class VersionReader:
    """The graph version as of a moment after the caller arrived, one read shared
    by every caller that arrived before that read started.

    With `max_age` > 0 (seconds; MERGEGRAPH_CACHE_VERSION_MAX_AGE_MS, default 0)
    a version read that started at most `max_age` ago is reused: fewer reads,
    but a write through ANOTHER worker can go unseen for up to `max_age`.
    `expire()` (called after every write request through this worker) makes the
    next caller read again, so a worker always sees its own writes."""

    def __init__(self, read: Callable, max_age: float = 0.0) -> None:
        self._read = read            # async () -> token | None
        self.max_age = max_age
        self._arrivals = 0
        self._inflight: asyncio.Future | None = None
        self._inflight_covers = 0    # arrivals counted when the in-flight read started
        self._fresh: tuple[float, object] | None = None  # (started, value) of the last read
        self._expired_at = float("-inf")
        self.reads = 0

    async def current(self):
        if self.max_age > 0 and self._fresh is not None:
            started, value = self._fresh
            if started > self._expired_at and time.monotonic() - started <= self.max_age:
                return value
        self._arrivals += 1
        me = self._arrivals
        while True:
            fut = self._inflight
            if fut is None or fut.done():
                fut = self._start()
            if self._inflight_covers >= me:
                return await asyncio.shield(fut)
            # a read that started before this request arrived: let it finish, then
            # start (or join) the next one
            try:
                await asyncio.shield(fut)
            except Exception:
                pass

    def expire(self) -> None:
        self._fresh = None
        self._expired_at = time.monotonic()

    def _start(self) -> asyncio.Future:
        self._inflight_covers = self._arrivals
        self.reads += 1
        started = time.monotonic()
        fut = asyncio.ensure_future(self._read())

        def done(f: asyncio.Future) -> None:
            if self._inflight is f:
                self._inflight = None
            if not f.cancelled() and f.exception() is None:
                self._fresh = (started, f.result())

        self._inflight = fut
        fut.add_done_callback(done)
        return fut


def normalised_query(query_string: bytes) -> str:
    pairs = parse_qsl(query_string.decode("latin-1"), keep_blank_values=True)
    return urlencode(sorted(pairs, key=lambda kv: kv[0]))  # stable: list order kept


def _matches(if_none_match: bytes, etag: str) -> bool:
    wanted = etag.removeprefix("W/")
    for tag in if_none_match.decode("latin-1").split(","):
        if tag.strip().removeprefix("W/") == wanted:
            return True
    return False


class CacheMiddleware:
    """Pure ASGI: answers cacheable GETs from the version, the ETag and the LRU."""

    def __init__(self, app: ASGIApp, *, cacheable: Callable[[str], bool], cache: AnswerCache,
                 private: bool, token: Callable[[], bytes | None],
                 max_age: float = 0.0) -> None:
        self.app = app
        self.max_age = max_age
        self.cacheable = cacheable
        self.cache = cache
        self.private = private
        self.token = token
        self.cache_control = b"private, no-cache" if private else b"no-cache"
        self.versions: VersionReader | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" \
                or not self.cacheable(scope["path"]):
            try:
                await self.app(scope, receive, send)
            finally:
                if self.versions is not None and scope["type"] == "http" \
                        and scope["method"] not in ("GET", "HEAD", "OPTIONS"):
                    self.versions.expire()  # a write through this worker: read again
            return
        headers = dict(scope["headers"])
        if self.private and not self._authorised(headers.get(b"authorization")):
            await self.app(scope, receive, send)  # the app answers 401
            return
        state = scope["app"].state
        if self.versions is None:
            database = state.conn.database
            self.versions = VersionReader(lambda: read_version(state.driver, database),
                                          max_age=self.max_age)
        try:
            version = await self.versions.current()
        except Exception as exc:
            if not is_unavailable(exc):
                raise
            await errors.problem(503, "Database unavailable",
                                 "Neo4j cannot be reached right now.")(scope, receive, send)
            return
        if version is None:  # a graph no write of ours has touched: nothing to key on
            await self.app(scope, receive, send)
            return
        key = (version, dt.date.today().isoformat(),
               dt.datetime.now(dt.timezone.utc).date().isoformat(),
               scope["path"], normalised_query(scope.get("query_string", b"")))
        digest = hashlib.blake2b("\x00".join(key).encode("utf-8"), digest_size=12).hexdigest()
        etag = f'W/"{version.split(".", 1)[0]}-{digest}"'
        validators = ((b"etag", etag.encode("latin-1")), (b"cache-control", self.cache_control))

        inm = headers.get(b"if-none-match")
        if inm is not None and _matches(inm, etag):
            await send({"type": "http.response.start", "status": 304,
                        "headers": list(validators)})
            await send({"type": "http.response.body", "body": b""})
            return
        entry = self.cache.get(key)
        if entry is not None:
            await send({"type": "http.response.start", "status": 200,
                        "headers": [*entry.headers, *validators, (b"x-cache", b"hit")]})
            await send({"type": "http.response.body", "body": entry.body})
            return
        await self._miss(scope, receive, send, key, validators)

    async def _miss(self, scope, receive, send, key, validators) -> None:
        status = 0
        kept: list[tuple[bytes, bytes]] = []
        chunks: list[bytes] = []

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                if status == 200:
                    kept.extend((k, v) for k, v in message.get("headers", [])
                                if k.lower() not in (b"etag", b"cache-control", b"x-cache"))
                    message = dict(message, headers=[*kept, *validators, (b"x-cache", b"miss")])
            elif message["type"] == "http.response.body" and status == 200:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    self.cache.put(key, kept, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def _authorised(self, authorization: bytes | None) -> bool:
        configured = self.token()
        if configured is None or authorization is None:
            return False
        scheme, _, credentials = authorization.partition(b" ")
        if scheme.lower() != b"bearer":
            return False
        return hmac.compare_digest(credentials.strip(), configured)


def install(app: FastAPI, routes: Iterable[BaseRoute], exclude: Iterable[str] = ()) -> None:
    """Cache the GET answers of these routes (but those whose path is excluded)."""
    settings = app.state.settings
    if not settings.cache:
        return
    excluded = set(exclude)
    patterns = [route.path_regex for route in routes
                if getattr(route, "path", None) not in excluded
                and "GET" in (getattr(route, "methods", None) or ())]

    def cacheable(path: str) -> bool:
        return any(p.match(path) is not None for p in patterns)

    def token() -> bytes | None:
        secret = settings.api_token
        return None if secret is None else secret.get_secret_value().encode("utf-8")

    cache = AnswerCache(settings.cache_max_entries, settings.cache_max_mb * 2**20)
    app.state.answer_cache = cache
    app.add_middleware(CacheMiddleware, cacheable=cacheable, cache=cache,
                       private=settings.reads_require_token, token=token,
                       max_age=settings.cache_version_max_age_ms / 1000)
