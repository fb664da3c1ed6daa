"""One document never clobbers another (issue 18, items 3 and 4).

- Document ids have their own namespace: the units dataset's id is refused
  (409 problem+json, CLI error), by POST and by DELETE, and the dataset's Source
  and its 24,000 facts are untouched.
- A url already held by another document is a 409 naming that document (CLI:
  skipped with the same sentence, exit 2), never a silent replacement: the
  holder's Source and evidence stay.
- A retraction sticks: `mergegraph retract d` then `mergegraph ingest folder/`
  leaves d retracted and says so (skipped-retracted), until `--unretract`.

Real Neo4j, the app with its lifespan (TestClient) and the CLI as a subprocess.
"""

from __future__ import annotations

import subprocess

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from mergegraph.api.app import create_app
from tests.support.fingerprint import fingerprint
from tests.reliability.conftest import MERGEGRAPH, SEEDS, TOKEN, is_problem

AUTH = {"Authorization": f"Bearer {TOKEN}"}
TEXT = ("Huyện Quỳnh Nhai thực hiện Trưởng ban Dân vận Huyện ủy đồng thời là "
        "Chủ tịch Ủy ban MTTQ huyện.")


def article(doc: str, url: str | None = None, text: str = TEXT) -> dict:
    return {"doc": doc, "url": url, "publisher": "Báo Sơn La", "date": "2020-05-01",
            "province_hint": "Sơn La", "text": text}


@pytest.fixture(scope="module")
def client(settings):
    with TestClient(create_app(settings.model_copy(
            update={"api_token": SecretStr(TOKEN)}))) as c:
        yield c


def _dataset(driver, database) -> dict:
    (rec,), _, _ = driver.execute_query(
        "MATCH (s:Source {kind: 'dataset'}) RETURN s.id AS id, s.url AS url, "
        "s.kind AS kind, s.retracted_at AS retracted, "
        "COUNT { ()-[m:MERGED_INTO]->() WHERE m.source_id = s.id } AS facts",
        database_=database)
    return rec.data()


def _forget(driver, database, *ids: str) -> None:
    """Remove what a test posted (retract, then drop the tombstones): the graph is
    the session's loaded graph again for the next test."""
    from mergegraph.graph.facts import retract_documents

    retract_documents(driver, database, list(ids))
    driver.execute_query("UNWIND $ids AS id MATCH (s:Source {id: id}) DETACH DELETE s",
                         ids=list(ids), database_=database)


def test_a_dataset_id_is_refused_and_the_dataset_stays(loaded, driver, conn, client):
    dataset = _dataset(driver, conn.database)
    assert dataset["facts"] > 10_000 and dataset["id"].startswith("dataset:")

    res = client.post("/documents", json=article(dataset["id"]), headers=AUTH)
    assert is_problem(res, 409), res.text
    assert "reserved" in res.json()["detail"] and dataset["id"] in res.json()["detail"]
    # an id of that namespace that no dataset holds yet is refused as well
    res = client.post("/documents", json=article("dataset:future"), headers=AUTH)
    assert is_problem(res, 409), res.text

    res = client.delete(f"/documents/{dataset['id']}", headers=AUTH)
    assert is_problem(res, 409), res.text
    assert "dataset" in res.json()["detail"]

    assert _dataset(driver, conn.database) == dataset  # still a dataset, not retracted
    assert fingerprint(driver, conn.database) == loaded


def test_a_url_held_by_another_document_is_a_409_naming_it(loaded, driver, conn, client):
    url = "https://baosonla.example/bai-a"
    try:
        assert client.post("/documents", json=article("doc-a", url), headers=AUTH
                           ).status_code == 201
        before = fingerprint(driver, conn.database)
        text_b = TEXT.replace("Quỳnh Nhai", "Mường La")
        res = client.post("/documents", json=article("doc-b", url, text_b), headers=AUTH)
        assert is_problem(res, 409), res.text
        assert "'doc-a'" in res.json()["detail"] and url in res.json()["detail"]
        # nothing lost, nothing written
        assert fingerprint(driver, conn.database) == before
        src = client.get("/sources/doc-a")
        assert src.status_code == 200 and src.json()["evidence"]
        assert is_problem(client.get("/sources/doc-b"), 404)
        # the same page under its own id is a new version, as before
        res = client.post("/documents", json=article("doc-a", url, text_b), headers=AUTH)
        assert res.status_code == 201 and res.json()["written"]["replaced"] == 1
    finally:
        _forget(driver, conn.database, "doc-a", "doc-b")
    assert fingerprint(driver, conn.database) == loaded


def test_a_retracted_document_posted_again_is_a_409_until_unretracted(loaded, driver, conn,
                                                                      client):
    try:
        assert client.post("/documents", json=article("doc-r"), headers=AUTH).status_code == 201
        assert client.delete("/documents/doc-r", headers=AUTH).status_code == 204
        retracted = fingerprint(driver, conn.database)
        res = client.post("/documents", json=article("doc-r"), headers=AUTH)
        assert is_problem(res, 409) and "unretract" in res.json()["detail"], res.text
        assert fingerprint(driver, conn.database) == retracted
        res = client.post("/documents", params={"unretract": "true"}, json=article("doc-r"),
                          headers=AUTH)
        assert res.status_code == 201 and res.json()["written"]["unretracted"] == 1, res.text
        assert client.get("/sources/doc-r").json()["evidence"]
    finally:
        _forget(driver, conn.database, "doc-r")


# --- the CLI ---------------------------------------------------------------------------


def run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([str(MERGEGRAPH), *args], env=env, capture_output=True, text=True,
                          timeout=300)


def _evidence(driver, database, doc: str) -> int:
    (rec,), _, _ = driver.execute_query(
        "MATCH (e:Evidence {source_id: $doc}) RETURN count(e) AS n", doc=doc,
        database_=database)
    return rec["n"]


def test_a_retraction_sticks_until_ingest_unretract(db, conn, cli_env, tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    for i, seed in enumerate(seeds):
        (folder / f"d10{i}.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    res = run(["ingest", str(folder), "--province-hint", "Sơn La"], cli_env)
    assert res.returncode == 0, res.stderr
    assert _evidence(db, conn.database, "d100") > 0

    res = run(["retract", "d100"], cli_env)
    assert res.returncode == 0, res.stderr
    retracted = fingerprint(db, conn.database)

    res = run(["ingest", str(folder), "--province-hint", "Sơn La"], cli_env)
    assert res.returncode == 0, res.stderr
    assert "1 skipped-retracted" in res.stdout and "d100" in res.stderr
    assert _evidence(db, conn.database, "d100") == 0
    assert fingerprint(db, conn.database) == retracted  # d100 stays retracted

    res = run(["ingest", str(folder), "--province-hint", "Sơn La", "--unretract"], cli_env)
    assert res.returncode == 0, res.stderr
    assert "1 unretracted" in res.stdout
    assert _evidence(db, conn.database, "d100") > 0


def test_cli_refuses_a_dataset_id_and_another_documents_url(db, conn, cli_env, tmp_path):
    seeds = sorted(SEEDS.glob("*.txt"))[:2]
    for seed in seeds:
        (tmp_path / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    manifest = tmp_path / "m.jsonl"
    url = "https://baosonla.example/same"
    manifest.write_text(
        f'{{"doc": "first", "path": "{seeds[0].name}", "url": "{url}"}}\n'
        f'{{"doc": "second", "path": "{seeds[1].name}", "url": "{url}"}}\n'
        f'{{"doc": "dataset:vietnamadminunits-x", "path": "{seeds[1].name}"}}\n',
        encoding="utf-8")
    res = run(["ingest", "--manifest", str(manifest)], cli_env)
    assert res.returncode == 2, res.stderr
    assert "Traceback" not in res.stderr
    assert "m.jsonl:2" in res.stderr and "already belongs to document 'first'" in res.stderr
    assert "m.jsonl:3" in res.stderr and "reserved" in res.stderr
    assert _evidence(db, conn.database, "first") > 0
    recs, _, _ = db.execute_query("MATCH (s:Source) RETURN s.id AS id ORDER BY id",
                                  database_=conn.database)
    assert [r["id"] for r in recs] == ["first"]
    res = run(["retract", "dataset:vietnamadminunits-x"], cli_env)
    assert res.returncode == 1 and "a dataset, not a document" in res.stderr
