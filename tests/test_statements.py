"""Citable statements without a database: the whole sentence around a span
(ingest/sentences.py) and a document's Source row (title, text, no path)."""

from __future__ import annotations

from pathlib import Path

from mergegraph.ingest.extract import DocumentMeta
from mergegraph.ingest.extract.normalize import prepare as segment
from mergegraph.ingest.manifest import Document
from mergegraph.ingest.pipeline import prepare, source_row, text_title
from mergegraph.ingest.sentences import cite

TEXT = ("Tin liên quan\n\nHuyện Đầm Hà hợp nhất hai cơ quan\n\n"
        "Sáng 26/4, huyện tổ chức hội nghị. Qua một thời gian thực hiện mô hình hợp nhất các "
        "cơ quan: hợp nhất UBKT Huyện ủy với Thanh tra huyện; Ban Tổ chức Huyện ủy và Phòng Nội vụ. "
        "Đến nay, 5 huyện đang thực hiện mô hình. (Bắc Yên, Yên Châu, Phù Yên)\n")


def test_a_fragment_gets_its_sentence_and_loses_its_spaces():
    prepared = segment(TEXT)
    start = TEXT.index(" Ban Tổ chức")
    end = TEXT.index("Phòng Nội vụ") + len("Phòng Nội vụ")
    c = cite(prepared, start, end)
    assert c.quote == "Ban Tổ chức Huyện ủy và Phòng Nội vụ" and c.start == start + 1
    assert c.sentence.startswith("Qua một thời gian") and c.sentence.endswith("Phòng Nội vụ.")
    assert TEXT[c.sentence_start:c.sentence_start + len(c.sentence)] == c.sentence


def test_a_list_of_names_grows_to_the_sentence_with_the_verb():
    prepared = segment(TEXT)
    start = TEXT.index("(Bắc Yên")
    c = cite(prepared, start, start + len("(Bắc Yên, Yên Châu, Phù Yên)"))
    assert c.sentence.startswith("Đến nay, 5 huyện đang thực hiện") and c.quote in c.sentence


def test_a_title_from_the_headline_not_the_furniture():
    assert text_title(TEXT) == "Huyện Đầm Hà hợp nhất hai cơ quan"


def test_a_title_from_the_html_page(tmp_path: Path):
    page = tmp_path / "bai.html"
    body = " ".join(["Huyện Đầm Hà hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ từ ngày 1/8/2018."] * 3)
    page.write_text(f"<html><head><title>Đầm Hà hợp nhất cơ quan</title></head><body><article>"
                    f"<p>{body}</p><p>{body}</p></article></body></html>", encoding="utf-8")
    plan = prepare(Document(DocumentMeta(doc="bai", province_hint="Quảng Ninh", date="2019-01-01"),
                            path=page, origin=str(page)))
    assert plan.source["title"] == "Đầm Hà hợp nhất cơ quan" and plan.source["title_from"] == "html"
    assert "path" not in plan.source and str(tmp_path) not in str(plan.source)


def test_the_source_row_keeps_the_text_and_the_manifest_title():
    doc = Document(DocumentMeta(doc="d", title="Tiêu đề"), text=TEXT)
    row = source_row(doc, TEXT)
    assert row["text"] == TEXT and row["length"] == len(TEXT)
    assert (row["title"], row["title_from"]) == ("Tiêu đề", "manifest")
