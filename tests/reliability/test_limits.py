"""The documented bounds: request body 4 MB (declared or streamed), page size
200, offset 10,000, lineage max_depth 20, query and id lengths."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from mergegraph.api.app import MAX_BODY_BYTES, create_app
from mergegraph.api.routes import MAX_OFFSET, MAX_PAGE
from tests.support.fingerprint import fingerprint
from mergegraph.graph.queries import MAX_LINEAGE_DEPTH
from tests.reliability.conftest import TOKEN, is_problem

BODY = "body:legacy:200:ban-to-chuc+noi-vu"


@pytest.fixture(scope="module")
def client(settings):
    app = create_app(settings.model_copy(update={"api_token": SecretStr(TOKEN)}))
    with TestClient(app, headers={"Authorization": f"Bearer {TOKEN}"}) as c:
        yield c


def test_documented_numbers():
    assert (MAX_BODY_BYTES, MAX_PAGE, MAX_OFFSET, MAX_LINEAGE_DEPTH) == (
        4 * 1024 * 1024, 200, 10_000, 20)


def test_a_declared_body_over_the_limit_is_413(client):
    big = b'{"doc": "big", "text": "' + b"x" * MAX_BODY_BYTES + b'"}'
    res = client.post("/documents", content=big, headers={"Content-Type": "application/json"})
    assert is_problem(res, 413)


def test_a_streamed_body_over_the_limit_is_413_and_nothing_is_written(
        loaded, client, driver, conn):
    def chunks():  # no Content-Length: chunked transfer encoding
        yield b'{"doc": "streamed", "text": "'
        for _ in range(MAX_BODY_BYTES // 65536 + 2):
            yield b"x" * 65536
        yield b'"}'

    res = client.post("/documents", content=chunks(),
                      headers={"Content-Type": "application/json"})
    assert is_problem(res, 413)
    assert fingerprint(driver, conn.database) == loaded


@pytest.mark.parametrize("path, params", [
    ("/search", {"q": "ha", "limit": MAX_PAGE + 1}),
    ("/search", {"q": "ha", "offset": MAX_OFFSET + 1}),
    ("/search", {"q": "x" * 201}),
    ("/patterns/concurrency", {"limit": MAX_PAGE + 1}),
    (f"/bodies/{BODY}/lineage", {"max_depth": MAX_LINEAGE_DEPTH + 1}),
    (f"/bodies/{BODY}/lineage", {"max_depth": 0}),
    ("/bodies/" + "b" * 301, {}),
    ("/compare", {"units": ",".join(["22"] * 11)}),
])
def test_parameters_over_their_bounds_are_422(client, path, params):
    assert is_problem(client.get(path, params=params), 422)


def test_the_bounds_themselves_are_accepted(loaded, client):
    assert client.get("/search", params={"q": "ha", "limit": MAX_PAGE}).status_code == 200
    res = client.get(f"/bodies/{BODY}/lineage", params={"max_depth": MAX_LINEAGE_DEPTH})
    assert res.status_code == 200
