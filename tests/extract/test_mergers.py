"""Mergers ("hợp nhất", "sáp nhập", "thành lập ... trên cơ sở ...") and
transfers ("chuyển A về B", "chuyển chức năng F của A về B")."""

from __future__ import annotations

from ._support import evals, facts_of, keys


def one(text, hint, kind="merger"):
    found = evals(text, hint, kind)
    assert len(found) == 1, found
    return found[0]


def test_merge_a_with_b_into_a_named_body():
    f = one("Ban Thường vụ Tỉnh ủy quyết định hợp nhất Ban Tổ chức Huyện ủy Lương Sơn với Phòng Nội vụ "
            "huyện Lương Sơn thành Cơ quan Tổ chức - Nội vụ huyện Lương Sơn.", "Hòa Bình")
    assert (f["unit"], f["from"], f["into"], f["kind"]) == (
        "152", ["ban-to-chuc", "noi-vu"], "ban-to-chuc+noi-vu", "merge")


def test_one_verb_shared_by_a_list():
    assert keys("Huyện Lương Sơn hợp nhất Phòng Nội vụ với Ban Tổ chức Huyện ủy; Thanh tra huyện và Ủy ban "
                "Kiểm tra Huyện ủy; Văn phòng HĐND - UBND với Văn phòng Huyện ủy.", "Hòa Bình", "merger") == {
        ("152", ("ban-to-chuc", "noi-vu")),
        ("152", ("thanh-tra", "uy-ban-kiem-tra")),
        ("152", ("van-phong-cap-uy", "van-phong-hdnd-ubnd"))}


def test_the_shared_verb_stops_at_the_next_verb():
    text = ("Huyện Tân Lạc hợp nhất Thanh tra huyện với Ủy ban Kiểm tra; chuyển chức năng quản lý di tích "
            "của Phòng Văn hóa và Thông tin về Trung tâm Văn hóa - Thể thao huyện.")
    assert keys(text, "Hòa Bình", "merger") == {("155", ("thanh-tra", "uy-ban-kiem-tra"))}
    t = one(text, "Hòa Bình", "transfer")
    assert (t["unit"], t["from"], t["into"], t["function"]) == (
        "155", "van-hoa-thong-tin", "trung-tam-van-hoa-the-thao", "quản lý di tích")


def test_absorb_a_into_b():
    f = one("UBND tỉnh quyết định sáp nhập Trung tâm Dân số - KHHGĐ huyện Gia Bình vào Trung tâm Y tế huyện.",
            "Bắc Ninh")
    assert (f["unit"], f["from"], f["into"], f["kind"]) == ("263", ["trung-tam-dan-so"], "trung-tam-y-te", "absorb")


def test_absorbed_body_as_the_subject():
    f = one("Tại Khánh Hòa, 5 bệnh viện huyện sẽ sáp nhập vào trung tâm y tế cùng cấp.", None)
    assert (f["unit"], f["from"], f["into"], f["kind"], f["status"]) == (
        "56", ["benh-vien"], "trung-tam-y-te", "absorb", "planned")


def test_founded_on_the_basis_of_a_merger_owners_left_out():
    f = one("Thành lập Trung tâm Dịch vụ nông nghiệp huyện Yên Phong trên cơ sở hợp nhất: Trạm Khuyến nông, "
            "Trạm Thú y thuộc Sở NN&PTNT, Trạm Trồng trọt và Bảo vệ thực vật.", "Bắc Ninh")
    assert f["unit"] == "258"
    assert f["from"] == ["tram-bao-ve-thuc-vat", "tram-khuyen-nong", "tram-thu-y"]
    assert f["into"] == "trung-tam-dich-vu-nong-nghiep"


def test_body_names_with_gaps_and_lowercase():
    f = one("Tỉnh quyết định thành lập Trung tâm văn hóa, thông tin và thể thao huyện Diên Khánh trên cơ sở "
            "hợp nhất: Thư viện, Ban Quản lý và khai thác khu di tích tháp cổ, đài truyền thanh, trung tâm "
            "văn hóa - thể thao.", "Khánh Hòa")
    assert f["from"] == ["ban-quan-ly-di-tich", "dai-truyen-thanh-truyen-hinh", "thu-vien",
                         "trung-tam-van-hoa-the-thao"]
    assert f["unit"] == "574"


def test_function_added_from_another_body():
    text = ("Thành lập Trung tâm Văn hóa - Thể thao huyện Đà Bắc trên cơ sở hợp nhất Đài Truyền thanh với "
            "Nhà thiếu nhi và bổ sung chức năng quản lý nghĩa trang từ Phòng Lao động - Thương binh và Xã hội.")
    t = one(text, "Hòa Bình", "transfer")
    assert (t["unit"], t["from"], t["into"], t["function"]) == (
        "150", "lao-dong-xa-hoi", "trung-tam-van-hoa-the-thao", "quản lý nghĩa trang")


def test_renamed_after_the_merger_gives_the_parts():
    f = one("Sau khi hợp nhất, tên gọi là Cơ quan UBKT - Thanh tra huyện Kim Bôi.", "Hòa Bình")
    assert (f["unit"], f["from"], f["into"]) == ("153", ["thanh-tra", "uy-ban-kiem-tra"],
                                                 "thanh-tra+uy-ban-kiem-tra")


def test_a_body_made_of_parts_named_alone_after_the_verb():
    f = one("Huyện Lạc Sơn đã sáp nhập các cơ quan: cơ quan giúp việc khối MTTQ và các đoàn thể huyện.",
            "Hòa Bình")
    assert (f["unit"], f["from"], f["into"]) == ("157", ["doan-the", "mttq"], "co-quan-khoi-mttq")


def test_newspaper_and_broadcaster():
    f = one("Tỉnh ủy Quảng Bình công bố quyết định hợp nhất Báo Quảng Bình cùng Đài PT-TH Quảng Bình thành "
            "Báo và Đài PT-TH Quảng Bình.", None)
    assert (f["unit"], f["from"], f["into"]) == (
        "44", ["bao", "dai-truyen-thanh-truyen-hinh"], "bao+dai-truyen-thanh-truyen-hinh")


def test_party_boards_of_the_province_and_planned_status():
    f = one("Theo đề án, Ban Thường vụ Tỉnh ủy sẽ hợp nhất Ban Dân vận Tỉnh ủy với Ban Tuyên giáo Tỉnh ủy.",
            "Nghệ An")
    assert (f["unit"], f["from"], f["status"]) == ("40", ["ban-dan-van", "ban-tuyen-giao"], "planned")


def test_pilot_merger():
    f = one("Huyện Đông Hưng thí điểm sáp nhập Trạm Khuyến nông với Trạm Thú y.", "Thái Bình")
    assert f["status"] == "pilot"


def test_move_a_body_to_another():
    f = one("Huyện Kỳ Sơn chuyển Trạm Khuyến nông về Trung tâm Dịch vụ nông nghiệp huyện.", "Nghệ An")
    assert (f["unit"], f["from"], f["into"], f["kind"]) == (
        "417", ["tram-khuyen-nong"], "trung-tam-dich-vu-nong-nghiep", "absorb")


def test_moving_staff_is_no_merger():
    assert evals("Huyện Kỳ Sơn chuyển nhân lực làm công tác dân số về trạm y tế xã.", "Nghệ An") == []


def test_merging_posts_is_no_merger_of_bodies():
    text = ("Huyện Yên Thành đã hợp nhất các chức danh: Chủ tịch UBMTTQ huyện kiêm Trưởng Ban Dân vận "
            "Huyện ủy.")
    assert evals(text, "Nghệ An", "merger") == []
    assert len(evals(text, "Nghệ An", "concurrency")) == 1


def test_merging_villages_is_no_merger_of_bodies():
    assert evals("Xã Diễn Kỷ sáp nhập thôn 3 vào thôn 4 và tổ dân phố 1 với khu phố 2.", "Nghệ An",
                 "merger") == []


def test_vague_objects_are_no_merger():
    text = ("Các đề án hợp nhất, sáp nhập một số cơ quan, đơn vị đang được xây dựng; "
            "tỉnh sẽ hợp nhất cơ quan có chức năng tương đồng.")
    assert facts_of(text, "Nghệ An") == []
