"""One fact stated for a list of places: each listed unit gets it, and the unit
that counts them when a count is given. Sentences of our own."""

from __future__ import annotations

from ._support import keys

PARTS = ("dai-truyen-thanh-truyen-hinh", "trung-tam-van-hoa-the-thao")


def test_counted_list_of_districts_before_a_merger():
    text = ("Năm 2020, 4/4 huyện vùng cao: Bát Xát, Mường Khương, Si Ma Cai và Bắc Hà, tỉnh Lào Cai "
            "sáp nhập Trung tâm Văn hóa - Thể thao và Đài Truyền thanh - Truyền hình.")
    got = keys(text, "Lào Cai", "merger")
    codes = {u for u, _ in got}
    assert {(u, PARTS) for u in codes} == got
    assert len(codes) == 5 and "10" in codes


def test_an_uncounted_list_gives_no_province_fact():
    text = ("Các huyện Bát Xát, Mường Khương và Bắc Hà đã sáp nhập Trung tâm Văn hóa - Thể thao "
            "và Đài Truyền thanh - Truyền hình.")
    codes = {u for u, _ in keys(text, "Lào Cai", "merger")}
    assert len(codes) == 3 and "10" not in codes


def test_lists_of_one_to_ten_places():
    names = ["Quế Phong", "Quỳ Châu", "Kỳ Sơn", "Tương Dương", "Nghĩa Đàn", "Quỳ Hợp", "Quỳnh Lưu",
             "Con Cuông", "Tân Kỳ", "Anh Sơn"]
    for n in range(1, 11):
        listed = names[:n]
        named = f"{', '.join(listed[:-1])} và {listed[-1]}" if n > 1 else listed[0]
        text = (f"{n}/21 huyện: {named} đã hợp nhất "
                "Trung tâm Văn hóa - Thể thao với Đài Truyền thanh - Truyền hình.")
        codes = {u for u, _ in keys(text, "Nghệ An", "merger")}
        # each listed district, and the province that counts them (a single one is the fact's own unit)
        assert len(codes) == (n + 1 if n > 1 else 1), (n, codes)


def test_report_with_a_ratio_and_the_communes_listed():
    text = ("Huyện Bảo Yên thực hiện mô hình bí thư đảng ủy đồng thời là chủ tịch UBND xã. "
            "Đến nay có 3/17 xã của huyện thực hiện mô hình này gồm: Xuân Hòa, Tân Dương và Vĩnh Yên.")
    got = keys(text, "Lào Cai")
    pair = ("head@cap-uy", "head@ubnd")
    assert ("087", "commune", pair) in got
    assert len({u for u, lv, p in got if lv == "commune" and len(u) == 5}) == 3


def test_counted_districts_listed_after_gom_before_the_posts():
    text = ("Đến nay, 4/10 huyện gồm: Bảo Lạc, Bảo Lâm, Hà Quảng và Nguyên Bình thực hiện mô hình "
            "Trưởng ban Dân vận Huyện ủy đồng thời là Chủ tịch Ủy ban MTTQ huyện.")
    got = keys(text, "Cao Bằng")
    assert {u for u, _lv, _p in got} == {"04", "042", "043", "045", "052"}
    assert {lv for _u, lv, _p in got} == {"district"}


def test_untyped_list_of_districts_as_the_subject():
    text = "Bảo Lạc, Bảo Lâm và Hà Quảng đã thực hiện mô hình Bí thư Huyện ủy đồng thời là Chủ tịch UBND huyện."
    assert {u for u, _lv, _p in keys(text, "Cao Bằng")} == {"042", "043", "045"}


def test_a_body_of_several_districts_merged_with_another():
    text = "Trung tâm Y tế các huyện Bảo Lạc, Bảo Lâm và Hà Quảng được hợp nhất với Bệnh viện đa khoa huyện."
    assert keys(text, "Cao Bằng", "merger") == {(u, ("benh-vien", "trung-tam-y-te")) for u in ("042", "043", "045")}


def test_a_district_named_apart_is_no_list():
    text = "Bí thư Huyện ủy Bảo Lạc đồng thời là Chủ tịch UBND huyện, còn huyện Bảo Lâm, Hà Quảng chưa thực hiện."
    assert {u for u, _lv, _p in keys(text, "Cao Bằng")} == {"043"}
