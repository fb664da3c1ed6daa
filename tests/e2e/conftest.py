"""End-to-end fixtures: the app (API + web UI) served by uvicorn on a free loopback
port against the test Neo4j loaded with the administrative units and the bundled
corpus, and a headless Chromium (Debian's `chromium`) driven by Playwright.

Without a Chromium executable the tests are skipped, except in CI (`CI` set),
where that is a failure: `make test` installs it with apt.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import uvicorn

from mergegraph.api.app import create_app
from mergegraph.settings import PROJECT_ROOT
from tests.support.helpers import load_units_and_bundled_corpus

ARTIFACTS = Path(os.environ.get("MERGEGRAPH_E2E_ARTIFACTS", PROJECT_ROOT / "test-artifacts" / "e2e"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_executable() -> str | None:
    for candidate in (os.environ.get("MERGEGRAPH_CHROMIUM"), shutil.which("chromium"),
                      "/usr/bin/chromium", shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = chromium_executable()
    if path is None:
        message = ("no Chromium executable (install Debian's: apt-get install -y chromium, "
                   "or set MERGEGRAPH_CHROMIUM)")
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run the end-to-end tests")
        pytest.skip(message)
    return path


@pytest.fixture(scope="package")
def e2e_loaded(driver, conn):
    load_units_and_bundled_corpus(driver, conn.database)
    return driver


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="package")
def base_url(chromium_path, e2e_loaded, settings) -> str:
    """The app, as `mergegraph serve` runs it, in a thread of this process."""
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the app did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="package")
def browser(chromium_path):
    # Package scope: Playwright's sync API runs an event loop in this thread
    # while it is open, and later tests call asyncio.run().
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


WIDTHS = [1280, 360]  # a desktop and a phone


@pytest.fixture
def page(browser, base_url, request):
    """A fresh page, 1280 px wide unless parametrized (indirect) with another width. After
    the test: no script error happened, and every request went to the app itself
    (nothing from a CDN or any other host)."""
    width = getattr(request, "param", 1280)
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    hosts: set[str] = set()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("request", lambda req: hosts.add(urlsplit(req.url).netloc)
            if req.url.startswith("http") else None)
    page.base = base_url  # type: ignore[attr-defined]
    page.width = width  # type: ignore[attr-defined]
    yield page
    context.close()
    assert not errors, f"script errors in the page: {errors}"
    assert hosts <= {urlsplit(base_url).netloc}, f"requests left the app: {hosts}"


def screenshot(page, name: str) -> Path:
    """Save the whole page as a test artefact: test-artifacts/e2e/<name>.png."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    assert path.stat().st_size > 10_000
    return path


def assert_fits(page) -> None:
    """Nothing is wider than the window: the page never scrolls sideways."""
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.width, f"{page.url}: {width} px wide in a {page.width} px window"
