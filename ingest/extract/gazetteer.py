"""Administrative units before the 2025 reform, from the `vietnamadminunits`
package's sqlite file (table `admin_units_legacy`), read once and cached.

Units are looked up by the package's keys (folded names without spaces, e.g.
"tanky", "huyentanky"); a name may stand for several units (Châu Thành is a
district of ten provinces), and the caller decides with the evidence it has.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .normalize import key

LEVEL_OF_CODE = {2: "province", 3: "district", 5: "commune"}

# Type words as the press writes them -> the type prefix of the package's keys.
TYPE_PREFIX = {
    "tỉnh": "tinh", "thành phố": "thanhpho", "tp": "thanhpho", "t.p": "thanhpho",
    "huyện": "huyen", "h": "huyen", "quận": "quan", "q": "quan",
    "thị xã": "thixa", "tx": "thixa",
    "xã": "xa", "phường": "phuong", "p": "phuong", "thị trấn": "thitran", "tt": "thitran",
}
TYPE_LEVEL = {
    "tinh": "province", "thanhpho": "city", "huyen": "district", "quan": "district",
    "thixa": "district", "xa": "commune", "phuong": "commune", "thitran": "commune",
}
_DISTRICT_PREFIXES = ("huyen", "quan", "thixa", "thanhpho", "tx", "tp")
_WARD_PREFIXES = ("xa", "phuong", "thitran", "tt")


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    name: str             # "Huyện Tân Kỳ"
    short: str            # "Tân Kỳ"
    type: str             # "Huyện", "Thành phố", "Tỉnh", "Xã" ...
    level: str            # province | district | commune
    province: str         # province code
    district: str | None  # district code (communes)

    def parent_at(self, level: str) -> str | None:
        if level == "province":
            return self.province
        if level == "district":
            return self.district if self.level == "commune" else (self.code if self.level == "district" else None)
        if level == "commune":
            return self.code if self.level == "commune" else None
        return None

    def within(self, code: str) -> bool:
        """This unit is `code` or lies inside it."""
        return code in (self.code, self.province, self.district)


def dataset_path() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the package vietnamadminunits is not installed")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "dataset.db"


class Gazetteer:
    def __init__(self, path: Path | None = None) -> None:
        self.units: dict[str, Unit] = {}
        self.provinces: dict[str, list[str]] = defaultdict(list)
        self.districts: dict[str, list[str]] = defaultdict(list)
        self.wards: dict[str, list[str]] = defaultdict(list)
        self.districts_of: dict[str, list[str]] = defaultdict(list)
        self._load(path or dataset_path())

    def _load(self, path: Path) -> None:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = con.execute(
                "SELECT province, provinceShort, provinceCode, provinceKeywords, provinceShortKey,"
                " district, districtShort, districtType, districtCode, districtKeywords, districtShortKey,"
                " ward, wardShort, wardType, wardCode, wardKeywords"
                " FROM admin_units_legacy").fetchall()
        finally:
            con.close()

        def add(index, keys, code):
            for k in keys:
                if k and code not in index[k]:
                    index[k].append(code)

        for (p_name, p_short, p_code, p_kw, p_key, d_name, d_short, d_type, d_code, d_kw, d_key,
             w_name, w_short, w_type, w_code, w_kw) in rows:
            if p_code not in self.units:
                p_type = p_name[: len(p_name) - len(p_short)].strip()
                self.units[p_code] = Unit(p_code, p_name, p_short, p_type, "province", p_code, None)
                add(self.provinces, json.loads(p_kw or "[]") + [p_key, key(p_short)], p_code)
            if d_code and d_code not in self.units:
                self.units[d_code] = Unit(d_code, d_name, d_short, d_type, "district", p_code, d_code)
                self.districts_of[p_code].append(d_code)
                add(self.districts, json.loads(d_kw or "[]") + [d_key, key(d_short)], d_code)
            if w_code and w_code not in self.units:
                short = w_short.split(" (")[0]
                self.units[w_code] = Unit(w_code, w_name, short, w_type, "commune", p_code, d_code)
                typed = key(w_type) + key(short)
                add(self.wards, json.loads(w_kw or "[]") + [typed], w_code)

    # --- look-ups -----------------------------------------------------------

    def get(self, code: str | None) -> Unit | None:
        return self.units.get(code) if code else None

    def province_codes(self, name: str) -> list[str]:
        return list(self.provinces.get(key(name), ()))

    def province_from_hint(self, hint: str | None) -> str | None:
        """A manifest's province hint ("Nghệ An", "Tỉnh Kon Tum", "TP. Cần Thơ",
        an older and longer name) as a province code, or None."""
        if not hint:
            return None
        k = key(hint)
        for prefix in ("tinh", "thanhpho", "tp", ""):
            if k.startswith(prefix) and len(self.provinces.get(k[len(prefix):], ())) == 1:
                return self.provinces[k[len(prefix):]][0]
        # an older or longer name ending with the current one
        ends = [p for p in self.provinces if len(p) >= 3 and k.endswith(p) and len(self.provinces[p]) == 1]
        if ends:
            return self.provinces[max(ends, key=len)][0]
        return None

    def district_codes(self, name: str, prefix: str | None = None) -> list[str]:
        k = key(name)
        found = list(self.districts.get(prefix + k, ())) if prefix else []
        for code in self.districts.get(k, ()):
            if code not in found:
                found.append(code)
        return found

    def ward_codes(self, name: str, prefix: str | None = None) -> list[str]:
        k = key(name)
        prefixes = (prefix,) if prefix else ("xa", "phuong", "thitran")
        found: list[str] = []
        for p in prefixes:
            for code in self.wards.get(p + k, ()):
                if code not in found:
                    found.append(code)
        return found

    def city_of_province(self, province: str) -> str | None:
        """The province's own city ("Thành phố" in a list of its districts)."""
        cities = [c for c in self.districts_of.get(province, ())
                  if self.units[c].type == "Thành phố"]
        if len(cities) == 1:
            return cities[0]
        same = [c for c in cities if key(self.units[c].short) == key(self.units[province].short)]
        return same[0] if len(same) == 1 else None

    def is_province_city(self, province: str | None) -> bool:
        """A centrally governed city (Hà Nội, Đà Nẵng, Cần Thơ ...)."""
        unit = self.get(province)
        return bool(unit and unit.type == "Thành phố")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
