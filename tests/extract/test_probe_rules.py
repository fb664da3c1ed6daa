"""Rules found with the probe set (tests/extract/test_probes.py), each checked
over the vocabulary on sentences of our own."""

from __future__ import annotations

import itertools

import pytest

from mergegraph.ingest.extract.vocab import load_cues

from ._support import evals, keys

_CUES = load_cues()


@pytest.mark.parametrize("intro,title", list(itertools.product(
    _CUES.spec.name_list_intro, [t for t in _CUES.spec.person_titles if t != "đ/c"])))
def test_a_plural_title_before_named_people_with_their_honorifics(intro, title):
    text = (f"Các Phó Chủ tịch UBND huyện Mai Châu {intro} {title} Bùi Văn Hải và {title} "
            f"Đinh Thị Thoa.")
    assert keys(text, "Hòa Bình", "holding") == {("Bùi Văn Hải", ("deputy@ubnd",)),
                                                  ("Đinh Thị Thoa", ("deputy@ubnd",))}


_W = _CUES.spec.words
_PAIRS = [("Phòng Dân tộc", "dan-toc", "Văn phòng HĐND và UBND", "van-phong-hdnd-ubnd"),
          ("Phòng Y tế", "y-te", "Phòng Văn hóa - Thông tin", "van-hoa-thong-tin"),
          ("Trung tâm Dân số - KHHGĐ", "trung-tam-dan-so", "Trung tâm Y tế", "trung-tam-y-te")]


@pytest.mark.parametrize("what,of,to,pair", list(itertools.product(
    [f"{_W['function'][0]}", f"{_W['task'][0]}", f"{_W['function'][0]}, {_W['task'][0]}"],
    _W["of_from"], ["về", "sang"], _PAIRS)))
def test_functions_or_tasks_moved_from_one_body_to_another(what, of, to, pair):
    source, source_key, target, target_key = pair
    text = (f"Chuyển {what} quản lý nhà nước về công tác này {of} {source} {to} {target} "
            f"huyện Thạnh Phú.")
    assert keys(text, "Bến Tre", "transfer") == {("837", source_key, target_key)}
    assert keys(text, "Bến Tre", "merger") == set()


_PATTERNS = [("bí thư chi bộ đồng thời là trưởng ấp", "village", ("head@cap-uy", "head@thon-to-dan-pho")),
             ("Bí thư Đảng ủy kiêm Chủ tịch UBND xã", "commune", ("head@cap-uy", "head@ubnd")),
             ("Trưởng Ban Dân vận Huyện ủy đồng thời là Chủ tịch Ủy ban MTTQ huyện", "district",
              ("head@ban-dan-van", "head@mttq"))]


@pytest.mark.parametrize("at,pattern", list(itertools.product(_W["at"], _PATTERNS)))
def test_a_pattern_at_named_units_keeps_the_level_of_its_posts(at, pattern):
    posts, level, keys_ = pattern
    text = f"Thí điểm mô hình {posts} {at} các huyện Mỹ Xuyên, Kế Sách và thị xã Ngã Năm."
    assert keys(text, "Sóc Trăng") == {(u, level, keys_) for u in ("947", "943", "948")}


@pytest.mark.parametrize("nouns,intro", list(itertools.product(
    ["xã", "xã, thị trấn", "xã, phường, thị trấn"], _CUES.spec.place_list_intro + [":"])))
def test_communes_listed_bare_after_their_level_noun(nouns, intro):
    codes = {"Tiên Lương": "08344", "Minh Tân": "08353", "Tam Sơn": "08377", "Cẩm Khê": "08341"}
    listed = ["Tiên Lương", "Minh Tân", "Tam Sơn"] + (["Cẩm Khê"] if "thị trấn" in nouns else [])
    items = ", ".join(listed[:-1]) + " và " + listed[-1]
    text = (f"Huyện Cẩm Khê có {len(listed)} {nouns} {intro} {items} thực hiện Bí thư Đảng ủy "
            f"đồng thời là Chủ tịch UBND xã.").replace(" :", ":")
    posts = ("head@cap-uy", "head@ubnd")
    assert keys(text, "Phú Thọ") == {("235", "commune", posts)} | {(codes[n], "commune", posts) for n in listed}


_CHAU_THANH = {"Tây Ninh": "708", "Long An": "808", "Tiền Giang": "821", "Bến Tre": "831", "Trà Vinh": "847",
               "An Giang": "892", "Kiên Giang": "905", "Hậu Giang": "933", "Sóc Trăng": "942"}


@pytest.mark.parametrize("province", sorted(_CHAU_THANH))
def test_without_metadata_a_name_of_many_provinces_counts_for_the_one_named(province):
    text = (f"Tỉnh {province} đẩy mạnh sắp xếp bộ máy. Huyện Châu Thành đã hợp nhất Ban Tổ chức "
            f"Huyện ủy với Phòng Nội vụ huyện.")
    assert keys(text, None, "merger") == {(_CHAU_THANH[province], ("ban-to-chuc", "noi-vu"))}



# Names of the Central Highlands' peoples do not start with a family name of the
# list ("A Pớt", "Y Ngọc", "Rah Lan Hiếu"): after a title of address they are names.
_PEOPLE_VOCAB = __import__("yaml").safe_load(
    (__import__("pathlib").Path(__file__).parents[2] / "ingest" / "vocab" / "people.yaml")
    .read_text(encoding="utf-8"))
_HONORIFICS = _PEOPLE_VOCAB["honorifics"]
# an apostrophe joins the parts of one syllable, typed as "'" or "’" ("H’Hen Niê")
_ADDRESSED = ["A Dền", "Y Suôn Byă", "Rah Lan Hiếu", "Y Khoa Niê Kdăm",
              *(name.replace("'", mark) for mark in ("'", "’")
                for name in ("H'Yim Kđoh", "Ksor H'Bơ Khăp", "Đinh K'Lơng"))]


def _capitalised(phrase: str) -> str:
    return phrase[0].upper() + phrase[1:]


@pytest.mark.parametrize("honorific,name", list(itertools.product(_HONORIFICS, _ADDRESSED)))
def test_a_name_without_a_listed_family_name_after_a_title_of_address(honorific, name):
    elected = f"{_capitalised(honorific)} {name} được bầu giữ chức Chủ tịch UBND huyện Đắk Glei."
    assert keys(elected, "Kon Tum", "holding") == {(name, ("head@ubnd",))}
    titled = (f"Hội nghị có {honorific} {name}, Phó Bí thư Huyện ủy, Chủ tịch UBND huyện "
              f"Đắk Glei.")
    assert keys(titled, "Kon Tum", "holding") == {(name, ("deputy@cap-uy", "head@ubnd"))}
    assert keys(titled, "Kon Tum") == {("610", "district", ("deputy@cap-uy", "head@ubnd"))}


@pytest.mark.parametrize("honorific", _HONORIFICS)
def test_a_title_of_address_before_a_post_or_a_place_names_nobody(honorific):
    for text in (f"{_capitalised(honorific)} Chủ tịch UBND huyện Đắk Glei phát biểu.",
                 f"{_capitalised(honorific)} Bí Thư Huyện Ủy Đắk Glei phát biểu.",
                 f"Hội nghị có {honorific} Kon Tum và huyện Đắk Glei."):
        assert keys(text, "Kon Tum", "holding") == set()


# The commander of a military command board and his deputy: roles whose body,
# written or not, is the board.
_BOARD = ["Chỉ huy trưởng", "Phó Chỉ huy trưởng"]
_BOARD_NAMES = ["Ban Chỉ huy Quân sự", "Ban CHQS", ""]
_BOARD_PLACES = [("huyện Quỳ Hợp", "420"), ("xã Châu Quang", "17065")]
_PROVINCE_BOARDS = ["Bộ Chỉ huy Quân sự", "Bộ CHQS", ""]


@pytest.mark.parametrize("role,board,place", list(itertools.product(_BOARD, _BOARD_NAMES,
                                                                      _BOARD_PLACES)))
def test_the_commander_of_a_military_board_in_either_title_order(role, board, place):
    where, unit = place
    post = ("deputy@quan-su",) if role.startswith("Phó") else ("head@quan-su",)
    title = " ".join(w for w in (role, board, where) if w)
    after = f"Thượng tá Lê Văn Tâm, {title}, phát biểu tại hội nghị."
    before = f"{title} Lê Văn Tâm báo cáo kết quả."
    for text in (after, before):
        assert keys(text, "Nghệ An", "holding") == {("Lê Văn Tâm", post)}, text
    both = f"Ông Lê Văn Tâm, Phó Bí thư Đảng ủy, {title}."
    if unit == "17065":
        assert keys(both, "Nghệ An") == {(unit, "commune", tuple(sorted(("deputy@cap-uy", *post))))}


@pytest.mark.parametrize("role,board", list(itertools.product(_BOARD, _PROVINCE_BOARDS)))
def test_the_commander_of_a_province_military_command(role, board):
    post = ("deputy@quan-su",) if role.startswith("Phó") else ("head@quan-su",)
    title = " ".join(w for w in (role, board, "tỉnh Nghệ An") if w)
    for text in (f"Đại tá Lê Văn Tâm, {title}, phát biểu.", f"{title} Lê Văn Tâm phát biểu."):
        assert keys(text, "Nghệ An", "holding") == {("Lê Văn Tâm", post)}, text


# "các ông A, B", "những đồng chí: A, B và C" before an appointment: each of them.
_PLURAL = _CUES.spec.plural_titles
_TITLES = [t for t in _CUES.spec.person_titles if t != "đ/c"]
_LISTED = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"]


@pytest.mark.parametrize("plural,title,colon,n", list(itertools.product(
    _PLURAL, _TITLES, ("", ":"), (2, 3))))
def test_each_of_a_list_of_people_after_a_plural_title_of_address(plural, title, colon, n):
    names = _LISTED[:n]
    listed = ", ".join(names[:-1]) + (" và " if n == 3 else ", ") + names[-1]
    text = (f"{_capitalised(plural)} {title}{colon} {listed} được bầu làm Phó Chủ tịch HĐND "
            f"huyện Tân Kỳ.")
    assert keys(text, "Nghệ An", "holding") == {(name, ("deputy@hdnd",)) for name in names}, text


# Titles written only in abbreviations: the sentence is read, the posts found.
_ABBREVIATED = [("PBT Thường trực Huyện ủy", "standing-deputy@cap-uy"), ("PBT Huyện ủy", "deputy@cap-uy"),
                ("CT HĐND huyện", "head@hdnd"), ("PCT UBND huyện", "deputy@ubnd"),
                ("GĐ Trung tâm Chính trị huyện", "head@trung-tam-chinh-tri"),
                ("PGĐ Trung tâm Y tế huyện", "deputy@trung-tam-y-te")]


@pytest.mark.parametrize("first,second", [(a, b) for a, b in itertools.permutations(_ABBREVIATED, 2)
                                          if a[1].split("@")[1] != b[1].split("@")[1]])
def test_a_person_whose_titles_are_all_abbreviated(first, second):
    text = f"Đ/c Nguyễn Văn An - {first[0]}, {second[0]} Tân Kỳ."
    assert keys(text, "Nghệ An", "holding") == {("Nguyễn Văn An", tuple(sorted((first[1], second[1]))))}, text


# Every negation of the vocabulary before a merger verb: the merger is not stated;
# every planning word before it: the merger is planned.
_STATUS = _CUES.spec.status


@pytest.mark.parametrize("negation", _CUES.spec.negation)
def test_a_merger_under_any_negation_is_not_stated(negation):
    for verb, link in (("hợp nhất", "với"), ("sáp nhập", "vào")):
        text = f"Huyện Tân Kỳ {negation} {verb} Phòng Y tế {link} Phòng Lao động - Thương binh và Xã hội."
        assert keys(text, "Nghệ An", "merger") == set(), text


@pytest.mark.parametrize("word", [w for w in _STATUS["planned"]
                                  if w not in _CUES.spec.status_unless])
def test_a_merger_or_a_pattern_after_a_planning_word_is_planned(word):
    merger = f"Huyện Tân Kỳ {word} hợp nhất Phòng Y tế với Phòng Lao động - Thương binh và Xã hội."
    assert [f["status"] for f in evals(merger, "Nghệ An", "merger")] == ["planned"], merger
    pattern = f"Huyện Tân Kỳ {word} thực hiện Bí thư đồng thời là Chủ tịch UBND xã ở 3 xã."
    assert [f["status"] for f in evals(pattern, "Nghệ An", "concurrency")] == ["planned"], pattern


# A post after "nguyên", "từng" is not held now, nor the posts after it in the same
# run, until a word says now ("nguyên A, nay là B": B is held).
_FORMER = [w for w in _CUES.spec.former if w not in _CUES.spec.replaced and w != "cũ"]
_POSTS = [("Bí thư Huyện ủy", "head@cap-uy"), ("Chủ tịch UBND huyện", "head@ubnd"),
          ("Trưởng Ban Dân vận Huyện ủy", "head@ban-dan-van")]


@pytest.mark.parametrize("former,now,pair", list(itertools.product(
    _FORMER, _CUES.spec.now, [(a, b) for a, b in itertools.permutations(_POSTS, 2)])))
def test_a_former_post_is_not_held_and_a_post_said_to_be_now_is(former, now, pair):
    (old, _), (new, new_key) = pair
    person = "Lê Văn Tâm"
    moved = f"Ông {person}, {former} {old}, {now} là {new} Tân Kỳ, phát biểu."
    assert keys(moved, "Nghệ An", "holding") == {(person, (new_key,))}, moved
    assert keys(moved, "Nghệ An", "concurrency") == set(), moved
    for text in (f"Ông {person}, {former} {old} kiêm {new} Tân Kỳ, phát biểu.",
                 f"Ông {person}, {former} {old}, {new} Tân Kỳ, nghỉ hưu.",
                 f"{_capitalised(former)} {old} Tân Kỳ {person} phát biểu."):
        assert keys(text, "Nghệ An", "holding") == set(), text


@pytest.mark.parametrize("left,post", list(itertools.product(
    [w for w in _CUES.spec.former if w.startswith("thôi")], _POSTS)))
def test_a_post_the_person_leaves_is_not_held(left, post):
    title, key = post
    for text in (f"Ông Lê Văn Tâm {left} chức {title} Tân Kỳ để nhận nhiệm vụ mới.",
                 f"Ông Lê Văn Tâm {left} {title} Tân Kỳ."):
        assert keys(text, "Nghệ An", "holding") == set(), text
    assert keys(f"Ông Lê Văn Tâm giữ chức {title} Tân Kỳ.", "Nghệ An", "holding") == {
        ("Lê Văn Tâm", (key,))}


# A list of posts said to be one person's, without a connector: after a unifying
# word ("nhất thể hóa chức danh A và B") or before "do một người ..." ("A và B do
# một người đảm nhiệm").
_COMMUNE_POSTS = [("Bí thư Đảng ủy", "head@cap-uy"), ("Chủ tịch UBND", "head@ubnd"),
                  ("Chủ tịch HĐND", "head@hdnd"), ("Chủ tịch Ủy ban MTTQ", "head@mttq")]
_DISTRICT_POSTS = [("Trưởng Ban Dân vận Huyện ủy", "head@ban-dan-van"), ("Chủ tịch Ủy ban MTTQ", "head@mttq")]
_UNIFIABLE = [(pair, "commune") for pair in itertools.permutations(_COMMUNE_POSTS, 2)] + \
    [(pair, "district") for pair in itertools.permutations(_DISTRICT_POSTS, 2)]


@pytest.mark.parametrize("pair,link", list(itertools.product(_UNIFIABLE, ("và", "với", ","))))
def test_a_list_of_posts_unified_by_the_words_around_it(pair, link):
    ((a, ka), (b, kb)), level = pair
    noun = "huyện" if level == "district" else "xã"
    want = {("423", level, tuple(sorted((ka, kb))))}
    joined = f"{a}{'' if link == ',' else ' '}{link} {b} {noun}"
    for word in _CUES.spec.unified_before:
        text = f"Huyện Tân Kỳ thực hiện {word} chức danh {joined}."
        assert keys(text, "Nghệ An") == want, text
    if link != "với":
        for words in _CUES.spec.unified_after:
            text = f"Ở huyện Tân Kỳ, {joined} {words} đảm nhiệm."
            assert keys(text, "Nghệ An") == want, text
    # a list of posts alone is no pattern
    assert keys(f"Huyện Tân Kỳ kiện toàn chức danh {joined}.", "Nghệ An") == set()


# A whole and its parts: "toàn tỉnh có 98 xã …, trong đó huyện A có 10 xã, huyện B 5 xã".
_W_CUES = _CUES.spec.words
_THANH_HOA_DISTRICTS = [("Nga Sơn", "401", 10), ("Hậu Lộc", "400", 5), ("Hoằng Hóa", "399", 7)]


@pytest.mark.parametrize("whole,breakdown,n,has", list(itertools.product(
    _W_CUES["whole"], _W_CUES["breakdown"], (1, 2, 3), ("có ", ""))))
def test_a_whole_count_and_its_parts(whole, breakdown, n, has):
    parts = _THANH_HOA_DISTRICTS[:n]
    listed = ", ".join(f"huyện {name} {has}{count} xã" for name, _, count in parts)
    text = (f"{_capitalised(whole)} tỉnh có 98 xã thực hiện Bí thư đồng thời là Chủ tịch UBND xã, "
            f"{breakdown}: {listed}.").replace(": huyện", " huyện" if n == 1 else ": huyện")
    got = {(f["unit"], f["count"]) for f in evals(text, "Thanh Hóa", "concurrency")}
    assert got == {("38", 98)} | {(code, count) for _, code, count in parts}, text


# A standing deputy of a board or a committee ("Phó Trưởng ban Thường trực Ban Dân vận").
_STANDING = [("Phó Trưởng Ban Thường trực", ["Ban Dân vận Huyện ủy", "Ban Tổ chức Huyện ủy",
                                               "Ban Tuyên giáo Huyện ủy"]),
             ("Phó Chủ nhiệm Thường trực", ["Ủy ban Kiểm tra Huyện ủy"])]
_STANDING_KEYS = {"Ban Dân vận": "ban-dan-van", "Ban Tổ chức": "ban-to-chuc", "Ban Tuyên giáo": "ban-tuyen-giao",
                  "Ủy ban Kiểm tra": "uy-ban-kiem-tra"}


@pytest.mark.parametrize("role,body", [(r, b) for r, bodies in _STANDING for b in bodies])
def test_a_standing_deputy_of_a_board_in_either_title_order(role, body):
    key = "standing-deputy@" + next(v for k, v in _STANDING_KEYS.items() if body.startswith(k))
    for text in (f"Ông Nguyễn Văn An, {role} {body} Tân Kỳ, phát biểu.",
                 f"{role} {body} Tân Kỳ Nguyễn Văn An phát biểu.",
                 f"Ông Nguyễn Văn An, {role.lower()} {body} Tân Kỳ, phát biểu."):
        assert keys(text, "Nghệ An", "holding") == {("Nguyễn Văn An", (key,))}, text
