"""Stated dates -> valid_from / valid_to, on statements of our own making (an
evaluation of 36 statements with known answers: every one must be right)."""

from __future__ import annotations

import pytest

from mergegraph.ingest.extract import DocumentMeta, extract_document
from mergegraph.ingest.extract.dates import stated_dates
from mergegraph.ingest.extract.normalize import match_text

CASES = [
    ("Từ ngày 1/8/2018, huyện Lâm Bình hợp nhất hai phòng.", "2018-08-01", None),
    ("Kể từ 01/01/2019, mô hình được áp dụng ở 5 xã.", "2019-01-01", None),
    ("Mô hình thực hiện đến hết ngày 31/12/2019.", None, "2019-12-31"),
    ("Từ 15/3/2020 đến 30/6/2020, thí điểm ở huyện Na Hang.", "2020-03-15", "2020-06-30"),
    ("Tháng 3/2019, tỉnh sáp nhập hai trung tâm.", "2019-03", None),
    ("Năm 2019, huyện Chiêm Hóa hợp nhất Văn phòng.", "2019", None),
    ("Từ năm 2018 đến nay, huyện duy trì mô hình.", "2018", None),
    ("Ngày 1 tháng 8 năm 2018, Ban Thường vụ thành lập Trung tâm.", "2018-08-01", None),
    ("Từ ngày 1 tháng 7 năm 2025, cấp huyện không còn.", "2025-07-01", None),
    ("Kể từ tháng 6/2021, bí thư đồng thời là chủ tịch.", "2021-06", None),
    ("Từ tháng 10 năm 2019, mô hình mở rộng.", "2019-10", None),
    ("Bắt đầu từ năm 2020, các xã thực hiện.", "2020", None),
    ("Thời gian thí điểm đến tháng 12/2021.", None, "2021-12"),
    ("Thí điểm tới năm 2022.", None, "2022"),
    ("Từ 1-1-2020 hai cơ quan hợp nhất.", "2020-01-01", None),
    ("Từ ngày 01.07.2019 sáp nhập phòng.", "2019-07-01", None),
    ("Từ cuối năm 2018, huyện thực hiện.", "2018", None),
    ("Kể từ đầu năm 2021 đến cuối năm 2022, thực hiện thí điểm.", "2021", "2022"),
    ("Ngày 12/2/2025, Ban Chấp hành ban hành quyết định hợp nhất.", "2025-02-12", None),
    ("Sáng 22/4, hội nghị tổng kết diễn ra.", None, None),
    ("Đến nay, 7/10 xã đã thực hiện.", None, None),
    ("Giảm 13/20 đầu mối.", None, None),
    ("Nhiệm kỳ 2020 - 2025, huyện có 12 xã.", None, None),
    ("Quyết định số 983-QĐ/TU về việc hợp nhất.", None, None),
    ("Từ ngày 32/13/2019 là một ngày không có thật.", None, None),
    ("Tháng 13/2019 không có.", None, None),
    ("Từ năm 2017 đến năm 2020, giảm 5 biên chế.", "2017", "2020"),
    ("Cho đến hết năm 2023, mô hình được duy trì.", None, "2023"),
    ("Hợp nhất từ ngày 1/1/2019 theo Đề án.", "2019-01-01", None),
    ("Từ 01/8/2018 huyện Sơn Dương hợp nhất hai ban.", "2018-08-01", None),
    ("Huyện hợp nhất hai ban vào tháng 8 năm 2018.", "2018-08", None),
    ("Năm 2024 và năm 2025, thực hiện sắp xếp.", "2024", None),
    ("Kể từ 1/7, mô hình được áp dụng.", None, None),
    ("Ngày 5 tháng 3 năm 2020 thành lập.", "2020-03-05", None),
    ("Từ tháng 8-2018, huyện áp dụng.", "2018-08", None),
    ("Đến ngày 31/12/2020 kết thúc thí điểm.", None, "2020-12-31"),
]


def test_there_are_enough_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("text, valid_from, valid_to", CASES)
def test_stated_dates(text, valid_from, valid_to):
    assert stated_dates(match_text(text)) == (valid_from, valid_to)


def test_facts_carry_their_sentence_and_dates():
    text = ("Tin liên quan\n\n Từ ngày 1/8/2018, huyện Lâm Bình hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ "
            "huyện.   Hội nghị diễn ra sáng nay.")
    (f,) = extract_document(text, DocumentMeta(doc="t", province_hint="Tuyên Quang"))
    assert f.sentence.startswith("Từ ngày 1/8/2018") and f.sentence.endswith("Phòng Nội vụ huyện.")
    assert text[f.sentence_start:f.sentence_start + len(f.sentence)] == f.sentence
    assert f.quote in f.sentence and f.quote == f.quote.strip() and text[f.start:f.end] == f.quote
    assert (f.valid_from, f.valid_to) == ("2018-08-01", None)
    record = f.to_record()
    assert record["sentence"] == f.sentence and record["valid_from"] == "2018-08-01"


def test_every_quote_lies_in_its_sentence_on_the_corpus():
    from pathlib import Path

    from mergegraph.ingest.extract import read_document
    roots = [Path(__file__).resolve().parents[2] / "ingest" / "corpus", Path("/work/shared/corpus")]
    paths = [p for r in roots if r.exists() for p in sorted(r.rglob("*.txt"))]
    if not paths:
        pytest.skip("no corpus beside the project")
    for path in paths:
        text = read_document(path)
        for f in extract_document(text, DocumentMeta(doc=path.stem)):
            assert f.quote and f.quote == f.quote.strip(), (path, f.quote)
            assert text[f.sentence_start:f.sentence_start + len(f.sentence)] == f.sentence
            assert f.sentence_start <= f.start and f.end <= f.sentence_start + len(f.sentence), (path, f.quote)
