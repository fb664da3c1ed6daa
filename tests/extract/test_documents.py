"""Reading documents and manifests."""

from __future__ import annotations

import json
import unicodedata

import pytest

from mergegraph.ingest.extract import DocumentError, read_document
from mergegraph.ingest.pipeline import extract_manifest
from mergegraph.ingest.extract.documents import MAX_BYTES

TONES = "\u0300\u0301\u0303\u0309\u0323"


def cp1258(text: str) -> bytes:
    """Text in Windows-1258, which writes the tone as a combining mark."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out.append(base + tones)
    return "".join(out).encode("cp1258")


ARTICLE = ("Huyện Tân Kỳ đã bố trí Trưởng Phòng Nội vụ kiêm Trưởng Ban Tổ chức Huyện ủy. "
           "Việc sắp xếp giúp giảm đầu mối, nâng cao hiệu quả hoạt động của bộ máy.")


def test_plain_utf8(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert read_document(path) == ARTICLE


def test_decomposed_text_is_nfc(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(unicodedata.normalize("NFD", ARTICLE), encoding="utf-8")
    text = read_document(path)
    assert text == ARTICLE and unicodedata.is_normalized("NFC", text)


def test_byte_order_marks(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(ARTICLE.encode("utf-16"))       # with its BOM
    assert read_document(tmp_path / "a.txt") == ARTICLE
    assert read_document(tmp_path / "b.txt") == ARTICLE


def _html(charset: str, body: str) -> str:
    menu = "".join(f"<li><a href='/m{i}'>Chuyên mục {i}</a></li>" for i in range(12))
    return (f"<!DOCTYPE html><html><head><meta charset=\"{charset}\"><title>Tin</title></head><body>"
            f"<nav><ul>{menu}</ul></nav>"
            f"<article><h1>Tinh gọn bộ máy ở huyện Tân Kỳ</h1>"
            f"<p>{body}</p><p>{body}</p></article>"
            "<div class='comments'><h3>Bình luận</h3><p>Viết bình luận của bạn</p></div>"
            "<footer>Bản quyền thuộc về tòa soạn. Đường dây nóng: 0900 000 000</footer></body></html>")


def test_html_keeps_the_article_and_drops_the_boilerplate(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(_html("utf-8", ARTICLE), encoding="utf-8")
    text = read_document(path)
    assert "Trưởng Phòng Nội vụ kiêm Trưởng Ban Tổ chức Huyện ủy" in text
    assert "Chuyên mục 3" not in text and "Đường dây nóng" not in text


def test_html_in_a_declared_legacy_encoding(tmp_path):
    path = tmp_path / "a.html"
    path.write_bytes(cp1258(_html("windows-1258", ARTICLE)))
    assert "Trưởng Phòng Nội vụ kiêm Trưởng Ban Tổ chức" in read_document(path)


@pytest.mark.parametrize("content,reason", [
    (b"", "empty"),
    (b"   \n\t ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
    ("Huyện Tân Kỳ".encode("utf-8") + b" \xff\xfe\xfa" * 3, "UTF-8"),
])
def test_unreadable_documents(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as err:
        read_document(path)
    assert reason in err.value.reason and str(path) in str(err.value)


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (MAX_BYTES + 1))
    with pytest.raises(DocumentError, match="too large"):
        read_document(path)


def test_missing_file(tmp_path):
    with pytest.raises(DocumentError, match="no such file"):
        read_document(tmp_path / "nope.txt")


def test_unknown_declared_encoding(tmp_path):
    path = tmp_path / "a.html"
    path.write_text(_html("x-no-such-encoding", ARTICLE), encoding="utf-8")
    with pytest.raises(DocumentError, match="unknown encoding"):
        read_document(path)


def test_manifest_goes_on_after_bad_lines_and_documents(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "docs" / "empty.txt").write_bytes(b"")
    lines = [
        json.dumps({"doc": "good", "path": "docs/good.txt", "province_hint": "Nghệ An"}, ensure_ascii=False),
        "{not json",
        json.dumps({"path": "docs/good.txt"}),
        json.dumps({"doc": "gone", "path": "docs/missing.txt"}),
        "",
        json.dumps({"doc": "empty", "path": "docs/empty.txt", "url": None}),
    ]
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "facts.jsonl"
    report = extract_manifest(manifest, out)
    assert report.documents == 1
    assert [e.origin for e in report.errors] == [f"{manifest}:{n}" for n in (2, 3, 4, 6)]
    assert "not JSON" in report.errors[0].reason and "'doc'" in report.errors[1].reason
    assert report.errors[2].doc == "gone" and "missing.txt" in str(report.errors[2])
    facts = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert report.facts == len(facts) == 1
    assert facts[0]["doc"] == "good" and facts[0]["type"] == "concurrency"
    assert facts[0]["unit"] == "423"
    assert set(facts[0]) == {"doc", "type", "unit", "level", "positions", "count", "of", "status",
                             "person", "quote", "valid_from", "valid_to", "reported_by"}
