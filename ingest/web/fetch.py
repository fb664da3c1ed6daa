"""Fetching pages politely, and keeping what was fetched.

`Fetcher` is the one HTTP client of mergegraph (httpx): it honours robots.txt
(RFC 9309: a missing robots.txt allows everything, an unreachable one forbids
everything; its Crawl-delay counts, up to the cap), waits `delay` seconds between two requests to one host and sends
one request at a time per host, says who it is (User-Agent), gives up after a
timeout, retries 429 and 5xx with exponential backoff (a `Retry-After` is
honoured up to a cap), refuses a body over the size limit (read as a stream,
never more than the limit plus a chunk) and follows at most `max_redirects`
redirects, refusing a loop. A failure is a `FetchError` with a reason a person
can read.

`Archive` keeps the raw bytes content-addressed (`<dir>/sha256/ab/cdef...`,
written atomically, never overwritten) and one JSON line per fetch in
`<dir>/fetches.jsonl` (url, final url, status, time, content type, hash, size,
ETag, Last-Modified, or the error): the copy a citation points at.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import json
import os
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from mergegraph import __version__ as _VERSION
from mergegraph.ingest.extract.documents import MAX_BYTES

ROBOTS_AGENT = "mergegraph"
USER_AGENT = (f"mergegraph/{_VERSION} (+https://github.com/mergegraph; archives Vietnamese "
              "local news as cited sources; one request at a time per host)")
ROBOTS_TTL = 24 * 3600.0
RETRY_STATUS = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A page that could not be fetched, and why (for the per-URL summary)."""

    def __init__(self, url: str, reason: str, status: int | None = None,
                 final_url: str | None = None):
        self.url, self.reason, self.status, self.final_url = url, reason, status, final_url
        super().__init__(f"{url}: {reason}")


@dataclass(frozen=True)
class FetchConfig:
    user_agent: str = USER_AGENT
    delay: float = 1.0              # seconds between two requests to one host
    timeout: float = 20.0           # connect / read / write / pool, seconds
    retries: int = 3                # further attempts after a 429, a 5xx or a network error
    backoff: float = 1.0            # first wait; doubled at each retry
    max_retry_after: float = 60.0   # cap on a server's Retry-After (and on any wait)
    max_bytes: int = MAX_BYTES
    max_redirects: int = 5


@dataclass
class Response:
    url: str                        # as asked
    final_url: str                  # after redirects
    status: int                     # 200, or 304 when the validators matched
    headers: httpx.Headers
    body: bytes = b""
    fetched_at: str = ""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()

    @property
    def charset(self) -> str | None:
        for part in self.headers.get("content-type", "").split(";")[1:]:
            name, _, value = part.partition("=")
            if name.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'").lower()
        return None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    return max(0.0, (when - dt.datetime.now(dt.timezone.utc)).total_seconds())


class Fetcher:
    """A polite HTTP client (see the module's description). Thread-safe."""

    def __init__(self, config: FetchConfig | None = None, transport: httpx.BaseTransport | None = None,
                 host_allowed: Callable[[str], bool] | None = None):
        self.config = config or FetchConfig()
        self._host_allowed = host_allowed  # checked at every hop (redirects too)
        self._client = httpx.Client(
            headers={"User-Agent": self.config.user_agent,
                     "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
                     "Accept-Language": "vi,en;q=0.5"},
            timeout=httpx.Timeout(self.config.timeout), follow_redirects=False,
            transport=transport)
        self._robots: dict[str, RobotFileParser | FetchError] = {}
        self._robots_at: dict[str, float] = {}
        self._crawl_delay: dict[str, float] = {}   # host -> robots.txt's Crawl-delay
        self._host_locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- politeness -------------------------------------------------------------

    def _host_lock(self, host: str) -> threading.Lock:
        with self._lock:
            return self._host_locks.setdefault(host, threading.Lock())

    def _send(self, url: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes]:
        """One request, the host's turn waited for; the body read up to the limit."""
        host = urlsplit(url).netloc.lower()
        with self._host_lock(host):
            delay = max(self.config.delay, min(self._crawl_delay.get(host, 0.0),
                                               self.config.max_retry_after))
            wait = self._last.get(host, -1e9) + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                with self._client.stream("GET", url, headers=headers) as resp:
                    length = resp.headers.get("content-length", "")
                    if resp.status_code == 200 and length.isdigit() and int(length) > self.config.max_bytes:
                        raise FetchError(url, f"too large ({int(length)} bytes announced, "
                                              f"the limit is {self.config.max_bytes})", 200)
                    body = bytearray()
                    if resp.status_code == 200:
                        for chunk in resp.iter_bytes():
                            body.extend(chunk)
                            if len(body) > self.config.max_bytes:
                                raise FetchError(url, f"too large (over {self.config.max_bytes} "
                                                      "bytes)", 200)
                    return resp, bytes(body)
            finally:
                self._last[host] = time.monotonic()

    def _robots_for(self, url: str) -> RobotFileParser | FetchError:
        """The site's rules, or why the site cannot be fetched at all."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin in self._robots and time.monotonic() - self._robots_at[origin] > ROBOTS_TTL:
            del self._robots[origin]  # a long-running server reads it again daily
        if origin not in self._robots:
            parser = RobotFileParser()
            try:
                resp, body = self._attempts(origin + "/robots.txt", {})
                for _ in range(5):  # RFC 9309: follow at least five redirects
                    location = resp.headers.get("location")
                    if resp.status_code not in (301, 302, 303, 307, 308) or not location:
                        break
                    resp, body = self._attempts(urljoin(str(resp.url), location), {})
                if resp.status_code == 200:
                    parser.parse(body.decode("utf-8", "replace").splitlines())
                    crawl_delay = parser.crawl_delay(ROBOTS_AGENT)
                    if crawl_delay:
                        self._crawl_delay[parts.netloc.lower()] = float(crawl_delay)
                elif resp.status_code >= 500:  # RFC 9309: unreachable, assume all disallowed
                    parser = FetchError(url, f"{origin}/robots.txt answers HTTP "
                                        f"{resp.status_code}: the site is off limits for now")
                else:                      # 3xx not followed, 4xx: no rules
                    parser.allow_all = True
            except FetchError as err:
                if "too large" in err.reason:
                    parser.allow_all = True
                else:
                    parser = FetchError(url, err.reason)
            self._robots[origin] = parser
            self._robots_at[origin] = time.monotonic()
        return self._robots[origin]

    def allowed(self, url: str) -> bool:
        """Whether robots.txt allows `url` (FetchError when the site is unreachable)."""
        rules = self._robots_for(url)
        if isinstance(rules, FetchError):
            raise FetchError(url, rules.reason)
        return rules.can_fetch(ROBOTS_AGENT, url)

    # --- requests ---------------------------------------------------------------

    def _attempts(self, url: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes]:
        """A request retried on 429, 5xx and network errors, with backoff."""
        cfg = self.config
        for attempt in range(cfg.retries + 1):
            last = attempt == cfg.retries
            try:
                resp, body = self._send(url, headers)
            except httpx.TimeoutException:
                if last:
                    raise FetchError(url, f"timed out (after {cfg.retries + 1} attempts, "
                                          f"{cfg.timeout:g} s each)") from None
                wait = None
            except httpx.TransportError as err:
                if last:
                    raise FetchError(url, f"unreachable ({type(err).__name__}: {err or 'no answer'})"
                                     ) from None
                wait = None
            else:
                if resp.status_code not in RETRY_STATUS or last:
                    return resp, body
                wait = _retry_after(resp.headers.get("retry-after"))
            if wait is None:
                wait = cfg.backoff * (2 ** attempt)
            time.sleep(min(wait, cfg.max_retry_after))
        raise AssertionError("unreachable")

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """The page at `url` (status 200, or 304 when the validators still hold);
        FetchError otherwise."""
        headers: dict[str, str] = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        seen = [url]
        current = url
        while True:
            parts = urlsplit(current)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise FetchError(url, f"not an http(s) address: {current!r}", final_url=current)
            if self._host_allowed is not None and not self._host_allowed(parts.hostname):
                raise FetchError(url, f"host {parts.hostname} is not in MERGEGRAPH_FETCH_ALLOW",
                                 final_url=current)
            if not self.allowed(current):
                raise FetchError(url, f"disallowed by {parts.scheme}://{parts.netloc}/robots.txt",
                                 final_url=current)
            resp, body = self._attempts(current, headers)
            status = resp.status_code
            if status in (301, 302, 303, 307, 308):
                location = resp.headers.get("location")
                if not location:
                    raise FetchError(url, f"redirect ({status}) without a Location", status, current)
                target = urljoin(current, location)
                if target in seen:
                    raise FetchError(url, "redirect loop: " + " -> ".join(seen + [target]),
                                     status, current)
                if len(seen) > self.config.max_redirects:
                    raise FetchError(url, f"more than {self.config.max_redirects} redirects",
                                     status, current)
                seen.append(target)
                current = target
                continue
            if status in (200, 304):
                return Response(url, current, status, resp.headers, body, _now())
            reason = resp.reason_phrase or httpx.codes.get_reason_phrase(status)
            extra = f" after {self.config.retries + 1} attempts" if status in RETRY_STATUS else ""
            raise FetchError(url, f"HTTP {status} {reason}{extra}", status, current)


# --- the archive ------------------------------------------------------------------


@dataclass
class FetchRecord:
    url: str
    fetched_at: str
    status: int | None = None
    final_url: str | None = None
    content_type: str | None = None
    sha256: str | None = None
    size: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    doc: str | None = None
    error: str | None = None
    extra: dict = field(default_factory=dict)

    def to_json(self) -> str:
        data = {k: v for k, v in asdict(self).items() if v not in (None, {})}
        return json.dumps(data, ensure_ascii=False, sort_keys=True)


class Archive:
    """Raw bytes by their SHA-256, and the log of fetches (see the module)."""

    def __init__(self, root: str | os.PathLike):
        self.root = Path(root)
        self.log = self.root / "fetches.jsonl"
        self._lock = threading.Lock()

    def blob_path(self, sha256: str) -> Path:
        return self.root / "sha256" / sha256[:2] / sha256[2:]

    def store(self, body: bytes) -> str:
        sha = hashlib.sha256(body).hexdigest()
        path = self.blob_path(sha)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
            with open(tmp, "wb") as fh:
                fh.write(body)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        return sha

    def load(self, sha256: str) -> bytes:
        return self.blob_path(sha256).read_bytes()

    def append(self, record: FetchRecord) -> None:
        with self._lock:
            self.root.mkdir(parents=True, exist_ok=True)
            with open(self.log, "a", encoding="utf-8") as fh:
                fh.write(record.to_json() + "\n")
                fh.flush()
                os.fsync(fh.fileno())

    def latest(self) -> dict[str, dict]:
        """The last fetch of each URL that kept a page (a hash), by URL asked."""
        out: dict[str, dict] = {}
        if not self.log.exists():
            return out
        with open(self.log, encoding="utf-8") as fh:
            for line in fh:
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError:
                    continue  # a torn last line after a crash
                if isinstance(rec, dict) and rec.get("sha256") and rec.get("url") \
                        and self.blob_path(rec["sha256"]).exists():
                    out[rec["url"]] = rec
        return out
