"""Ingest from the web: a list of URLs becomes archived, cited documents.

    items = fetch_documents(read_url_list(path), archive=Archive(dir), fetcher=Fetcher())
    ingest(driver, database, items)          # as for files with a manifest

Each URL is fetched politely (`fetch.Fetcher`), its bytes kept in the archive
with a fetch record (`fetch.Archive`), its text and metadata read (`page`), the
publisher's province inferred (`publishers`), and it becomes a `Document` like
any other (ingest.manifest): the same pipeline extracts and loads it. A sitemap
or an RSS / Atom feed stands for the pages it lists. A URL that fails is a
`Skipped` with its reason; the others go on.

Re-fetching sends the last ETag / Last-Modified; a page that did not change
(304, or the same bytes) is not re-extracted when the graph already has it.
`offline=True` reads the archive only.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator
from urllib.parse import urljoin, urlsplit

from mergegraph.ingest.extract.documents import DocumentError, DocumentMeta
from mergegraph.ingest.manifest import Document, Skipped, check_date
from mergegraph.ingest.web.fetch import Archive, FetchConfig, Fetcher, FetchError, FetchRecord
from mergegraph.ingest.web.fetch import _now as now
from mergegraph.ingest.web.page import FEED_TYPES, HTML_TYPES, article_text, decode, page_meta
from mergegraph.ingest.extract.publishers import infer_province_hint

__all__ = ["Archive", "FetchConfig", "Fetcher", "FetchError", "UrlItem", "WebReport",
           "doc_id", "fetch_documents", "iter_documents", "read_url_list", "url_item", "infer_province_hint"]

MAX_FEED_PAGES = 5000      # pages one sitemap or feed may list
MAX_FEED_DEPTH = 2         # a sitemap index of sitemaps, no deeper


@dataclass(frozen=True)
class UrlItem:
    """A URL to ingest, and what is known of it already (overrides the page's own)."""
    url: str
    meta: DocumentMeta = DocumentMeta()
    origin: str = ""


@dataclass
class WebReport:
    fetched: int = 0                                     # pages fetched (200)
    not_modified: int = 0                                # 304 answers
    from_archive: int = 0                                # pages read from the archive
    unchanged: list[str] = field(default_factory=list)   # URLs not re-extracted
    feeds: dict[str, int] = field(default_factory=dict)  # sitemap / feed URL -> pages listed

    def lines(self) -> list[str]:
        out = [f"Web: {self.fetched} fetched, {self.not_modified} not modified (304), "
               f"{self.from_archive} read from the archive, {len(self.unchanged)} unchanged "
               "(not re-extracted)."]
        out += [f"listed {n} page(s): {url}" for url, n in self.feeds.items()]
        out += [f"unchanged: {url}" for url in self.unchanged]
        return out


def _check_url(url: str) -> str:
    url = url.strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) URL: {url!r}")
    return url


def url_item(url: str, origin: str = "", **known) -> UrlItem:
    """A URL and optional known metadata (doc, publisher, date, province_hint,
    title); ValueError when something is malformed."""
    url = _check_url(url)
    bad = set(known) - {"doc", "publisher", "date", "province_hint", "title"}
    if bad:
        raise ValueError(f"unknown field(s) {', '.join(sorted(bad))}")
    for name, value in known.items():
        if value is not None and not isinstance(value, str):
            raise ValueError(f"{name!r} must be a string")
    known = {k: (v.strip() or None) if isinstance(v, str) else None for k, v in known.items()}
    known["date"] = check_date(known.get("date"))
    return UrlItem(url, DocumentMeta(url=url, **known), origin or url)


def read_url_list(path: str | Path) -> Iterator[UrlItem | Skipped]:
    """A file of URLs, one a line (blank lines and # comments ignored); a line
    may also be a JSON object {"url": ..., "doc"?, "publisher"?, "date"?,
    "province_hint"?, "title"?} whose fields override what the page says (so a
    manifest with urls serves as it is; its `path` is ignored)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        yield Skipped(str(path), f"cannot read the list of URLs: {err}")
        return
    for number, line in enumerate(lines, 1):
        line = line.strip()
        origin = f"{path}:{number}"
        if not line or line.startswith("#"):
            continue
        try:
            if line.startswith("{"):
                entry = json.loads(line)
                if not isinstance(entry, dict) or not isinstance(entry.get("url"), str):
                    raise ValueError("a JSON line needs a \"url\"")
                url = entry.pop("url")
                entry.pop("path", None)  # a manifest's line: its page is fetched instead
                yield url_item(url, origin, **entry)
            else:
                yield url_item(line, origin)
        except json.JSONDecodeError as err:
            yield Skipped(origin, f"bad line: not JSON ({err.msg})")
        except ValueError as err:
            yield Skipped(origin, f"bad line: {err}")


def doc_id(url: str) -> str:
    """A stable document id for a URL: its host and a hash of the whole URL."""
    host = urlsplit(url).hostname or "web"
    return f"{host}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:16]}"


def _charset(content_type: str | None) -> str | None:
    for part in (content_type or "").split(";")[1:]:
        name, _, value = part.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'").lower()
    return None


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";")[0].strip().lower()


_FEED_START = re.compile(rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:urlset|sitemapindex|rss|feed|rdf:RDF)\b",
                         re.S)


def _is_feed(content_type: str | None, body: bytes) -> bool:
    media = _media_type(content_type)
    return bool(_FEED_START.match(body[:4096])) and (media in FEED_TYPES or media.endswith("+xml")
                                                     or media in ("", "text/plain"))


def _feed_urls(body: bytes, base: str) -> tuple[list[str], bool]:
    """The page URLs of a sitemap / RSS / Atom document, and whether they are
    further sitemaps (a sitemap index)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             recover=True)
    root = etree.fromstring(body, parser)
    if root is None:
        raise ValueError("not a readable XML document")
    tag = etree.QName(root).localname
    urls: list[str] = []
    if tag in ("urlset", "sitemapindex"):
        for loc in root.iter("{*}loc"):
            if loc.text and loc.text.strip():
                urls.append(loc.text.strip())
    elif tag in ("rss", "RDF"):
        for item in root.iter("{*}item"):
            link = item.find("{*}link")
            if link is not None and link.text and link.text.strip():
                urls.append(link.text.strip())
    elif tag == "feed":
        for entry in root.iter("{*}entry"):
            links = entry.findall("{*}link")
            best = [l for l in links if l.get("rel", "alternate") == "alternate" and l.get("href")]
            if best:
                urls.append(best[0].get("href").strip())
    return [urljoin(base, u) for u in urls][:MAX_FEED_PAGES], tag == "sitemapindex"


def _document(item: UrlItem, html_bytes: bytes, record: dict, archive: Archive) -> Document:
    """A fetched (or archived) page as a Document; DocumentError when unreadable."""
    final_url = record.get("final_url") or item.url
    html = decode(html_bytes, _charset(record.get("content_type")), item.url)
    text = article_text(html, item.url)
    found = page_meta(html, final_url)
    known = item.meta
    publisher = known.publisher or found.publisher
    meta = DocumentMeta(
        doc=known.doc or doc_id(item.url), url=final_url, publisher=publisher,
        date=known.date or found.date,
        province_hint=known.province_hint or infer_province_hint(final_url, publisher),
        title=known.title or found.title)
    return Document(meta, path=archive.blob_path(record["sha256"]), text=text,
                    origin=item.origin or item.url)


def fetch_documents(items: Iterable[UrlItem | Skipped], *, archive: Archive,
                    fetcher: Fetcher | None = None, offline: bool = False,
                    known: Callable[[str], bool] | None = None,
                    report: WebReport | None = None) -> list[Document | Skipped]:
    """Fetch (or, offline, read back) each URL: Documents to ingest, and a
    Skipped for each URL that failed. `known(doc)` says whether the graph has
    a document already: an unchanged page it has is not re-extracted."""
    return list(iter_documents(items, archive=archive, fetcher=fetcher, offline=offline,
                               known=known, report=report))


def iter_documents(items: Iterable[UrlItem | Skipped], *, archive: Archive,
                   fetcher: Fetcher | None = None, offline: bool = False,
                   known: Callable[[str], bool] | None = None,
                   report: WebReport | None = None) -> Iterator[Document | Skipped]:
    """As `fetch_documents`, one URL at a time: ingest() writes the first pages
    of a long sitemap while the next are fetched."""
    if fetcher is None and not offline:
        raise ValueError("fetch_documents needs a Fetcher unless offline")
    report = report if report is not None else WebReport()
    latest = archive.latest()
    queue: list[tuple[UrlItem, int]] = []
    for entry in items:
        if isinstance(entry, Skipped):
            yield entry
        else:
            queue.append((entry, 0))
    seen: set[str] = set()
    while queue:
        item, depth = queue.pop(0)
        if item.url in seen:
            continue
        seen.add(item.url)
        out: list[Document | Skipped] = []
        listed: list[str] = []
        try:
            listed = _one(item, depth, archive, fetcher, offline, known, report, latest, out)
        except FetchError as err:
            archive.append(FetchRecord(item.url, now(), err.status, err.final_url, error=err.reason))
            out.append(Skipped(item.origin or item.url, err.reason))
        except DocumentError as err:
            out.append(Skipped(item.origin or item.url, err.reason))
        except OSError:
            raise  # the archive cannot be written: stop, rather than lose copies
        except Exception as err:  # a hostile page never stops the others
            out.append(Skipped(item.origin or item.url,
                               f"cannot be read ({type(err).__name__}: {err})"[:300]))
        yield from out
        # the pages of a sitemap or feed come next, in its order
        queue[0:0] = [(url_item(u, f"{item.url} -> {u}"), depth + 1) for u in listed]


def is_url(text: str) -> bool:
    """Whether a command-line argument is a web address (not a file)."""
    return bool(re.match(r"^https?://", text.strip(), re.I))


def fetch_config(settings) -> FetchConfig:
    return FetchConfig(delay=settings.fetch_delay)


def host_filter(allow: str | None) -> Callable[[str], bool] | None:
    """MERGEGRAPH_FETCH_ALLOW as a test of host names: "*" any host, else a comma
    list of hosts ("baosonla.vn") or domains (".gov.vn"); None when empty."""
    patterns = [p.strip().lower() for p in (allow or "").split(",") if p.strip()]
    if not patterns:
        return None
    if "*" in patterns:
        return lambda host: True
    return lambda host: any(host.lower() == p or (p.startswith(".") and host.lower().endswith(p))
                            for p in patterns)


@lru_cache(maxsize=4)
def _api_fetcher(delay: float, allow: str) -> Fetcher:
    """One fetcher for all of the API's requests: its per-host turn and delay
    hold across concurrent requests. Short retries: a client is waiting."""
    config = FetchConfig(delay=delay, retries=1, timeout=10, max_retry_after=5)
    return Fetcher(config, host_allowed=host_filter(allow))


def document_for_url(item: UrlItem, settings) -> Document:
    """One page fetched for `POST /documents` (BadInput when it cannot be; a
    sitemap or feed is refused: the API takes one document)."""
    from mergegraph.errors import BadInput, Forbidden

    allowed = host_filter(settings.fetch_allow)
    if allowed is None:
        raise Forbidden("the API fetches no URLs: set MERGEGRAPH_FETCH_ALLOW (hosts, or *) "
                        "to allow it, or send the text")
    report = WebReport()
    items = fetch_documents([item], archive=Archive(settings.archive),
                            fetcher=_api_fetcher(settings.fetch_delay, settings.fetch_allow),
                            report=report)
    if report.feeds:
        raise BadInput(f"{item.url}: a sitemap or feed ({sum(report.feeds.values())} pages): "
                       "use `mergegraph ingest --urls` for several documents")
    (result,) = items
    if isinstance(result, Skipped):
        raise BadInput(f"{item.url}: {result.reason}")
    return result


def web_items(settings, driver, database: str, urls: list[str], url_file: Path | None,
              offline: bool = False, province_hint: str | None = None,
              ) -> tuple[Iterator[Document | Skipped], WebReport]:
    """What `mergegraph ingest URL... / --urls FILE [--offline]` ingests: the
    Documents of the pages (fetched, or read back from the archive) and a
    Skipped for each URL that failed, as they come; and the report of the
    fetches, complete once they are consumed."""
    from mergegraph.graph.facts import known_sources

    entries: list[UrlItem | Skipped] = []
    for url in urls:
        try:
            entries.append(url_item(url, province_hint=province_hint))
        except ValueError as err:
            entries.append(Skipped(url, str(err)))
    if url_file is not None:
        for entry in read_url_list(url_file):
            if isinstance(entry, UrlItem) and province_hint and not entry.meta.province_hint:
                entry = UrlItem(entry.url, replace(entry.meta, province_hint=province_hint),
                                entry.origin)
            entries.append(entry)
    report = WebReport()
    archive = Archive(settings.archive)

    def known(doc: str) -> bool:
        return bool(known_sources(driver, database, [doc]))

    def documents() -> Iterator[Document | Skipped]:
        if offline:
            yield from iter_documents(entries, archive=archive, offline=True, report=report)
            return
        with Fetcher(fetch_config(settings)) as fetcher:
            yield from iter_documents(entries, archive=archive, fetcher=fetcher, known=known,
                                      report=report)

    return documents(), report


def _one(item: UrlItem, depth: int, archive: Archive, fetcher: Fetcher | None, offline: bool,
         known: Callable[[str], bool] | None, report: WebReport, latest: dict[str, dict],
         out: list) -> list[str]:
    """Handle one URL; returns the URLs it lists when it is a sitemap or feed."""
    previous = latest.get(item.url)
    if offline:
        if previous is None:
            raise DocumentError(item.url, "not in the archive (fetch it once without --offline)")
        body, record, changed = archive.load(previous["sha256"]), previous, True
        report.from_archive += 1
    else:
        resp = fetcher.get(item.url, *(previous.get("etag"), previous.get("last_modified"))
                           if previous else (None, None))
        if resp.status == 304 and previous:
            record = dict(previous, status=304, fetched_at=resp.fetched_at)
            archive.append(FetchRecord(item.url, resp.fetched_at, 304, resp.final_url,
                                       previous.get("content_type"), previous["sha256"],
                                       previous.get("size"), previous.get("etag"),
                                       previous.get("last_modified")))
            body, changed = archive.load(previous["sha256"]), False
            report.not_modified += 1
        elif resp.status == 304:
            raise FetchError(item.url, "HTTP 304 to an unconditional request", 304, resp.final_url)
        else:
            content_type = resp.headers.get("content-type")
            is_feed = _is_feed(content_type, resp.body)
            media = _media_type(content_type)
            if not is_feed and media not in HTML_TYPES and not (
                    media in ("", "text/plain") and re.match(rb"^\s*(?:<!doctype\s+html|<html)",
                                                             resp.body[:512], re.I)):
                raise FetchError(item.url, f"not an HTML page (content type "
                                 f"{media or 'not given'}, {len(resp.body)} bytes)",
                                 resp.status, resp.final_url)
            sha = archive.store(resp.body)
            record = {"url": item.url, "final_url": resp.final_url, "status": resp.status,
                      "content_type": content_type, "sha256": sha, "size": len(resp.body),
                      "etag": resp.headers.get("etag"),
                      "last_modified": resp.headers.get("last-modified")}
            changed = not previous or previous.get("sha256") != sha
            body = resp.body
            report.fetched += 1
            doc = None if is_feed else (item.meta.doc or doc_id(item.url))
            archive.append(FetchRecord(item.url, resp.fetched_at, resp.status, resp.final_url,
                                       content_type, sha, len(body), record["etag"],
                                       record["last_modified"], doc))
    if _is_feed(record.get("content_type"), body):
        if depth >= MAX_FEED_DEPTH:
            raise DocumentError(item.url, f"a sitemap or feed nested deeper than {MAX_FEED_DEPTH}")
        try:
            urls, _ = _feed_urls(body, record.get("final_url") or item.url)
        except Exception as err:
            raise DocumentError(item.url, f"unreadable sitemap or feed ({err})") from None
        good = []
        for u in urls:
            try:
                good.append(_check_url(u))
            except ValueError as err:
                out.append(Skipped(item.url, f"sitemap or feed lists a bad address: {err}"))
        report.feeds[item.url] = len(good)
        return good
    doc = item.meta.doc or doc_id(item.url)
    if not changed and not offline and known is not None and known(doc):
        report.unchanged.append(item.url)
        return []
    out.append(_document(item, body, record, archive))
    return []
