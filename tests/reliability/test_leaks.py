"""What the server must not give away, and urls that must not become links
(issue 18, items 5 and 6; the `ps` check of the Neo4j password is
tests/test_neo4j_local.py::test_a_password_beginning_with_a_dash_is_set_and_works).

- `/sources/{id}` never shows where a document's file lay on the server (and the
  graph no longer stores it).
- `/health` when Neo4j is unreachable: 503 problem+json without the Bolt address,
  errno or bookmarks.
- `Host: evil.example` on `/search/` is not redirected to evil.example (no slash
  redirects at all).
- A document `url` is http(s) or refused: `javascript:` is a 422 in the API and a
  skipped document in `mergegraph ingest`, and nothing is stored.
"""

from __future__ import annotations

import socket
import subprocess

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from mergegraph.api.app import create_app
from tests.support.fingerprint import fingerprint
from mergegraph.settings import PROJECT_ROOT, Settings
from tests.reliability.conftest import MERGEGRAPH, SEEDS, TOKEN, is_problem

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(scope="module")
def client(settings):
    with TestClient(create_app(settings.model_copy(
            update={"api_token": SecretStr(TOKEN)}))) as c:
        yield c


def test_sources_never_show_server_paths(loaded, driver, conn, client):
    recs, _, _ = driver.execute_query(
        "MATCH (s:Source {kind: 'article'}) RETURN s.id AS id, s.path AS path",
        database_=conn.database)
    assert recs  # the bundled corpus, ingested from its files
    assert all(r["path"] is None for r in recs), "a server path is stored in the graph"
    for rec in recs:
        res = client.get(f"/sources/{rec['id']}")
        assert res.status_code == 200, res.text
        assert "path" not in res.json()["source"]
        assert str(PROJECT_ROOT) not in res.text and "/corpus/" not in res.text


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_health_503_says_nothing_of_the_connection():
    port = _closed_port()
    settings = Settings(NEO4J_URI=f"bolt://127.0.0.1:{port}", NEO4J_PASSWORD="unused-password-1")
    with TestClient(create_app(settings)) as client:
        res = client.get("/health")
    assert is_problem(res, 503) and res.headers.get("retry-after"), res.text
    body = res.text.lower()
    for leak in ("127.0.0.1", str(port), "errno", "bookmark", "bolt", "refused", "unused-password"):
        assert leak not in body, (leak, res.text)


def test_no_redirect_to_the_host_a_client_chose(client):
    res = client.get("/search/", params={"q": "dam ha"}, headers={"Host": "evil.example"},
                     follow_redirects=False)
    assert "evil.example" not in res.headers.get("location", "")
    assert not 300 <= res.status_code < 400, res.headers
    assert is_problem(res, 404)
    # the route itself answers whatever the Host
    assert client.get("/search", params={"q": "dam ha"},
                      headers={"Host": "evil.example"}).status_code == 200


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)",
                                 " javascript:alert(1)", "data:text/html,<script>1</script>",
                                 "vbscript:msgbox", "//evil.example/x", "https://a b"])
def test_a_url_that_is_not_http_is_refused_by_the_api(loaded, driver, conn, client, url):
    res = client.post("/documents", headers=AUTH, json={
        "doc": "js-url", "url": url, "text": "Huyện Quỳnh Nhai thực hiện Trưởng ban Dân vận "
        "Huyện ủy đồng thời là Chủ tịch Ủy ban MTTQ huyện.", "province_hint": "Sơn La"})
    assert is_problem(res, 422), res.text
    assert is_problem(client.get("/sources/js-url"), 404)
    assert fingerprint(driver, conn.database) == loaded


def test_a_url_that_is_not_http_is_refused_by_ingest(db, conn, cli_env, tmp_path):
    seed = sorted(SEEDS.glob("*.txt"))[0]
    (tmp_path / "a.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    manifest = tmp_path / "m.jsonl"
    manifest.write_text('{"doc": "js", "path": "a.txt", "url": "javascript:alert(1)"}\n'
                        '{"doc": "ok", "path": "a.txt", "url": "https://example.org/a"}\n',
                        encoding="utf-8")
    res = subprocess.run([str(MERGEGRAPH), "ingest", "--manifest", str(manifest)], env=cli_env,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 2, res.stderr
    assert "m.jsonl:1" in res.stderr and "http(s)" in res.stderr
    recs, _, _ = db.execute_query("MATCH (s:Source) RETURN s.id AS id, s.url AS url",
                                  database_=conn.database)
    assert [r.data() for r in recs] == [{"id": "ok", "url": "https://example.org/a"}]
