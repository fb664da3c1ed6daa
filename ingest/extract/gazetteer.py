"""The names of administrative units before the 2025 reform, as an index for
reading text: folded names (the package's keys without spaces, e.g. "tanky",
"huyentanky") -> the units (`ingest.adminunits.Unit`, the project's one unit
type) they may stand for. A name may stand for several units (Châu Thành is a
district of ten provinces), and the caller decides with the evidence it has.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

from mergegraph.ingest.adminunits import Unit, legacy_units

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


class Gazetteer:
    def __init__(self, units: list[Unit] | None = None) -> None:
        self.units: dict[str, Unit] = {}
        self.provinces: dict[str, list[str]] = defaultdict(list)
        self.districts: dict[str, list[str]] = defaultdict(list)
        self.wards: dict[str, list[str]] = defaultdict(list)
        self.districts_of: dict[str, list[str]] = defaultdict(list)
        # the place finder's answers by name (ingest.extract.mentions.PlaceFinder): a text's
        # names asked once per process, not once per document
        self.lookups: dict[tuple, tuple[str, list[str]] | None] = {}
        for unit in legacy_units() if units is None else units:
            self.add(unit)

    def add(self, unit: Unit) -> None:
        self.units[unit.code] = unit
        if unit.level == "province":
            index, keys = self.provinces, unit.keywords + (key(unit.short_name),)
        elif unit.level == "district":
            self.districts_of[unit.province].append(unit.code)
            index, keys = self.districts, unit.keywords + (key(unit.short_name),)
        else:
            index, keys = self.wards, unit.keywords + (key(unit.unit_type) + key(unit.short_name),)
        for k in keys:
            if k and unit.code not in index[k]:
                index[k].append(unit.code)

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
                  if self.units[c].unit_type == "Thành phố"]
        if len(cities) == 1:
            return cities[0]
        same = [c for c in cities if key(self.units[c].short_name) == key(self.units[province].short_name)]
        return same[0] if len(same) == 1 else None

    def is_province_city(self, province: str | None) -> bool:
        """A centrally governed city (Hà Nội, Đà Nẵng, Cần Thơ ...)."""
        unit = self.get(province)
        return bool(unit and unit.unit_type == "Thành phố")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer()
