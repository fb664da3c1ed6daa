"""The polite fetcher and the archive against a local site (no database)."""

from __future__ import annotations

import json
import socket
import time

import pytest

from mergegraph.ingest.manifest import Document, Skipped
from mergegraph.ingest.web import (Archive, FetchConfig, Fetcher, WebReport,
                                   fetch_documents, read_url_list, url_item)
from tests.web.site import ARTICLES, Route, article_html

FAST = FetchConfig(delay=0, backoff=0, timeout=5, max_retry_after=2)


def fetch(site, archive, *paths, config=FAST, **kw):
    report = WebReport()
    with Fetcher(config) as fetcher:
        items = fetch_documents([url_item(site.url(p)) for p in paths], archive=archive,
                                fetcher=fetcher, report=report, **kw)
    return items, report


def reasons(items):
    return {s.origin.rsplit("/", 1)[-1]: s.reason for s in items if isinstance(s, Skipped)}


def test_pages_sitemap_and_feed_become_documents_with_metadata(site, tmp_path):
    archive = Archive(tmp_path / "archive")
    items, report = fetch(site, archive, "/sitemap.xml", "/rss.xml")
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.meta.url for d in docs] == [site.url(p) for p, *_ in ARTICLES]
    assert report.feeds == {site.url("/sitemap.xml"): 3, site.url("/rss.xml"): 2}
    by_path = {d.meta.url.rsplit("/", 1)[1]: d.meta for d in docs}
    # og:site_name / article:published_time, and JSON-LD on the Sơn La page
    assert by_path["dak-nong.html"].publisher == "Báo Đắk Nông"
    assert by_path["dak-nong.html"].date == "2019-10-09"
    assert by_path["son-la.html"].publisher == "Báo Sơn La"
    assert by_path["son-la.html"].date == "2021-03-01"
    assert by_path["son-la.html"].title == "Kết quả bước đầu thực hiện mô hình kiêm nhiệm chức danh"
    # the publisher's province from its name (the domain, 127.0.0.1, names none)
    assert by_path["son-la.html"].province_hint == "Sơn La"
    assert by_path["dam-ha.html"].province_hint == "Quảng Ninh"  # huyện Đầm Hà
    # raw bytes archived by hash, a fetch record per request
    for d in docs:
        assert d.path.read_bytes() == site.routes[d.meta.url.split(site.base)[1]].body
        assert d.path.parent.parent.name == "sha256"
    records = [json.loads(line) for line in archive.log.read_text().splitlines()]
    assert {r["url"] for r in records} >= {d.meta.url for d in docs}
    page = next(r for r in records if r["url"] == docs[0].meta.url)
    assert page["status"] == 200 and page["content_type"].startswith("text/html")
    assert page["sha256"] == docs[0].path.parent.name + docs[0].path.name
    assert page["final_url"] == docs[0].meta.url and page["fetched_at"].endswith("+00:00")
    assert "mergegraph/" in site.request_headers["/tin/son-la.html"][0]["User-Agent"]


def test_bad_urls_each_get_a_reason_and_the_others_go_on(site, tmp_path):
    site.page("/file.pdf", b"%PDF-1.4\n" + bytes(range(256)) * 40, "application/pdf")
    site.page("/huge.html", "<html><body><p>" + "Huyện ủy hợp nhất. " * 400_000 + "</p></body></html>")
    site.page("/endless.html", b"<html><body>" + b"<p>x</p>" * 1_000_000, Connection="close")
    site.routes["/moved"] = Route(301, b"", {"Location": "/tin/son-la.html"})
    site.routes["/loop-a"] = Route(302, b"", {"Location": "/loop-b"})
    site.routes["/loop-b"] = Route(302, b"", {"Location": "/loop-a"})
    site.page("/lie.html", article_html(*ARTICLES[3][1:]).encode("utf-8"),
              "text/html; charset=iso-8859-1")
    site.page("/cp1258.html", article_html(*ARTICLES[3][1:]).replace(
        'charset="utf-8"', 'charset="windows-1258"'), "text/html; charset=utf-16")
    site.page("/menu.html", "<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>")
    items, _ = fetch(site, Archive(tmp_path / "a"), "/file.pdf", "/huge.html", "/endless.html", "/moved",
                     "/loop-a", "/nope.html", "/private/secret.html", "/lie.html",
                     "/cp1258.html", "/menu.html", "/tin/ha-tinh.html")
    why = reasons(items)
    assert why["file.pdf"].startswith("not an HTML page (content type application/pdf")
    assert why["huge.html"].endswith("bytes announced, the limit is 5242880)")
    assert why["endless.html"].startswith("too large (over 5242880 bytes)")  # counted
    assert "redirect loop" in why["loop-a"]
    assert why["nope.html"] == "HTTP 404 Not Found"
    assert why["secret.html"].startswith("disallowed by") and "robots.txt" in why["secret.html"]
    assert why["lie.html"].startswith("encoding lie: the server says iso-8859-1")
    assert "utf-16" in why["cp1258.html"]
    assert "without article text" in why["menu.html"]
    docs = [i for i in items if isinstance(i, Document)]
    # the redirect is followed (the final URL is kept), the last page is read
    assert [d.meta.url for d in docs] == [site.url("/tin/son-la.html"), site.url("/tin/ha-tinh.html")]
    assert site.hits["/private/secret.html"] == 0  # robots.txt is asked first, and obeyed


def test_429_then_200_waits_for_retry_after(site, tmp_path):
    page = site.routes["/tin/son-la.html"]
    site.routes["/busy.html"] = [Route(429, b"slow down", {"Retry-After": "1"}),
                                 Route(503, b"", {}), page]
    t0 = time.monotonic()
    items, _ = fetch(site, Archive(tmp_path / "a"), "/busy.html")
    assert isinstance(items[0], Document), items
    assert site.hits["/busy.html"] == 3
    assert time.monotonic() - t0 >= 1.0  # Retry-After honoured


def test_retries_give_up_with_the_last_status(site, tmp_path):
    site.routes["/down.html"] = Route(503, b"", {"Retry-After": "3600"})  # capped at 2 s
    t0 = time.monotonic()
    items, _ = fetch(site, Archive(tmp_path / "a"), "/down.html",
                     config=FetchConfig(delay=0, backoff=0, retries=1, max_retry_after=0.2))
    assert reasons(items)["down.html"] == "HTTP 503 Service Unavailable after 2 attempts"
    assert site.hits["/down.html"] == 2 and time.monotonic() - t0 < 5


def test_unreachable_host(tmp_path):
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with Fetcher(FetchConfig(delay=0, backoff=0, retries=1, timeout=2)) as fetcher:
        items = fetch_documents([url_item(f"http://127.0.0.1:{port}/x.html")],
                                archive=Archive(tmp_path / "a"), fetcher=fetcher)
    assert items[0].reason.startswith("unreachable (ConnectError")


def test_delay_between_requests_to_one_host(site, tmp_path):
    t0 = time.monotonic()
    fetch(site, Archive(tmp_path / "a"), "/tin/son-la.html", "/tin/ha-tinh.html",
          config=FetchConfig(delay=0.4, backoff=0))
    # robots.txt, then two pages: two waits of 0.4 s
    assert time.monotonic() - t0 >= 0.8


def test_conditional_refetch_and_offline(site, tmp_path):
    archive = Archive(tmp_path / "a")
    site.routes["/tin/son-la.html"].headers.update(ETag='"v1"', **{
        "Last-Modified": "Mon, 01 Mar 2021 00:00:00 GMT"})
    first, _ = fetch(site, archive, "/tin/son-la.html")
    assert isinstance(first[0], Document)
    # the graph has it: a 304 is not re-extracted
    again, report = fetch(site, archive, "/tin/son-la.html", known=lambda doc: True)
    assert again == [] and report.unchanged == [site.url("/tin/son-la.html")]
    assert report.not_modified == 1
    sent = site.request_headers["/tin/son-la.html"][-1]
    assert sent["If-None-Match"] == '"v1"'
    assert sent["If-Modified-Since"] == "Mon, 01 Mar 2021 00:00:00 GMT"
    # the graph lacks it (e.g. retracted): the archived copy is extracted again
    back, _ = fetch(site, archive, "/tin/son-la.html", known=lambda doc: False)
    assert back[0].text == first[0].text and back[0].meta == first[0].meta
    # offline: from the archive, nothing fetched; an unknown URL is a clear skip
    hits = sum(site.hits.values())
    with_offline = fetch_documents([url_item(site.url("/tin/son-la.html")),
                                    url_item(site.url("/tin/never.html"))],
                                   archive=archive, offline=True)
    assert sum(site.hits.values()) == hits
    assert with_offline[0].text == first[0].text
    assert "not in the archive" in with_offline[1].reason


def test_changed_page_is_a_new_copy(site, tmp_path):
    archive = Archive(tmp_path / "a")
    first, _ = fetch(site, archive, "/tin/son-la.html")
    site.page("/tin/son-la.html", article_html(*ARTICLES[4][1:]))
    second, _ = fetch(site, archive, "/tin/son-la.html", known=lambda doc: True)
    assert second[0].meta.doc == first[0].meta.doc and second[0].text != first[0].text
    assert first[0].path.exists() and second[0].path != first[0].path  # both copies kept


def test_url_list_with_overrides_and_bad_lines(site, tmp_path):
    lst = tmp_path / "urls.txt"
    lst.write_text("# a comment\n\n" + site.url("/tin/son-la.html") + "\n"
                   + json.dumps({"url": site.url("/tin/ha-tinh.html"), "doc": "ht-1", "path": "x.html",
                                 "publisher": "Báo Nghệ An", "province_hint": "Hà Tĩnh"}) + "\n"
                   "ftp://example.org/x\n{\"url\": 3}\n{broken\n", encoding="utf-8")
    entries = list(read_url_list(lst))
    bad = [e for e in entries if isinstance(e, Skipped)]
    assert [b.origin.rsplit(":", 1)[1] for b in bad] == ["5", "6", "7"]
    with Fetcher(FAST) as fetcher:
        items = fetch_documents(entries, archive=Archive(tmp_path / "a"), fetcher=fetcher)
    docs = [i for i in items if isinstance(i, Document)]
    assert docs[1].meta.doc == "ht-1" and docs[1].meta.publisher == "Báo Nghệ An"
    assert docs[1].meta.province_hint == "Hà Tĩnh"  # the list overrides the page and the table
    assert docs[1].meta.date == "2016-08-19"        # what the list does not say, the page does


def test_archive_blobs_are_content_addressed_and_written_once(tmp_path):
    archive = Archive(tmp_path)
    sha = archive.store(b"abc")
    assert archive.blob_path(sha).relative_to(tmp_path).parts == ("sha256", sha[:2], sha[2:])
    mtime = archive.blob_path(sha).stat().st_mtime_ns
    assert archive.store(b"abc") == sha and archive.blob_path(sha).stat().st_mtime_ns == mtime
    assert archive.load(sha) == b"abc"
    archive.log.write_text('{"url": "http://x/", "sha256": "%s"}\n{"url": "http://y/", "sha' % sha)
    assert list(archive.latest()) == ["http://x/"]  # a torn last line is ignored


@pytest.mark.parametrize("header, expected", [("120", 120.0), ("junk", None), (None, None)])
def test_retry_after_parsing(header, expected):
    from mergegraph.ingest.web.fetch import _retry_after
    assert _retry_after(header) == expected


def test_robots_txt_behind_a_redirect_and_its_crawl_delay(site, tmp_path):
    site.routes["/robots.txt"] = Route(301, b"", {"Location": "/real-robots.txt"})
    site.page("/real-robots.txt", "User-agent: mergegraph\nDisallow: /tin/ha-tinh\n"
              "Crawl-delay: 1\n", "text/plain")
    t0 = time.monotonic()
    items, _ = fetch(site, Archive(tmp_path / "a"), "/tin/son-la.html", "/tin/ha-tinh.html",
                     "/tin/dak-nong.html")
    assert time.monotonic() - t0 >= 2.0  # robots, son-la, dak-nong: two waits of 1 s
    assert "disallowed" in reasons(items)["ha-tinh.html"]
    assert site.hits["/tin/ha-tinh.html"] == 0
    assert len([i for i in items if isinstance(i, Document)]) == 2
