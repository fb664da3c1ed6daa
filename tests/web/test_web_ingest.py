"""URLs into the graph (real Neo4j), by the library and by `mergegraph ingest`."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import tests.support.fingerprint as fp
from mergegraph.ingest.load import ingest
from mergegraph.ingest.load_units import load_units
from mergegraph.ingest.manifest import read_manifest
from mergegraph.ingest.web import Archive, FetchConfig, Fetcher, fetch_documents, url_item
from tests.support.helpers import wipe
from tests.web.site import ARTICLES, article_html, write_files

CLI = [sys.executable, "-m", "mergegraph.cli"]


def fingerprint(driver, database, monkeypatch):
    # a Source's `path` is where its copy is: the archive's blob, or the file
    monkeypatch.setattr(fp, "VOLATILE", fp.VOLATILE | {"path"})
    return fp.fingerprint(driver, database)


def sources(db, conn):
    recs, _, _ = db.execute_query("MATCH (s:Source) RETURN s ORDER BY s.id", database_=conn.database)
    return [{k: v for k, v in dict(r["s"]).items() if k not in ("path", "recorded_at")}
            for r in recs]


def count(db, conn, query, **params):
    recs, _, _ = db.execute_query(query, params, database_=conn.database)
    return recs[0][0]


def test_graph_from_urls_equals_graph_from_the_same_pages_as_files(db, conn, site, tmp_path,
                                                                   monkeypatch):
    load_units(db, conn.database)
    with Fetcher(FetchConfig(delay=0, backoff=0)) as fetcher:
        items = fetch_documents([url_item(site.url("/sitemap.xml")), url_item(site.url("/rss.xml"))],
                                archive=Archive(tmp_path / "archive"), fetcher=fetcher)
    report = ingest(db, conn.database, items)
    assert report.ok and report.read == 5 and report.writes.documents_new == 5
    from_web = fingerprint(db, conn.database, monkeypatch)
    web_sources = sources(db, conn)
    assert from_web.relationships.get("MERGED_INTO", 0) > 0
    # the statements cite the pages by their url (no file path is stored on a Source)
    assert count(db, conn, "MATCH (e:Evidence)-[:CITES]->(s:Source) WHERE s.url STARTS WITH "
                 f"'{site.url('/')}' AND s.path IS NULL RETURN count(e)") > 0

    wipe(db, conn.database)
    load_units(db, conn.database)
    manifest = write_files(tmp_path / "files", site)
    report = ingest(db, conn.database, read_manifest(manifest))
    assert report.ok and report.read == 5
    from_files = fingerprint(db, conn.database, monkeypatch)
    assert sources(db, conn) == web_sources
    assert from_files.nodes == from_web.nodes
    assert from_files.relationships == from_web.relationships
    assert from_files.checksum == from_web.checksum


def test_a_page_without_a_hint_gets_its_province_from_the_publisher(db, conn, site, tmp_path):
    with Fetcher(FetchConfig(delay=0, backoff=0)) as fetcher:
        items = fetch_documents([url_item(site.url("/tin/son-la.html"))],
                                archive=Archive(tmp_path / "a"), fetcher=fetcher)
    ingest(db, conn.database, items)
    assert count(db, conn, "MATCH (s:Source) RETURN s.province_hint") == "Sơn La"
    assert count(db, conn, "MATCH (s:Source) RETURN s.publisher") == "Báo Sơn La"
    assert count(db, conn, "MATCH (s:Source) RETURN s.date") == "2021-03-01"


def run_cli(args, env):
    return subprocess.run(CLI + args, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def web_env(cli_env, tmp_path):
    return dict(cli_env, MERGEGRAPH_ARCHIVE_DIR=str(tmp_path / "archive"),
                MERGEGRAPH_FETCH_DELAY="0")


def test_cli_ingests_urls_reports_each_bad_one_and_refetches_conditionally(db, conn, site,
                                                                          web_env, tmp_path):
    site.routes["/tin/son-la.html"].headers["ETag"] = '"v1"'
    site.page("/file.pdf", b"%PDF-1.4\n\x00\x01binary", "application/pdf")
    urls = tmp_path / "urls.txt"
    urls.write_text("\n".join([site.url("/sitemap.xml"), site.url("/tin/son-la.html"),
                               site.url("/nope.html"), site.url("/file.pdf"),
                               site.url("/private/secret.html")]) + "\n", encoding="utf-8")
    res = run_cli(["ingest", "--urls", str(urls)], web_env)
    assert res.returncode == 2, res.stderr          # three URLs were skipped
    assert "4 new" in res.stdout and "3 skipped" in res.stdout, res.stdout
    assert f"{urls}:3: HTTP 404 Not Found" in res.stderr
    assert f"{urls}:4: not an HTML page (content type application/pdf" in res.stderr
    assert f"{urls}:5: disallowed by" in res.stderr
    assert count(db, conn, "MATCH (s:Source) RETURN count(s)") == 4
    records = [json.loads(line) for line in (tmp_path / "archive" / "fetches.jsonl").open()]
    assert {r.get("status") for r in records} >= {200, 404}

    # again: the ETag page answers 304, the others the same bytes: nothing re-extracted
    res = run_cli(["ingest", site.url("/tin/son-la.html"), site.url("/tin/dam-ha.html")], web_env)
    assert res.returncode == 0, res.stderr
    assert "1 not modified (304)" in res.stderr and "2 unchanged (not re-extracted)" in res.stderr
    assert "Documents: 0 read" in res.stdout

    # a changed page is a changed document: its claims replaced
    site.page("/tin/dam-ha.html", article_html(*ARTICLES[2][1:]))
    res = run_cli(["ingest", site.url("/tin/dam-ha.html")], web_env)
    assert res.returncode == 0, res.stderr
    assert "1 replaced" in res.stdout

    # offline: from the archive only, even with the site gone
    site.stop()
    res = run_cli(["ingest", "--offline", "--urls", str(urls)], web_env)
    assert res.returncode == 2, res.stderr
    assert "4 unchanged" in res.stdout, res.stdout  # same text as in the graph
    assert "not in the archive" in res.stderr
    assert count(db, conn, "MATCH (s:Source) RETURN count(s)") == 4


def test_cli_refuses_mixed_input(web_env, tmp_path):
    res = run_cli(["ingest", "http://127.0.0.1:9/x", "--manifest", str(tmp_path / "m.jsonl")],
                  web_env)
    assert res.returncode == 1 and "give one of" in res.stderr
