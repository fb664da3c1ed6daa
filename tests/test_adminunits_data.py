"""The official units and the 2025 successions, read from vietnamadminunits.

Pure tests (no database). Expected counts are computed here from the package's
sqlite and JSON files, independently of `ingest.adminunits`, and known cases
are checked against the package's own conversion API (`convert_address`).
"""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
import time
from collections import Counter, defaultdict

import pytest

from mergegraph.ingest import adminunits as au

DB_PATH, CONVERTER_PATH = au.source_paths()


# --------------------------------------------------------------------------
# Independent views of the raw data


@pytest.fixture(scope="module")
def raw_db():
    conn = sqlite3.connect(DB_PATH.as_uri() + "?mode=ro", uri=True)
    yield conn
    conn.close()


def scalar(conn, sql):
    return conn.execute(sql).fetchone()[0]


@pytest.fixture(scope="module")
def raw_converter():
    return json.loads(CONVERTER_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def units():
    legacy, new = au.legacy_units(), au.new_units()
    return {
        ("legacy", lvl): [u for u in legacy if u.level == lvl] for lvl in ("province", "district", "commune")
    } | {("2025", lvl): [u for u in new if u.level == lvl] for lvl in ("province", "commune")}


@pytest.fixture(scope="module")
def successors_by_old():
    out = defaultdict(list)
    for s in au.commune_successions():
        out[s.old_code].append(s)
    return out


@pytest.fixture(scope="module")
def package_convert():
    """The package's public conversion API, with geocoding disabled.

    Without a street the package never geocodes; should it try anyway the test
    fails loudly instead of reaching the network."""
    pytest.importorskip("vietnamadminunits")
    import vietnamadminunits.converter.converter_2025 as c25
    from vietnamadminunits import convert_address

    def no_network(address):
        raise AssertionError(f"the package tried to geocode {address!r}")

    original = c25.get_geo_location
    c25.get_geo_location = no_network
    yield convert_address
    c25.get_geo_location = original


def legacy_address(code: str) -> str:
    unit = au.get_unit("legacy", code)
    names = [unit.name]
    while unit.parent_code:
        unit = au.get_unit("legacy", unit.parent_code)
        names.append(unit.name)
    return ", ".join(names)


# --------------------------------------------------------------------------
# Counts


def test_legacy_counts_match_the_sqlite_data(raw_db, units):
    provinces = scalar(raw_db, "SELECT COUNT(DISTINCT provinceCode) FROM admin_units_legacy")
    districts = scalar(raw_db, "SELECT COUNT(DISTINCT districtCode) FROM admin_units_legacy")
    communes = scalar(
        raw_db, "SELECT COUNT(DISTINCT wardCode) FROM admin_units_legacy WHERE wardCode IS NOT NULL"
    )
    rows = scalar(raw_db, "SELECT COUNT(*) FROM admin_units_legacy")
    communeless = scalar(raw_db, "SELECT COUNT(*) FROM admin_units_legacy WHERE wardCode IS NULL")
    assert len(units["legacy", "province"]) == provinces
    assert len(units["legacy", "district"]) == districts
    assert len(units["legacy", "commune"]) == communes
    assert len(au.communeless_district_codes()) == communeless
    # The official figures: 63 provinces, 696 districts; the "10,040 communes"
    # are the table's rows, 5 of which are island districts without communes.
    assert (provinces, districts, rows, communes + communeless) == (63, 696, 10040, 10040)


def test_new_counts_match_the_sqlite_data(raw_db, units):
    provinces = scalar(raw_db, "SELECT COUNT(DISTINCT provinceCode) FROM admin_units")
    communes = scalar(raw_db, "SELECT COUNT(DISTINCT wardCode) FROM admin_units")
    assert len(units["2025", "province"]) == provinces == 34
    assert len(units["2025", "commune"]) == communes == 3321


def test_succession_counts_match_the_converter(raw_converter, raw_db):
    whole = [
        old
        for wards in raw_converter["DICT_PROVINCE_WARD_NO_DIVIDED"].values()
        for olds in wards.values()
        for old in olds
    ]
    divided = {
        old: parts for by_old in raw_converter["DICT_PROVINCE_WARD_DIVIDED"].values() for old, parts in by_old.items()
    }
    island = [old for old in whole if old.endswith("_")]  # 'p_d_' keys: districts without communes
    assert len(au.province_successions()) == sum(len(v) for v in raw_converter["DICT_PROVINCE"].values())
    assert len(au.district_successions()) == len(island)
    assert len(au.commune_successions()) == len(whole) - len(island) + sum(len(p) for p in divided.values())
    assert len(au.split_commune_codes()) == sum(1 for p in divided.values() if len(p) > 1)
    assert len(au.split_commune_codes()) > 0
    assert sorted(au.communeless_district_codes()) == sorted(
        r[0] for r in raw_db.execute("SELECT districtCode FROM admin_units_legacy WHERE wardCode IS NULL")
    )


def test_package_data_has_no_inconsistency():
    # If a new package version ships inconsistent data, the reader skips the
    # entries and lists them; this test then shows what they are.
    assert au.data_issues() == []


def test_summary_is_consistent(units):
    s = au.summary()
    assert s["legacy_communes"] == len(units["legacy", "commune"])
    assert s["commune_successions"] == len(au.commune_successions())
    assert s["data_issues"] == len(au.data_issues())


# --------------------------------------------------------------------------
# Shapes and invariants


def test_codes_are_zero_padded_strings_of_their_level(units):
    lengths = {"province": 2, "district": 3, "commune": 5}
    for (era, level), us in units.items():
        for u in us:
            assert isinstance(u.code, str) and u.code.isdigit() and len(u.code) == lengths[level], u
            assert u.era == era and u.name and u.short_name and u.unit_type, u
    assert {u.code for u in units["legacy", "province"]} >= {"01", "22", "30", "67"}


def test_parents_exist_in_the_same_era(units):
    legacy_provinces = {u.code for u in units["legacy", "province"]}
    legacy_districts = {u.code for u in units["legacy", "district"]}
    new_provinces = {u.code for u in units["2025", "province"]}
    assert all(u.parent_code is None for u in units["legacy", "province"] + units["2025", "province"])
    assert all(u.parent_code in legacy_provinces for u in units["legacy", "district"])
    assert all(u.parent_code in legacy_districts for u in units["legacy", "commune"])
    assert all(u.parent_code in new_provinces for u in units["2025", "commune"])


def test_units_are_keyed_by_era_and_code(units):
    legacy, new = au.legacy_units(), au.new_units()
    assert len({u.uid for u in legacy + new}) == len(legacy) + len(new)
    # Codes alone collide across eras: every new province code is a legacy one.
    assert {u.code for u in units["2025", "province"]} <= {u.code for u in units["legacy", "province"]}
    assert au.get_unit("legacy", "15").short_name == "Yên Bái"
    assert au.get_unit("2025", "15").short_name == "Lào Cai"
    shared = {u.code for u in units["2025", "commune"]} & {u.code for u in units["legacy", "commune"]}
    assert shared  # commune codes are reused too
    assert {u.valid_until for u in legacy} == {"2025-06-30"}
    assert {u.valid_from for u in new} == {"2025-07-01"}
    with pytest.raises(Exception):
        legacy[0].code = "99"  # frozen


def test_every_legacy_commune_has_successors_and_exactly_one_default(units, successors_by_old):
    new_communes = {u.code: u for u in units["2025", "commune"]}
    split = au.split_commune_codes()
    for u in units["legacy", "commune"]:
        succs = successors_by_old.get(u.code)
        assert succs, f"legacy commune {u.code} {u.name} has no successor"
        assert sum(s.is_default for s in succs) == 1, succs
        assert len({s.new_code for s in succs}) == len(succs), succs
        assert all(s.new_code in new_communes for s in succs)
        assert all(s.level == "commune" and s.effective == "2025-07-01" for s in succs)
        # all successors lie in the new province of the commune's old province
        assert {new_communes[s.new_code].parent_code for s in succs} == {au.new_province_of_legacy(u.code)}
        assert (len(succs) > 1) == (u.code in split)


def test_every_new_commune_has_a_predecessor(units):
    for u in units["2025", "commune"]:
        assert au.predecessors_of_new(u.code), u


def test_every_legacy_province_has_one_successor(units):
    succ = {}
    for s in au.province_successions():
        assert s.old_code not in succ
        succ[s.old_code] = s.new_code
        assert s.is_default and s.level == "province"
    assert set(succ) == {u.code for u in units["legacy", "province"]}
    assert set(succ.values()) == {u.code for u in units["2025", "province"]}


# --------------------------------------------------------------------------
# Known cases


def test_dak_nong_went_into_lam_dong():
    assert au.get_unit("legacy", "67").short_name == "Đắk Nông"
    new = au.new_province_of_legacy("67")
    assert au.get_unit("2025", new).short_name == "Lâm Đồng"
    # Lâm Đồng, Đắk Nông and Bình Thuận became the new Lâm Đồng
    assert {s.old_code for s in au.predecessors_of_new(new, "province")} == {"60", "67", "68"}
    commune = next(
        u
        for u in au.legacy_units()
        if u.level == "commune" and au.get_unit("legacy", u.parent_code).parent_code == "67"
    )
    assert au.get_unit("2025", au.default_successor(commune.code)).parent_code == new


def test_hai_duong_went_into_hai_phong():
    assert au.get_unit("legacy", "30").short_name == "Hải Dương"
    assert au.get_unit("2025", au.new_province_of_legacy("30")).short_name == "Hải Phòng"


def test_dam_ha_district_communes_stay_in_quang_ninh(package_convert):
    dam_ha = au.get_unit("legacy", "200")
    assert (dam_ha.short_name, dam_ha.parent_code) == ("Đầm Hà", "22")
    assert au.new_province_of_legacy("200") == "22"
    communes = [u for u in au.legacy_units() if u.level == "commune" and u.parent_code == "200"]
    assert communes
    targets = set()
    for u in communes:
        new = au.get_unit("2025", au.default_successor(u.code))
        assert new.parent_code == "22" and au.get_unit("2025", "22").short_name == "Quảng Ninh"
        result = package_convert(legacy_address(u.code))
        assert (result.province_code, result.ward_code) == ("22", new.code), u
        targets.update(au.successors_of_legacy(u.code))
    assert set(au.successors_of_legacy("200")) == targets
    quang_lam = next(u for u in communes if u.short_name == "Quảng Lâm")
    assert au.get_unit("2025", au.default_successor(quang_lam.code)).name == package_convert(
        "Xã Quảng Lâm, Huyện Đầm Hà, Tỉnh Quảng Ninh"
    ).ward


def test_legacy_helpers_accept_every_level_and_reject_unknown_codes():
    commune = next(u for u in au.legacy_units() if u.level == "commune" and u.parent_code == "200")
    assert au.new_province_of_legacy("22") == au.new_province_of_legacy("200") == au.new_province_of_legacy(
        commune.code
    )
    for bad in ("", "9", "99", "999", "99999", "123456"):
        with pytest.raises(KeyError):
            au.new_province_of_legacy(bad)


def test_accented_keys_are_matched_exactly(raw_db, successors_by_old):
    # 'xãchâubình' vs 'xãchâubính' (Quỳ Châu, Nghệ An): two communes whose
    # unaccented keys collide; each must get its own successor.
    rows = raw_db.execute(
        "SELECT wardCode, wardKey FROM admin_units_legacy WHERE wardKeyDuplicated = 1"
    ).fetchall()
    assert rows and all(not key.isascii() for _, key in rows)
    for code, _ in rows:
        assert code in successors_by_old


def test_island_districts_succeed_to_special_zones(package_convert):
    succs = au.district_successions()
    assert {s.old_code for s in succs} == au.communeless_district_codes()
    for s in succs:
        zone = au.get_unit("2025", s.new_code)
        assert zone.unit_type == "Đặc khu" and s.new_level == "commune" and s.is_default
        assert zone.parent_code == au.new_province_of_legacy(s.old_code)
        assert au.successors_of_legacy(s.old_code) == (s.new_code,)
        result = package_convert(legacy_address(s.old_code))
        assert result.ward_code == s.new_code, legacy_address(s.old_code)


def _sample_codes(seed: int = 20250701, n_random: int = 150, n_split: int = 50) -> list[str]:
    rng = random.Random(seed)
    communes = sorted(u.code for u in au.legacy_units() if u.level == "commune")
    split = sorted(au.split_commune_codes())
    sample = set(rng.sample(communes, n_random)) | set(rng.sample(split, n_split))
    return sorted(sample)


def _check_against_package(codes, package_convert, successors_by_old):
    mismatches = []
    for code in codes:
        result = package_convert(legacy_address(code))
        got = (result.OldAdminUnit.ward_code, result.province_code, result.ward_code)
        want = (code, au.new_province_of_legacy(code), au.default_successor(code))
        if got != want:
            mismatches.append((legacy_address(code), want, got))
        # the package's answer is always one of our successors
        assert result.ward_code in {s.new_code for s in successors_by_old[code]}
    assert mismatches == []


def test_sample_matches_the_package_conversion_api(package_convert, successors_by_old):
    codes = _sample_codes()
    assert len(codes) >= 190
    assert len(set(codes) & au.split_commune_codes()) >= 50
    _check_against_package(codes, package_convert, successors_by_old)


@pytest.mark.slow
def test_every_commune_matches_the_package_conversion_api(package_convert, successors_by_old):
    codes = sorted(u.code for u in au.legacy_units() if u.level == "commune")
    _check_against_package(codes, package_convert, successors_by_old)


# --------------------------------------------------------------------------
# Inconsistent data is reported, not invented


@pytest.fixture
def corrupted_source(tmp_path, monkeypatch, raw_converter):
    """Point the reader at a copy of the data with three injected faults."""
    data = json.loads(json.dumps(raw_converter))
    divided = data["DICT_PROVINCE_WARD_DIVIDED"]
    # 1. a split commune with two defaults
    first_prov = next(iter(divided))
    two_defaults_key = next(iter(divided[first_prov]))
    for part in divided[first_prov][two_defaults_key]:
        part["isDefaultNewWard"] = True
    # 2. a whole commune moved under another new province (unreachable for the package)
    nd = data["DICT_PROVINCE_WARD_NO_DIVIDED"]
    provs = list(nd)
    src_ward = next(iter(nd[provs[0]]))
    moved_key = nd[provs[0]][src_ward].pop()
    nd[provs[1]][next(iter(nd[provs[1]]))].append(moved_key)
    # 3. an unknown new commune key
    third_ward = list(nd[provs[2]])[0]
    nd[provs[2]]["xakhongtontai"] = nd[provs[2]].pop(third_ward)
    conv = tmp_path / "converter_2025.json"
    conv.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    db = tmp_path / "dataset.db"
    shutil.copy(DB_PATH, db)
    monkeypatch.setattr(au, "source_paths", lambda: (db, conv))
    au._data.cache_clear()
    yield {"two_defaults": two_defaults_key, "moved": moved_key, "unknown": "xakhongtontai"}
    au._data.cache_clear()


def test_injected_inconsistencies_are_reported(corrupted_source):
    issues = "\n".join(au.data_issues())
    assert corrupted_source["two_defaults"] in issues and "2 default" in issues
    assert corrupted_source["moved"] in issues and "unreachable" in issues
    assert corrupted_source["unknown"] in issues
    # nothing invented: the two-default split gets no default, the moved commune no successor
    by_old = defaultdict(list)
    for s in au.commune_successions():
        by_old[s.old_code].append(s)
    defaults = Counter(sum(s.is_default for s in v) for v in by_old.values())
    assert defaults[0] == 1
    assert len(by_old) < sum(1 for u in au.legacy_units() if u.level == "commune")


# --------------------------------------------------------------------------
# Performance and caching


def test_load_is_fast_and_cached():
    au._data.cache_clear()
    start = time.perf_counter()
    au.legacy_units()
    assert time.perf_counter() - start < 2.0
    start = time.perf_counter()
    for _ in range(100):
        au.commune_successions()
    assert time.perf_counter() - start < 0.5
    a, b = au.legacy_units(), au.legacy_units()
    assert a == b and a is not b  # callers get copies; the cache cannot be mutated
