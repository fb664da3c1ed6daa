"""The Neo4j Browser guide (/guide): slides with the model and the README's ten queries,
each block runnable as Browser runs it, against the real Neo4j with the bundled data."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from mergegraph.api.app import create_app
from tests.support.helpers import load_units_and_bundled_corpus
from tests.test_browser_style import parse_grass, style_command_param
from tests.test_cypher_files import browser_params

RUNNABLE = re.compile(r'<pre mode="cypher" class="[^"]*\brunnable\b[^"]*">(.*?)</pre>', re.S)


@pytest.fixture(scope="module")
def client(driver, conn, settings):
    load_units_and_bundled_corpus(driver, conn.database)
    with TestClient(create_app(settings)) as c:
        yield c


def test_guide_is_served_for_browser(client):
    res = client.get("/guide")
    assert res.status_code == 200 and res.headers["content-type"].startswith("text/html")
    # Browser fetches it from its own origin (Neo4j's HTTP port)
    assert res.headers["access-control-allow-origin"] == "*"
    text = res.text
    assert text.count("<slide") == 11 and '<article class="guide">' in text and "<carousel" in text


def test_every_block_of_the_guide_runs_as_browser_runs_it(client, driver, conn):
    blocks = [html.unescape(b) for b in RUNNABLE.findall(client.get("/guide").text)]
    assert len(blocks) >= 1 + 2 + 9 * 3 + 1
    params: dict = {}
    ran = 0
    for block in blocks:
        if block.startswith(":style "):
            url = block.split(" ", 1)[1]
            assert url.endswith("/guide/browser-style.grass")
            grass = client.get("/guide/browser-style.grass")
            assert grass.headers["access-control-allow-origin"] == "*"
            assert parse_grass(style_command_param(":style " + grass.text))["node.Body"]
            continue
        if block.startswith(":param "):
            params = browser_params(driver, conn.database, block[len(":param "):])
            continue
        records, _, _ = driver.execute_query(block, params, database_=conn.database)
        # each query answers something with the bundled data
        assert records, f"no rows: {block[:120]}"
        ran += 1
        params = {}
    assert ran >= 21


def test_one_click_blocks_need_no_parameters(client):
    text = client.get("/guide").text
    slides = text.split("<slide")[2:]
    for slide in slides:
        first = html.unescape(RUNNABLE.findall(slide)[0])
        assert "$" not in first, first[:200]


def test_guide_answers_browsers_preflight(client):
    res = client.options("/guide", headers={"Origin": "http://127.0.0.1:7474",
                                            "Access-Control-Request-Method": "GET",
                                            "Access-Control-Request-Headers": "x-custom"})
    assert res.status_code == 204
    assert res.headers["access-control-allow-origin"] == "*"
    assert "x-custom" in res.headers["access-control-allow-headers"]
