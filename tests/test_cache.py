"""Read answers cached by graph version (api/cache.py, graph/version.py), against
the real Neo4j: ETag and 304, answers served from the in-process cache, and a
write through one app instance (worker) seen at once by another."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import time

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from mergegraph.api.app import create_app
from mergegraph.api.cache import AnswerCache, VersionReader, normalised_query
from mergegraph.graph import version
from mergegraph.graph.facts import retract_documents, write_documents
from mergegraph.graph.units import write_units
from mergegraph.ingest.extract import DocumentMeta
from mergegraph.ingest.manifest import Document
from mergegraph.ingest.pipeline import prepare
from tests.support.helpers import load_units_and_bundled_corpus

TOKEN = "cache-test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
# A pattern of Mộc Châu (Sơn La) that the bundled corpus does not state.
ARTICLE = {
    "doc": "cache-test-1", "publisher": "Báo Thử", "date": "2021-06-01",
    "province_hint": "Sơn La",
    "text": ("Từ năm 2020, huyện Mộc Châu thực hiện mô hình Trưởng ban Dân vận Huyện ủy "
             "đồng thời là Chủ tịch Ủy ban MTTQ huyện.\n"),
}
PATTERNS = ("/patterns/concurrency", {"province": "14", "limit": 200})


@pytest.fixture(scope="module")
def loaded(driver, conn):
    load_units_and_bundled_corpus(driver, conn.database)
    return driver


@pytest.fixture
def reader(loaded, settings):
    """One API worker: reads only, its own cache and driver."""
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.fixture
def writer(loaded, settings):
    """A second API worker, against the same Neo4j: it takes writes."""
    with TestClient(create_app(settings.model_copy(
            update={"api_token": SecretStr(TOKEN)}))) as c:
        yield c


def _mentions_moc_chau(page: dict) -> bool:
    return "cache-test-1" in str(page) or any(
        "Mộc Châu" in str(item) for item in page["items"])


def test_every_write_bumps_the_version_in_neo4j(loaded, conn):
    db = conn.database
    v0 = version.current(loaded, db)
    assert v0 is not None  # the fixture's loads wrote through graph/facts and graph/units
    plan = prepare(Document(DocumentMeta(doc="cache-bump-1", date="2021-06-01",
                                         province_hint="Sơn La"),
                            text=ARTICLE["text"], origin="test"))
    write_documents(loaded, db, [plan])
    v1 = version.current(loaded, db)
    write_documents(loaded, db, [plan])  # unchanged: nothing written, nothing to bump
    assert version.current(loaded, db) == v1
    retract_documents(loaded, db, ["cache-bump-1"])
    v2 = version.current(loaded, db)
    source = {"id": "cache-test-units", "url": None, "publisher": None, "title": None,
              "date": "2025-07-01", "content_hash": "x"}
    write_units(loaded, db, source=source, units=[], part_of=[], successions=[])
    v3 = version.current(loaded, db)
    numbers = [int(v.split(".")[0]) for v in (v0, v1, v2, v3)]
    assert numbers == sorted(set(numbers)), numbers  # strictly increasing
    assert len({v.split(".")[1] for v in (v0, v1, v2, v3)}) == 1  # one epoch


def test_etag_and_304_round_trip(reader):
    path, params = "/search", {"q": "dam ha", "limit": 5}
    first = reader.get(path, params=params)
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert etag.startswith('W/"') and "no-cache" in first.headers["cache-control"]
    again = reader.get(path, params=params, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again.headers["etag"] == etag
    assert "no-cache" in again.headers["cache-control"]
    # the same request with its parameters in another order: the same ETag
    swapped = reader.get(f"{path}?limit=5&q=dam+ha", headers={"If-None-Match": etag})
    assert swapped.status_code == 304
    # another request: another ETag, a full answer
    other = reader.get(path, params={"q": "dam ha", "limit": 6},
                       headers={"If-None-Match": etag})
    assert other.status_code == 200 and other.headers["etag"] != etag
    # a list of ETags, one of them current
    listed = reader.get(path, params=params, headers={"If-None-Match": f'"x", {etag}'})
    assert listed.status_code == 304


def test_errors_writes_and_health_carry_no_etag(reader, writer):
    missing = reader.get("/bodies/body:nowhere")
    assert missing.status_code == 404 and "etag" not in missing.headers
    assert reader.get("/bodies/body:nowhere").status_code == 404
    assert reader.app.state.answer_cache.stats()["entries"] == 0
    assert "etag" not in reader.get("/health").headers
    bad = reader.get("/compare", params={"units": "22"})
    assert bad.status_code == 422 and "etag" not in bad.headers
    posted = writer.post("/documents", json={**ARTICLE, "doc": "cache-test-0"}, headers=AUTH)
    assert posted.status_code == 201 and "etag" not in posted.headers
    assert writer.delete("/documents/cache-test-0", headers=AUTH).status_code == 204


def test_a_repeated_read_is_answered_from_the_cache(reader, loaded, conn):
    """Proof that no query ran: the graph is changed behind the API's back (a raw
    write that does not bump the version): the cached answer stays; once the
    version is bumped, the next read shows the change."""
    res = reader.get("/units/200")
    assert res.status_code == 200
    name = res.json()["unit"]["name"] if "unit" in res.json() else None
    stats = reader.app.state.answer_cache.stats()
    loaded.execute_query("MATCH (u:AdminUnit {uid: 'legacy:200'}) "
                         "SET u.name_before_test = u.name, u.name = 'Renamed behind the API'",
                         database_=conn.database)
    try:
        cached = reader.get("/units/200")
        assert cached.content == res.content and cached.headers["etag"] == res.headers["etag"]
        assert reader.app.state.answer_cache.stats()["hits"] == stats["hits"] + 1
        with loaded.session(database=conn.database) as session:
            session.execute_write(version.bump)
        fresh = reader.get("/units/200")
        assert "Renamed behind the API" in fresh.text
        assert fresh.headers["etag"] != res.headers["etag"]
    finally:
        with loaded.session(database=conn.database) as session:
            session.execute_write(lambda tx: (tx.run(
                "MATCH (u:AdminUnit {uid: 'legacy:200'}) "
                "SET u.name = u.name_before_test REMOVE u.name_before_test").consume(),
                version.bump(tx)))
    assert name is None or name in reader.get("/units/200").text


def test_post_and_retract_through_one_worker_are_seen_at_once_by_another(reader, writer):
    path, params = PATTERNS
    before = reader.get(path, params=params)
    assert before.status_code == 200 and not _mentions_moc_chau(before.json())
    etag = before.headers["etag"]
    hits = reader.app.state.answer_cache.stats()["hits"]
    assert reader.get(path, params=params).content == before.content
    assert reader.app.state.answer_cache.stats()["hits"] == hits + 1  # cached in the reader

    assert writer.post("/documents", json=ARTICLE, headers=AUTH).status_code == 201
    after = reader.get(path, params=params, headers={"If-None-Match": etag})
    assert after.status_code == 200, "the reader answered 304 from before the write"
    assert _mentions_moc_chau(after.json())
    assert after.headers["etag"] != etag

    assert writer.delete("/documents/cache-test-1", headers=AUTH).status_code == 204
    retracted = reader.get(path, params=params, headers={"If-None-Match": after.headers["etag"]})
    assert retracted.status_code == 200
    assert not _mentions_moc_chau(retracted.json())
    assert retracted.json() == before.json()


def test_cache_off_means_no_etag_and_no_cache(loaded, settings):
    with TestClient(create_app(settings.model_copy(update={"cache": False}))) as c:
        res = c.get("/search", params={"q": "dam ha"})
        assert res.status_code == 200 and "etag" not in res.headers
        assert not hasattr(c.app.state, "answer_cache")


def test_reads_that_need_a_token_are_checked_before_the_cache(loaded, settings):
    closed = settings.model_copy(update={"api_token": SecretStr(TOKEN),
                                         "reads_require_token": True})
    with TestClient(create_app(closed)) as c:
        ok = c.get("/search", params={"q": "dam ha"}, headers=AUTH)
        assert ok.status_code == 200 and "private" in ok.headers["cache-control"]
        assert c.get("/search", params={"q": "dam ha"}).status_code == 401
        wrong = {"Authorization": "Bearer nope"}
        assert c.get("/search", params={"q": "dam ha"}, headers=wrong).status_code == 401
        assert c.get("/search", params={"q": "dam ha"},
                     headers={**wrong, "If-None-Match": ok.headers["etag"]}).status_code == 401


# --- the parts, without Neo4j ------------------------------------------------------------


def test_lru_is_bounded_by_entries_and_bytes():
    cache = AnswerCache(max_entries=3, max_bytes=16 * 1000)
    for i in range(5):
        assert cache.put(("v", str(i)), [], b"x" * 10)
    assert len(cache) == 3 and cache.get(("v", "0")) is None and cache.get(("v", "4"))
    cache.get(("v", "2"))                       # used: kept over 3
    cache.put(("v", "5"), [], b"x")
    assert cache.get(("v", "3")) is None and cache.get(("v", "2")) is not None
    assert not cache.put(("v", "big"), [], b"x" * 2000)   # over 1/16 of the budget
    for i in range(20):
        cache.put(("w", str(i)), [], b"y" * 900)
    assert cache.bytes <= cache.max_bytes and len(cache) <= 3


def test_query_normalisation_sorts_by_name_and_keeps_repeated_values_in_order():
    assert normalised_query(b"q=a&limit=5") == normalised_query(b"limit=5&q=a")
    assert normalised_query(b"kind=body&kind=unit") != normalised_query(b"kind=unit&kind=body")
    assert normalised_query(b"q=dam%20ha") == normalised_query(b"q=dam+ha")


def test_version_reads_start_after_the_request_arrived():
    """A request never uses a version read that started before it arrived (it
    could miss a write committed in between); requests waiting together share one."""

    async def scenario():
        gates: list[asyncio.Event] = []

        async def read():
            gate = asyncio.Event()
            gates.append(gate)
            number = len(gates)
            await gate.wait()
            return number

        async def settle():  # let every runnable task run
            for _ in range(10):
                await asyncio.sleep(0)

        versions = VersionReader(read)
        a = asyncio.ensure_future(versions.current())
        await settle()
        assert len(gates) == 1                      # read 1 started for A
        b = asyncio.ensure_future(versions.current())  # arrives while read 1 runs
        c = asyncio.ensure_future(versions.current())
        await settle()
        assert len(gates) == 1                      # B and C wait: read 1 is too old
        gates[0].set()
        assert await a == 1
        await settle()
        assert len(gates) == 2                      # one new read for B and C together
        gates[1].set()
        assert await b == 2 and await c == 2
        assert versions.reads == 2

    asyncio.run(scenario())


# --- two API server processes -----------------------------------------------------------


def _serve(env: dict, port: int) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "mergegraph.api.app:create_app", "--factory",
         "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 90
    while True:
        if proc.poll() is not None:
            raise RuntimeError(proc.stderr.read().decode()[-2000:])
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if time.monotonic() > deadline:
            proc.kill()
            raise RuntimeError(f"no API on port {port} within 90 s")
        time.sleep(0.3)


def test_two_server_processes_a_write_through_one_is_seen_at_once_by_the_other(
        loaded, cli_env):
    base_port = int(os.environ.get("MERGEGRAPH_TEST_API_PORT", "8301")) + 20
    env = {k: v for k, v in cli_env.items() if not k.startswith("MERGEGRAPH_CACHE")}
    env.pop("MERGEGRAPH_API_TOKEN", None)
    procs = [_serve(env, base_port), _serve({**env, "MERGEGRAPH_API_TOKEN": TOKEN},
                                            base_port + 1)]
    path, params = PATTERNS
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{base_port}", timeout=30) as reader, \
                httpx.Client(base_url=f"http://127.0.0.1:{base_port + 1}",
                             timeout=30) as writer:
            before = reader.get(path, params=params)
            assert before.status_code == 200 and not _mentions_moc_chau(before.json())
            again = reader.get(path, params=params)
            assert again.headers["x-cache"] == "hit" and again.content == before.content

            assert writer.post("/documents", json={**ARTICLE, "doc": "cache-test-2"},
                               headers=AUTH).status_code == 201
            after = reader.get(path, params=params)
            assert after.headers["x-cache"] == "miss" and _mentions_moc_chau(after.json())
            assert reader.get(path, params=params,
                              headers={"If-None-Match": before.headers["etag"]}
                              ).status_code == 200

            assert writer.delete("/documents/cache-test-2", headers=AUTH).status_code == 204
            retracted = reader.get(path, params=params)
            assert retracted.headers["x-cache"] == "miss"
            assert retracted.json() == before.json()
    finally:
        for proc in procs:
            proc.terminate()
            proc.wait(timeout=20)


def test_version_max_age_reuses_a_recent_read_until_a_write_expires_it():
    async def scenario():
        reads = []

        async def read():
            reads.append(1)
            return len(reads)

        versions = VersionReader(read, max_age=3600)
        assert await versions.current() == 1
        assert await versions.current() == 1 and len(reads) == 1  # reused
        versions.expire()
        assert await versions.current() == 2 and len(reads) == 2
        exact = VersionReader(read)  # max_age 0: a read for every request
        await exact.current()
        await exact.current()
        assert exact.reads == 2

    asyncio.run(scenario())


def test_with_a_version_max_age_a_worker_still_sees_its_own_writes_at_once(loaded, settings):
    with TestClient(create_app(settings.model_copy(update={
            "api_token": SecretStr(TOKEN), "cache_version_max_age_ms": 3_600_000}))) as c:
        path, params = PATTERNS
        before = c.get(path, params=params)
        assert c.get(path, params=params).headers["x-cache"] == "hit"
        assert c.post("/documents", json={**ARTICLE, "doc": "cache-test-3"},
                      headers=AUTH).status_code == 201
        after = c.get(path, params=params)
        assert _mentions_moc_chau(after.json()) and after.headers["etag"] != before.headers["etag"]
        assert c.delete("/documents/cache-test-3", headers=AUTH).status_code == 204
        assert c.get(path, params=params).json() == before.json()
