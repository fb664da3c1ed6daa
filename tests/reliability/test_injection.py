"""Hostile strings in every string parameter and in document text: Cypher
fragments, quotes, backslashes, NUL, 100 KB. No 5xx, errors in problem+json,
and no effect on the graph (queries take parameters only; labels and
relationship types come from allow-lists)."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from mergegraph.api.app import create_app
from tests.support.fingerprint import fingerprint
from tests.reliability.conftest import TOKEN, is_problem, record

PAYLOADS = [
    "' OR 1=1 //",
    "\" OR true RETURN n //",
    "x'}) MATCH (n) DETACH DELETE n //",
    "x\"}) MATCH (n) DETACH DELETE n //",
    "`) DETACH DELETE n //",
    "1 UNION MATCH (n) DETACH DELETE n RETURN 1",
    "$param}) CALL apoc.periodic.iterate('MATCH (n) RETURN n','DETACH DELETE n',{})",
    "*) OR n:Body SET n.name = 'hacked' //",
    "name_folded:* OR *:*",
    "\\\\'\\\"\\u0027\\",
    "dam\x00ha",
    "\x00",
    "%00' --",
    "x" * 100_000,
    "đ" * 100_000,
]
# httpx refuses a URL component over 64 KiB (and uvicorn a request line over
# 16 KiB, with a 400): in URLs the long strings are as long as a URL can be.
URL_PAYLOADS = PAYLOADS[:-2] + ["x" * 60_000, "đ" * 10_000]
STRING_PARAMS = [  # (path template, query parameter or None for the path segment)
    ("/search", "q"), ("/search", "province"), ("/search", "kind"),
    ("/units/{}", None), ("/units/{}/lineage", None), ("/units/200/lineage", "direction"),
    ("/units/200/lineage", "as_of"),
    ("/bodies/{}", None), ("/bodies/{}/lineage", None),
    ("/bodies/body:legacy:200:ban-to-chuc+noi-vu/lineage", "direction"),
    ("/positions/{}", None), ("/people/{}", None),
    ("/patterns/concurrency", "province"), ("/patterns/concurrency", "level"),
    ("/patterns/concurrency", "status"), ("/patterns/concurrency/matrix", "level"),
    ("/compare", "units"), ("/sources/{}", None), ("/facts/{}/evidence", None),
    ("/export", "format"),
]
DOCUMENT_FIELDS = ["doc", "text", "url", "publisher", "date", "province_hint", "title"]


@pytest.fixture(scope="module")
def client(settings):
    app = create_app(settings.model_copy(update={"api_token": SecretStr(TOKEN)}))
    with TestClient(app, raise_server_exceptions=False,
                    headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        yield c


def test_hostile_strings_in_every_parameter_change_nothing(loaded, client, driver, conn):
    requests = 0
    statuses: dict[int, int] = {}
    for path, param in STRING_PARAMS:
        for payload in URL_PAYLOADS:
            if param is None:
                url, params = path.format(quote(payload, safe="")), {}
            else:
                url, params = path, {param: payload}
            res = client.get(url, params=params)
            requests += 1
            statuses[res.status_code] = statuses.get(res.status_code, 0) + 1
            assert res.status_code < 500, (url, param, payload[:40], res.text[:300])
            assert res.status_code < 400 or is_problem(res), (url, res.text[:300])
        # the search index is read with the hostile text folded into a Lucene query
    assert fingerprint(driver, conn.database) == loaded
    record("injection_reads", {"requests": requests, "payloads": len(PAYLOADS),
                               "string_parameters": len(STRING_PARAMS),
                               "statuses": {str(k): v for k, v in sorted(statuses.items())},
                               "graph_changed": False})


def test_hostile_documents_are_stored_as_text_and_nothing_else(loaded, client, driver, conn):
    accepted: list[str] = []
    requests = 0
    for field in DOCUMENT_FIELDS:
        for i, payload in enumerate(PAYLOADS):
            doc = {"doc": f"inj-{field}-{i}", "text": "Bản tin không có sự kiện nào.",
                   field: payload}
            res = client.post("/documents", json=doc)
            requests += 1
            assert res.status_code < 500, (field, payload[:40], res.text[:300])
            if res.status_code == 201:
                accepted.append(doc["doc"])
            else:
                assert is_problem(res) and res.status_code in (413, 422), res.text[:300]
    assert len(accepted) >= len(PAYLOADS)  # every hostile text was taken as text
    # the only change: one Source per accepted document, with no fact
    recs, _, _ = driver.execute_query(
        "MATCH (s:Source) WHERE s.id IN $ids "
        "RETURN count(s) AS n, sum(COUNT { (s)--() }) AS links", ids=accepted,
        database_=conn.database)
    assert recs[0]["n"] == len(accepted) and recs[0]["links"] == 0
    driver.execute_query("MATCH (s:Source) WHERE s.id IN $ids DETACH DELETE s",
                         ids=accepted, database_=conn.database)
    assert fingerprint(driver, conn.database) == loaded
    record("injection_writes", {"requests": requests, "accepted_as_text": len(accepted),
                                "graph_changed_beyond_their_sources": False})
