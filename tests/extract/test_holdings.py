"""Holdings: named people and the posts the text gives them, name before or
after the titles; several posts held together are also a concurrency."""

from __future__ import annotations

from ._support import evals, facts_of


def holdings(text, hint):
    return {f["person"]: f for f in evals(text, hint, "holding")}


def test_name_then_titles_separated_by_commas():
    text = ("Đồng chí Phạm Văn Tùng, Trưởng ban Tổ chức Huyện ủy, Trưởng phòng Nội vụ huyện Tân Kỳ "
            "cho biết kết quả sau một năm.")
    h = holdings(text, "Nghệ An")["Phạm Văn Tùng"]
    assert (h["unit"], h["positions"]) == ("423", ["head@ban-to-chuc", "head@noi-vu"])
    conc = evals(text, "Nghệ An", "concurrency")
    assert [(c["unit"], c["level"], c["person"]) for c in conc] == [("423", "district", "Phạm Văn Tùng")]


def test_titles_then_place_then_name():
    h = holdings("Bí thư Tỉnh ủy Khánh Hòa Nguyễn Hải Ninh phát biểu tại hội nghị.", None)["Nguyễn Hải Ninh"]
    assert (h["unit"], h["positions"]) == ("56", ["head@cap-uy"])


def test_titles_joined_by_dashes_before_the_name():
    text = "Bí thư Huyện ủy - Chủ tịch UBND huyện Quỳnh Lưu Hoàng Minh Tuấn phát biểu."
    h = holdings(text, "Nghệ An")["Hoàng Minh Tuấn"]
    assert (h["unit"], h["positions"]) == ("421", ["head@cap-uy", "head@ubnd"])
    assert [c["person"] for c in evals(text, "Nghệ An", "concurrency")] == ["Hoàng Minh Tuấn"]


def test_name_dash_posts_joined_by_a_connector():
    text = "Ông Trần Văn Lực - Bí thư đồng thời là Chủ tịch UBND xã Quỳnh Thạch cho biết."
    h = holdings(text, "Nghệ An")["Trần Văn Lực"]
    assert (h["unit"], h["positions"]) == ("17155", ["head@cap-uy", "head@ubnd"])


def test_province_post_and_standing_deputy():
    h = holdings("Phó Bí thư Thường trực Tỉnh ủy Lê Quang Hiếu chủ trì hội nghị.", "Quảng Bình")
    assert h["Lê Quang Hiếu"]["positions"] == ["standing-deputy@cap-uy"]
    assert h["Lê Quang Hiếu"]["unit"] == "44"


def test_membership_is_kept_but_is_no_concurrency():
    text = "Đồng chí Đinh Thị Mai, Tỉnh ủy viên, Bí thư Huyện ủy Mai Châu phát biểu chỉ đạo."
    h = holdings(text, "Hòa Bình")["Đinh Thị Mai"]
    assert h["positions"] == ["head@cap-uy", "member@cap-uy"]
    assert evals(text, "Hòa Bình", "concurrency") == []


def test_standing_committee_abbreviation():
    h = holdings("Đồng chí Lường Văn Sơn, UVTVTU, Trưởng Ban Dân vận Tỉnh ủy dự hội nghị.", "Hòa Bình")
    assert h["Lường Văn Sơn"]["positions"] == ["head@ban-dan-van", "member@ban-thuong-vu"]


def test_an_alternate_member_is_no_member():
    text = ("Ủy viên dự khuyết Ban Chấp hành Trung ương Đảng, Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh "
            "Nguyễn Văn Thành chủ trì.")
    h = holdings(text, "Nghệ An")["Nguyễn Văn Thành"]
    assert h["positions"] == ["deputy@cap-uy", "head@ubnd"]


def test_a_new_post_is_held_but_is_no_concurrency_with_the_old_one():
    text = ("Ban Thường vụ Tỉnh ủy trao quyết định bổ nhiệm ông Nguyễn Văn Bình, Giám đốc Đài PT-TH tỉnh, "
            "giữ chức Giám đốc Báo và Đài PT-TH Khánh Hòa.")
    h = holdings(text, "Khánh Hòa")["Nguyễn Văn Bình"]
    assert h["positions"] == ["head@bao+dai-truyen-thanh-truyen-hinh", "head@dai-truyen-thanh-truyen-hinh"]
    assert evals(text, "Khánh Hòa", "concurrency") == []


def test_former_posts_are_not_held():
    text = "Ông Hà Văn Minh từng giữ các vị trí Phó Bí thư Huyện ủy, Chủ tịch UBND huyện Tân Lạc."
    assert holdings(text, "Hòa Bình") == {}


def test_two_people_in_one_sentence():
    text = ("Các đồng chí: Cao Thị Hoa, Trưởng Đoàn ĐBQH tỉnh, Phó Bí thư Thường trực Tỉnh ủy; "
            "Bùi Đức Minh, Trưởng Ban Tổ chức Tỉnh ủy cùng chủ trì.")
    h = holdings(text, "Quảng Bình")
    assert h["Cao Thị Hoa"]["positions"] == ["head@doan-dbqh", "standing-deputy@cap-uy"]
    assert h["Bùi Đức Minh"]["positions"] == ["head@ban-to-chuc"]
    conc = evals(text, "Quảng Bình", "concurrency")
    assert [(c["unit"], c["level"], c["person"]) for c in conc] == [("44", "province", "Cao Thị Hoa")]


def test_a_place_name_is_no_person():
    # "Hòa Bình" is a province, not a person, although the words look like a name
    assert holdings("Bí thư Tỉnh ủy Hòa Bình phát biểu.", None) == {}


def test_the_same_person_twice_is_one_holding_with_every_post():
    text = ("Đồng chí Nguyễn Văn Hùng, Bí thư Huyện ủy Vũ Thư, phát biểu. "
            "Sau đó, đồng chí Nguyễn Văn Hùng, Chủ tịch HĐND huyện, kết luận.")
    found = [f for f in facts_of(text, "Thái Bình") if f.type == "holding"]
    assert len(found) == 1
    assert found[0].position_keys == ["head@cap-uy", "head@hdnd"]


def test_central_membership_and_titles_the_vocabulary_does_not_know():
    h = holdings("Dự có ông Đỗ Văn Chiến, Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy; ông Lê Minh Tâm, "
                 "Ủy viên Ban Chỉ đạo, Phó Chủ tịch UBND tỉnh.", "Kiên Giang")
    assert h["Đỗ Văn Chiến"]["positions"] == ["head@cap-uy", "member@cap-uy"]
    assert h["Lê Minh Tâm"]["positions"] == ["deputy@ubnd"]


def test_former_title_with_nguyen_is_not_held():
    assert holdings("Ông Nguyễn Văn Tốt - nguyên Chủ tịch UBND huyện Gò Quao - nghỉ hưu.", "Kiên Giang") == {}


def test_the_youth_union_secretary_is_no_party_secretary():
    h = holdings("Anh Nguyễn Văn Nam - Bí thư Đoàn xã Nghi Thạch phát biểu.", "Nghệ An")
    assert (h["Nguyễn Văn Nam"]["positions"], h["Nguyễn Văn Nam"]["unit"]) == (["head@doan-thanh-nien"], "17890")


def test_appointed_from_one_post_to_another_with_a_minority_family_name():
    text = ("Huyện ủy Quế Phong điều động đồng chí Lô Thị Hằng, Phó Chủ tịch UBND huyện, giữ chức Bí thư "
            "Đảng ủy xã Châu Kim.")
    h = holdings(text, "Nghệ An")["Lô Thị Hằng"]
    assert h["positions"] == ["deputy@ubnd", "head@cap-uy"]
    assert evals(text, "Nghệ An", "concurrency") == []


def test_a_former_post_after_a_current_one():
    text = "Ông Lê Văn Hòa, Phó Giám đốc Sở Nội vụ, nguyên Trưởng Ban Tổ chức Huyện ủy Nghi Lộc, cho biết."
    assert holdings(text, "Nghệ An")["Lê Văn Hòa"]["positions"] == ["deputy@noi-vu"]
