"""The source reader and the timelines (issue 14), in headless Chromium against the
app serving the bundled corpus: a span highlighted, a citation copied, a timeline
reached from a body's page."""

from __future__ import annotations

import re
from urllib.parse import quote

from playwright.sync_api import expect

from mergegraph.graph.version import write_bumping
from tests.e2e.conftest import screenshot

DAM_HA = "000_3ebe3cc6aa2eb4b4"
DAM_HA_BODY_ID = "body:legacy:200:ban-to-chuc+noi-vu"
FRAGMENT = "Ban Tổ chức Huyện ủy và Phòng Nội vụ"
TITLE = ("Đầm Hà đặt quyết tâm chính trị cao nhất tiếp tục thực hiện hiệu quả mô hình hợp nhất "
         "cơ quan, nhất thể hóa một số chức danh lãnh đạo quản lý")


def _span(page, quote_text: str) -> tuple[int, int]:
    evidence = page.request.get(f"{page.base}/sources/{DAM_HA}").json()["evidence"]
    e = next(e for e in evidence if e["quote"] == quote_text)
    return e["start"], e["end"]


def test_reader_highlights_the_span_and_copies_its_citation(page):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    start, end = _span(page, FRAGMENT)
    page.goto(f"{page.base}/#/source/{DAM_HA}?hl={start}-{end}")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    focus = page.locator("mark.span.focus")
    expect(focus).to_have_text(FRAGMENT)
    expect(focus).to_be_in_viewport()
    # every statement's span is marked in the text
    evidence = page.request.get(f"{page.base}/sources/{DAM_HA}").json()["evidence"]
    assert page.locator(".reader-text mark.span").count() >= len({(e["start"], e["end"]) for e in evidence}) - 5
    # the facts stated there, with their sentence, link to their bodies
    box = page.get_by_role("region", name="Trích dẫn")
    expect(box.get_by_role("link", name="Ban Tổ chức (Huyện Đầm Hà)")).to_be_visible()
    expect(box.locator("blockquote mark.quote").first).to_have_text(FRAGMENT)
    expected = (f"Trung tâm Truyền thông và Văn hóa huyện Đầm Hà, “{TITLE}”, 26/04/2020, "
                f"(không có URL; mergegraph nguồn {DAM_HA}), “{FRAGMENT}”")
    expect(box.locator(".citation")).to_have_text(expected)
    box.get_by_role("button", name=re.compile("Sao chép trích dẫn")).click()
    expect(box.get_by_role("status")).to_have_text(re.compile("Đã sao chép"))
    assert page.evaluate("navigator.clipboard.readText()") == expected
    screenshot(page, "reader")


def test_clicking_another_span_cites_it(page):
    page.goto(f"{page.base}/#/source/{DAM_HA}")
    expect(page.locator(".citation")).to_have_text(re.compile("Chọn một đoạn"))
    page.locator(".reader-text mark.span", has_text="hợp nhất UBKT Huyện ủy với Thanh tra huyện").first.click()
    expect(page.locator(".citation")).to_have_text(re.compile("“hợp nhất UBKT Huyện ủy với Thanh tra huyện”$"))
    start, end = _span(page, "hợp nhất UBKT Huyện ủy với Thanh tra huyện")
    assert page.url.endswith(f"?hl={start}-{end}")


def test_evidence_on_a_body_page_reads_as_a_sentence_and_opens_the_reader(page):
    page.goto(f"{page.base}/#/body/{quote(DAM_HA_BODY_ID, safe='')}")
    quote_mark = page.locator("table.edges-table blockquote mark.quote", has_text=FRAGMENT).first
    expect(quote_mark).to_be_visible()
    expect(page.locator("table.edges-table").get_by_text(re.compile(r"từ 04/2019 \(suy từ bài\) · đăng 26/04/2020")).first).to_be_visible()
    page.locator("table.edges-table .cite a").first.click()
    expect(page.locator("mark.span.focus").first).to_be_visible()
    assert "#/source/" in page.url and "?hl=" in page.url


def test_body_timeline_from_the_body_page(page):
    page.goto(f"{page.base}/#/body/{quote(DAM_HA_BODY_ID, safe='')}")
    page.get_by_role("link", name=re.compile("Dòng thời gian")).click()
    items = page.locator("ol.timeline > li")
    expect(items.first).to_contain_text("04/2019")
    expect(items.first).to_contain_text("Sáp nhập, hợp nhất")
    last = items.last
    expect(last).to_have_attribute("data-type", "BODY_ENDED")
    expect(last).to_contain_text("01/07/2025")
    expect(last.get_by_role("link", name="Tỉnh Quảng Ninh")).to_be_visible()
    screenshot(page, "timeline-body")


def test_province_timeline_from_the_province_page(page):
    page.goto(f"{page.base}/#/province/14")
    page.get_by_role("link", name=re.compile("Dòng thời gian")).click()
    items = page.locator("ol.timeline > li")
    expect(items.first).to_contain_text("2018")
    expect(page.locator("ol.timeline").get_by_text("Vì Thị Tiến").first).to_be_visible()
    expect(items.last).to_have_attribute("data-type", "UNIT_REFORMED")


def test_reader_on_a_phone(browser, base_url):
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="vi-VN")
    page = context.new_page()
    page.base = base_url
    start, end = _span(page, FRAGMENT)
    page.goto(f"{base_url}/#/source/{DAM_HA}?hl={start}-{end}")
    expect(page.locator("mark.span.focus")).to_be_in_viewport()
    expect(page.locator(".citation")).to_be_in_viewport()  # the citation stays at hand
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360, width
    screenshot(page, "reader-360")
    context.close()


def test_a_district_body_page_says_it_ended_in_2025(page):
    page.goto(f"{page.base}/#/body/{quote(DAM_HA_BODY_ID, safe='')}")
    expect(page.get_by_role("note")).to_contain_text("Chấm dứt từ 01/07/2025")
    expect(page.get_by_role("note")).to_contain_text("Tỉnh Quảng Ninh")


def test_a_stored_url_that_is_not_http_is_never_a_link(page, driver, conn):
    """The API and ingest refuse such urls now (issue 18); one stored before, or written
    around them, is shown as text, not as a link that would run a script."""
    write_bumping(driver, conn.database,  # a write like any other: cached answers go
                  "MATCH (s:Source {id: $id}) SET s.url = 'javascript:alert(1)'", id=DAM_HA)
    try:
        start, end = _span(page, FRAGMENT)
        page.goto(f"{page.base}/#/source/{DAM_HA}?hl={start}-{end}")
        expect(page.locator(".meta .unsafe-url")).to_have_text("javascript:alert(1)")
        page.goto(f"{page.base}/#/body/{quote(DAM_HA_BODY_ID, safe='')}")
        expect(page.locator(".evidence .unsafe-url").first).to_be_visible()
        assert page.locator("a[href^='javascript:' i]").count() == 0
    finally:
        write_bumping(driver, conn.database, "MATCH (s:Source {id: $id}) REMOVE s.url",
                      id=DAM_HA)
