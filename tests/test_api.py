"""The API answers real questions, through TestClient(app) with its lifespan,
against the real Neo4j loaded with the administrative units and the bundled corpus."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr

from mergegraph.api.app import create_app
from tests.support.helpers import load_units_and_bundled_corpus

TOKEN = "test-token-0123456789"


@pytest.fixture(scope="module")
def loaded(driver, conn):
    load_units_and_bundled_corpus(driver, conn.database)
    return driver


@pytest.fixture(scope="module")
def client(loaded, settings):
    with TestClient(create_app(settings)) as c:
        yield c


@pytest.fixture(scope="module")
def writer_client(loaded, settings):
    with TestClient(create_app(settings.model_copy(
            update={"api_token": SecretStr(TOKEN)}))) as c:
        yield c


def is_problem(res, status):
    return (res.status_code == status
            and res.headers["content-type"].startswith("application/problem+json")
            and res.json()["status"] == status and "title" in res.json())


def first(client, q, **params):
    res = client.get("/search", params={"q": q, **params})
    assert res.status_code == 200, res.text
    return res.json()["items"]


# --- search ----------------------------------------------------------------------

def test_search_without_diacritics_finds_dam_ha(client):
    items = first(client, "dam ha")
    assert items[0]["id"] == "legacy:200" and items[0]["name"] == "Huyện Đầm Hà"
    assert set(items[0]) == {"kind", "id", "name", "level", "era", "province_uid", "score"}


@pytest.mark.parametrize("q,params", [("huyen", {}), ("ban", {"offset": 3, "limit": 7}),
                                      ("uy ban", {"kind": "body", "limit": 5}),
                                      ("xa", {"province": "22", "limit": 4})])
def test_search_reads_a_window_of_the_index_and_widens_it(loaded, settings, monkeypatch,
                                                           q, params):
    """The index is asked for its best hits only; with a window of 1 (widened x8 while
    the page could reach past it: too few kept, or a tie at its edge) the pages are
    those of a window holding every hit."""
    from mergegraph.graph import queries

    pages = {}
    # (first window, largest window): every hit at once; a window of 1 widened; a
    # window that may not widen, so that every hit is ranked by search_all.cypher
    for window, largest in ((10**6, 10**7), (1, 10**7), (1, 1)):
        monkeypatch.setattr(queries, "SEARCH_WINDOW", window)
        monkeypatch.setattr(queries, "SEARCH_MAX_WINDOW", largest)
        with TestClient(create_app(settings.model_copy(update={"cache": False}))) as c:
            pages[window, largest] = [
                c.get("/search", params={"q": q, "offset": o, **params}).json()
                for o in (params.get("offset", 0), params.get("offset", 0) + 1)]
    whole = pages[10**6, 10**7]
    assert pages[1, 10**7] == whole and pages[1, 1] == whole and whole[0]["items"]


def test_search_with_an_abbreviation(client):
    items = first(client, "ubkt dam ha")
    assert items[0]["kind"] == "body"
    assert items[0]["id"] == "body:legacy:200:uy-ban-kiem-tra"


def test_search_accented_and_unaccented_agree(client):
    plain = first(client, "Quynh Nhai")
    accented = first(client, "Quỳnh Nhai")
    assert plain[0]["id"] == accented[0]["id"] == "legacy:118"
    assert first(client, "Đức Thọ")[0]["name"] == "Huyện Đức Thọ"


def test_search_filters_by_kind_and_province(client):
    items = first(client, "ban", kind="body", province="14", limit=50)
    assert items and all(i["kind"] == "body" and i["province_uid"] == "legacy:14" for i in items)


def test_search_pages(client):
    page1 = client.get("/search", params={"q": "ha", "limit": 2}).json()
    page2 = client.get("/search", params={"q": "ha", "limit": 2, "offset": 2}).json()
    assert page1["next_offset"] == 2 and len(page1["items"]) == 2
    assert {i["id"] for i in page1["items"]}.isdisjoint({i["id"] for i in page2["items"]})


# --- lineage ---------------------------------------------------------------------

def test_merger_tree_of_the_dam_ha_to_chuc_noi_vu_body(client):
    (hit,) = [i for i in first(client, "to chuc noi vu dam ha", kind="body")
              if i["id"].endswith("ban-to-chuc+noi-vu")]
    assert "Tổ chức - Nội vụ" in hit["name"]
    res = client.get(f"/bodies/{hit['id']}/lineage", params={"direction": "predecessors"})
    assert res.status_code == 200
    tree = res.json()
    assert set(tree) == {"body", "unit", "direction", "as_of", "max_depth", "nodes", "edges",
                         "unit_fates"}
    sources = {e["from"]["body_type"] for e in tree["edges"]}
    assert sources == {"ban-to-chuc", "noi-vu"}
    for edge in tree["edges"]:
        assert edge["to"]["id"] == hit["id"] and edge["kind"] == "merge"
        assert edge["evidence"] and edge["evidence"][0]["source_id"] == "000_3ebe3cc6aa2eb4b4"
        assert edge["evidence"][0]["quote"]
    fate = tree["unit_fates"]["legacy:200"]
    assert fate["province"]["uid"] == "2025:22"
    assert {u["province_uid"] for u in fate["units"]} == {"2025:22"}


def test_lineage_as_of_before_the_merger_is_empty(client):
    body_id = "body:legacy:200:ban-to-chuc+noi-vu"
    tree = client.get(f"/bodies/{body_id}/lineage", params={"as_of": "2010-01-01"}).json()
    assert tree["edges"] == []
    later = client.get(f"/bodies/{body_id}/lineage", params={"direction": "successors"}).json()
    assert all(e["from"]["id"] == body_id or e["to"]["id"] != body_id for e in later["edges"])


def test_dak_nong_bodies_territory_is_lam_dong_today(client):
    items = first(client, "tinh uy", kind="body", province="67")
    assert items
    body = client.get(f"/bodies/{items[0]['id']}").json()
    assert body["unit"]["province_uid"] == "legacy:67"
    assert body["fate"]["province"]["uid"] == "2025:68"
    lineage = client.get("/units/67/lineage", params={"direction": "successors"}).json()
    assert lineage["province"]["uid"] == "2025:68"
    before = client.get("/units/67/lineage", params={"as_of": "2020-01-01"}).json()
    assert before["province"]["uid"] == "legacy:67" and before["predecessors"] == []


def test_unit_with_parts_and_fate(client):
    unit = client.get("/units/200").json()
    assert unit["unit"]["name"] == "Huyện Đầm Hà" and unit["parent"]["uid"] == "legacy:22"
    assert unit["parts"] and all(p["level"] == "commune" for p in unit["parts"])
    assert unit["fate"]["province"]["uid"] == "2025:22"
    assert "Cơ quan Tổ chức - Nội vụ (Huyện Đầm Hà)" in {b["name"] for b in unit["bodies"]}
    assert [(r["kind"]["what"], r["count"]) for r in unit["reductions"]] == [("staff", 9)]


# --- patterns and comparison -----------------------------------------------------

def test_son_la_patterns_with_5_of_12_districts(client):
    page = client.get("/patterns/concurrency", params={"province": "14"}).json()
    assert set(page) == {"items", "offset", "limit", "next_offset", "scope"} and page["scope"] is None
    coverage = [(p["pattern"]["level"], u["count"], u["of"]) for p in page["items"]
                for u in p["units"] if u["unit"]["uid"] == "legacy:14"]
    assert ("district", 5, 12) in coverage
    pattern = next(p for p in page["items"]
                   if any(u["count"] == 5 and u["of"] == 12 for u in p["units"]))
    named = {u["unit"]["uid"] for u in pattern["units"]} - {"legacy:14"}
    assert len(named) == 5  # the districts the article lists
    assert all(u["evidence"] for u in pattern["units"])


def test_patterns_filter_by_level_and_status(client):
    page = client.get("/patterns/concurrency", params={"level": "commune"}).json()
    assert page["items"] and all(p["pattern"]["level"] == "commune" for p in page["items"])
    bad = client.get("/patterns/concurrency", params={"status": "maybe"})
    assert is_problem(bad, 422)


def test_patterns_list_the_first_units_and_count_them_all(client):
    whole = client.get("/patterns/concurrency", params={"units_limit": 1000, "limit": 200}).json()
    widest = max(whole["items"], key=lambda p: p["units_total"])
    assert widest["units_total"] == len(widest["units"]) >= 2
    for n in (0, 1, widest["units_total"] - 1):
        page = client.get("/patterns/concurrency", params={"units_limit": n, "limit": 200}).json()
        # the same patterns in the same order; each lists its first n units, counts all
        assert [(p["pattern"]["id"], p["units_total"]) for p in page["items"]] == \
            [(p["pattern"]["id"], p["units_total"]) for p in whole["items"]]
        for p, w in zip(page["items"], whole["items"]):
            assert p["units"] == w["units"][:n]
    assert is_problem(client.get("/patterns/concurrency", params={"units_limit": 1001}), 422)


def test_matrix_has_provinces_by_patterns(client):
    matrix = client.get("/patterns/concurrency/matrix").json()
    names = {p["name"] for p in matrix["provinces"]}
    assert {"Tỉnh Sơn La", "Tỉnh Quảng Ninh"} <= names
    ids = {p["id"] for p in matrix["patterns"]}
    for province in matrix["provinces"]:
        assert set(province["patterns"]) <= ids


def test_quang_ninh_compared_with_son_la(client):
    res = client.get("/compare", params={"units": "22,14"})
    assert res.status_code == 200
    body = res.json()
    qn, sl = body["units"]
    assert qn["unit"]["uid"] == "legacy:22" and sl["unit"]["uid"] == "legacy:14"
    assert qn["summary"]["mergers"] > 0  # Đầm Hà's mergers count for Quảng Ninh
    assert sl["summary"]["patterns"] > 0
    all_patterns = {p["pattern"]["id"] for u in (qn, sl) for p in u["patterns"]}
    assert set(qn["only_here"]["patterns"]) | set(sl["only_here"]["patterns"]) \
        | set(body["common"]["patterns"]) == all_patterns
    assert is_problem(client.get("/compare", params={"units": "22"}), 422)


def test_compare_pages_are_stable_and_complete(client):
    """Summaries come whole; the lists come a page at a time, and the pages of any
    size put together are the whole list, in the same order, nothing twice."""
    whole = client.get("/compare", params={"units": "22,14,200", "limit": 200}).json()
    assert whole["next_offset"] is None
    for size in (1, 2, 3):
        pages, offset = [], 0
        while offset is not None:
            page = client.get("/compare", params={"units": "22,14,200", "limit": size,
                                                  "offset": offset}).json()
            assert page["offset"] == offset and page["limit"] == size
            for u in page["units"]:
                assert all(len(u[k]) <= size for k in ("mergers", "patterns", "reductions"))
                # the summaries do not depend on the page
                assert {k: u[k] for k in ("summary", "merger_kinds", "pattern_coverage",
                                          "reduction_kinds", "only_here")} == \
                    {k: w[k] for w in whole["units"] if w["unit"] == u["unit"]
                     for k in ("summary", "merger_kinds", "pattern_coverage",
                               "reduction_kinds", "only_here")}
            pages.append(page)
            offset = page["next_offset"]
        for i, w in enumerate(whole["units"]):
            for key, total in (("mergers", "mergers"), ("patterns", "pattern_adoptions"),
                               ("reductions", "reductions")):
                joined = [row for p in pages for row in p["units"][i][key]]
                assert joined == w[key]
                assert len(joined) == w["summary"][total]
        longest = max(w["summary"][t] for w in whole["units"]
                      for t in ("mergers", "pattern_adoptions", "reductions"))
        assert len(pages) == max(1, -(-longest // size))  # no empty page at the end
    # today's summaries read the tallies kept with the facts; as of a date they are
    # counted from the mergers: a date after every fact gives the same
    later = client.get("/compare", params={"units": "22,14,200", "limit": 200,
                                           "as_of": "2099-12-31"}).json()
    for w, x in zip(whole["units"], later["units"]):
        assert (w["summary"], w["merger_kinds"]) == (x["summary"], x["merger_kinds"])
        assert [m["fact_id"] for m in w["mergers"]] == [m["fact_id"] for m in x["mergers"]]
    qn = whole["units"][0]
    assert sum(k["count"] for k in qn["merger_kinds"]) == qn["summary"]["mergers"] \
        == sum(qn["summary"]["mergers_by_kind"].values()) \
        == sum(qn["summary"]["mergers_by_status"].values())
    assert {k["signature"] for k in qn["merger_kinds"]} == {
        f"{m['from']['body_type']} -> {m['into']['body_type']}" for m in qn["mergers"]}
    assert {c["pattern"]["id"]: c["units_applying"] for c in qn["pattern_coverage"]} == {
        pid: len({p["unit"]["uid"] for p in qn["patterns"] if p["pattern"]["id"] == pid})
        for pid in {p["pattern"]["id"] for p in qn["patterns"]}}
    assert is_problem(client.get("/compare", params={"units": "22,14", "limit": 0}), 422)


def test_compare_counts_a_merger_without_kind_or_status_as_unstated():
    from mergegraph.graph.queries import _counts

    groups = [{"kind": "merge", "count": 2}, {"kind": None, "count": 1},
              {"kind": "absorb", "count": 3}, {"kind": "merge", "count": 1}]
    assert _counts(groups, "kind") == {"absorb": 3, "merge": 3, "unstated": 1}


def test_compare_shows_the_reductions_each_unit_reported(client):
    # Hà Tĩnh: Đức Thọ "đã giảm được 13 đơn vị đầu mối"; Đắk Nông: the province's
    # own figures, with the part-time posts at commune and village level.
    body = client.get("/compare", params={"units": "42,67"}).json()
    ht, dn = body["units"]
    focal = [r for r in ht["reductions"] if r["kind"]["what"] == "focal-unit"]
    assert {(r["unit"]["uid"], r["count"], r["status"]) for r in focal} >= {
        ("legacy:440", 13, "implemented")}
    part_time = {(r["unit"]["uid"], r["level"], r["count"]) for r in dn["reductions"]
                 if r["kind"]["what"] == "part-time-staff"}
    assert part_time == {("legacy:67", "commune", 301), ("legacy:67", "village", 1875)}
    kinds = [{r["kind"]["what"] for r in u["reductions"]} for u in (ht, dn)]
    assert body["common"]["reductions"] == sorted(kinds[0] & kinds[1])
    assert dn["only_here"]["reductions"] == sorted(kinds[1] - kinds[0])
    assert "part-time-staff" in dn["only_here"]["reductions"]
    for u in (ht, dn):
        assert u["summary"]["reductions"] == len(u["reductions"])
        assert u["summary"]["reduction_kinds"] == len({r["kind"]["what"] for r in u["reductions"]})
    # every figure leads to the sentence that states it
    (thirteen,) = [r for r in focal if r["count"] == 13]
    evidence = client.get(f"/facts/{thirteen['fact_id']}/evidence").json()
    assert evidence["fact"]["type"] == "REDUCED"
    assert "giảm được 13 đơn vị đầu mối" in evidence["evidence"][0]["evidence"]["quote"]


def test_a_province_compares_with_the_reductions_of_its_districts(client):
    # Quảng Ninh's figures are its districts' (Móng Cái, Đầm Hà): listed per unit, not summed
    qn = client.get("/compare", params={"units": "22,14"}).json()["units"][0]
    units = {r["unit"]["uid"] for r in qn["reductions"]}
    assert {"legacy:194", "legacy:200"} <= units
    staff = [r for r in qn["reductions"] if r["kind"]["what"] == "staff"]
    assert {(r["unit"]["uid"], r["count"]) for r in staff} == {("legacy:194", 6), ("legacy:200", 9)}


# --- posts, people, evidence -----------------------------------------------------

def test_people_posts_and_evidence(client):
    person = first(client, "quynh nhai", kind="person") or first(client, "thi", kind="person")
    assert person
    record = client.get(f"/people/{person[0]['id']}").json()
    assert record["posts"] and record["posts"][0]["evidence"][0]["quote"]
    post = record["posts"][0]["position"]["id"]
    position = client.get(f"/positions/{post}").json()
    assert any(h["person"]["id"] == person[0]["id"] for h in position["holders"])


def test_source_and_fact_evidence(client):
    source = client.get("/sources/000_3ebe3cc6aa2eb4b4").json()
    assert source["source"]["content_hash"].startswith("sha256:")
    fact_id = source["evidence"][0]["fact_id"]
    res = client.get(f"/facts/{fact_id}/evidence")
    assert res.status_code == 200
    body = res.json()
    assert body["fact"]["properties"]["fact_id"] == fact_id
    assert any(e["source"]["id"] == "000_3ebe3cc6aa2eb4b4" for e in body["evidence"])


@pytest.mark.parametrize("path", [
    "/bodies/body:nowhere", "/bodies/nope/lineage", "/positions/x", "/people/x",
    "/sources/x", "/facts/x/evidence", "/units/999",
])
def test_unknown_ids_are_404_problems(client, path):
    assert is_problem(client.get(path), 404)


@pytest.mark.parametrize("path,params", [
    ("/search", {"q": ""}), ("/search", {"q": "a", "limit": 1000}),
    ("/search", {"q": "!!!"}), ("/units/abc", {}),
    ("/bodies/x/lineage", {"max_depth": 50}), ("/bodies/x/lineage", {"as_of": "yesterday"}),
    ("/search", {"q": "x", "province": "Sơn La"}),
])
def test_bad_parameters_are_422_problems(client, path, params):
    assert is_problem(client.get(path, params=params), 422)


# --- export ----------------------------------------------------------------------

def test_export_formats(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/export?format=csv").text.lstrip("\ufeff"))))
    assert rows and all(r["fact_id"] and r["quote"] for r in rows)
    reduced = [r for r in rows if r["type"] == "REDUCED"]
    assert reduced and all(r["what"] and r["count"] and r["target"].startswith("reduction-kind:")
                           for r in reduced)
    lines = [json.loads(x) for x in client.get("/export?format=jsonl").text.splitlines()]
    assert {x["kind"] for x in lines} == {"node", "relationship"}
    assert any(x["kind"] == "node" and x["label"] == "ReductionKind" for x in lines)
    graph = ET.fromstring(client.get("/export?format=graphml").content)
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    node_ids = {n.get("id") for n in graph.iterfind(".//g:node", ns)}
    edges = list(graph.iterfind(".//g:edge", ns))
    assert edges and all(e.get("source") in node_ids and e.get("target") in node_ids
                         for e in edges)


# --- writes ----------------------------------------------------------------------

ARTICLE = {
    "doc": "api-test-1", "publisher": "Báo Thử", "date": "2021-06-01",
    "province_hint": "Sơn La",
    "text": ("Từ năm 2020, huyện Mộc Châu thực hiện mô hình Trưởng ban Dân vận Huyện ủy "
             "đồng thời là Chủ tịch Ủy ban MTTQ huyện.\n"),
}


def test_writes_are_off_without_a_configured_token(client):
    assert is_problem(client.post("/documents", json=ARTICLE), 403)
    assert is_problem(client.delete("/documents/000_3ebe3cc6aa2eb4b4"), 403)


def test_writes_need_the_right_token(writer_client):
    assert is_problem(writer_client.post("/documents", json=ARTICLE), 401)
    wrong = {"Authorization": "Bearer not-the-token"}
    assert is_problem(writer_client.post("/documents", json=ARTICLE, headers=wrong), 401)


def test_post_then_delete_a_document(writer_client, client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    res = writer_client.post("/documents", json=ARTICLE, headers=auth)
    assert res.status_code == 201, res.text
    body = res.json()
    assert body["facts"] and body["written"]["new"] == 1
    assert any(f["type"] == "concurrency" and f["unit"] for f in body["facts"])
    assert client.get("/sources/api-test-1").status_code == 200
    again = writer_client.post("/documents", json=ARTICLE, headers=auth).json()
    assert again["written"]["unchanged"] == 1
    assert writer_client.delete("/documents/api-test-1", headers=auth).status_code == 204
    assert client.get("/sources/api-test-1").json()["evidence"] == []
    assert is_problem(writer_client.delete("/documents/never-was", headers=auth), 404)
    assert is_problem(writer_client.post("/documents", json={**ARTICLE, "doc": "bad id!"},
                                         headers=auth), 422)


def test_openapi_documents_every_endpoint_with_examples(client):
    spec = client.get("/openapi.json").json()
    assert {"/search", "/bodies/{body_id}/lineage", "/patterns/concurrency", "/compare",
            "/documents", "/export"} <= set(spec["paths"])
    search_params = {p["name"]: p for p in spec["paths"]["/search"]["get"]["parameters"]}
    assert search_params["q"].get("examples") or search_params["q"]["schema"].get("examples")
