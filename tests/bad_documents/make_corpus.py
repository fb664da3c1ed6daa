"""Writes the bad-document corpus of this folder (run once; the files are kept).

`python tests/bad_documents/make_corpus.py` rewrites every file but the 20 MB
one, which the test generates into its tmp_path (see big_document()).
"""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

ARTICLE = (
    "Đầm Hà hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ huyện\n"
    "Thực hiện Nghị quyết số 18-NQ/TW, huyện Đầm Hà (Quảng Ninh) đã hợp nhất Ban Tổ chức "
    "Huyện ủy với Phòng Nội vụ huyện thành Cơ quan Tổ chức - Nội vụ huyện. "
    "Đồng chí Nguyễn Văn Thành, Trưởng Ban Dân vận Huyện ủy đồng thời là Chủ tịch Ủy ban "
    "MTTQ huyện Đầm Hà.\n"
)


SHAPE_MARKS = "\u0302\u0306\u031b"  # circumflex, breve, horn: precomposed in cp1258


def cp1258(text: str) -> bytes:
    """Windows-1258 bytes: base letters (â, ơ, ư, ă, đ ...) with combining tone marks."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        shape = "".join(c for c in parts[1:] if c in SHAPE_MARKS)
        tones = "".join(c for c in parts[1:] if c not in SHAPE_MARKS)
        out += unicodedata.normalize("NFC", parts[0] + shape).encode("cp1258")
        out += tones.encode("cp1258")
    return bytes(out)


def main() -> None:
    (HERE / "empty.txt").write_bytes(b"")
    (HERE / "blank.txt").write_bytes(b" \n\t\n  \r\n")
    (HERE / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (HERE / "utf16-no-bom.txt").write_bytes(ARTICLE.encode("utf-16-le"))
    (HERE / "windows-1258.txt").write_bytes(cp1258(ARTICLE))
    assert unicodedata.normalize("NFC", cp1258(ARTICLE).decode("cp1258")) == ARTICLE
    (HERE / "no-article.html").write_text(
        "<!doctype html><html><head><title>Báo Thử</title></head><body>"
        "<nav><a href='/'>Trang chủ</a> | <a href='/tin'>Tin tức</a></nav>"
        "<script>var x = 1;</script><footer>Đường dây nóng: 0123 456 789</footer>"
        "</body></html>", encoding="utf-8")
    (HERE / "good-article.txt").write_text(ARTICLE, encoding="utf-8")
    html = ("<!doctype html><html><head><meta charset=\"windows-1258\"><title>Tin</title>"
            "</head><body><article><h1>Đầm Hà</h1><p>" + ARTICLE.replace("\n", "</p><p>")
            + "</p></article></body></html>")
    (HERE / "good-declared-1258.html").write_bytes(cp1258(html))
    rows: list[dict | str] = [
        {"doc": "good-article", "path": "good-article.txt", "date": "2020-04-26",
         "publisher": "Báo Quảng Ninh", "province_hint": "Quảng Ninh"},          # 1 good
        {"doc": "empty", "path": "empty.txt"},                                     # 2
        {"doc": "blank", "path": "blank.txt"},                                     # 3
        {"doc": "binary", "path": "binary.txt"},                                   # 4
        {"doc": "utf16", "path": "utf16-no-bom.txt"},                              # 5
        {"doc": "cp1258", "path": "windows-1258.txt", "province_hint": "Quảng Ninh"},  # 6
        {"doc": "no-article", "path": "no-article.html"},                          # 7
        {"doc": "big", "path": "big.txt"},                                         # 8 (20 MB)
        {"doc": "missing", "path": "no-such-file.txt"},                            # 9
        '{"doc": "broken", "path": "good-article.txt"',                            # 10
        "this is not JSON at all",                                                 # 11
        '["doc", "path"]',                                                         # 12
        {"path": "good-article.txt"},                                              # 13 no doc
        {"doc": 42, "path": "good-article.txt"},                                   # 14
        {"doc": "good-article", "path": "good-article.txt"},                       # 15 duplicate
        {"doc": "future", "path": "good-article.txt", "date": "2999-01-01"},       # 16
        {"doc": "ancient", "path": "good-article.txt", "date": "1066-10-14"},      # 17
        {"doc": "feb30", "path": "good-article.txt", "date": "2021-02-30"},        # 18
        {"doc": "words", "path": "good-article.txt", "date": "hôm qua"},           # 19
        {"doc": "000_3ebe3cc6aa2eb4b4", "path": "empty.txt"},                      # 20 stored id
        {"doc": "good-html", "path": "good-declared-1258.html", "date": "2020-04-26",
         "province_hint": "Quảng Ninh"},                                           # 21 good
    ]
    (HERE / "manifest.jsonl").write_text(
        "".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                for r in rows), encoding="utf-8")


if __name__ == "__main__":
    main()
