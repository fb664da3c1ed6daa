"""POST /documents {"url": ...}: the same fetch and pipeline as the CLI (real Neo4j)."""

from __future__ import annotations

import time

from fastapi.testclient import TestClient
from pydantic import SecretStr

from mergegraph.api.app import create_app
from mergegraph.ingest.web import doc_id
from tests.web.site import Route

TOKEN = "test-token-web-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def app_client(settings, tmp_path, **update):
    values = {"api_token": SecretStr(TOKEN), "archive_dir": tmp_path / "archive",
              "fetch_delay": 0.0, "fetch_allow": "127.0.0.1", **update}
    return TestClient(create_app(settings.model_copy(update=values)))


def is_problem(res, status):
    return res.status_code == status and res.headers["content-type"].startswith(
        "application/problem+json")


def test_post_a_url_fetches_archives_and_loads_it(db, conn, settings, site, tmp_path):
    url = site.url("/tin/son-la.html")
    with app_client(settings, tmp_path) as client:
        assert is_problem(client.post("/documents", json={"url": url}), 401)  # token required
        res = client.post("/documents", json={"url": url}, headers=AUTH)
        assert res.status_code == 201, res.text
        body = res.json()
        assert body["doc"] == doc_id(url) and body["written"]["new"] == 1
        assert any(f["type"] == "concurrency" for f in body["facts"])
        source = client.get(f"/sources/{body['doc']}").json()["source"]
        assert source["publisher"] == "Báo Sơn La" and source["province_hint"] == "Sơn La"
        # the same page under another id: a 409 naming the document that holds its url
        # (issue 18: a document never silently replaces another)
        res = client.post("/documents", json={"url": url, "doc": "sl-1", "publisher": "Báo X"},
                          headers=AUTH)
        assert is_problem(res, 409) and body["doc"] in res.json()["detail"], res.text
        # the same page again under its own id, with an override of the page's publisher
        res = client.post("/documents", json={"url": url, "doc": body["doc"],
                                              "publisher": "Báo X"}, headers=AUTH)
        assert res.status_code == 201 and res.json()["doc"] == body["doc"], res.text
        # bad URLs: a clear 422 each, nothing written
        for path, reason in [("/nope.html", "HTTP 404"), ("/private/secret.html", "robots.txt")]:
            res = client.post("/documents", json={"url": site.url(path)}, headers=AUTH)
            assert is_problem(res, 422) and reason in res.json()["detail"], res.text
        res = client.post("/documents", json={"url": site.url("/sitemap.xml")}, headers=AUTH)
        assert is_problem(res, 422) and "sitemap or feed" in res.json()["detail"]
        res = client.post("/documents", json={"url": "ftp://127.0.0.1/x"}, headers=AUTH)
        assert is_problem(res, 422)
        assert is_problem(client.post("/documents", json={"doc": "x"}, headers=AUTH), 422)
        assert is_problem(client.post("/documents", json={"text": "abc"}, headers=AUTH), 422)
    recs, _, _ = db.execute_query("MATCH (s:Source) RETURN count(s) AS n", database_=conn.database)
    assert recs[0]["n"] == 1  # the 409 wrote nothing


def test_hosts_not_allowed_are_refused(db, settings, site, tmp_path):
    with app_client(settings, tmp_path, fetch_allow="") as client:
        res = client.post("/documents", json={"url": site.url("/tin/son-la.html")}, headers=AUTH)
        assert is_problem(res, 403) and "MERGEGRAPH_FETCH_ALLOW" in res.json()["detail"]
    site.routes["/away"] = Route(302, b"", {"Location": "http://localhost:9/inside"})
    with app_client(settings, tmp_path, fetch_allow="127.0.0.1") as client:
        res = client.post("/documents", json={"url": site.url("/away")}, headers=AUTH)
        assert is_problem(res, 422) and "localhost is not in MERGEGRAPH_FETCH_ALLOW" in res.text
    assert sum(n for p, n in site.hits.items() if p == "/inside") == 0


def test_a_slow_fetch_answers_202_and_is_written_later(db, conn, settings, site, tmp_path):
    page = site.routes["/tin/ha-tinh.html"]
    site.routes["/slow.html"] = [Route(503, b"", {"Retry-After": "2"}), page]
    with app_client(settings, tmp_path, fetch_wait=0.3) as client:
        res = client.post("/documents", json={"url": site.url("/slow.html")}, headers=AUTH)
        assert res.status_code == 202, res.text
        doc = res.json()["doc"]
        assert res.json()["poll"] == f"/sources/{doc}"
        assert client.get(f"/sources/{doc}").status_code == 404
        for _ in range(100):
            if client.get(f"/sources/{doc}").status_code == 200:
                break
            time.sleep(0.1)
        assert client.get(f"/sources/{doc}").json()["source"]["publisher"] == "Báo Hà Tĩnh"
