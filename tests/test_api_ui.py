"""What the web UI, Swagger UI, ReDoc and Gephi read from the API (issue 17), through
TestClient(app) against the real Neo4j loaded with the units and the bundled corpus."""

from __future__ import annotations

import csv
import io
import re

import networkx as nx
import pytest
from fastapi.testclient import TestClient

from mergegraph.api.app import create_app
from tests.support.helpers import load_units_and_bundled_corpus


@pytest.fixture(scope="module")
def client(driver, conn, settings):
    load_units_and_bundled_corpus(driver, conn.database)
    with TestClient(create_app(settings)) as c:
        yield c


# --- /docs and /redoc offline, with examples that exist ---------------------------

def test_docs_and_redoc_load_their_assets_from_the_app(client):
    for path, assets in (("/docs", ["/ui/swagger-ui-bundle.js", "/ui/swagger-ui.css"]),
                         ("/redoc", ["/ui/redoc.standalone.js"])):
        page = client.get(path)
        assert page.status_code == 200
        urls = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert not [u for u in urls if u.startswith(("http:", "https:", "//"))], urls
        assert "cdn" not in page.text.lower() and "fonts.googleapis" not in page.text
        for asset in assets:
            assert asset in urls
            res = client.get(asset)
            assert res.status_code == 200 and len(res.content) > 100_000
    licences = client.get("/ui/LICENSES.txt").text
    assert "swagger-ui-dist" in licences and "redoc" in licences


def _example(param: dict):
    if param.get("examples"):
        return next(iter(param["examples"].values()))["value"]
    if param.get("schema", {}).get("examples"):
        return param["schema"]["examples"][0]
    return None


def test_every_read_endpoint_has_examples_that_answer(client):
    spec = client.get("/openapi.json").json()
    tried = 0
    for path, ops in spec["paths"].items():
        op = ops.get("get")
        if not op:
            continue
        url, query = path, {}
        for param in op.get("parameters", []):
            value = _example(param)
            if param.get("required"):
                assert value is not None, f"GET {path}: {param['name']} has no example"
            if value is None:
                continue
            if param["in"] == "path":
                url = url.replace("{" + param["name"] + "}", str(value))
            else:
                query[param["name"]] = value
        res = client.get(url, params=query)
        assert res.status_code == 200, f"GET {url} {query}: {res.status_code} {res.text[:200]}"
        tried += 1
    assert tried >= 14


# --- patterns of a 2025 province ----------------------------------------------------

def test_a_2025_province_answers_for_the_legacy_provinces_it_was_formed_from(client):
    page = client.get("/patterns/concurrency", params={"province": "2025:14"}).json()
    assert page["items"], "2025:14 (Sơn La) returned no pattern"
    assert page["scope"]["formed_from"] == [{"uid": "legacy:14", "code": "14",
                                             "name": "Tỉnh Sơn La"}]
    assert "formed from" in page["scope"]["note"]
    legacy = client.get("/patterns/concurrency", params={"province": "14"}).json()
    assert legacy["scope"] is None
    assert {p["pattern"]["id"] for p in page["items"]} == {p["pattern"]["id"] for p in legacy["items"]}
    # Lâm Đồng (2025:68) was formed from Lâm Đồng, Bình Thuận and Đắk Nông: Đắk Nông's patterns
    lam_dong = client.get("/patterns/concurrency", params={"province": "2025:68"}).json()
    assert {"legacy:67"} <= {f["uid"] for f in lam_dong["scope"]["formed_from"]}
    assert {u["unit"]["province_uid"] for p in lam_dong["items"] for u in p["units"]} == {"legacy:67"}


def test_provinces_of_both_eras(client):
    legacy = client.get("/provinces").json()["items"]
    now = client.get("/provinces", params={"era": "2025"}).json()["items"]
    assert len(legacy) == 63 and len(now) == 34
    son_la = next(p for p in legacy if p["uid"] == "legacy:14")
    assert son_la["patterns"] > 0 and son_la["became"][0]["uid"] == "2025:14"
    lam_dong = next(p for p in now if p["uid"] == "2025:68")
    assert {"legacy:67", "legacy:68"} <= {p["uid"] for p in lam_dong["formed_from"]}


# --- compare: a pattern that contains another's posts shares it -----------------------

def test_compare_counts_a_larger_pattern_as_sharing_the_smaller(client):
    body = client.get("/compare", params={"units": "22,14"}).json()
    qn, sl = body["units"]
    small = "pattern:district:head@ban-dan-van+head@mttq"
    big = "pattern:district:head@ban-dan-van+head@co-quan-khoi-mttq+head@mttq"
    assert small in body["common"]["patterns"]
    assert small not in sl["only_here"]["patterns"]
    assert qn["contained_patterns"][small] == [big]
    assert big in qn["only_here"]["patterns"]  # the larger one is still Quảng Ninh's alone
    # a district merger keeps its level, so the UI can name it Phòng Nội vụ, not Sở Nội vụ
    merger = next(m for m in qn["mergers"] if m["from"]["body_type"] == "noi-vu")
    assert merger["from"]["level"] == "district"


# --- GraphML for Gephi -----------------------------------------------------------------

def test_graphml_reads_in_networkx_with_names_types_and_evidence(client):
    res = client.get("/export", params={"format": "graphml"})
    graph = nx.read_graphml(io.BytesIO(res.content))
    assert graph.number_of_nodes() > 50 and graph.number_of_edges() > 50
    body = graph.nodes["body:legacy:200:ban-to-chuc+noi-vu"]
    assert body["label"] == "Cơ quan Tổ chức - Nội vụ (Huyện Đầm Hà)" and body["type"] == "Body"
    assert not {d.get("label") for _, d in graph.nodes(data=True)} & {"Body", "Position", "AdminUnit"}
    (edge,) = graph.get_edge_data("body:legacy:200:ban-to-chuc",
                                  "body:legacy:200:ban-to-chuc+noi-vu").values()
    assert edge["type"] == "MERGED_INTO" and edge["kind"] == "merge"
    assert "Ban Tổ chức Huyện ủy" in edge["quote"] and edge["sources"] == "000_3ebe3cc6aa2eb4b4"
    # the bundled corpus has no urls; the key is declared for sources that do
    assert b'attr.name="url"' in res.content
    facts = [d for _, _, d in graph.edges(data=True) if d.get("fact_id")]
    assert facts and all(d.get("quote") for d in facts)


def test_csv_export_has_quotes_and_urls(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/export?format=csv").text.lstrip("\ufeff"))))
    assert rows and all(r["quote"] and r["sources"] for r in rows) and "url" in rows[0]
