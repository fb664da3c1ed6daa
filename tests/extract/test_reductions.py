"""Reported reductions ("giảm 12 đầu mối", "tinh giản 10% biên chế") on
sentences of our own: what, how many, where, status, and what is no reduction."""

from __future__ import annotations

from mergegraph.ingest.extract.reductions import kind_of

from ._support import evals, facts_of


def reductions(text, hint=None, **kw):
    return [(f["unit"], f["what"], f["level"], f["count"], f["percent"], f["approx"], f["status"])
            for f in evals(text, hint, "reduction", **kw)]


def test_a_list_of_cuts_after_one_verb_each():
    text = ("Sau hai năm sắp xếp, huyện Lục Ngạn đã giảm 7 đầu mối; giảm 24 phòng, ban và tương đương "
            "cấp huyện; giảm 15 biên chế.")
    assert reductions(text, "Bắc Giang") == [
        ("219", "focal-unit", None, 7, None, False, "implemented"),
        ("219", "division", "district", 24, None, False, "implemented"),
        ("219", "staff", None, 15, None, False, "implemented")]


def test_items_without_a_verb_of_their_own():
    text = "Huyện Mai Sơn giảm 2 cấp trưởng, 4 cấp phó và 11 người làm việc."
    assert [(r[1], r[3]) for r in reductions(text, "Sơn La")] == [
        ("head", 2), ("deputy", 4), ("staff", 11)]


def test_a_bare_counter_repeats_the_kind_named_before_it():
    text = ("Toàn tỉnh giảm được 420 người hoạt động không chuyên trách cấp xã và 2.310 người "
            "ở thôn, bản.")
    assert reductions(text, "Lai Châu") == [
        ("12", "part-time-staff", "commune", 420, None, False, "implemented"),
        ("12", "part-time-staff", "village", 2310, None, False, "implemented")]


def test_the_whole_province_in_an_article_about_a_district():
    text = ("Huyện Tam Nông đi đầu trong sắp xếp tổ chức bộ máy. Huyện Tam Nông đã hợp nhất nhiều cơ quan. "
            "Ở Tam Nông, Ban Tổ chức và Phòng Nội vụ làm việc chung. "
            "Đến nay toàn tỉnh đã giảm 58 đơn vị sự nghiệp công lập.")
    found = reductions(text, "Phú Thọ")
    assert found == [("25", "public-service-unit", None, 58, None, False, "implemented")]


def test_the_place_before_the_verb_is_the_unit():
    text = "Thực hiện Nghị quyết 18 của Tỉnh ủy Thanh Hóa, thị xã Bỉm Sơn giảm 4 trường học và 9 điểm trường."
    assert [(r[0], r[1], r[3]) for r in reductions(text, "Thanh Hóa")] == [
        ("381", "school", 4), ("381", "school-site", 9)]


def test_approximate_and_percent_figures():
    text = ("Giai đoạn 2015-2021, tỉnh Ninh Bình tinh giản 10,5% biên chế công chức và giảm gần 200 "
            "lãnh đạo cấp phòng.")
    assert reductions(text, "Ninh Bình") == [
        ("37", "staff", None, None, 10.5, False, "implemented"),
        ("37", "leader", None, 200, None, True, "implemented")]


def test_from_one_number_down_to_another():
    text = "Số phòng chuyên môn của huyện Kỳ Sơn giảm từ 14 phòng xuống còn 10 phòng."
    assert reductions(text, "Nghệ An") == [("417", "division", None, 4, None, False, "implemented")]


def test_from_one_number_down_to_another_named_once():
    text = "Sau sắp xếp, thị xã Bỉm Sơn giảm từ 27 xuống còn 21 phòng, ban chuyên môn."
    assert reductions(text, "Thanh Hóa") == [("381", "division", None, 6, None, False, "implemented")]


def test_a_share_is_no_count():
    assert reductions("Huyện Kim Bôi giảm được 1/3 số đầu mối.", "Hòa Bình") == []


def test_the_kind_before_the_verb():
    text = "Năm 2020, số đầu mối trực thuộc UBND huyện Yên Thủy giảm 5 so với năm 2018."
    found = evals(text, "Hòa Bình", "reduction")
    assert [(f["unit"], f["what"], f["count"]) for f in found] == [("158", "focal-unit", 5)]


def test_targets_are_planned():
    assert [r[6] for r in reductions(
        "Huyện Yên Thủy phấn đấu đến năm 2025 giảm 10 đầu mối.", "Hòa Bình")] == ["planned"]
    assert [r[6] for r in reductions(
        "Theo đề án, tỉnh Điện Biên sẽ giảm 120 biên chế.", "Điện Biên")] == ["planned"]
    assert [r[6] for r in reductions(
        "Mục tiêu của huyện Tủa Chùa là giảm 6 phòng.", "Điện Biên")] == ["planned"]


def test_carrying_out_a_plan_is_no_target():
    text = "Thực hiện kế hoạch của Tỉnh ủy, huyện Mường Chà đã giảm 3 đầu mối."
    assert [r[6] for r in reductions(text, "Điện Biên")] == ["implemented"]


def test_what_is_no_reduction():
    for text in ("Huyện Mai Châu giảm 30% thời gian giải quyết thủ tục hành chính.",
                 "Tỉnh Hòa Bình giảm nghèo nhanh, giảm 2,5% hộ nghèo mỗi năm.",
                 "Số phòng của huyện Lạc Thủy giảm còn 10 phòng.",
                 "Huyện Kim Bôi không giảm biên chế trong năm 2019.",
                 "Huyện Kim Bôi chưa giảm 5 đầu mối như kế hoạch.",
                 "Mục tiêu là giảm đầu mối, giảm biên chế, tăng hiệu quả."):
        assert reductions(text, "Hòa Bình") == [], text


def test_the_quote_is_the_sentence_and_the_surface_the_phrase():
    text = ("Huyện Cao Phong đã kiện toàn bộ máy. Qua sắp xếp, huyện Cao Phong đã giảm 3 đầu mối, "
            "tạo sự tinh gọn.")
    [fact] = [f for f in facts_of(text, "Hòa Bình") if f.type == "reduction"]
    assert fact.quote == "Qua sắp xếp, huyện Cao Phong đã giảm 3 đầu mối, tạo sự tinh gọn."
    assert text[fact.start:fact.end] == fact.quote
    assert fact.surface == "3 đầu mối"


def test_a_figure_stated_twice_is_one_fact():
    text = ("Huyện Lương Sơn giảm 9 biên chế. Sau một năm, huyện Lương Sơn giảm 9 biên chế và giữ ổn định.")
    assert len(reductions(text, "Hòa Bình")) == 1


def test_kinds_longest_first():
    assert kind_of("đơn vị sự nghiệp công lập")[0] == "public-service-unit"
    assert kind_of("đơn vị trực thuộc")[0] == "focal-unit"
    assert kind_of("người hoạt động không chuyên trách")[0] == "part-time-staff"
    assert kind_of("thôn, tổ dân phố")[0] == "village"
    assert kind_of("thời gian")[0] is None
