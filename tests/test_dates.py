"""Stated dates (ingest/dates.py) on sentences of our own, one per form of the issue,
and the evaluation of valid_from / valid_to through the facts file (tests/support/dates_eval.py)."""

from __future__ import annotations

import pytest

from mergegraph.ingest.dates import document_anchor, months_before, stated_dates
from tests.support.dates_eval import SETS, load, score

REPORTED = "2020-04-26"


@pytest.mark.parametrize("sentence,valid_from,valid_to,how", [
    ("Từ ngày 1/8/2018, huyện hợp nhất Ban Tổ chức với Phòng Nội vụ.", "2018-08-01", None, "from"),
    ("Kể từ 01/01/2019, huyện thực hiện mô hình mới.", "2019-01-01", None, "from"),
    ("Huyện thí điểm mô hình này đến hết ngày 31/12/2019.", None, "2019-12-31", None),
    ("Tháng 3/2019, huyện hợp nhất hai cơ quan.", "2019-03", None, "at"),
    ("Năm 2019, huyện hợp nhất hai cơ quan.", "2019", None, "at"),
    ("Sau một năm thực hiện, các cơ quan hoạt động ổn định.", "2019-04", None, "relative"),
    ("Từ năm 2018 đến nay, huyện thực hiện mô hình.", "2018", None, "from"),
    ("Ngày 1 tháng 8 năm 2018, huyện hợp nhất hai cơ quan.", "2018-08-01", None, "at"),
    ("Ngày 01/08/2018, huyện hợp nhất hai cơ quan.", "2018-08-01", None, "at"),
    ("Từ ngày 1/1/2019 đến hết ngày 31/12/2020, huyện thí điểm.", "2019-01-01", "2020-12-31", "from"),
    ("Giai đoạn 2016-2020, huyện giảm 13 đầu mối.", "2016", "2020", "at"),
    ("Huyện hợp nhất từ 01.04.2019.", "2019-04-01", None, "from"),
])
def test_each_form_of_the_issue(sentence, valid_from, valid_to, how):
    found = stated_dates(sentence, REPORTED)
    assert (found.valid_from, found.valid_to, found.how) == (valid_from, valid_to, how)


def test_ongoing_is_said():
    assert stated_dates("Từ năm 2018 đến nay, huyện thực hiện.", REPORTED).ongoing
    assert not stated_dates("Từ năm 2018, huyện thực hiện.", REPORTED).ongoing


@pytest.mark.parametrize("sentence", [
    "Thực hiện Nghị quyết số 18-NQ/TW, ngày 25/10/2017 của Ban Chấp hành Trung ương, huyện hợp nhất.",
    "Theo Quyết định số 1234/QĐ-UBND ngày 12/3/2019, huyện hợp nhất hai cơ quan.",
    "Huyện giảm 9 biên chế so với năm 2016.",
    "Qua một thời gian thực hiện, huyện hợp nhất hai cơ quan.",
    "Huyện có 2018 đảng viên.",                    # a number, not a year
    "Hội nghị tổ chức chiều ngày 26/4.",            # no year: not dated
])
def test_what_is_not_the_facts_date(sentence):
    found = stated_dates(sentence, REPORTED)
    assert (found.valid_from, found.valid_to) == (None, None)


def test_relative_durations_count_back_from_the_article():
    assert stated_dates("Sau 6 tháng thực hiện, huyện ổn định.", "2019-12-01").valid_from == "2019-06"
    assert stated_dates("Sau hai năm triển khai, huyện ổn định.", "2021-03-01").valid_from == "2019-03"
    assert stated_dates("Sau gần 3 năm thực hiện mô hình.", "2021").valid_from == "2018"
    assert stated_dates("Sau một năm thực hiện.", None).valid_from is None  # no article date
    assert months_before("2020-01-15", 1) == "2019-12"


def test_a_document_dates_its_pilot_only_from_a_pilot_or_model():
    assert document_anchor(["Hội nghị sơ kết một năm thực hiện thí điểm mô hình hợp nhất cơ quan."],
                           REPORTED) == "2019-04"
    assert document_anchor(["Hội nghị sơ kết 2 năm thực hiện Chương trình hành động số 26."],
                           "2019-10-09") is None


@pytest.mark.parametrize("name", sorted(SETS))
def test_evaluation_of_valid_from_and_valid_to(name):
    result = score(load(SETS[name]))
    assert result["statements"] >= (30 if name == "development" else 10)
    assert not result["no_fact"], result["no_fact"]
    for field in ("valid_from", "valid_to"):
        assert result[field]["precision"] >= 0.9 and result[field]["recall"] >= 0.9, result


def test_the_scorer_counts_a_wrong_date_against_both():
    statement = dict(load(SETS["development"])[0])  # "Từ ngày 1/8/2018, ..."
    statement["valid_from"] = "2017-01-01"           # a wrong answer key
    result = score([statement])
    assert result["valid_from"] == {"tp": 0, "fp": 1, "fn": 1, "precision": 0.0, "recall": 0.0}
