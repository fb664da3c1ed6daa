"""Facts keep their quote and offsets exactly, and serialise to JSON."""

from __future__ import annotations

import json
import unicodedata

from mergegraph.ingest.extract import Concurrency, Holding, Merger, Transfer

from ._support import facts_of

TEXT = ("Sơ kết thí điểm ở huyện Tân Kỳ\n"
        "Đồng chí Phạm Văn Tùng – Trưởng Phòng Nội vụ, Trưởng Ban Tổ chức Huyện ủy Tân Kỳ cho biết: "
        "huyện đã hợp nhất Phòng Nội vụ với Ban Tổ chức Huyện ủy; chuyển chức năng quản lý thư viện của "
        "Phòng Văn hóa - Thông tin về Trung tâm Văn hóa - Thể thao huyện. Có 12/19 xã bố trí Bí thư đảng "
        "ủy kiêm Chủ tịch UBND xã từ năm 2020.")


def test_every_quote_is_the_text_at_its_offsets():
    for text in (TEXT, unicodedata.normalize("NFD", TEXT)):
        facts = facts_of(text, "Nghệ An")
        nfc = unicodedata.normalize("NFC", text)
        assert {type(f) for f in facts} == {Concurrency, Holding, Merger, Transfer}
        for f in facts:
            assert nfc[f.start:f.end] == f.quote and f.quote
            for p in getattr(f, "positions", []):
                assert nfc[p.start:p.end] == p.surface or not p.surface
            for b in getattr(f, "bodies", []):
                assert nfc[b.start:b.end] == b.name


def test_records_are_json_and_keep_more_than_the_eval_format():
    for f in facts_of(TEXT, "Nghệ An"):
        record = json.loads(json.dumps(f.to_record(), ensure_ascii=False))
        assert record["type"] == f.type and record["quote"] == f.quote
        assert record["unit"]["code"] == f.to_eval()["unit"]
        assert record["unit"]["name"]                       # the resolved unit's name
        if f.type == "concurrency" and f.count:
            assert (record["count"], record["of"], record["date"]) == (12, 19, "2020")
            assert record["positions"][0]["surface"].startswith("Bí thư đảng ủy")
        if f.type == "merger":
            assert [b["type"] for b in record["bodies"]] == ["noi-vu", "ban-to-chuc"]
            assert record["bodies"][0]["name"] == "Phòng Nội vụ" and record["kind"] == "merge"
        if f.type == "transfer":
            assert record["function"] == "quản lý thư viện"


def test_eval_format_fields():
    fields = {
        "concurrency": {"doc", "type", "unit", "level", "positions", "count", "of", "status", "person", "quote"},
        "merger": {"doc", "type", "unit", "from", "into", "kind", "status", "quote"},
        "transfer": {"doc", "type", "unit", "from", "into", "function", "quote"},
        "holding": {"doc", "type", "person", "unit", "positions", "quote"},
    }
    for f in facts_of(TEXT, "Nghệ An", doc="d1"):
        e = f.to_eval()
        assert set(e) == fields[e["type"]] and e["doc"] == "d1"
        assert isinstance(e["unit"], str)
