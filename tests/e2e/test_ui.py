"""The analyst web UI, driven in headless Chromium against the app serving the
bundled corpus. Each test asserts on what a reader sees and saves a screenshot."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from tests.e2e.conftest import screenshot

DAM_HA_BODY = "Cơ quan Tổ chức - Nội vụ (Huyện Đầm Hà)"
PREDECESSORS = ("Ban Tổ chức (Huyện Đầm Hà)", "Phòng Nội vụ (Huyện Đầm Hà)")


def search(page, text: str):
    page.goto(page.base + "/")
    box = page.get_by_role("searchbox", name="Tìm kiếm")
    expect(box).to_be_visible()
    box.fill(text)  # results come as one types: no button to press
    return page.get_by_role("list").filter(has=page.get_by_role("link"))


def test_search_is_instant_and_ignores_diacritics(page):
    results = search(page, "dam ha")
    expect(results.get_by_role("link", name="Huyện Đầm Hà", exact=True)).to_be_visible()
    expect(results.get_by_role("link", name=DAM_HA_BODY, exact=True)).to_be_visible()
    screenshot(page, "search")
    # and the query is in the address, so the results can be shared
    assert "q=dam" in page.url


def test_body_lineage_shows_both_predecessors_evidence_and_2025_fate(page):
    results = search(page, "dam ha")
    results.get_by_role("link", name=DAM_HA_BODY, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(DAM_HA_BODY)

    picture = page.get_by_role("figure", name="Sơ đồ quan hệ sáp nhập")
    expect(picture).to_be_visible()
    frame = picture.bounding_box()
    for name in PREDECESSORS:
        node = picture.get_by_role("link", name=name, exact=True)
        expect(node).to_be_visible()
        expect(node).to_have_text(name)  # the name is drawn, not only in a tooltip
        box = node.bounding_box()
        assert frame["x"] <= box["x"] and box["x"] + box["width"] <= frame["x"] + frame["width"] + 1
        assert frame["y"] <= box["y"] and box["y"] + box["height"] <= frame["y"] + frame["height"] + 1
    # the edges are labelled with their kind and date, and drawn in the style of their status
    expect(picture.get_by_text("hợp nhất · 04/2019", exact=True)).to_have_count(2)

    evidence = page.locator("section", has=page.get_by_role("heading", name=re.compile("Bằng chứng")))
    for name in PREDECESSORS:
        edge = evidence.get_by_role("row").filter(has=page.get_by_role("link", name=name, exact=True))
        expect(edge).to_contain_text("hợp nhất")
        expect(edge).to_contain_text("Thí điểm")  # the status, as words beside the style
    expect(evidence.get_by_text("Ban Tổ chức Huyện ủy và Phòng Nội vụ").first).to_be_visible()
    source_link = evidence.get_by_role("link", name=re.compile("^Nguồn ")).first
    expect(source_link).to_be_visible()

    fate = page.locator("section", has=page.get_by_role("heading", name=re.compile("Sau sắp xếp 2025")))
    expect(fate).to_contain_text("nay thuộc Tỉnh Quảng Ninh")
    expect(fate.get_by_role("link", name="Xã Đầm Hà", exact=True)).to_be_visible()
    screenshot(page, "body")

    # the source of a quote opens, and shows the quote
    source_link.click()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.get_by_text("Ban Tổ chức Huyện ủy và Phòng Nội vụ").first).to_be_visible()
    page.go_back()

    # a click on a node moves there: the Ban Tổ chức, whose successor is the merged body
    page.get_by_role("figure", name="Sơ đồ quan hệ sáp nhập").get_by_role("link", name=PREDECESSORS[0], exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PREDECESSORS[0])
    expect(page.get_by_role("figure", name="Sơ đồ quan hệ sáp nhập")
           .get_by_role("link", name=DAM_HA_BODY, exact=True)).to_be_visible()


def test_lineage_before_the_merger_is_empty(page):
    page.goto(page.base + "/#/body/" + "body%3Alegacy%3A200%3Aban-to-chuc%2Bnoi-vu?as_of=2010-01-01")
    expect(page.get_by_role("heading", level=1)).to_have_text(DAM_HA_BODY)
    expect(page.get_by_text("Chưa có quan hệ sáp nhập nào tính đến 01/01/2010.")).to_be_visible()
    expect(page.get_by_role("figure", name="Sơ đồ quan hệ sáp nhập")).to_have_count(0)


def _patterns_section(page):
    return page.locator("section", has=page.get_by_role(
        "heading", name=re.compile("Mô hình nhất thể hóa chức danh")))


def test_son_la_patterns_show_5_of_12_districts(page):
    results = search(page, "son la")
    # before the 2025 reform (the era of the articles), not today's province of that name
    results.get_by_role("listitem").filter(has_text="trước 2025").get_by_role(
        "link", name="Tỉnh Sơn La", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tỉnh Sơn La")
    section = _patterns_section(page)
    # the pattern's own cell (its evidence, whole sentences, may name other posts too)
    row = section.get_by_role("row").filter(
        has=page.get_by_role("cell", name=re.compile("^Trưởng Ban Dân vận.*MTTQ")))
    expect(row).to_have_count(1)
    expect(row.get_by_role("cell").nth(1)).to_have_text("Cấp huyện")
    expect(row.get_by_role("cell").nth(2)).to_contain_text("5/12")
    # the chart draws the same coverage
    chart = section.get_by_role("img", name="Tỷ lệ áp dụng mô hình theo cấp")
    expect(chart).to_be_visible()
    expect(chart.get_by_text("5/12 (42%)", exact=True)).to_be_visible()
    expect(chart.get_by_text("Cấp huyện", exact=True)).to_be_visible()
    # the named districts link to their pages
    expect(row.get_by_role("link", name="Huyện Quỳnh Nhai", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile("Sáp nhập, hợp nhất cơ quan"))).to_be_visible()
    screenshot(page, "province")
    page.get_by_role("link", name="So sánh Tỉnh Sơn La với Tỉnh Quảng Ninh", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tỉnh Sơn La")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tỉnh Quảng Ninh")


def test_compare_quang_ninh_with_son_la_highlights_differences(page):
    page.goto(page.base + "/#/compare/22,14")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text("Tỉnh Quảng Ninh")
    expect(heading).to_contain_text("Tỉnh Sơn La")
    section = _patterns_section(page)
    header = section.get_by_role("row").first
    expect(header.get_by_role("columnheader")).to_have_text(
        ["Mô hình", "Cấp", "Tỉnh Quảng Ninh", "Tỉnh Sơn La"])
    # Sơn La's Dân vận + MTTQ pattern is held within Đầm Hà's three-post one (Dân vận +
    # khối MTTQ + Chủ tịch MTTQ): Quảng Ninh shares it, so it is flagged in neither column
    son_la = section.get_by_role("row").filter(has_text="Trưởng Ban Dân vận đồng thời Chủ tịch Ủy ban MTTQ").filter(has_text="5/12")
    expect(son_la).to_have_count(1)
    cells = son_la.get_by_role("cell")
    expect(cells.nth(2)).to_contain_text("trong mô hình rộng hơn")
    expect(cells.nth(3)).not_to_contain_text("chỉ có ở đây")
    expect(son_la).not_to_contain_text("chỉ có ở đây")
    # the three-post pattern itself is Quảng Ninh's alone
    three = section.get_by_role("row").filter(has_text="Cơ quan chuyên trách khối MTTQ")
    expect(three.get_by_role("cell").nth(2)).to_contain_text("chỉ có ở đây")
    expect(three.get_by_role("cell").nth(3)).to_have_text("—")
    # the pattern both apply is not flagged in either column
    shared = section.get_by_role("row").filter(has_text="Trung tâm Chính trị")
    expect(shared).to_have_count(1)
    expect(shared).not_to_contain_text("chỉ có ở đây")
    expect(shared.get_by_role("cell").nth(3)).to_contain_text("12/12")
    # Quảng Ninh's mergers (Đầm Hà's) are listed and flagged as its own
    mergers = page.locator("section", has=page.get_by_role("heading", name=re.compile("Sáp nhập, hợp nhất cơ quan")))
    row = mergers.get_by_role("row").filter(has=page.get_by_role("link", name=DAM_HA_BODY, exact=True)).first
    expect(row).to_contain_text("chỉ có ở đây")
    expect(row.get_by_role("cell").last).to_have_text("—")
    screenshot(page, "compare")


def test_compare_lists_reported_reductions_with_their_quotes(page):
    # Hà Tĩnh (Đức Thọ: "đã giảm được 13 đơn vị đầu mối") with Đắk Nông (its own figures)
    page.goto(page.base + "/#/compare/42,67")
    section = page.locator("section", has=page.get_by_role("heading", name=re.compile("Cắt giảm được báo cáo")))
    expect(section.get_by_role("columnheader")).to_have_text(["Cắt giảm", "Tỉnh Hà Tĩnh", "Tỉnh Đắk Nông"])
    focal = section.get_by_role("row").filter(has_text="giảm 13 đầu mối")
    expect(focal).to_have_count(1)
    expect(focal).to_contain_text("Huyện Đức Thọ")
    # part-time posts are Đắk Nông's alone: flagged there, absent in Hà Tĩnh
    part_time = section.get_by_role("row").filter(has_text="giảm 301 người hoạt động không chuyên trách")
    expect(part_time.get_by_role("cell").nth(1)).to_have_text("—")
    expect(part_time.get_by_role("cell").nth(2)).to_contain_text("chỉ có ở đây")
    # the quote behind a figure opens in place
    item = focal.get_by_role("listitem").filter(has_text="giảm 13 đầu mối")
    item.get_by_text("trích dẫn").click()
    expect(item.locator("blockquote")).to_contain_text("giảm được 13 đơn vị đầu mối")
    screenshot(page, "compare-reductions")


def test_district_page_lists_its_bodies_and_reductions(page):
    page.goto(page.base + "/#/unit/440")
    expect(page.get_by_role("heading", level=1)).to_have_text("Huyện Đức Thọ")
    bodies = page.locator("section", has=page.get_by_role("heading", name=re.compile("Cơ quan, tổ chức")))
    expect(bodies.get_by_role("link").first).to_be_visible()
    reductions = page.locator("section", has=page.get_by_role("heading", name=re.compile("Cắt giảm được báo cáo")))
    row = reductions.get_by_role("row").filter(has_text="giảm 13 đầu mối")
    expect(row).to_contain_text("Đã thực hiện")
    screenshot(page, "district")


def test_person_posts_with_dates_and_evidence(page):
    results = search(page, "vi thi tien")
    results.get_by_role("link", name="Vì Thị Tiến", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vì Thị Tiến")
    table = page.get_by_role("table")
    post = table.get_by_role("row").filter(
        has=page.get_by_role("link", name="Trưởng Ban Dân vận", exact=True))
    expect(post).to_have_count(1)
    expect(post.get_by_role("link", name="Ban Dân vận (Huyện Quỳnh Nhai)", exact=True)).to_be_visible()
    expect(post).to_contain_text("2021")
    expect(post).to_contain_text("Đã thực hiện")
    expect(post.get_by_text(re.compile("Chủ tịch Ủy ban MTTQ Việt Nam huyện Quỳnh Nhai"))).to_be_visible()
    other = table.get_by_role("row").filter(
        has=page.get_by_role("link", name="Chủ tịch Ủy ban MTTQ", exact=True))
    expect(other).to_have_count(1)
    expect(other.get_by_role("link", name="Ủy ban Mặt trận Tổ quốc (Huyện Quỳnh Nhai)", exact=True)).to_be_visible()
    # the unit column shows names, not ids
    expect(post.get_by_role("link", name="Huyện Quỳnh Nhai", exact=True)).to_be_visible()
    screenshot(page, "person")


def test_unknown_body_says_so(page):
    page.goto(page.base + "/#/body/body%3Anowhere")
    expect(page.get_by_role("alert")).to_contain_text("Không tìm thấy")


def test_licences_of_the_bundle_are_served(page):
    res = page.request.get(page.base + "/ui/LICENSES.txt")
    assert res.ok and "@dagrejs/dagre" in res.text() and "MIT" in res.text()
    assert page.request.get(page.base + "/ui/../api/app.py").status == 404
