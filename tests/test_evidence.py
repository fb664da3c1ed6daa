"""Evidence an analyst can cite (issue 14), against the real Neo4j loaded with the
administrative units and the bundled corpus: whole sentences, the source and its
text, stated dates and as_of, timelines, and no file path in any answer."""

from __future__ import annotations

import hashlib
import json

import pytest
from fastapi.testclient import TestClient

from mergegraph.api.app import create_app
from mergegraph.ingest.sentences import has_verb
from mergegraph.settings import PROJECT_ROOT
from tests.support.helpers import load_units_and_bundled_corpus

DAM_HA = "000_3ebe3cc6aa2eb4b4"
DAM_HA_BODY = "body:legacy:200:ban-to-chuc+noi-vu"
TIMELINE_ITEM_KEYS = {"date", "date_basis", "valid_from", "valid_to", "reported_by", "status",
                      "type", "fact_id", "from", "to", "unit", "successors", "evidence"}
TIMELINE_EVIDENCE_KEYS = {"id", "quote", "start", "end", "sentence", "sentence_start", "source"}


@pytest.fixture(scope="module")
def loaded(driver, conn):
    load_units_and_bundled_corpus(driver, conn.database)
    return driver


@pytest.fixture(scope="module")
def client(loaded, settings):
    with TestClient(create_app(settings)) as c:
        yield c


def _rows(driver, conn, query, **params):
    records, _, _ = driver.execute_query(query, params, database_=conn.database)
    return [r.data() for r in records]


# --- 1. whole sentences --------------------------------------------------------------

def test_every_evidence_sentence_holds_its_quote_and_a_verb(loaded, conn):
    rows = _rows(loaded, conn, "MATCH (e:Evidence)-[:CITES]->(s:Source {kind: 'article'}) "
                               "RETURN e {.*} AS e, s.text AS text")
    assert len(rows) >= 100
    for row in rows:
        e, text = row["e"], row["text"]
        assert text[e["start"]:e["end"]] == e["quote"] == e["quote"].strip(), e
        assert e["sentence"] == e["sentence"].strip() and e["quote"] in e["sentence"], e
        assert text[e["sentence_start"]:e["sentence_start"] + len(e["sentence"])] == e["sentence"]
        assert e["sentence_start"] <= e["start"] and e["end"] <= e["sentence_start"] + len(e["sentence"])
        assert has_verb(e["sentence"]), e["sentence"]


def test_fragments_of_the_issue_read_as_statements(client):
    evidence = client.get(f"/sources/{DAM_HA}").json()["evidence"]
    fragment = next(e for e in evidence if e["quote"] == "Ban Tổ chức Huyện ủy và Phòng Nội vụ")
    assert fragment["sentence"].startswith("Qua một thời gian thực hiện mô hình hợp nhất các cơ quan")
    son_la = client.get("/sources/003_87f683aa0724e388").json()["evidence"]
    listed = next(e for e in son_la if e["quote"].startswith("(Bắc Yên"))
    assert "đồng thời là" in listed["sentence"] and listed["sentence"].startswith("Đến nay")


def test_has_verb_tells_a_list_of_names_from_a_statement():
    assert not has_verb("(Bắc Yên, Yên Châu, Quỳnh Nhai, Phù Yên, Thành phố)")
    assert has_verb("huyện hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ")


# --- 2. the source, kept and shown ---------------------------------------------------------

def test_source_metadata_and_its_text_on_request(client):
    res = client.get(f"/sources/{DAM_HA}")
    assert res.status_code == 200
    body = res.json()
    source = body["source"]
    assert source["title"].startswith("Đầm Hà đặt quyết tâm chính trị cao nhất")
    assert source["publisher"] == "Trung tâm Truyền thông và Văn hóa huyện Đầm Hà"
    assert source["date"] == "2020-04-26" and source["has_text"] is True
    assert body["text"] is None
    with_text = client.get(f"/sources/{DAM_HA}", params={"text": "true"}).json()
    text = with_text["text"]
    assert len(text) == source["length"] > 5000
    assert "sha256:" + hashlib.sha256(text.encode()).hexdigest() == source["content_hash"]
    assert all(e["fact"] and e["fact"]["type"] and e["fact"]["from"]["id"]
               for e in body["evidence"])


def test_a_title_from_the_text_when_the_manifest_has_none(client):
    source = client.get("/sources/003_87f683aa0724e388").json()["source"]
    assert source["title"] == "Kết quả bước đầu thực hiện mô hình kiêm nhiệm chức danh"
    assert source["title_from"] == "text"


def test_source_text_with_a_highlight(client):
    evidence = client.get(f"/sources/{DAM_HA}").json()["evidence"]
    e = next(e for e in evidence if e["rel_type"] == "MERGED_INTO")
    res = client.get(f"/sources/{DAM_HA}/text", params={"highlight": f"{e['start']}-{e['end']}"})
    assert res.status_code == 200
    body = res.json()
    assert body["highlight"] == {"start": e["start"], "end": e["end"], "text": e["quote"]}
    assert body["text"][e["start"]:e["end"]] == e["quote"]
    assert client.get(f"/sources/{DAM_HA}/text").json()["highlight"] is None


@pytest.mark.parametrize("highlight", ["5-3", "a-b", "10", "0-99999999"])
def test_a_bad_highlight_is_a_422(client, highlight):
    res = client.get(f"/sources/{DAM_HA}/text", params={"highlight": highlight})
    assert res.status_code == 422 and res.headers["content-type"].startswith("application/problem+json")


def test_unknown_source_is_404(client):
    assert client.get("/sources/nope").status_code == 404
    assert client.get("/sources/nope/text").status_code == 404


def _walk_keys(value):
    if isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from _walk_keys(v)
    elif isinstance(value, list):
        for v in value:
            yield from _walk_keys(v)


def test_no_answer_contains_a_file_path(client):
    sources = [DAM_HA, "001_cd4382b165326b66", "002_a4731ee8503e2245", "003_87f683aa0724e388",
               "004_c54c420e4b706307"]
    paths = [f"/sources/{s}" for s in sources] + [f"/sources/{s}?text=true" for s in sources]
    fact_id = client.get(f"/sources/{DAM_HA}").json()["evidence"][0]["fact_id"]
    paths += [f"/facts/{fact_id}/evidence", f"/bodies/{DAM_HA_BODY}", f"/bodies/{DAM_HA_BODY}/lineage",
              f"/bodies/{DAM_HA_BODY}/timeline", "/units/200", "/units/200/timeline", "/units/14/timeline",
              "/search?q=dam ha", "/patterns/concurrency?province=14", "/compare?units=22,14",
              "/export?format=jsonl"]
    for path in paths:
        res = client.get(path)
        assert res.status_code == 200, (path, res.text)
        text = res.text
        for needle in ("seeds/", ".txt", str(PROJECT_ROOT), "/work/", "manifest.jsonl"):
            assert needle not in text, (path, needle)
        if res.headers["content-type"].startswith("application/json"):
            assert "path" not in set(_walk_keys(res.json())), path


# --- 3. world time ---------------------------------------------------------------------------

def test_dam_ha_merger_is_dated_2019_from_the_text(loaded, conn, client):
    (row,) = _rows(loaded, conn, """
        MATCH (:Body {id: 'body:legacy:200:ban-to-chuc'})-[r:MERGED_INTO]->(:Body {id: $id})
        RETURN r.valid_from AS valid_from, r.valid_from_basis AS basis,
               r.reported_by AS reported_by""", id=DAM_HA_BODY)
    assert row["valid_from"].startswith("2019") and row["basis"] == "document"
    assert row["reported_by"] == "2020-04-26"
    tree = client.get(f"/bodies/{DAM_HA_BODY}/lineage", params={"as_of": "2019-12-31"}).json()
    parts = {e["from"]["id"]: e for e in tree["edges"]}
    assert {"body:legacy:200:ban-to-chuc", "body:legacy:200:noi-vu"} <= set(parts)
    assert parts["body:legacy:200:ban-to-chuc"]["as_of_basis"] == "valid_from"
    evidence = parts["body:legacy:200:ban-to-chuc"]["evidence"][0]
    assert evidence["reported_by"] == "2020-04-26" and evidence["sentence"]
    before = client.get(f"/bodies/{DAM_HA_BODY}/lineage", params={"as_of": "2019-03-31"}).json()
    assert before["edges"] == []


def test_an_undated_fact_is_bounded_by_its_report(client):
    """Móng Cái's mergers (Báo Quảng Ninh, 2020-02-02) state no date: as_of compares
    the article's date, and the edge says so."""
    hits = client.get("/search", params={"q": "trung tam y te mong cai", "kind": "body"}).json()["items"]
    body_id = hits[0]["id"]
    tree = client.get(f"/bodies/{body_id}/lineage").json()
    assert tree["edges"] and all(e["as_of_basis"] == "reported_by" and e["valid_from"] is None
                                 and e["reported_by"] == "2020-02-02" for e in tree["edges"])
    assert client.get(f"/bodies/{body_id}/lineage", params={"as_of": "2020-02-01"}).json()["edges"] == []


# --- 4 and 5. timelines, and the 2025 fate ----------------------------------------------------

def _check_shape(timeline):
    assert set(timeline) == {"subject", "items"}
    items = timeline["items"]
    assert items
    for item in items:
        assert set(item) == TIMELINE_ITEM_KEYS, item
        assert set(item["evidence"]) == TIMELINE_EVIDENCE_KEYS
        assert item["date_basis"] in ("stated", "document", "reported_by")
    dates = [i["date"] for i in items]
    assert dates == sorted(dates)
    return items


def test_body_timeline(client):
    res = client.get(f"/bodies/{DAM_HA_BODY}/timeline")
    assert res.status_code == 200
    timeline = res.json()
    assert timeline["subject"]["kind"] == "body" and timeline["subject"]["id"] == DAM_HA_BODY
    items = _check_shape(timeline)
    mergers = [i for i in items if i["type"] == "MERGED_INTO"]
    assert mergers and all(i["date"] == "2019-04" and i["date_basis"] == "document"
                           and i["reported_by"] == "2020-04-26" for i in mergers)
    assert all(i["evidence"]["sentence"] and i["evidence"]["source"]["id"] == DAM_HA for i in mergers)
    end = items[-1]
    assert end["type"] == "BODY_ENDED" and end["date"] == "2025-07-01" and end["status"] == "ended"
    assert end["to"]["name"] == "Tỉnh Quảng Ninh" and end["successors"]
    assert end["evidence"]["source"]["kind"] == "dataset"


def test_unit_timeline(client):
    timeline = client.get("/units/200/timeline").json()
    assert timeline["subject"]["unit"]["uid"] == "legacy:200"
    items = _check_shape(timeline)
    types = {i["type"] for i in items}
    assert {"MERGED_INTO", "APPLIES", "HOLDS", "TRANSFERRED_FUNCTION_TO", "UNIT_ABOLISHED"} <= types
    assert items[-1]["type"] == "UNIT_ABOLISHED" and items[-1]["date"] == "2025-07-01"


def test_a_province_points_to_its_2025_province(client):
    timeline = client.get("/units/67/timeline").json()  # Đắk Nông -> Lâm Đồng
    end = timeline["items"][-1]
    assert end["type"] == "UNIT_REFORMED" and end["to"]["name"] == "Tỉnh Lâm Đồng"


@pytest.mark.parametrize("path,status", [("/bodies/nope/timeline", 404), ("/units/999/timeline", 404),
                                         ("/units/abc/timeline", 422)])
def test_timeline_errors(client, path, status):
    res = client.get(path)
    assert res.status_code == status and res.headers["content-type"].startswith("application/problem+json")


def test_the_openapi_documents_the_new_endpoints(client):
    spec = client.get("/openapi.json").json()
    assert {"/sources/{source_id}", "/sources/{source_id}/text", "/bodies/{body_id}/timeline",
            "/units/{code}/timeline"} <= set(spec["paths"])
    json.dumps(spec)


def test_patterns_and_compare_take_as_of_and_say_which_date(client):
    """Sơn La's 5/12 pilot: its article (2021) says "sau gần 3 năm thực hiện mô hình",
    so it counts from 2018; nothing of Sơn La counts as of 2017."""
    now = client.get("/patterns/concurrency", params={"province": "14"}).json()["items"]
    units = [u for p in now for u in p["units"]]
    assert units and all(u["as_of_basis"] in ("valid_from", "reported_by") for u in units)
    dated = [u for u in units if u["as_of_basis"] == "valid_from"]
    assert dated and all(u["valid_from"] <= "2018-12-31" for u in dated)
    in_2019 = client.get("/patterns/concurrency", params={"province": "14", "as_of": "2019-06-01"}).json()["items"]
    assert {u["unit"]["uid"] for p in in_2019 for u in p["units"]} == {u["unit"]["uid"] for u in dated}
    assert client.get("/patterns/concurrency", params={"province": "14", "as_of": "2017-01-01"}).json()["items"] == []
    compared = client.get("/compare", params={"units": "22,200", "as_of": "2019-12-31"}).json()
    assert compared["as_of"] == "2019-12-31"
    dam_ha = compared["units"][1]
    assert dam_ha["mergers"] and all(m["as_of_basis"] == "valid_from" for m in dam_ha["mergers"])
    before = client.get("/compare", params={"units": "22,200", "as_of": "2019-03-31"}).json()
    assert before["units"][1]["mergers"] == []


def test_a_district_body_is_ended_by_the_2025_reform(client):
    body = client.get(f"/bodies/{DAM_HA_BODY}").json()
    assert body["ended"]["date"] == "2025-07-01" and body["ended"]["reason"] == "district-abolished"
    assert body["ended"]["source"]["kind"] == "dataset"
    hits = client.get("/search", params={"q": "tinh uy dak nong", "kind": "body"}).json()["items"]
    province_body = next(h for h in hits if h["id"].startswith("body:legacy:67:"))
    assert client.get(f"/bodies/{province_body['id']}").json()["ended"] is None
