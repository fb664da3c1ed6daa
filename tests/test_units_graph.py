"""The administrative units in Neo4j: counts, idempotent loading, lineage."""

from __future__ import annotations

import random

import pytest

from tests.support import units as graph_units
from tests.support.fingerprint import fingerprint
from mergegraph.ingest import adminunits
from mergegraph.ingest.load_units import load_units
from tests.support.helpers import wipe


@pytest.fixture(scope="module")
def units_db(driver, conn):
    wipe(driver, conn.database)
    load_units(driver, conn.database)
    return driver


def _count(drv, database, era, level):
    recs, _, _ = drv.execute_query(
        "MATCH (u:AdminUnit {era: $era, level: $level}) RETURN count(u) AS n",
        era=era, level=level, database_=database)
    return recs[0]["n"]


@pytest.mark.parametrize("era,level", [
    ("legacy", "province"), ("legacy", "district"), ("legacy", "commune"),
    ("2025", "province"), ("2025", "commune"),
])
def test_counts_equal_the_dataset(units_db, conn, era, level):
    source = adminunits.legacy_units() if era == "legacy" else adminunits.new_units()
    expected = sum(1 for u in source if u.level == level)
    assert expected > 0
    assert _count(units_db, conn.database, era, level) == expected


def test_part_of_and_merged_into_counts(units_db, conn):
    recs, _, _ = units_db.execute_query(
        "RETURN COUNT { ()-[:PART_OF]->() } AS part_of, "
        "COUNT { (:AdminUnit)-[:MERGED_INTO]->(:AdminUnit) } AS merged", database_=conn.database)
    units = adminunits.legacy_units() + adminunits.new_units()
    assert recs[0]["part_of"] == sum(1 for u in units if u.parent_code)
    assert recs[0]["merged"] == (len(adminunits.province_successions())
                                 + len(adminunits.district_successions())
                                 + len(adminunits.commune_successions()))


def test_second_load_changes_nothing(units_db, conn):
    before = fingerprint(units_db, conn.database)
    _, counts = load_units(units_db, conn.database)
    assert counts.nodes_created == 0 and counts.relationships_created == 0
    assert fingerprint(units_db, conn.database) == before


def test_every_merger_has_its_evidence(units_db, conn):
    recs, _, _ = units_db.execute_query(
        "MATCH (:AdminUnit)-[m:MERGED_INTO]->(:AdminUnit) "
        "OPTIONAL MATCH (s:Source {id: m.source_id}) "
        "RETURN count(m) AS n, count(s) AS with_source, "
        "count(DISTINCT s.content_hash) AS hashes", database_=conn.database)
    row = recs[0]
    assert row["n"] == row["with_source"] > 0
    assert row["hashes"] == 1


def test_sample_of_communes_matches_the_conversion_data(units_db, conn):
    communes = sorted(u.code for u in adminunits.legacy_units() if u.level == "commune")
    splits = sorted(adminunits.split_commune_codes())
    rng = random.Random(2025)
    sample = rng.sample(communes, 150) + rng.sample(splits, 50)
    for code in sample:
        rows = graph_units.unit_successors(units_db, conn.database, f"legacy:{code}",
                                           as_of="2025-07-01")
        assert [r["code"] for r in rows if r["is_default"]] == [adminunits.default_successor(code)]
        assert sorted(r["code"] for r in rows) == sorted(adminunits.successors_of_legacy(code))
        assert all(r["era"] == "2025" for r in rows)
        expected_province = adminunits.new_province_of_legacy(code)
        assert {r["province_uid"] for r in rows} == {f"2025:{expected_province}"}


def test_split_commune_has_several_successors_one_default(units_db, conn):
    code = sorted(adminunits.split_commune_codes())[0]
    rows = graph_units.unit_successors(units_db, conn.database, f"legacy:{code}")
    assert len(rows) >= 2
    assert sum(r["is_default"] for r in rows) == 1
    assert all(r["kinds"] == ["split"] for r in rows)


def test_dak_nong_is_lam_dong_today_and_itself_before(units_db, conn):
    today = graph_units.province_today(units_db, conn.database, "legacy:67", as_of="2026-01-01")
    assert today["uid"] == "2025:68" and "Lâm Đồng" in today["name"]
    before = graph_units.province_today(units_db, conn.database, "legacy:67", as_of="2025-06-30")
    assert before["uid"] == "legacy:67" and "Đắk Nông" in before["name"]
    # a district of Đắk Nông, through its province
    district = next(u for u in adminunits.legacy_units()
                    if u.level == "district" and u.parent_code == "67")
    via = graph_units.province_today(units_db, conn.database, f"legacy:{district.code}")
    assert via["uid"] == "2025:68"


def test_hai_duong_is_hai_phong_today(units_db, conn):
    today = graph_units.province_today(units_db, conn.database, "legacy:30")
    assert today["uid"] == "2025:31" and "Hải Phòng" in today["name"]


def test_dam_ha_district_goes_where_its_communes_went(units_db, conn):
    rows = graph_units.unit_successors(units_db, conn.database, "legacy:200", as_of="2026-01-01")
    assert sorted(r["code"] for r in rows) == sorted(adminunits.successors_of_legacy("200"))
    assert {r["province_uid"] for r in rows} == {"2025:22"}
    assert all(r["via"] for r in rows)  # each names the old communes that went there
    commune = adminunits.get_unit("legacy", next(
        u.code for u in adminunits.legacy_units() if u.parent_code == "200"))
    rows = graph_units.unit_successors(units_db, conn.database, f"legacy:{commune.code}")
    assert [r["code"] for r in rows if r["is_default"]] == [
        adminunits.default_successor(commune.code)]


def test_before_the_reform_a_unit_is_its_own_current_unit(units_db, conn):
    for uid in ("legacy:200", "legacy:67", "legacy:06895"):
        rows = graph_units.unit_successors(units_db, conn.database, uid, as_of="2025-06-30")
        assert [r["uid"] for r in rows] == [uid]


def test_predecessors_of_a_new_province(units_db, conn):
    rows = graph_units.unit_predecessors(units_db, conn.database, "2025:68", as_of="2026-01-01")
    assert sorted(r["code"] for r in rows) == sorted(
        s.old_code for s in adminunits.predecessors_of_new("68", "province"))
    assert {"60", "67", "68"} <= {r["code"] for r in rows}
    assert graph_units.unit_predecessors(units_db, conn.database, "2025:68",
                                         as_of="2025-06-30") == []
