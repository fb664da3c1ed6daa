"""Load Vietnam's administrative units, both eras and the 2025 successions.

Rows come from `ingest.adminunits` (the PyPI package `vietnamadminunits`);
`graph.units.write_units` writes them in batches, idempotently.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass

import neo4j

from mergegraph.graph.model import unit_uid
from mergegraph.graph.units import WriteCounts, write_units
from mergegraph.ingest import adminunits
from mergegraph.text import fold


def dataset_source() -> dict:
    """The dataset as a Source node: the evidence of every unit succession."""
    version = adminunits.package_version() or "unknown"
    digest = hashlib.sha256()
    for path in adminunits.source_paths():
        digest.update(path.read_bytes())
    return {
        "id": f"dataset:vietnamadminunits-{version}",
        "url": f"pkg:pypi/vietnamadminunits@{version}",
        "publisher": "vietnamadminunits (MIT), from the official 2025 lists",
        "title": "Administrative units of Vietnam before and after 1 July 2025",
        "date": adminunits.EFFECTIVE_2025,
        "content_hash": f"sha256:{digest.hexdigest()}",
    }


def _unit_row(unit: adminunits.Unit, source_id: str) -> dict:
    return {
        "uid": unit_uid(unit.era, unit.code), "code": unit.code, "era": unit.era,
        "level": unit.level, "name": unit.name, "short_name": unit.short_name,
        "unit_type": unit.unit_type, "name_folded": fold(unit.name),
        "aliases_folded": fold(unit.short_name),
        "valid_from": unit.valid_from, "valid_to": unit.valid_until, "source_id": source_id,
        "province_uid": unit_uid(unit.era, unit.province),
    }


def succession_kind(old_successors: int, new_predecessors: int, same_name: bool) -> str:
    """How a unit went into its successor in the 2025 reform."""
    if old_successors > 1:
        return "split"
    if new_predecessors > 1:
        return "merge"
    return "continue" if same_name else "rename"


@dataclass(frozen=True)
class UnitRows:
    units: list[dict]
    part_of: list[dict]
    successions: list[dict]


def build_rows(source_id: str) -> UnitRows:
    legacy, new = adminunits.legacy_units(), adminunits.new_units()
    units = [_unit_row(u, source_id) for u in legacy + new]
    part_of = [
        {"child": unit_uid(u.era, u.code), "parent": unit_uid(u.era, u.parent_code)}
        for u in legacy + new if u.parent_code
    ]
    successions = (adminunits.province_successions() + adminunits.district_successions()
                   + adminunits.commune_successions())
    out_degree = Counter(s.old_uid for s in successions)
    in_degree = Counter(s.new_uid for s in successions)
    rows = []
    for s in successions:
        old = adminunits.get_unit(*s.old_uid)
        new_unit = adminunits.get_unit(*s.new_uid)
        old_uid, new_uid = unit_uid(*s.old_uid), unit_uid(*s.new_uid)
        rows.append({
            "old": old_uid, "new": new_uid, "effective": s.effective,
            "is_default": s.is_default, "source_id": source_id,
            "kind": succession_kind(out_degree[s.old_uid], in_degree[s.new_uid],
                                    fold(old.short_name) == fold(new_unit.short_name)),
            "fact_id": f"unit-merger:{old_uid}->{new_uid}",
        })
    return UnitRows(units, part_of, rows)


def load_units(driver: neo4j.Driver, database: str) -> tuple[UnitRows, WriteCounts]:
    source = dataset_source()
    rows = build_rows(source["id"])
    counts = write_units(driver, database, source=source, units=rows.units,
                         part_of=rows.part_of, successions=rows.successions)
    return rows, counts
