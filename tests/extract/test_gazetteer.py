"""Units from the vietnamadminunits dataset, and how the text names them."""

from __future__ import annotations

from mergegraph.ingest.extract.gazetteer import gazetteer

from ._support import evals


def test_dataset_is_read_once_with_every_level():
    g = gazetteer()
    assert g is gazetteer()
    levels = {u.level for u in g.units.values()}
    assert levels == {"province", "district", "commune"}
    assert sum(1 for u in g.units.values() if u.level == "province") == 63


def test_province_hints():
    g = gazetteer()
    assert g.province_from_hint("Nghệ An") == "40"
    assert g.province_from_hint("Tỉnh Khánh Hòa") == "56"
    assert g.province_from_hint("TP. Cần Thơ") == "92"
    assert g.province_from_hint("Tây Đô Cần Thơ") == "92"     # a longer name ending with the current one
    assert g.province_from_hint("Atlantis") is None


def test_names_that_repeat():
    g = gazetteer()
    assert len(g.district_codes("Châu Thành")) > 5
    assert g.city_of_province("40") == "412"


def place_of(sentence: str, hint: str | None) -> str | None:
    found = evals(sentence + " đã hợp nhất Ban Tổ chức với Phòng Nội vụ.", hint, "merger")
    return found[0]["unit"] if found else None


def test_how_units_are_written():
    assert place_of("Huyện Quỳnh Lưu", "Nghệ An") == "421"
    assert place_of("H.Quỳnh Lưu", "Nghệ An") == "421"
    assert place_of("TP Vinh", "Nghệ An") == "412"
    assert place_of("TX Thái Hòa", "Nghệ An") == "414"
    assert place_of("Quỳnh Lưu", "Nghệ An") == "421"            # a bare name inside the hinted province
    assert place_of("Quỳnh Lưu", None) is None                  # not without it
    assert place_of("Tỉnh Nghệ An", None) == "40"
    assert place_of("TP. Đà Nẵng", None) == "48"


def test_a_district_named_like_a_province():
    # "huyện Quang Bình" (Hà Giang) folds like the province Quảng Bình
    assert place_of("Huyện Quang Bình", "Hà Giang") == "035"
    assert place_of("Tỉnh Quảng Bình", "Hà Giang") == "44"


def test_a_commune_with_its_district_and_province():
    # "Diễn Kỷ" alone could be several communes; its district and province settle it
    found = evals("Bí thư Đảng ủy kiêm Chủ tịch UBND xã Diễn Kỷ, huyện Diễn Châu, tỉnh Nghệ An phát biểu.",
                  None, "concurrency")
    assert [(f["unit"], f["level"]) for f in found] == [("17434", "commune")]


def test_bodies_of_a_district_belong_to_the_district_of_a_commune_named():
    assert place_of("Xã Diễn Kỷ, huyện Diễn Châu, tỉnh Nghệ An", None) == "425"
