"""Merger and transfer frames with several parts and a named result, list
heads, dissolved bodies whose tasks move, parts of bodies. Our own sentences."""

from __future__ import annotations

from ._support import evals, keys


def test_founded_on_a_newspaper_a_station_and_portals_of_owners():
    text = ("Tỉnh Tuyên Quang thành lập Trung tâm Báo chí trên cơ sở sáp nhập Báo và Đài Phát thanh - "
            "Truyền hình tỉnh và cổng thông tin điện tử từ Văn phòng UBND tỉnh, Ban Tuyên giáo Tỉnh ủy, "
            "Sở Thông tin và Truyền thông.")
    got = [f for f in evals(text, None, "merger")]
    assert [(f["unit"], f["from"], f["into"]) for f in got] == [
        ("08", ["bao", "cong-thong-tin-dien-tu", "dai-truyen-thanh-truyen-hinh"], "trung-tam-bao-chi-truyen-thong")]


def test_stations_listed_after_a_head():
    text = ("Trung tâm Dịch vụ nông nghiệp huyện Yên Sơn được thành lập trên cơ sở hợp nhất các Trạm: "
            "Khuyến nông, Bảo vệ thực vật, Chăn nuôi và thú y huyện.")
    assert keys(text, "Tuyên Quang", "merger") == {
        ("075", ("tram-bao-ve-thuc-vat", "tram-khuyen-nong", "tram-thu-y"))}


def test_the_station_and_the_paper():
    text = "Các tỉnh Hà Giang, Lai Châu và Điện Biên đều hợp nhất Đài với Báo thành Trung tâm Báo chí của tỉnh."
    assert {u for u, _ in keys(text, None, "merger")} == {"02", "12", "11"}


def test_dissolved_offices_and_their_tasks():
    text = ("Huyện Yên Sơn giải thể 2 cơ quan chuyên môn: Phòng Y tế, Phòng Dân tộc và điều chuyển nhiệm vụ "
            "tham mưu lĩnh vực trên về Văn phòng HĐND và UBND huyện.")
    assert keys(text, "Tuyên Quang", "transfer") == {("075", "y-te", "van-phong-hdnd-ubnd"),
                                                     ("075", "dan-toc", "van-phong-hdnd-ubnd")}


def test_an_ended_portal_moves_its_tasks():
    text = ("Đồng thời, kết thúc hoạt động của Cổng thông tin điện tử tỉnh Hà Giang, chuyển chức năng, "
            "nhiệm vụ về Trung tâm Báo chí.")
    assert keys(text, None, "transfer") == {("02", "cong-thong-tin-dien-tu", "trung-tam-bao-chi-truyen-thong")}


def test_parts_of_bodies_in_a_founding_list_are_transfers():
    text = ("Huyện Yên Sơn thành lập Trung tâm Văn hóa - Thể thao huyện trên cơ sở sáp nhập các đơn vị gồm: "
            "Đài Truyền thanh huyện, Thư viện huyện và Bộ phận lưu trữ thuộc Phòng Tư pháp huyện.")
    assert keys(text, "Tuyên Quang", "transfer") == {("075", "tu-phap", "trung-tam-van-hoa-the-thao")}
    assert ("075", ("dai-truyen-thanh-truyen-hinh", "thu-vien")) in keys(text, "Tuyên Quang", "merger")


def test_schools_of_one_type_merged():
    assert keys("Huyện Yên Sơn sáp nhập 6 trường tiểu học trên địa bàn.", "Tuyên Quang", "merger") == {
        ("075", ("truong-hoc",))}


def test_the_parties_of_a_province_are_no_counted_merger():
    assert keys("Dự kiến sáp nhập các đảng bộ cấp tỉnh.", "Tuyên Quang", "merger") == set()


def test_a_board_named_by_its_parts_is_the_result():
    got = evals("Sáp nhập Ban Tổ chức Tỉnh ủy và Sở Nội vụ thành Ban Tổ chức - Nội vụ tỉnh.", "Yên Bái", "merger")
    assert [(f["from"], f["into"]) for f in got] == [(["ban-to-chuc", "noi-vu"], "ban-to-chuc+noi-vu")]


def test_two_offices_of_one_type_merged():
    got = evals("Hà Tĩnh: Hợp nhất Văn phòng HĐND và Văn phòng UBND tỉnh", None, "merger")
    assert [(f["unit"], f["from"]) for f in got] == [("42", ["van-phong-hdnd-ubnd"])]




def test_a_negated_merger_is_not_stated():
    assert keys("Nhiều ý kiến đề nghị không nên hợp nhất Trung tâm Y tế với Bệnh viện huyện.", "Thái Bình",
                "merger") == set()
    assert keys("Huyện Vũ Thư chưa sáp nhập Trung tâm Y tế với Bệnh viện huyện.", "Thái Bình", "merger") == set()
    assert keys("Huyện Vũ Thư đã sáp nhập Trung tâm Y tế với Bệnh viện huyện.", "Thái Bình", "merger") == {
        ("344", ("benh-vien", "trung-tam-y-te"))}
