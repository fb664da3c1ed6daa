"""Text preparation keeps offsets and finds sentences, clauses and furniture."""

from __future__ import annotations

from mergegraph.ingest.extract.normalize import is_noise_line, match_text, prepare


def test_matching_twin_has_the_same_length_and_unifies_spelling():
    text = "Nhất thể HOÁ chức danh; cấp uỷ, Thuỷ, quý, hoàn – Ðài"
    low = match_text(text)
    assert len(low) == len(text)
    assert low == "nhất thể hóa chức danh; cấp ủy, thủy, quý, hoàn - đài"


def test_sentences_and_clauses():
    p = prepare("Huyện A có 3 xã. 6/9 xã thực hiện; 2 xã chưa. TP. Vinh là đô thị loại I.\nDòng hai")
    sentences = [p.text[s.start:s.end] for s in p.sentences]
    assert sentences == ["Huyện A có 3 xã.", "6/9 xã thực hiện; 2 xã chưa.", "TP. Vinh là đô thị loại I.",
                         "Dòng hai"]
    assert [p.text[c.start:c.end] for c in p.sentences[1].clauses] == ["6/9 xã thực hiện", " 2 xã chưa."]


def test_page_furniture():
    for line in ("HOTLINE: 0900 000 000 | THƯ VIỆN", "tinh-gon-bo-may-o-huyen-tan-ky",
                 "lay hieu luc hieu qua cong viec", "Tin liên quan", "Bạn còn 500/500 ký tự", ". . .",
                 "| Tin 1 | Tin 2 |"):
        assert is_noise_line(line), line
    assert not is_noise_line("Huyện Tân Kỳ hợp nhất Ban Tổ chức với Phòng Nội vụ.")
