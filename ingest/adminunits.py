"""The official administrative units of Vietnam, before and after 1 July 2025.

A pure reader (no database) of the data shipped by the PyPI package
`vietnamadminunits` (MIT):

- `data/dataset.db`, table `admin_units_legacy`: the 63-province units, one row
  per commune (province, district, ward names, short names, types, GSO codes
  and the package's keys). Five island districts have no commune at all
  (Bạch Long Vĩ, Cồn Cỏ, Hoàng Sa, Lý Sơn, Côn Đảo): each is one row whose ward
  columns are NULL. The table thus has 10,040 rows but 10,035 communes.
- `data/dataset.db`, table `admin_units`: the 34-province units (province and
  commune, no district), 3,321 communes.
- `data/converter_2025.json`: the 2025 conversion, used exactly as the package's
  `converter/converter_2025.py` uses it:

  * `DICT_PROVINCE`: new province key -> old province keys; the new province
    of an old one is the first new province whose list holds its key.
  * an old commune is addressed by `f"{provinceKey}_{districtKey}_{wardKey}"`
    with the ward part empty for the island districts without communes
    (`'thanhphodanang_huyenhoangsa_'`). Keys are the package's keys as stored
    in the legacy table; 44 of them keep their accents because the unaccented
    form would be ambiguous (`'xãchâubình'` vs `'xãchâubính'`), so they are
    matched exactly, never re-derived from names.
  * `DICT_PROVINCE_WARD_NO_DIVIDED[new_province][new_ward]`: old keys that went
    wholly into `new_ward`; looked up first, within the new province of the old
    commune's province only.
  * `DICT_PROVINCE_WARD_DIVIDED[new_province][old_key]`: an old commune split
    between several new ones, one of them flagged `isDefaultNewWard` (the one
    the package converts to when it has no street address to geocode).

Codes are GSO codes, strings with leading zeros: province 2 digits, district 3,
commune 5. A code alone does not identify a unit: all 34 new province codes are
legacy province codes (new '15' Lào Cai is the code of legacy Yên Bái) and most
new commune codes are legacy commune codes, often of a different commune. A
unit is identified by `(era, code)` (`Unit.uid`); the graph keys units so.

Where the package data is inconsistent (an entry the package's own lookup could
never reach, an unknown key, a split without exactly one default ...) nothing
is invented: the entry is skipped and described in `data_issues()`. With
vietnamadminunits 1.0.4 there are none.

Everything is read once and cached (`_data()`); a full load takes ~0.1 s.
"""

from __future__ import annotations

import importlib.util
import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

from mergegraph.graph.model import unit_uid

__all__ = [
    "ERA_LEGACY",
    "ERA_2025",
    "EFFECTIVE_2025",
    "LEGACY_VALID_UNTIL",
    "Unit",
    "Succession",
    "legacy_units",
    "new_units",
    "province_successions",
    "district_successions",
    "commune_successions",
    "get_unit",
    "province_of",
    "new_province_of_legacy",
    "successors_of_legacy",
    "default_successor",
    "predecessors_of_new",
    "split_commune_codes",
    "communeless_district_codes",
    "data_issues",
    "package_version",
    "source_paths",
]

Era = Literal["legacy", "2025"]
Level = Literal["province", "district", "commune"]

ERA_LEGACY: Era = "legacy"
ERA_2025: Era = "2025"
EFFECTIVE_2025 = "2025-07-01"
LEGACY_VALID_UNTIL = "2025-06-30"

_CODE_LENGTH = {"province": 2, "district": 3, "commune": 5}
_LEVEL_OF_LENGTH = {n: lvl for lvl, n in _CODE_LENGTH.items()}


@dataclass(frozen=True, slots=True)
class Unit:
    """One administrative unit of one era.

    `parent_code` is the code of the parent *in the same era*: a legacy commune's
    district, a legacy district's province, a new commune's province; None for a
    province. `province` and `district` are the codes of the unit's province and
    district (the unit's own code at its own level; district None for a province
    and for every 2025 unit). `source_key` is the package's key (e.g.
    'tinhquangninh', 'huyendamha', 'xaquanglam'), kept for traceability;
    `keywords` the package's folded names for it, which the gazetteer of
    extraction indexes.
    """

    code: str
    name: str
    short_name: str
    unit_type: str
    level: Level
    parent_code: str | None
    era: Era
    source_key: str = field(default="", compare=False)
    province: str | None = field(default=None, compare=False)
    district: str | None = field(default=None, compare=False)
    keywords: tuple[str, ...] = field(default=(), compare=False)

    @property
    def uid(self) -> tuple[str, str]:
        """The identity of the unit: (era, code)."""
        return (self.era, self.code)

    @property
    def graph_uid(self) -> str:
        """Its key in the graph (`AdminUnit.uid`), e.g. 'legacy:200', '2025:22'."""
        return unit_uid(self.era, self.code)

    def parent_at(self, level: str) -> str | None:
        """The code of the unit at `level` that holds this one (itself at its own level)."""
        if level == "province":
            return self.province
        if level == "district":
            return self.district
        return self.code if level == self.level == "commune" else None

    def within(self, code: str) -> bool:
        """This unit is `code` or lies inside it."""
        return code in (self.code, self.province, self.district)

    @property
    def valid_from(self) -> str | None:
        return EFFECTIVE_2025 if self.era == ERA_2025 else None

    @property
    def valid_until(self) -> str | None:
        return LEGACY_VALID_UNTIL if self.era == ERA_LEGACY else None


@dataclass(frozen=True, slots=True)
class Succession:
    """A legacy unit (`old_code`) went, wholly or in part, into a 2025 unit.

    `level` is the level of the old unit. Provinces succeed to provinces and
    communes to communes; the five island districts that had no commune succeed
    to a new commune (a 'Đặc khu'), see `new_level`. `is_default` marks the
    successor the package picks for a split commune without a street address;
    a commune that went wholly into one new commune has one successor, default.
    """

    old_code: str
    new_code: str
    level: Level
    is_default: bool
    effective: str = EFFECTIVE_2025

    @property
    def new_level(self) -> Level:
        return "province" if self.level == "province" else "commune"

    @property
    def old_uid(self) -> tuple[str, str]:
        return (ERA_LEGACY, self.old_code)

    @property
    def new_uid(self) -> tuple[str, str]:
        return (ERA_2025, self.new_code)


# --------------------------------------------------------------------------
# Loading


def _package_dir() -> Path:
    # Located without importing the package (its import pulls in geopy,
    # shapely and the parsers, none of which we need).
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("the 'vietnamadminunits' package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def source_paths() -> tuple[Path, Path]:
    """(dataset.db, converter_2025.json) of the installed package."""
    data = _package_dir() / "data"
    return data / "dataset.db", data / "converter_2025.json"


def package_version() -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vietnamadminunits")
    except PackageNotFoundError:  # pragma: no cover
        return None


def _province_type(name: str) -> str:
    for prefix in ("Thành phố", "Tỉnh"):
        if name.startswith(prefix + " "):
            return prefix
    return ""


def _keywords(listed: str | None, *more: str | None) -> tuple[str, ...]:
    """The package's folded names of a unit: its JSON keyword list and its keys."""
    return tuple(dict.fromkeys(k for k in json.loads(listed or "[]") + list(more) if k))


@dataclass
class _Data:
    legacy: list[Unit]
    new: list[Unit]
    by_uid: dict[tuple[str, str], Unit]
    province_successions: list[Succession]
    district_successions: list[Succession]
    commune_successions: list[Succession]
    successors: dict[tuple[str, str], tuple[Succession, ...]]  # (level, old code)
    predecessors: dict[str, tuple[Succession, ...]]  # new code (province or commune)
    legacy_province_of: dict[str, str]  # legacy district/commune code -> province code
    communes_of_district: dict[str, tuple[str, ...]]  # legacy district -> its communes
    new_province_of: dict[str, str]  # legacy province code -> new province code
    issues: list[str]


def _connect(db_path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db_path.resolve().as_uri() + "?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


@lru_cache(maxsize=1)
def _data() -> _Data:
    db_path, converter_path = source_paths()
    issues: list[str] = []

    with _connect(db_path) as conn:
        legacy_rows = conn.execute(
            "SELECT province, provinceShort, provinceCode, provinceKey,"
            " provinceKeywords, provinceShortKey,"
            " district, districtShort, districtType, districtCode, districtKey,"
            " districtKeywords, districtShortKey,"
            " ward, wardShort, wardType, wardCode, wardKey, wardKeywords"
            " FROM admin_units_legacy ORDER BY provinceCode, districtCode, wardCode"
        ).fetchall()
        new_rows = conn.execute(
            "SELECT province, provinceShort, provinceCode, provinceKey,"
            " ward, wardShort, wardType, wardCode, wardKey"
            " FROM admin_units ORDER BY provinceCode, wardCode"
        ).fetchall()
    conn.close()
    converter = json.loads(converter_path.read_text(encoding="utf-8"))

    # ---- legacy units --------------------------------------------------
    legacy_provinces: dict[str, Unit] = {}
    legacy_districts: dict[str, Unit] = {}
    legacy_communes: dict[str, Unit] = {}
    legacy_province_code_of_key: dict[str, str] = {}
    # the package's 'province_district_ward' key -> (level, legacy code)
    legacy_key_to_unit: dict[str, tuple[Level, str]] = {}
    legacy_province_of: dict[str, str] = {}

    def check(code: str | None, level: Level, what: str) -> bool:
        if not code or len(code) != _CODE_LENGTH[level] or not code.isdigit():
            issues.append(f"legacy {what}: bad {level} code {code!r}")
            return False
        return True

    for r in legacy_rows:
        pcode, dcode, wcode = r["provinceCode"], r["districtCode"], r["wardCode"]
        if not check(pcode, "province", r["province"]) or not check(dcode, "district", r["district"]):
            continue
        province = Unit(pcode, r["province"], r["provinceShort"], _province_type(r["province"]),
                        "province", None, ERA_LEGACY, r["provinceKey"], pcode, None,
                        _keywords(r["provinceKeywords"], r["provinceShortKey"]))
        district = Unit(dcode, r["district"], r["districtShort"], r["districtType"],
                        "district", pcode, ERA_LEGACY, r["districtKey"], pcode, dcode,
                        _keywords(r["districtKeywords"], r["districtShortKey"]))
        for table, unit in ((legacy_provinces, province), (legacy_districts, district)):
            seen = table.setdefault(unit.code, unit)
            if seen != unit:
                issues.append(f"legacy {unit.level} {unit.code}: conflicting rows {seen} / {unit}")
        legacy_province_code_of_key.setdefault(r["provinceKey"], pcode)
        legacy_province_of[dcode] = pcode
        if wcode is None and r["ward"] is None:
            # An island district without communes; the package addresses it
            # with an empty ward part: 'thanhphodanang_huyenhoangsa_'.
            legacy_key_to_unit[f"{r['provinceKey']}_{r['districtKey']}_"] = ("district", dcode)
            continue
        if not check(wcode, "commune", r["ward"]):
            continue
        # "Yên Viên (Xã)": the package tells namesakes apart in the short name
        commune = Unit(wcode, r["ward"], r["wardShort"].split(" (")[0], r["wardType"], "commune",
                       dcode, ERA_LEGACY, r["wardKey"], pcode, dcode, _keywords(r["wardKeywords"]))
        if wcode in legacy_communes:
            issues.append(f"legacy commune {wcode}: several rows")
            continue
        legacy_communes[wcode] = commune
        legacy_province_of[wcode] = pcode
        key = f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}"
        if key in legacy_key_to_unit:
            issues.append(f"legacy key {key!r} names two communes")
        legacy_key_to_unit[key] = ("commune", wcode)

    # ---- new units -------------------------------------------------------
    new_provinces: dict[str, Unit] = {}
    new_communes: dict[str, Unit] = {}
    new_province_code_of_key: dict[str, str] = {}
    new_commune_of_key: dict[tuple[str, str], str] = {}  # (new province key, ward key) -> code
    for r in new_rows:
        pcode, wcode = r["provinceCode"], r["wardCode"]
        if not (pcode and len(pcode) == 2 and wcode and len(wcode) == 5):
            issues.append(f"new unit {r['ward']!r}: bad codes {pcode!r}/{wcode!r}")
            continue
        province = Unit(pcode, r["province"], r["provinceShort"], _province_type(r["province"]),
                        "province", None, ERA_2025, r["provinceKey"], pcode)
        seen = new_provinces.setdefault(pcode, province)
        if seen != province:
            issues.append(f"new province {pcode}: conflicting rows")
        new_province_code_of_key.setdefault(r["provinceKey"], pcode)
        if wcode in new_communes:
            issues.append(f"new commune {wcode}: several rows")
            continue
        new_communes[wcode] = Unit(wcode, r["ward"], r["wardShort"], r["wardType"], "commune",
                                   pcode, ERA_2025, r["wardKey"], pcode)
        if (r["provinceKey"], r["wardKey"]) in new_commune_of_key:
            issues.append(f"new key {r['provinceKey']}/{r['wardKey']} names two communes")
        new_commune_of_key[(r["provinceKey"], r["wardKey"])] = wcode

    # ---- provinces: DICT_PROVINCE, first match wins as in the package ------
    dict_province: dict[str, list[str]] = converter["DICT_PROVINCE"]
    new_key_of_old: dict[str, str] = {}
    for new_key, old_keys in dict_province.items():
        if new_key not in new_province_code_of_key:
            issues.append(f"DICT_PROVINCE: unknown new province key {new_key!r}")
            continue
        for old_key in old_keys:
            if old_key not in legacy_province_code_of_key:
                issues.append(f"DICT_PROVINCE: unknown old province key {old_key!r}")
            elif old_key in new_key_of_old:
                issues.append(f"DICT_PROVINCE: {old_key!r} listed again under {new_key!r}, ignored")
            else:
                new_key_of_old[old_key] = new_key
    province_successions = []
    new_province_of: dict[str, str] = {}
    for old_key, old_code in sorted(legacy_province_code_of_key.items(), key=lambda kv: kv[1]):
        new_key = new_key_of_old.get(old_key)
        if new_key is None:
            issues.append(f"legacy province {old_code} ({old_key}): no new province")
            continue
        new_code = new_province_code_of_key[new_key]
        new_province_of[old_code] = new_code
        province_successions.append(Succession(old_code, new_code, "province", True))

    # ---- communes (and communeless districts) -----------------------------
    no_divided: dict[str, dict[str, list[str]]] = converter["DICT_PROVINCE_WARD_NO_DIVIDED"]
    divided: dict[str, dict[str, list[dict]]] = converter["DICT_PROVINCE_WARD_DIVIDED"]

    # Reverse index of NO_DIVIDED per new province, first new ward wins (the
    # package's `next(k for k, v in ... if old_key in v)`).
    whole_into: dict[str, dict[str, str]] = defaultdict(dict)
    for new_pkey, wards in no_divided.items():
        for new_wkey, old_keys in wards.items():
            for old_key in old_keys:
                if old_key in whole_into[new_pkey]:
                    issues.append(f"NO_DIVIDED[{new_pkey}]: {old_key!r} listed under two new communes")
                else:
                    whole_into[new_pkey][old_key] = new_wkey

    def new_commune_code(new_pkey: str, new_wkey: str, context: str) -> str | None:
        code = new_commune_of_key.get((new_pkey, new_wkey))
        if code is None:
            issues.append(f"{context}: unknown new commune {new_pkey}/{new_wkey!r}")
        return code

    commune_successions: list[Succession] = []
    district_successions: list[Succession] = []
    reached: set[tuple[str, str]] = set()  # (new province key, old key) the lookup used
    for old_key, (level, old_code) in sorted(legacy_key_to_unit.items(), key=lambda kv: kv[1][1]):
        old_pkey = old_key.split("_", 1)[0]
        new_pkey = new_key_of_old.get(old_pkey)
        if new_pkey is None:
            continue  # reported with the provinces
        target = district_successions if level == "district" else commune_successions
        new_wkey = whole_into.get(new_pkey, {}).get(old_key)
        if new_wkey is not None:  # 1st attempt, as in the package
            reached.add((new_pkey, old_key))
            code = new_commune_code(new_pkey, new_wkey, f"NO_DIVIDED {old_key!r}")
            if code is not None:
                target.append(Succession(old_code, code, level, True))
            continue
        parts = divided.get(new_pkey, {}).get(old_key)
        if parts is None:  # 2nd attempt failed too
            issues.append(f"legacy {level} {old_code} ({old_key}): no successor in the converter")
            continue
        reached.add((new_pkey, old_key))
        defaults = [p for p in parts if p.get("isDefaultNewWard")]
        if len(defaults) != 1:
            issues.append(f"DIVIDED {old_key!r}: {len(defaults)} default new communes, expected 1")
        codes_seen: set[str] = set()
        for part in parts:
            code = new_commune_code(new_pkey, part["newWardKey"], f"DIVIDED {old_key!r}")
            if code is None or code in codes_seen:
                continue
            codes_seen.add(code)
            is_default = bool(part.get("isDefaultNewWard")) and len(defaults) == 1
            target.append(Succession(old_code, code, level, is_default))

    # Converter entries the package's lookup can never reach (listed under a
    # new province other than that of their old province, or unknown keys).
    for new_pkey, olds in whole_into.items():
        for old_key in olds:
            if (new_pkey, old_key) not in reached:
                issues.append(f"NO_DIVIDED[{new_pkey}]: unreachable or unknown old key {old_key!r}")
    for new_pkey, olds in divided.items():
        for old_key in olds:
            if (new_pkey, old_key) not in reached:
                issues.append(f"DIVIDED[{new_pkey}]: unreachable or unknown old key {old_key!r}")

    # ---- indices -----------------------------------------------------------
    successors: dict[tuple[str, str], list[Succession]] = defaultdict(list)
    predecessors: dict[str, list[Succession]] = defaultdict(list)
    for s in (*province_successions, *district_successions, *commune_successions):
        successors[(s.level, s.old_code)].append(s)
        predecessors[s.new_code].append(s)
    for (level, code), succs in successors.items():
        if level == "commune":
            succs.sort(key=lambda s: (not s.is_default, s.new_code))
            province = new_province_of.get(legacy_province_of[code])
            stray = [s.new_code for s in succs if new_communes[s.new_code].parent_code != province]
            if stray:
                issues.append(f"legacy commune {code}: successors {stray} outside new province {province}")
    for code in new_communes:
        if code not in predecessors:
            issues.append(f"new commune {code}: no predecessor in the converter")

    legacy = [*legacy_provinces.values(), *legacy_districts.values(), *legacy_communes.values()]
    new = [*new_provinces.values(), *new_communes.values()]
    by_uid = {u.uid: u for u in (*legacy, *new)}
    children: dict[str, list[str]] = defaultdict(list)
    for u in legacy_communes.values():
        children[u.parent_code].append(u.code)
    communes_of_district = {k: tuple(v) for k, v in children.items()}
    return _Data(
        legacy=legacy,
        new=new,
        by_uid=by_uid,
        province_successions=province_successions,
        district_successions=district_successions,
        commune_successions=commune_successions,
        successors={k: tuple(v) for k, v in successors.items()},
        predecessors={k: tuple(v) for k, v in predecessors.items()},
        legacy_province_of=legacy_province_of,
        communes_of_district=communes_of_district,
        new_province_of=new_province_of,
        issues=issues,
    )


# --------------------------------------------------------------------------
# Public API


def legacy_units() -> list[Unit]:
    """Units valid until 2025-06-30: provinces, then districts, then communes."""
    return list(_data().legacy)


def new_units() -> list[Unit]:
    """Units valid from 2025-07-01: provinces, then communes (parent: province)."""
    return list(_data().new)


def province_successions() -> list[Succession]:
    """One per legacy province: old province code -> new province code."""
    return list(_data().province_successions)


def district_successions() -> list[Succession]:
    """The island districts that had no commune -> their new 'Đặc khu' commune.

    Other districts were abolished; their territory is that of their communes
    (see `successors_of_legacy` for a district)."""
    return list(_data().district_successions)


def commune_successions() -> list[Succession]:
    """Old commune -> new commune; a split commune has several, one default."""
    return list(_data().commune_successions)


def get_unit(era: str, code: str) -> Unit:
    """The unit `(era, code)`; KeyError if unknown."""
    return _data().by_uid[(era, code)]


def province_of(unit: Unit) -> Unit:
    """The province a unit belongs to, in the unit's own era (itself for a province)."""
    return get_unit(unit.era, unit.province)


def _legacy_level(code: str) -> Level:
    level = _LEVEL_OF_LENGTH.get(len(code))
    if level is None or (ERA_LEGACY, code) not in _data().by_uid:
        raise KeyError(f"no legacy unit with code {code!r}")
    return level


def new_province_of_legacy(code: str) -> str:
    """New (2025) province code of a legacy province, district or commune code.

    Codes are told apart by length (2, 3, 5 digits). KeyError if unknown."""
    d = _data()
    level = _legacy_level(code)
    province = code if level == "province" else d.legacy_province_of[code]
    return d.new_province_of[province]


def successors_of_legacy(code: str) -> tuple[str, ...]:
    """New-era codes covering a legacy unit's territory.

    Province: its new province. Commune: its new communes, the default first.
    District: the new communes its communes went into (wholly or in part),
    sorted, or its 'Đặc khu' for a district without communes."""
    d = _data()
    level = _legacy_level(code)
    if level != "district":
        return tuple(s.new_code for s in d.successors.get((level, code), ()))
    direct = d.successors.get(("district", code))
    if direct:
        return tuple(s.new_code for s in direct)
    codes = {
        s.new_code
        for commune in d.communes_of_district.get(code, ())
        for s in d.successors.get(("commune", commune), ())
    }
    return tuple(sorted(codes))


def default_successor(code: str) -> str:
    """The default new commune of a legacy commune (or communeless district)."""
    d = _data()
    level = _legacy_level(code)
    for s in d.successors.get((level, code), ()):
        if s.is_default:
            return s.new_code
    raise KeyError(f"legacy {level} {code!r} has no default successor")


def predecessors_of_new(code: str, level: Level = "commune") -> tuple[Succession, ...]:
    """Successions into the new province (`level='province'`) or commune `code`."""
    return tuple(s for s in _data().predecessors.get(code, ()) if s.new_level == level)


def split_commune_codes() -> frozenset[str]:
    """Legacy communes divided between several new communes."""
    counts: dict[str, int] = defaultdict(int)
    for s in _data().commune_successions:
        counts[s.old_code] += 1
    return frozenset(c for c, n in counts.items() if n > 1)


def communeless_district_codes() -> frozenset[str]:
    """Legacy districts with no commune (the five island districts)."""
    d = _data()
    return frozenset(
        u.code for u in d.legacy if u.level == "district" and u.code not in d.communes_of_district
    )


def data_issues() -> list[str]:
    """Inconsistencies found in the package data (entries skipped, not guessed)."""
    return list(_data().issues)


def summary() -> dict[str, int]:
    """Counts, for logs and reports."""
    d = _data()
    count = lambda units, level: sum(1 for u in units if u.level == level)  # noqa: E731
    return {
        "legacy_provinces": count(d.legacy, "province"),
        "legacy_districts": count(d.legacy, "district"),
        "legacy_communes": count(d.legacy, "commune"),
        "communeless_districts": len(communeless_district_codes()),
        "new_provinces": count(d.new, "province"),
        "new_communes": count(d.new, "commune"),
        "province_successions": len(d.province_successions),
        "district_successions": len(d.district_successions),
        "commune_successions": len(d.commune_successions),
        "split_communes": len(split_commune_codes()),
        "data_issues": len(d.issues),
    }
