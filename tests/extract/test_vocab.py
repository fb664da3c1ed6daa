"""The vocabulary: every evaluation key is known; abbreviations and variants."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from mergegraph.ingest.extract.normalize import prepare
from mergegraph.ingest.extract.tokens import tokenize
from mergegraph.ingest.extract.vocab import vocabulary

TAXONOMY = Path(__file__).resolve().parents[3] / "shared" / "eval" / "taxonomy.yaml"


@pytest.mark.skipif(not TAXONOMY.exists(), reason="shared/eval/taxonomy.yaml is not beside the project")
def test_every_taxonomy_body_type_is_in_the_vocabulary():
    taxonomy = yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))
    assert set(taxonomy["body_types"]) <= set(vocabulary().body_types)


def lookup(phrase: str):
    p = prepare(phrase)
    tokens = tokenize(p.text, p.match)
    end, lex = vocabulary().lexicon.match(tokens, 0)
    assert end == len(tokens), (phrase, end)
    return lex.kind, lex.key


@pytest.mark.parametrize("phrase,key", [
    ("UBND", "ubnd"), ("Ủy ban nhân dân", "ubnd"), ("HĐND", "hdnd"), ("MTTQ", "mttq"),
    ("UBMTTQ", "mttq"), ("UB MTTQ", "mttq"), ("UBMMTQ", "mttq"), ("Ban công tác Mặt trận", "mttq"),
    ("UBKT", "uy-ban-kiem-tra"), ("UB Kiểm tra", "uy-ban-kiem-tra"), ("BTG", "ban-tuyen-giao"),
    ("TTBD chính trị", "trung-tam-chinh-tri"), ("Trung tâm BDCT", "trung-tam-chinh-tri"),
    ("Văn phòng HĐND - UBND", "van-phong-hdnd-ubnd"), ("Phòng NN&PTNT", "nong-nghiep"),
    ("Phòng LĐ-TB&XH", "lao-dong-xa-hoi"), ("Đài PT-TH", "dai-truyen-thanh-truyen-hinh"),
    ("Trung tâm Văn hoá, Thông tin và Thể thao", "trung-tam-van-hoa-the-thao"),
    ("Ban Quản lý và khai thác di tích", "ban-quan-ly-di-tich"), ("BQL dự án", "ban-quan-ly-du-an"),
    ("Tỉnh uỷ", "cap-uy"), ("chi bộ", "cap-uy"), ("tổ dân phố", "thon-to-dan-pho"),
])
def test_body_names(phrase, key):
    assert lookup(phrase) == ("body", key)


@pytest.mark.parametrize("phrase,kind,key", [
    ("Phó Bí thư Thường trực", "role", "standing-deputy"), ("Phó Chủ tịch", "role", "deputy"),
    ("Chủ nhiệm", "role", "head"), ("Tỉnh ủy viên", "fused", "member@cap-uy"),
    ("UVTVTU", "fused", "member@ban-thuong-vu"), ("thôn trưởng", "fused", "head@thon-to-dan-pho"),
    ("Ủy viên dự khuyết", "block", ""), ("cấp huyện", "level", "district"),
])
def test_role_words(phrase, kind, key):
    assert lookup(phrase) == (kind, key)
