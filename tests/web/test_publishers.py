"""The publisher's province from the address and the publisher's name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mergegraph.ingest.extract.gazetteer import gazetteer
from mergegraph.ingest.extract.publishers import infer_province_hint, publishers

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"


@pytest.mark.parametrize("url, publisher, expected", [
    ("https://baohaiduong.vn/chinh-tri/x-121372", None, "Hải Dương"),
    ("http://admin.baodongnai.com.vn/chinhtri/202006/x/", None, "Đồng Nai"),
    ("https://thuyxuantien.chuongmy.hanoi.gov.vn/tin-tuc/x.html", None, "Hà Nội"),
    ("https://thgiangbien.haiphong.edu.vn/tin-tuc/x", None, "Hải Phòng"),
    ("https://baoninhbinh.org.vn/s/x", None, "Ninh Bình"),
    ("https://baothuathienhue.vn/x", None, "Huế"),
    ("https://www.baria-vungtau.gov.vn/x", None, "Bà Rịa - Vũng Tàu"),
    (None, "Báo Hải Dương", "Hải Dương"),
    (None, "Báo Hải Dương điện tử", "Hải Dương"),
    (None, "Đài PT-TH Đồng Tháp (THĐT)", "Đồng Tháp"),
    (None, "Cổng TTĐT tỉnh Quảng Nam", "Quảng Nam"),
    (None, "Cổng TTĐT xã Thủy Xuân Tiên (Chương Mỹ, Hà Nội)", "Hà Nội"),
    (None, "Trung tâm Truyền thông và Văn hóa huyện Đầm Hà", "Quảng Ninh"),
    (None, "Thư viện tỉnh Kiên Giang (theo nongnghiep.vn)", "Kiên Giang"),
    # national outlets, or a name that is not the outlet's province: no guess
    ("https://vnexpress.net/bi-thu-ninh-binh-phu-tho-4945469.html", "VnExpress", None),
    ("https://lite.baomoi.com/bac-giang-hop-nhat-c51478286.epi", "Báo Mới", None),
    ("https://laodong.vn/thoi-su/x-654294.ldo", "Báo Lao Động", None),
    ("https://plo.vn/ha-tinh-hop-nhat-post506359.html", "Báo Pháp Luật TP.HCM", None),
    ("https://baoxuan.vov.vn/tu-khoa/x", "VOV (Báo Điện tử Đài Tiếng nói Việt Nam)", None),
    (None, "Báo Mới (theo VietNamNet)", None),
    (None, "Huyện Châu Thành", None),  # a district name found in many provinces
    ("not a url at all", "", None),
    # the domain and the name disagree: no guess
    ("https://baohaiduong.vn/x", "Báo Sơn La", None),
])
def test_province_of_a_publisher(url, publisher, expected):
    assert infer_province_hint(url, publisher) == expected


def test_every_province_has_its_outlets_and_its_hint_resolves():
    table, gaz = publishers(), gazetteer()
    assert len(table.short_names) == 63
    for code, name in table.short_names.items():
        assert gaz.province_from_hint(name) == code
        assert table.province(None, f"Báo {name}") == code
        assert table.province(f"https://{_ascii(name)}.gov.vn/", None) == code
        assert table.province(f"https://bao{_ascii(name)}.vn/", None) == code


def _ascii(name: str) -> str:
    from mergegraph.ingest.extract.normalize import key
    return key(name)


def measure(manifest: Path) -> dict:
    """Hints removed, inferred from url and publisher: right, wrong, none."""
    gaz = gazetteer()
    out = {"documents": 0, "right": 0, "wrong": 0, "none": 0, "none_with_truth": 0}
    for line in manifest.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        truth = gaz.province_from_hint(entry.get("province_hint"))
        got = publishers().province(entry.get("url"), entry.get("publisher"))
        out["documents"] += 1
        if got is None:
            out["none"] += 1
            out["none_with_truth"] += truth is not None
        else:
            out["right" if got == truth else "wrong"] += 1
    return out


@pytest.mark.skipif(not (EVAL / "dev2" / "manifest.jsonl").exists(),
                    reason="shared/eval is not beside the project")
@pytest.mark.parametrize("name, at_least", [("dev", 12), ("dev2", 16)])
def test_inference_on_the_development_manifests_is_never_wrong(name, at_least):
    figures = measure(EVAL / name / "manifest.jsonl")
    print(name, figures)
    assert figures["wrong"] == 0
    assert figures["right"] >= at_least
