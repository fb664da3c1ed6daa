"""explain(): per sentence with a trigger, the mentions, the frames fired, or why none did."""

from __future__ import annotations

from mergegraph.ingest.extract import DocumentMeta
from mergegraph.ingest.extract.explain import explain, format_explanation


def test_a_fired_frame_and_its_mentions():
    text = "Huyện Bảo Lạc đã hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ huyện."
    (e,) = explain(text, DocumentMeta(province_hint="Cao Bằng"))
    kinds = {(m.kind, m.detail) for m in e.mentions}
    assert ("place", "043") in kinds and ("body", "ban-to-chuc") in kinds and ("body", "noi-vu") in kinds
    assert e.fired["merger"][0]["from"] == ["ban-to-chuc", "noi-vu"] and e.why == ""
    assert "merger:" in format_explanation([e])


def test_why_nothing_fired():
    (e,) = explain("Chủ tịch phát biểu tại hội nghị.", DocumentMeta())
    assert not e.fired and "no place" in e.why and "role without a body" in e.why
    (e,) = explain("Ông cho biết việc sáp nhập là cần thiết.", DocumentMeta(province_hint="Cao Bằng"))
    assert "no body type" in e.why


def test_sentences_without_a_trigger_are_not_listed():
    assert explain("Trời hôm nay đẹp.", DocumentMeta()) == []


def test_to_dict_is_plain_data():
    (e,) = explain("Huyện Bảo Lạc đã hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ huyện.",
                   DocumentMeta(province_hint="Cao Bằng"))
    d = e.to_dict()
    assert d["fired"]["merger"] and d["mentions"][0]["kind"] == "place"
