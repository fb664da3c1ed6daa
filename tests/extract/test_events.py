"""Holdings and concurrencies from events (elected, appointed, named again),
titles with a term, plural titles, names in capitals. Sentences of our own."""

from __future__ import annotations

from ._support import evals, keys


def _held(text, hint=None):
    return {(f["person"], p) for f in evals(text, hint, "holding") for p in f["positions"]}


def test_elected_to_a_second_post_is_a_concurrency():
    text = ("Tại kỳ họp, HĐND tỉnh Lai Châu đã bầu ông Hoàng Minh Khải, Phó Bí thư Tỉnh ủy, "
            "làm Chủ tịch UBND tỉnh nhiệm kỳ 2021 - 2026.")
    assert ("Hoàng Minh Khải", "head@ubnd") in _held(text)
    assert keys(text) == {("12", "province", ("deputy@cap-uy", "head@ubnd"))}


def test_a_state_post_holder_appointed_to_a_party_post():
    text = "Bộ Chính trị chỉ định ông Lương Văn Hòa, Chủ tịch HĐND tỉnh Tuyên Quang, giữ chức Phó Bí thư Tỉnh ủy."
    assert keys(text) == {("08", "province", ("deputy@cap-uy", "head@hdnd"))}


def test_a_post_left_in_the_same_body_is_no_pair():
    text = ("Điều động ông Đinh Công Sự - Bí thư Huyện ủy Bảo Lạc giữ chức danh Phó Bí thư Huyện ủy, "
            "Chủ tịch UBND huyện Bảo Lạc.")
    assert keys(text, "Cao Bằng") == {("043", "district", ("deputy@cap-uy", "head@ubnd"))}


def test_a_move_between_party_posts_is_no_concurrency():
    text = ("Ông Tạ Văn Long - Bí thư Đảng ủy Khối các cơ quan tỉnh giữ chức Bí thư Huyện ủy Bảo Yên.")
    assert keys(text, "Lào Cai") == set()


def test_appointed_without_an_earlier_post():
    assert _held("Ông Đỗ Quang Huy được bổ nhiệm làm Giám đốc Sở Y tế tỉnh Cao Bằng.") == {
        ("Đỗ Quang Huy", "head@y-te")}


def test_a_post_held_before_is_no_appointment():
    assert _held("Ông Đỗ Quang Huy từng làm Giám đốc Sở Y tế tỉnh Cao Bằng.") == set()


def test_rank_before_the_name():
    text = "Thượng tá Nguyễn Văn Đông, Phó Giám đốc Công an tỉnh Bắc Kạn, được bổ nhiệm làm Giám đốc Công an tỉnh."
    assert ("Nguyễn Văn Đông", "head@cong-an") in _held(text)


def test_plural_title_before_names():
    text = "Các Phó Chủ tịch UBND tỉnh Yên Bái Trịnh Văn Hào và Lương Thị Mai dự hội nghị."
    assert _held(text) == {("Trịnh Văn Hào", "deputy@ubnd"), ("Lương Thị Mai", "deputy@ubnd")}


def test_counted_title_with_a_list_of_names():
    text = "Sau kỳ họp, tỉnh có 3 Phó Chủ tịch UBND tỉnh gồm: Nguyễn Văn An, Trần Thị Bình, Lê Công Chính."
    assert _held(text, "Gia Lai") == {(n, "deputy@ubnd") for n in ("Nguyễn Văn An", "Trần Thị Bình", "Lê Công Chính")}


def test_a_singular_title_is_not_spread_over_the_next_names():
    text = "Chủ tịch UBND tỉnh Yên Bái Trịnh Văn Hào và Lương Thị Mai dự hội nghị."
    assert _held(text) == {("Trịnh Văn Hào", "head@ubnd")}


def test_each_of_several_people_appointed():
    text = ("Ban Bí thư chỉ định các ông Nông Văn Tư, Chủ tịch HĐND tỉnh; Lục Văn Bảo (Chủ tịch UBND tỉnh) "
            "giữ chức Phó Bí thư Tỉnh ủy Lạng Sơn.")
    held = _held(text)
    assert {("Nông Văn Tư", "deputy@cap-uy"), ("Lục Văn Bảo", "deputy@cap-uy")} <= held
    assert keys(text) == {("20", "province", ("deputy@cap-uy", "head@hdnd")),
                          ("20", "province", ("deputy@cap-uy", "head@ubnd"))}


def test_a_person_named_again_by_the_last_syllable():
    text = ("Ông Phùng Văn Tâm dự lễ công bố. Trước đó, ông Tâm đã được chỉ định làm Bí thư Huyện ủy Bảo Yên.")
    assert _held(text, "Lào Cai") == {("Phùng Văn Tâm", "head@cap-uy")}


def test_a_last_syllable_two_people_share_names_nobody():
    text = ("Ông Phùng Văn Tâm và ông Hà Đức Tâm dự lễ. Ông Tâm được chỉ định làm Bí thư Huyện ủy Bảo Yên.")
    assert _held(text, "Lào Cai") == set()


def test_a_name_in_capitals_after_the_titles():
    text = "Bí thư Huyện ủy, Chủ tịch UBND huyện Mường Nhé LÒ VĂN PHƯƠNG"
    assert _held(text, "Điện Biên") == {("Lò Văn Phương", "head@cap-uy"), ("Lò Văn Phương", "head@ubnd")}
    assert keys(text, "Điện Biên") == {("096", "district", ("head@cap-uy", "head@ubnd"))}


def test_the_term_of_a_post_does_not_break_the_titles():
    text = ("Đồng chí Vũ Đại Thắng, Bí thư Tỉnh ủy khóa XVI, nhiệm kỳ 2020 - 2025, Trưởng đoàn đại biểu "
            "Quốc hội tỉnh Quảng Bình phát biểu.")
    assert keys(text) == {("44", "province", ("head@cap-uy", "head@doan-dbqh"))}


def test_abbreviated_director():
    assert _held("Phó GĐ Sở Tư pháp Thái Bình Lại Văn Hoàn phát biểu.") == {("Lại Văn Hoàn", "deputy@tu-phap")}


def test_titles_in_apposition_stay_a_pattern_when_the_person_moves_up():
    text = ("HĐND tỉnh bầu ông Trịnh Văn Lâm, Tỉnh ủy viên, Bí thư Thành ủy, Chủ tịch UBND TP Tam Điệp "
            "giữ chức Phó Chủ tịch UBND tỉnh Ninh Bình.")
    got = keys(text, "Ninh Bình")
    assert ("Trịnh Văn Lâm", "deputy@ubnd") in _held(text, "Ninh Bình")
    assert {(u, lv) for u, lv, _ in got} == {("370", "district")}


def test_a_dash_between_the_titles_and_the_name():
    text = "Phó Bí thư Thường trực Huyện ủy Chợ Đồn - Ma Thị Lan trao quyết định."
    assert _held(text, "Bắc Kạn") == {("Ma Thị Lan", "standing-deputy@cap-uy")}


def test_a_former_title_does_not_stop_the_new_post():
    text = ("Ông Đồng Văn Hưng - nguyên Trưởng trạm Khuyến nông huyện được bổ nhiệm làm Giám đốc "
            "Trung tâm Dịch vụ nông nghiệp huyện Chợ Đồn.")
    assert ("Đồng Văn Hưng", "head@trung-tam-dich-vu-nong-nghiep") in _held(text, "Bắc Kạn")


def test_a_qualifier_between_role_and_body():
    text = "Đồng chí Ma Thị Lan, Phó Trưởng đoàn chuyên trách Đoàn ĐBQH tỉnh Bắc Kạn chủ trì hội nghị."
    assert _held(text) == {("Ma Thị Lan", "deputy@doan-dbqh")}


def test_titles_name_then_a_connector_and_a_second_title():
    text = "Bí thư Huyện ủy Trấn Yên Nguyễn Văn Lợi đồng thời là Chủ tịch HĐND huyện."
    assert _held(text, "Yên Bái") == {("Nguyễn Văn Lợi", "head@cap-uy"), ("Nguyễn Văn Lợi", "head@hdnd")}
    assert keys(text, "Yên Bái") == {("138", "district", ("head@cap-uy", "head@hdnd"))}


def test_an_appointment_is_not_spread_over_people_named_before_in_another_clause():
    text = ("Các ông Nông Văn Tư và Lục Văn Bảo dự lễ, còn ông Hà Văn Cường được bổ nhiệm làm "
            "Giám đốc Sở Y tế tỉnh Cao Bằng.")
    assert _held(text) == {("Hà Văn Cường", "head@y-te")}


def test_an_election_of_a_post_gives_it_to_nobody_named_before():
    text = "Đồng chí Nông Văn Tư phát biểu chỉ đạo, hội nghị đã bầu Chủ tịch HĐND xã."
    assert _held(text, "Cao Bằng") == set()
    assert _held("Ông Nông Văn Tư được bầu Chủ tịch HĐND tỉnh Cao Bằng.") == {("Nông Văn Tư", "head@hdnd")}


def test_posts_given_together_in_an_event_are_a_concurrency():
    text = ("Tại đại hội, Đảng bộ xã Minh Tân ra mắt. Bà Hà Thị Lan giữ chức Bí thư Đảng ủy, "
            "Chủ tịch HĐND xã.")
    got = keys(text, "Cao Bằng")
    assert {(lv, p) for _u, lv, p in got} == {("commune", ("head@cap-uy", "head@hdnd"))}


def test_no_longer_held_together_is_an_ended_pattern():
    text = "Phó Chủ tịch UBND các phường, xã cũng thôi kiêm nhiệm chức vụ Giám đốc Trung tâm Phục vụ hành chính công."
    got = evals(text, "Cao Bằng", "concurrency")
    assert [(f["level"], f["positions"], f["status"]) for f in got] == [
        ("commune", ["deputy@ubnd", "head@trung-tam-phuc-vu-hanh-chinh-cong"], "ended")]
