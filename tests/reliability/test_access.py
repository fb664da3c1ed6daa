"""Who may write, who may read, and that reads cannot write."""

from __future__ import annotations

import asyncio
import hmac

import pytest
from fastapi.testclient import TestClient
from neo4j.exceptions import ClientError
from pydantic import SecretStr

from mergegraph.api import deps
from mergegraph.api.app import create_app
from mergegraph.graph.driver import API_DRIVER_OPTIONS, open_async_driver
from mergegraph.graph.export import _records
from tests.support.fingerprint import fingerprint
from mergegraph.graph.queries import read
from tests.reliability.conftest import TOKEN, is_problem

DOC = {"doc": "access-test", "text": "Huyện Đầm Hà hợp nhất Ban Tổ chức với Phòng Nội vụ."}


def app_with(settings, **update):
    return TestClient(create_app(settings.model_copy(update=update)))


def test_without_a_configured_token_no_one_writes(loaded, settings, driver, conn):
    with app_with(settings, api_token=None) as client:
        for headers in ({}, {"Authorization": "Bearer anything"}):
            assert is_problem(client.post("/documents", json=DOC, headers=headers), 403)
            assert is_problem(client.delete("/documents/000_3ebe3cc6aa2eb4b4",
                                            headers=headers), 403)
        assert client.get("/search", params={"q": "dam ha"}).status_code == 200
    assert fingerprint(driver, conn.database) == loaded


@pytest.mark.parametrize("header", [None, "Bearer", f"Bearer {TOKEN}x", f"Bearer {TOKEN[:-1]}",
                                    f"Basic {TOKEN}", TOKEN, f"bearer  {TOKEN} extra"])
def test_writes_need_exactly_the_token(loaded, settings, driver, conn, header):
    with app_with(settings, api_token=SecretStr(TOKEN)) as client:
        headers = {"Authorization": header} if header else {}
        res = client.post("/documents", json=DOC, headers=headers)
        assert res.status_code in (401, 403) and is_problem(res)
        assert client.delete("/documents/000_3ebe3cc6aa2eb4b4",
                             headers=headers).status_code in (401, 403)
    assert fingerprint(driver, conn.database) == loaded


def test_reads_can_be_closed_with_the_same_token(loaded, settings):
    with app_with(settings, api_token=SecretStr(TOKEN), reads_require_token=True) as client:
        assert is_problem(client.get("/search", params={"q": "dam ha"}), 401)
        assert is_problem(client.get("/units/200",
                                     headers={"Authorization": "Bearer nope"}), 401)
        ok = client.get("/units/200", headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200


def test_the_token_is_compared_in_constant_time(settings, monkeypatch):
    calls = []
    real = hmac.compare_digest

    def spy(a, b):
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(deps.hmac, "compare_digest", spy)
    with app_with(settings, api_token=SecretStr(TOKEN)) as client:
        client.post("/documents", json={"doc": "x"}, headers={"Authorization": "Bearer guess"})
    assert calls == [(b"guess", TOKEN.encode())]


def test_the_api_reads_in_read_access_mode(loaded, conn, driver):
    """Neo4j refuses a write sent through the API's read paths."""

    async def attempt():
        drv = open_async_driver(conn, API_DRIVER_OPTIONS)
        try:
            with pytest.raises(ClientError) as by_query:
                await read(drv, conn.database, "CREATE (:Intruder {via: 'read'})")
            with pytest.raises(ClientError) as by_export:
                async for _ in _records(drv, conn.database, "CREATE (:Intruder) RETURN 1"):
                    pass
        finally:
            await drv.close()
        return by_query.value, by_export.value

    errors = asyncio.run(attempt())
    for err in errors:
        assert "AccessMode" in (err.code or ""), err
    recs, _, _ = driver.execute_query("MATCH (n:Intruder) RETURN count(n) AS n",
                                      database_=conn.database)
    assert recs[0]["n"] == 0
