"""Frames for the miss classes of unseen pages (issue 13), on sentences of our own."""

from __future__ import annotations

from mergegraph.ingest.extract import DocumentMeta, extract_document
from mergegraph.ingest.extract.publishers import publishers

from ._support import evals, keys


def test_reorganised_into_a_named_body():
    text = "Tỉnh tổ chức lại Trung tâm Dân số huyện Bảo Lạc thành Phòng Y tế."
    got = evals(text, "Cao Bằng", "merger")
    assert [(f["unit"], f["from"], f["into"]) for f in got] == [("043", ["trung-tam-dan-so"], "y-te")]


def test_moved_under_another_body_is_a_transfer():
    text = "Chuyển Trung tâm Y tế huyện Bảo Lạc về trực thuộc Sở Y tế."
    assert keys(text, "Cao Bằng", "transfer") == {("043", "trung-tam-y-te", "y-te")}
    assert keys(text, "Cao Bằng", "merger") == set()


def test_several_parts_absorbed_and_merged_into_a_named_result():
    assert keys("Huyện Bảo Lạc sáp nhập Phòng Y tế, Phòng Dân tộc vào Văn phòng HĐND và UBND huyện.",
                "Cao Bằng", "merger") == {("043", ("dan-toc", "y-te"))}
    got = evals("Hợp nhất Trung tâm dạy nghề và Trung tâm GDTX huyện Bảo Lạc thành Trung tâm GDNN-GDTX huyện.",
                "Cao Bằng", "merger")
    assert [(f["from"], f["into"]) for f in got] == [(["trung-tam-day-nghe", "trung-tam-gdtx"], "trung-tam-gdnn-gdtx")]


def test_serving_concurrently():
    text = "Ông Nông Văn Tư, Bí thư Huyện ủy đương kiêm Chủ tịch UBND huyện Bảo Lạc phát biểu."
    assert keys(text, "Cao Bằng") == {("043", "district", ("head@cap-uy", "head@ubnd"))}


def test_the_replaced_holder_held_the_post():
    text = "Ông Lục Văn Bảo giữ chức Chủ tịch UBND huyện Bảo Lạc thay cho ông Nông Văn Tư."
    assert keys(text, "Cao Bằng", "holding") == {("Lục Văn Bảo", ("head@ubnd",)), ("Nông Văn Tư", ("head@ubnd",))}


def test_level_in_the_position_phrase_for_the_province():
    text = "Trưởng Ban Tuyên giáo cấp ủy huyện đồng thời là Giám đốc Trung tâm chính trị cấp huyện."
    assert keys(text, "Cao Bằng") == {("04", "district", ("head@ban-tuyen-giao", "head@trung-tam-chinh-tri"))}


def test_a_list_of_provinces_after_the_fact():
    text = ("Thí điểm hợp nhất Văn phòng cấp ủy, Văn phòng HĐND và UBND tại 3 tỉnh, bao gồm: "
            "Hà Giang, Cao Bằng, Lạng Sơn.")
    got = evals(text, None, "merger")
    assert {f["unit"] for f in got} == {"02", "04", "20"} and {f["status"] for f in got} == {"pilot"}


def test_the_province_of_a_publisher_domain():
    assert publishers().from_domain("https://baolangson.vn/tin/1") == "20"
    assert publishers().from_domain("http://sonnla.gov.vn") is None
    assert publishers().from_domain("https://caobang.gov.vn/x") == "04"
    assert publishers().from_domain("https://tinhuyquangninh.vn/x") == "22"
    facts = extract_document("Huyện Bảo Lạc đã hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ huyện.",
                             DocumentMeta(doc="t", url="https://baocaobang.vn/a"))
    assert [f.unit.code for f in facts] == ["043"]


def test_a_page_with_only_its_title():
    facts = extract_document("Bảo Lạc: Hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ huyện",
                             DocumentMeta(doc="t", province_hint="Cao Bằng"))
    assert [(f.type, f.unit.code) for f in facts] == [("merger", "043")]


def test_a_paper_writing_about_another_province():
    text = ("Hội nghị Ban Chấp hành Đảng bộ tỉnh Hà Giang\n\nSáng 3/5, hội nghị cho ý kiến về đề án của tỉnh Hà Giang. "
            "Đồng chí Lục Văn Bảo, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh chủ trì.")
    # the manifest says Cao Bằng (the publisher's province); the text never names it
    assert keys(text, "Cao Bằng") == {("02", "province", ("head@cap-uy", "head@hdnd"))}
    # naming the publisher's own province keeps it
    own = text + " Đoàn công tác tỉnh Cao Bằng dự."
    assert keys(own, "Cao Bằng") == {("04", "province", ("head@cap-uy", "head@hdnd"))}


def test_no_metadata_the_domain_printed_on_the_page():
    text = ("(Baocaobang.vn) - Sáng 3/5, Huyện ủy Bảo Lạc đã hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ huyện.")
    assert keys(text, None, "merger") == {("043", ("ban-to-chuc", "noi-vu"))}


def test_no_metadata_the_province_named_most_then_its_districts_bare():
    text = ("Tỉnh Cao Bằng sắp xếp bộ máy. Thường trực Tỉnh ủy Cao Bằng làm việc với Huyện ủy Bảo Lạc. "
            "Huyện ủy Bảo Lạc hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ huyện.")
    assert keys(text, None, "merger") == {("043", ("ban-to-chuc", "noi-vu"))}


def test_status_words_of_plans_and_the_sentence_before():
    from ._support import evals
    text = ("Các tỉnh sẽ thành lập Trung tâm Báo chí. Trong đó, tỉnh Hà Giang thành lập Trung tâm Báo chí "
            "trên cơ sở hợp nhất Báo và Đài Phát thanh - Truyền hình tỉnh.")
    assert [f["status"] for f in evals(text, None, "merger")] == ["planned"]
    text = "Tỉnh đồng ý chủ trương thành lập Trung tâm Dịch vụ nông nghiệp huyện Bảo Lạc trên cơ sở hợp nhất Trạm Khuyến nông và Trạm Thú y."
    assert [f["status"] for f in evals(text, "Cao Bằng", "merger")] == ["planned"]
