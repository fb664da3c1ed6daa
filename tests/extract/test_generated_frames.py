"""Frames checked on sentences built from the vocabulary, not from articles:
every body type of the evaluation taxonomy (../shared/eval/taxonomy.yaml, or
the project's bodies.yaml), every role, titles before and after names with
and without honorifics, status words, and connectors. A frame that works only
for the bodies it was written for fails here."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
import yaml

from mergegraph.ingest.extract.vocab import VOCAB_DIR, load_cues

from ._support import evals, keys

TAXONOMY = Path(__file__).resolve().parents[3] / "shared" / "eval" / "taxonomy.yaml"
HINT, PLACE, UNIT = "Nghệ An", "huyện Tân Kỳ", "423"
AT = "Huyện Tân Kỳ"
PEOPLE = ["Nguyễn Văn Khải", "Trần Thị Hạnh", "Lê Quang Vinh", "Phạm Đức Toàn", "Hoàng Thị Yến",
          "Vi Văn Sơn", "Lò Thị Mai", "Đinh Công Hậu"]
HEADS = ["Giám đốc", "Trưởng", "Chủ tịch", "Chánh", "Chủ nhiệm"]
DEPUTIES = ["Phó Giám đốc", "Phó Trưởng", "Phó Chủ tịch", "Phó Chánh"]
HONORIFICS = ["", "ông ", "bà ", "đồng chí ", "Thượng tá "]
# body types named only with a level noun or a role of their own (tested apart)
APART = {"cap-uy", "thon-to-dan-pho", "doan-the", "ban-thuong-vu", "hoi-quan-chung", "khoi-dan-van",
         "co-quan-khoi-mttq", "bao", "truong-hoc"}


def _body_names() -> dict[str, str]:
    """One usable name per body type: the taxonomy's first capitalised name
    without a level or an explanation in it."""
    source = TAXONOMY if TAXONOMY.exists() else VOCAB_DIR / "bodies.yaml"
    spec = yaml.safe_load(source.read_text(encoding="utf-8"))["body_types"]
    out = {}
    for key, entry in spec.items():
        names = entry.get("names") or [n for lv in ("district", "province", "commune") for n in entry.get(lv, [])]
        usable = [n for n in names if n[:1].isupper() and "(" not in n
                  and not any(w in n.lower().split() for w in ("tỉnh", "huyện", "xã", "thành", "ủy"))]
        if key not in APART and usable:
            out[key] = usable[0]
    return out


BODIES = _body_names()
_SPEC = yaml.safe_load((VOCAB_DIR / "bodies.yaml").read_text(encoding="utf-8"))["body_types"]
# bodies that exist at the province only (Sở ..., Trường Chính trị, Đoàn ĐBQH) are tested in a province
PROVINCIAL = {k for k, v in _SPEC.items() if v.get("province") and not v.get("district") and not v.get("names")}


def _name(body: str) -> str:
    """The body's name at the level it is tested at (a district office for Nội vụ)."""
    district = _SPEC.get(body, {}).get("district")
    return district[0] if district and body not in PROVINCIAL else BODIES[body]


def _where(body: str) -> tuple[str, str, str, str, str]:
    """(subject, unit, other body name, other key, office name) at the body's own level."""
    if body in PROVINCIAL:
        other = ("Sở Nội vụ", "noi-vu") if body != "noi-vu" else ("Sở Tư pháp", "tu-phap")
        return "Tỉnh Nghệ An", "40", other[0], other[1], "Văn phòng UBND tỉnh"
    other = ("Phòng Nội vụ huyện", "noi-vu") if body != "noi-vu" else ("Phòng Tư pháp huyện", "tu-phap")
    return AT, UNIT, other[0], other[1], "Văn phòng HĐND và UBND huyện"


def test_the_taxonomy_is_covered():
    assert len(BODIES) >= 60, sorted(BODIES)


@pytest.mark.parametrize("body", sorted(BODIES))
def test_holding_title_after_the_name(body):
    name = BODIES[body]
    for k, (role, person, hon) in enumerate(zip(HEADS, PEOPLE, HONORIFICS)):
        text = f"{hon}{person}, {role} {name} {PLACE} cho biết kết quả."
        got = {(f["person"], p) for f in evals(text, HINT, "holding") for p in f["positions"]}
        assert (person, f"head@{body}") in got, (text, got)


@pytest.mark.parametrize("body", sorted(BODIES))
def test_holding_title_before_the_name(body):
    name = BODIES[body]
    for role, person in zip(DEPUTIES, PEOPLE[3:]):
        text = f"{role} {name} {PLACE} {person} phát biểu tại hội nghị."
        got = {(f["person"], p) for f in evals(text, HINT, "holding") for p in f["positions"]}
        assert (person, f"deputy@{body}") in got, (text, got)


TITLE_IS = load_cues().spec.title_is


@pytest.mark.parametrize("body", sorted(BODIES))
def test_holding_title_then_is_then_the_name(body):
    """"Phó Giám đốc X huyện Tân Kỳ là ông Y": every word of title_is, with and
    without a title of address."""
    name = BODIES[body]
    for k, (role, person) in enumerate(zip(DEPUTIES, PEOPLE)):
        word, hon = TITLE_IS[k % len(TITLE_IS)], ("ông ", "bà ", "đồng chí ", "")[k % 4]
        text = f"{role} {name} {PLACE} {word} {hon}{person}."
        got = {(f["person"], p) for f in evals(text, HINT, "holding") for p in f["positions"]}
        assert (person, f"deputy@{body}") in got, (text, got)


CONNECTORS = ["đồng thời là", "kiêm", "kiêm nhiệm", "đồng thời giữ chức"]
STATUS = [("", "implemented"), ("Dự kiến ", "planned"), ("Thí điểm ", "pilot"), ("Đã dừng thực hiện ", "ended")]


@pytest.mark.parametrize("body", sorted(BODIES))
def test_concurrency_with_every_body_type(body):
    name = BODIES[body]
    first, first_key = ("Trưởng ban Dân vận Huyện ủy", "head@ban-dan-van") if body != "ban-dan-van" else \
        ("Trưởng ban Tổ chức Huyện ủy", "head@ban-to-chuc")
    for connector, (prefix, status) in zip(CONNECTORS, STATUS):
        text = f"{prefix}mô hình {first} {connector} {HEADS[0]} {name} ở {PLACE}."
        got = [f for f in evals(text, HINT, "concurrency")]
        wanted = sorted({first_key, f"head@{body}"})
        assert [(f["unit"], f["level"], f["positions"], f["status"]) for f in got] == [
            (UNIT, "district", wanted, status)], text


def test_concurrency_pattern_with_coverage_for_every_pair_of_roles():
    for (ra, rb) in itertools.product(["Bí thư Đảng ủy", "Phó Bí thư Đảng ủy"],
                                      ["Chủ tịch UBND", "Chủ tịch HĐND", "Chủ tịch Ủy ban MTTQ"]):
        for n, m in ((3, 19), (12, 12), (1, 7)):
            text = f"Đến nay, {PLACE} có {n}/{m} xã thực hiện mô hình {ra} đồng thời là {rb} xã."
            got = evals(text, HINT, "concurrency")
            assert [(f["unit"], f["level"], f["count"], f["of"]) for f in got] == [(UNIT, "commune", n, m)], text


MERGEABLE = sorted(b for b in BODIES if b not in ("hdnd", "ubnd", "cap-uy"))


@pytest.mark.parametrize("body", MERGEABLE)
def test_merger_with_every_body_type(body):
    at, unit, other_name, other, _office = _where(body)
    name = _name(body)
    for text in (f"{at} đã hợp nhất {name} với {other_name}.",
                 f"{at} sẽ hợp nhất {other_name} và {name}."):
        assert keys(text, HINT, "merger") == {(unit, tuple(sorted({body, other})))}, text
    absorbed = f"Từ ngày 1/7, {at[0].lower() + at[1:]} sáp nhập {name} vào {other_name}."
    got = evals(absorbed, HINT, "merger")
    assert [(f["unit"], f["from"], f["into"], f["kind"]) for f in got] == [(unit, [body], other, "absorb")], absorbed
    # the bodies as the subject: "A và B huyện X (đã, được, sẽ) hợp nhất (thành C)"
    place = at.split(" ", 1)[1] if at != "Tỉnh Nghệ An" else "Nghệ An"
    for aux, tail, status in (("", ".", "implemented"), ("đã ", " thành một cơ quan.", "implemented"),
                              ("được ", f" thành {other_name}.", "implemented"),
                              ("sẽ ", ".", "planned")):
        subject = f"{name} và {other_name} {place} {aux}hợp nhất{tail}"
        got = evals(subject, HINT, "merger")
        into = other if other_name in tail else None
        assert [(f["unit"], f["from"], f["into"], f["status"]) for f in got] == [
            (unit, sorted({body, other}), into, status)], subject
    # and the other way: the body takes the other in ("vào Công an huyện", "vào Ủy ban ...")
    absorbing = f"Từ ngày 1/7, {at[0].lower() + at[1:]} sáp nhập {other_name} vào {name}."
    got = evals(absorbing, HINT, "merger")
    assert [(f["unit"], f["from"], f["into"], f["kind"]) for f in got] == [(unit, [other], body, "absorb")], absorbing


@pytest.mark.parametrize("body", MERGEABLE)
def test_transfer_from_every_body_type(body):
    at, unit, _other_name, _other, office = _where(body)
    target = "van-phong-hdnd-ubnd" if body != "van-phong-hdnd-ubnd" else "noi-vu"
    target_name = office if body != "van-phong-hdnd-ubnd" else "Phòng Nội vụ huyện"
    name = _name(body)
    texts = [f"{at} chuyển chức năng quản lý về công tác thi đua của {name} về {target_name}.",
             # the function not named: the words that say there is one
             f"{at} chuyển chức năng, nhiệm vụ của {name} sang {target_name}.",
             f"Tại {at[0].lower() + at[1:]}, {target_name} tiếp nhận chức năng, nhiệm vụ của {name}."]
    # the receiving body before the verb, every verb of the vocabulary
    texts += [f"{at} giao {target_name} {verb} nhiệm vụ quản lý về công tác thi đua từ {name}."
              for verb in RECEIVE]
    # the body dissolved as the subject, every dissolving verb written without its object
    place = at.split(" ", 1)[1] if at != "Tỉnh Nghệ An" else "tỉnh Nghệ An"
    texts += [f"{name} {place} {verb}, chuyển chức năng, nhiệm vụ về {target_name}."
              for verb in DISSOLVE if not verb.endswith(" của")]
    for text in texts:
        assert keys(text, HINT, "transfer") == {(unit, body, target)}, text


DISSOLVE = load_cues().spec.dissolve
RECEIVE = load_cues().spec.words["receive"]


def test_concurrency_for_each_unit_of_a_list_of_one_to_ten():
    names = ["Quế Phong", "Quỳ Châu", "Kỳ Sơn", "Tương Dương", "Nghĩa Đàn", "Quỳ Hợp", "Quỳnh Lưu",
             "Con Cuông", "Tân Kỳ", "Anh Sơn"]
    for n in range(1, 11):
        listed = names[:n]
        named = f"{', '.join(listed[:-1])} và {listed[-1]}" if n > 1 else listed[0]
        text = f"Các huyện {named} đã thực hiện mô hình Trưởng ban Dân vận Huyện ủy đồng thời là Chủ tịch Ủy ban MTTQ huyện."
        units = {u for u, lv, _ in keys(text, HINT)}
        assert len(units) == n, (n, units)


# A Party body is named with its committee, whose name says the unit's kind:
# "Ban Tổ chức Thành ủy" ("thành" is no "into" there), "Thị ủy", "Quận ủy".
_COMMITTEES = [("thành phố Thái Nguyên", "Thành ủy", "thành phố", "164", "Thái Nguyên"),
               ("thành phố Sông Công", "Thành ủy", "thành phố", "165", "Thái Nguyên"),
               ("thị xã Sơn Tây", "Thị ủy", "thị xã", "269", "Hà Nội"),
               ("quận Ba Đình", "Quận ủy", "quận", "001", "Hà Nội"),
               ("huyện Đại Từ", "Huyện ủy", "huyện", "171", "Thái Nguyên")]
_PARTY_BODIES = {"ban-to-chuc": "Ban Tổ chức", "uy-ban-kiem-tra": "Ủy ban Kiểm tra",
                 "ban-tuyen-giao": "Ban Tuyên giáo", "ban-dan-van": "Ban Dân vận",
                 "van-phong-cap-uy": "Văn phòng"}


@pytest.mark.parametrize("body,where", list(itertools.product(sorted(_PARTY_BODIES),
                                                               _COMMITTEES)))
def test_merger_of_a_party_body_named_with_its_committee(body, where):
    place, committee, noun, unit, hint = where
    party = f"{_PARTY_BODIES[body]} {committee}"
    subject = place[0].upper() + place[1:]
    for text in (f"{subject} đã hợp nhất {party} với Phòng Nội vụ {noun}.",
                 f"{subject} đã thực hiện hợp nhất {party} với Phòng Nội vụ {noun}; hợp nhất "
                 f"Phòng Tư pháp với Phòng Kinh tế {noun}."):
        assert (unit, tuple(sorted((body, "noi-vu")))) in keys(text, hint, "merger"), text
    absorbed = f"{subject} sáp nhập Phòng Nội vụ {noun} vào {party}."
    got = evals(absorbed, hint, "merger")
    assert [(f["unit"], f["from"], f["into"]) for f in got] == [(unit, ["noi-vu"], body)], absorbed


ASIDES = ["(SN 1975)", "(55 tuổi)", ", 45 tuổi,", "(dân tộc Thái)"]


@pytest.mark.parametrize("body", sorted(BODIES))
def test_holding_with_an_aside_between_the_name_and_the_title(body):
    name = BODIES[body]
    for k, (aside, person) in enumerate(zip(ASIDES, PEOPLE)):
        comma = "" if aside.endswith(",") else ","
        text = f"{HONORIFICS[1 + k % 4]}{person} {aside}{comma} {HEADS[k % len(HEADS)]} {name} {PLACE}."
        got = {(f["person"], p) for f in evals(text, HINT, "holding") for p in f["positions"]}
        assert (person, f"head@{body}") in got, (text, got)


# Names no vocabulary entry knows, after the first word of a body name.
UNKNOWN_BODIES = ["Sở Giáo dục, Khoa học và Công nghệ", "Phòng Quản lý Hành chính Công",
                  "Trung tâm Ứng dụng Tiến bộ Khoa học", "Ban Vì sự tiến bộ Phụ nữ"]


@pytest.mark.parametrize("unknown", UNKNOWN_BODIES)
def test_a_role_before_a_body_the_vocabulary_does_not_know_takes_no_body_from_before(unknown):
    for role, key in (("Giám đốc", "giao-duc"), ("Trưởng", "noi-vu"), ("Chủ tịch", "ubnd")):
        known = {"giao-duc": "Sở Giáo dục và Đào tạo tỉnh Nghệ An", "noi-vu": "Phòng Nội vụ huyện Tân Kỳ",
                 "ubnd": "UBND huyện Tân Kỳ"}[key]
        text = (f"Ông Nguyễn Văn Khải, {role} {known}, phát biểu. Bà Trần Thị Hạnh, "
                f"{role} {unknown}, cho biết.")
        got = {(f["person"], p) for f in evals(text, HINT, "holding") for p in f["positions"]}
        assert got == {("Nguyễn Văn Khải", f"head@{key}")}, (text, got)
