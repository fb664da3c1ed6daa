"""The guide and the style file in the real Neo4j Browser that the test Neo4j serves:
`:play <app>/guide` shows the slides, a click puts a block in the editor, `:style <url>`
applies, and the one-click model picture draws. Skipped when the tests use NEO4J_URI
(no Browser of ours to drive)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from mergegraph.graph import neo4j_local
from tests.e2e.conftest import screenshot


@pytest.fixture
def neo4j_browser(browser, local_instance, base_url):
    if local_instance is None:
        pytest.skip("NEO4J_URI is set: no local Neo4j Browser to drive")
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    context.set_default_timeout(20_000)
    page = context.new_page()
    page.goto(f"{local_instance.browser_uri}?dbms=neo4j://127.0.0.1:{local_instance.bolt_port}")
    page.get_by_test_id("username").fill("neo4j")
    page.get_by_test_id("password").fill(neo4j_local.read_password(local_instance))
    page.get_by_test_id("connect").click()
    expect(page.get_by_text("You are connected as user neo4j")).to_be_visible(timeout=30_000)
    # Browser's default allowlist for remote content is guides.neo4j.com and localhost
    page.app = f"http://localhost:{urlsplit(base_url).port}"  # type: ignore[attr-defined]
    yield page
    context.close()


def _run(page, command: str | None = None):
    editor = page.locator(".monaco-editor textarea").first
    if command is not None:
        editor.click()
        page.keyboard.type(command)
        page.keyboard.press("Escape")
    editor.focus()
    page.keyboard.press("Control+Enter")


def test_guide_and_style_in_neo4j_browser(neo4j_browser):
    page = neo4j_browser
    _run(page, f":play {page.app}/guide")
    frame = page.locator("article").filter(has_text=f":play {page.app}/guide")
    expect(frame).to_contain_text("mergegraph: the graph of Vietnam's merged agencies and posts")
    expect(frame).to_contain_text("1 / 11")
    # one click puts the style command in the editor; running it applies the file
    frame.locator("pre").filter(has_text=":style http").click()
    _run(page)
    # the frame of :style shows the style now in force: the file's rules
    expect(page.locator("article").filter(has_text="node.ConcurrencyPattern")).to_have_count(1)
    frame.locator("pre").filter(has_text="The model, by example").click()
    _run(page)
    picture = page.locator("article").filter(has_text="The model, by example").first
    expect(picture).to_contain_text("Displaying 12 nodes")
    expect(picture).to_contain_text("Vì Thị Tiến")  # captioned by name, as the style says
    screenshot(page, "neo4j-browser-guide")
