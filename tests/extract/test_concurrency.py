"""Concurrency patterns: posts joined by "đồng thời là", "kiêm", a dash; their
coverage, units, level and status. Sentences are our own (names, places and
numbers differ from the development documents); unit codes are GSO codes
from the vietnamadminunits dataset."""

from __future__ import annotations

from ._support import evals, facts_of, keys

DT_CAPUY_UBND = ("head@cap-uy", "head@ubnd")


def one(text, hint, **kw):
    found = evals(text, hint, "concurrency", **kw)
    assert len(found) == 1, found
    return found[0]


# --- the connectors ---------------------------------------------------------------

def test_dong_thoi_la_at_district_level():
    f = one("Huyện Tân Kỳ đã bố trí Trưởng Ban Tổ chức kiêm nhiệm Trưởng Phòng Nội vụ huyện.",
            "Nghệ An")
    assert (f["unit"], f["level"], f["positions"]) == ("423", "district", ["head@ban-to-chuc", "head@noi-vu"])
    assert f["status"] == "implemented" and f["count"] is None


def test_kiem_and_the_list_after_the_connector():
    f = one("Ở huyện Anh Sơn, Trưởng ban Tuyên giáo kiêm Trưởng phòng Văn hóa - Thông tin và Giám đốc "
            "TTBD chính trị.", "Nghệ An")
    assert f["positions"] == ["head@ban-tuyen-giao", "head@trung-tam-chinh-tri", "head@van-hoa-thong-tin"]
    assert f["unit"] == "424"


def test_la_between_two_posts():
    assert keys("Tại huyện Hưng Hà, Trưởng Ban Dân vận là Chủ tịch UB MTTQ Việt Nam huyện.",
                "Thái Bình") == {("339", "district", ("head@ban-dan-van", "head@mttq"))}


def test_dong_thoi_giu_chuc_vu_is_a_connector_and_se_is_planned():
    f = one("Huyện Tân Lạc: từ năm tới, Trưởng Ban Tuyên giáo và Dân vận Huyện ủy sẽ đồng thời giữ chức "
            "Giám đốc Trung tâm Chính trị.", "Hòa Bình")
    assert f["positions"] == ["head@ban-tuyen-giao-dan-van", "head@trung-tam-chinh-tri"]
    assert f["status"] == "planned" and f["unit"] == "155"


def test_titles_joined_by_a_dash_are_one_persons():
    f = one("Phát biểu tại hội nghị, Bí thư Huyện ủy - Chủ tịch UBND huyện Lệ Thủy cho biết việc sắp xếp "
            "đã hoàn thành.", "Quảng Bình")
    assert (f["unit"], f["level"], tuple(f["positions"])) == ("457", "district", DT_CAPUY_UBND)


def test_posts_listed_with_commas_only_are_no_concurrency():
    text = ("Dự hội nghị có Bí thư, Chủ tịch UBND các xã, thị trấn và trưởng các phòng, ban "
            "của huyện Yên Thành.")
    assert evals(text, "Nghệ An", "concurrency") == []


def test_or_gives_one_pattern_for_each_alternative():
    assert keys("Huyện Cao Phong có 3 xã thực hiện mô hình Bí thư Đảng ủy đồng thời là Chủ tịch HĐND "
                "hoặc UBND xã.", "Hòa Bình") == {
        ("154", "commune", ("head@cap-uy", "head@hdnd")),
        ("154", "commune", DT_CAPUY_UBND)}


def test_all_levels_is_no_particular_level():
    assert evals("Việc bố trí bí thư kiêm chủ tịch UBND các cấp còn ít.", "Nghệ An",
                 "concurrency") == []


# --- coverage ---------------------------------------------------------------------------

def test_count_of_communes_before_the_posts():
    f = one("Huyện Diễn Châu đã có 12/38 xã bố trí Bí thư Đảng ủy kiêm Chủ tịch UBND xã.", "Nghệ An")
    assert (f["unit"], f["level"], f["count"], f["of"]) == ("425", "commune", 12, 38)
    assert f["positions"] == list(DT_CAPUY_UBND)


def test_count_of_districts_with_the_units_named_in_brackets():
    text = ("Toàn tỉnh có 3/21 huyện, thành phố áp dụng mô hình Chủ tịch UBMTTQ kiêm Trưởng ban Dân vận "
            "cấp huyện (Quỳnh Lưu, Diễn Châu, Thành phố).")
    found = {(f["unit"], f["count"], f["of"]) for f in evals(text, "Nghệ An", "concurrency")}
    # the province counts 3 of 21; each district named is a fact of its own;
    # "Thành phố" in a list of a province's districts is the province's city
    assert found == {("40", 3, 21), ("421", None, None), ("425", None, None), ("412", None, None)}


def test_count_in_a_total_before_village_posts():
    f = one("Huyện Kim Bôi có 45 trong tổng số 120 thôn, xóm thực hiện mô hình bí thư chi bộ kiêm "
            "trưởng thôn.", "Hòa Bình")
    assert (f["unit"], f["level"], f["count"], f["of"]) == ("153", "village", 45, 120)
    assert f["positions"] == ["head@cap-uy", "head@thon-to-dan-pho"]


def test_ratio_written_just_before_the_posts():
    f = one("Huyện Bố Trạch nhất thể hóa chức danh 64/64 bí thư chi bộ đồng thời là trưởng bản.", "Quảng Bình")
    assert (f["count"], f["of"], f["level"], f["unit"]) == (64, 64, "village", "455")


def test_thousands_are_written_with_dots():
    f = one("Toàn tỉnh có 1.104/1.150 thôn, bản có bí thư chi bộ kiêm trưởng thôn.", "Quảng Bình")
    assert (f["unit"], f["level"], f["count"], f["of"]) == ("44", "village", 1104, 1150)
    f = one("Mô hình bí thư chi bộ kiêm trưởng thôn được thực hiện ở 1.020 thôn của tỉnh.", "Quảng Bình")
    assert f["count"] == 1020


def test_a_percentage_of_villages():
    facts = [f for f in facts_of("Đến nay huyện Mai Châu đã bố trí 100% số bản có bí thư chi bộ kiêm trưởng "
                                 "bản.", "Hòa Bình") if f.type == "concurrency"]
    assert len(facts) == 1
    f = facts[0]
    assert (f.unit.code, f.level, f.percent, f.count) == ("156", "village", 100.0, None)


def test_coverage_after_the_posts():
    f = one("Huyện Kiến Xương áp dụng việc bí thư đảng ủy kiêm chủ tịch HĐND xã tại 8/33 xã, "
            "thị trấn.", "Thái Bình")
    assert (f["unit"], f["level"], f["count"], f["of"]) == ("343", "commune", 8, 33)


def test_at_the_district_and_some_communes():
    assert {(f["level"], f["count"]) for f in evals(
        "Huyện Lệ Thủy đã bố trí Bí thư kiêm Chủ tịch UBND ở huyện và 6 xã, thị trấn.", "Quảng Bình",
        "concurrency")} == {("district", None), ("commune", 6)}


def test_a_list_of_districts_each_gets_the_fact():
    text = ("Các huyện Quỳnh Phụ, Tiền Hải và thành phố Thái Bình đã bố trí Giám đốc Trung tâm Chính trị "
            "kiêm Trưởng Ban Tuyên giáo.")
    assert {f["unit"] for f in evals(text, "Thái Bình", "concurrency")} == {"338", "342", "336"}


def test_level_from_the_subject_when_the_posts_say_none():
    f = one("Tỉnh ủy yêu cầu các huyện ủy, thị ủy phải sắp xếp giám đốc trung tâm chính trị kiêm "
            "trưởng ban tuyên giáo.", "Khánh Hòa")
    assert (f["unit"], f["level"], f["status"]) == ("56", "district", "planned")


# --- status and dates -------------------------------------------------------------------

def test_pilot():
    assert one("Huyện Cam Lâm thí điểm mô hình Chủ nhiệm UBKT Huyện ủy kiêm Chánh Thanh tra huyện.",
               "Khánh Hòa")["status"] == "pilot"


def test_pilot_said_in_the_lead_applies_to_the_article():
    text = ("Vạn Ninh tổng kết hai năm thí điểm sắp xếp bộ máy\n"
            "Ngày 5/5, Huyện ủy Vạn Ninh tổ chức hội nghị tổng kết hai năm thí điểm việc bố trí một người "
            "giữ hai chức danh, với sự tham dự của đại biểu các xã, thị trấn và các phòng, ban chuyên môn.\n"
            "Huyện đã bố trí Chủ tịch Ủy ban MTTQ huyện kiêm Trưởng Ban Dân vận Huyện ủy.")
    assert one(text, "Khánh Hòa")["status"] == "pilot"


def test_planned_in_the_introduction_of_a_list():
    found = evals("Huyện Quỳnh Lưu dự kiến nhất thể hóa các chức danh: Chánh Văn phòng Huyện ủy kiêm Chánh "
                  "Văn phòng HĐND-UBND huyện; Trưởng ban Dân vận kiêm Chủ tịch UBMTTQ huyện.", "Nghệ An",
                  "concurrency")
    assert {tuple(f["positions"]) for f in found} == {
        ("head@van-phong-cap-uy", "head@van-phong-hdnd-ubnd"), ("head@ban-dan-van", "head@mttq")}
    assert {f["status"] for f in found} == {"planned"}


def test_ended_arrangement_and_its_date():
    facts = [f for f in facts_of("Từ tháng 3/2021, huyện Cam Lâm dừng thực hiện mô hình Trưởng ban Dân vận "
                                 "kiêm Chủ tịch Ủy ban MTTQ huyện.", "Khánh Hòa") if f.type == "concurrency"]
    assert len(facts) == 1
    assert (facts[0].status, facts[0].date, facts[0].unit.code) == ("ended", "2021-03", "570")


def test_thoi_kiem_nhiem_ends_a_persons_concurrency():
    found = evals("Đồng chí Võ Thị Hạnh, Trưởng ban Dân vận Huyện ủy, thôi kiêm nhiệm Chủ tịch Ủy ban MTTQ "
                  "huyện Vạn Ninh.", "Khánh Hòa")
    conc = [f for f in found if f["type"] == "concurrency"]
    hold = [f for f in found if f["type"] == "holding"]
    assert [(f["status"], f["person"]) for f in conc] == [("ended", "Võ Thị Hạnh")]
    assert hold[0]["positions"] == ["head@ban-dan-van"]      # the post she left is not held


# --- abbreviations, misspellings, old spelling -----------------------------------------

def test_abbreviations_and_misspellings_of_the_front():
    for front in ("UBMTTQ", "UB MTTQ", "Ủy ban Mặt trận Tổ quốc", "UBMMTQ"):
        f = one(f"Huyện Tân Kỳ bố trí Phó Bí thư Đảng ủy kiêm Chủ tịch {front} xã ở 9 xã.", "Nghệ An")
        assert f["positions"] == ["deputy@cap-uy", "head@mttq"], front
        assert (f["level"], f["count"]) == ("commune", 9)


def test_old_tone_placement_is_the_same_word():
    f = one("Huyện Anh Sơn nhất thể hoá chức danh Bí thư cấp uỷ đồng thời là Chủ tịch UBND ở 6 xã.", "Nghệ An")
    assert f["positions"] == list(DT_CAPUY_UBND) and f["count"] == 6


def test_inspection_abbreviations():
    f = one("Huyện Hưng Hà: Chủ nhiệm UB Kiểm tra Huyện ủy kiêm Chánh Thanh tra huyện.", "Thái Bình")
    assert f["positions"] == ["head@thanh-tra", "head@uy-ban-kiem-tra"]


# --- discourse --------------------------------------------------------------------------

def test_generic_statement_is_no_fact_but_the_next_report_counts():
    text = ("Khi Bí thư Đảng ủy xã kiêm Chủ tịch UBND xã, việc điều hành thuận lợi hơn. "
            "Hiện tỉnh Quảng Bình có 14 xã thực hiện mô hình này.")
    found = evals(text, None, "concurrency")
    assert [(f["unit"], f["level"], f["count"], tuple(f["positions"])) for f in found] == [
        ("44", "commune", 14, DT_CAPUY_UBND)]


def test_a_role_alone_takes_the_body_it_had_before():
    text = ("Ông Trần Văn Lực - Bí thư đồng thời là Chủ tịch UBND xã Quỳnh Thạch. "
            "Khi Bí thư đồng thời là Chủ tịch, chỉ đạo được thống nhất. Huyện Quỳnh Lưu có 6 xã, "
            "hiện chỉ còn 3 xã giữ mô hình; huyện Yên Thành có 7 xã, đến nay còn lại 1.")
    found = evals(text, "Nghệ An", "concurrency")
    assert ("426", "commune", 1) in {(f["unit"], f["level"], f["count"]) for f in found}
    assert ("17155", "commune", None) in {(f["unit"], f["level"], f["count"]) for f in found}
    assert ("421", "commune", 3) in {(f["unit"], f["level"], f["count"]) for f in found}


# --- places -----------------------------------------------------------------------------

def test_district_name_shared_by_provinces_needs_the_province():
    text = "Huyện Châu Thành có Trưởng Ban Dân vận Huyện ủy kiêm Chủ tịch UBMTTQ huyện."
    assert {f["unit"] for f in evals(text, "Tiền Giang", "concurrency")} == {"821"}
    assert {f["unit"] for f in evals(text, "An Giang", "concurrency")} == {"892"}
    assert evals(text, None, "concurrency") == []           # never guessed


def test_the_province_of_a_provincial_paper_without_hint():
    text = "Toàn tỉnh có 10/11 huyện có Giám đốc Trung tâm Chính trị kiêm Trưởng Ban Tuyên giáo Huyện ủy."
    assert {f["unit"] for f in evals(text, None, "concurrency", publisher="Báo Kiên Giang")} == {"91"}


def test_abbreviated_district_type():
    f = one("H.Gia Bình: Thực hiện mô hình Bí thư chi bộ kiêm Trưởng Ban công tác Mặt trận ở 100% tổ dân "
            "phố, khu phố.", "Bắc Ninh")
    assert (f["unit"], f["level"], f["positions"]) == ("263", "village", ["head@cap-uy", "head@mttq"])


# --- noise --------------------------------------------------------------------------------

def test_repeated_caption_gives_one_fact():
    line = "Ảnh: Trưởng Ban Tuyên giáo Huyện ủy Tiên Du kiêm Giám đốc Trung tâm Chính trị phát biểu."
    assert len(evals(line + "\n" + line + "\n" + line, "Bắc Ninh", "concurrency")) == 1


def test_a_document_that_states_nothing():
    text = ("Sáng nay, tỉnh Nghệ An tổ chức hội nghị tổng kết công tác năm, đánh giá tình hình kinh tế - "
            "xã hội và triển khai nhiệm vụ năm tới.\nBình luận\nBạn còn 500/500 ký tự")
    assert facts_of(text, "Nghệ An") == []


def test_page_furniture_and_slugs_give_nothing():
    text = ("HOTLINE: 0900 000 000 | THƯ VIỆN\n"
            "bi-thu-dong-thoi-la-chu-tich-ubnd-xa-tien-phong\n"
            "bi thu dong thoi la chu tich ubnd xa tien phong\n"
            "Tin liên quan\nVui lòng gõ tiếng Việt có dấu khi gửi ý kiến")
    assert facts_of(text, "Nghệ An") == []
