"""GET /health through the real app and a real Neo4j."""

from __future__ import annotations

from fastapi.testclient import TestClient
from pydantic import SecretStr

from mergegraph.api.app import create_app
from mergegraph.settings import Settings


def test_health_reports_version_and_counts(db, settings):
    with TestClient(create_app(settings)) as client:
        res = client.get("/health")
    assert res.status_code == 200
    body = res.json()
    assert body["status"] == "ok" and body["neo4j_reachable"] is True
    assert body["neo4j_version"].startswith("5.26.")
    assert body["counts"]["AdminUnit"] == 0


def test_health_when_neo4j_is_unreachable_is_a_503_problem(settings):
    dead = settings.model_copy(update={"neo4j_uri": "bolt://127.0.0.1:1",
                                       "neo4j_password": SecretStr("irrelevant-1")})
    with TestClient(create_app(dead)) as client:
        res = client.get("/health")
    assert res.status_code == 503
    assert res.headers["content-type"].startswith("application/problem+json")
    assert res.json()["neo4j_reachable"] is False


def test_unknown_path_is_a_problem_document(settings):
    with TestClient(create_app(settings)) as client:
        res = client.get("/no-such-thing")
    assert res.status_code == 404
    assert res.headers["content-type"].startswith("application/problem+json")
