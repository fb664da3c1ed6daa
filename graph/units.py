"""Administrative units in the graph: batched writes.

Units are keyed by `uid` = "<era>:<code>" ("legacy:200", "2025:22"): a GSO code
alone is ambiguous across the 2025 reform (see ingest/adminunits.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import neo4j

from mergegraph.graph.version import write_bumping


BATCH = 5000

WRITE_UNITS = """
UNWIND $rows AS row
MERGE (u:AdminUnit {uid: row.uid})
SET u.code = row.code, u.era = row.era, u.level = row.level, u.name = row.name,
    u.short_name = row.short_name, u.unit_type = row.unit_type,
    u.name_folded = row.name_folded, u.aliases_folded = row.aliases_folded,
    u.valid_from = CASE WHEN row.valid_from IS NULL THEN null ELSE date(row.valid_from) END,
    u.valid_to = CASE WHEN row.valid_to IS NULL THEN null ELSE date(row.valid_to) END,
    u.source_id = row.source_id, u.province_uid = row.province_uid
"""

WRITE_PART_OF = """
UNWIND $rows AS row
MATCH (child:AdminUnit {uid: row.child}), (parent:AdminUnit {uid: row.parent})
MERGE (child)-[:PART_OF]->(parent)
"""

WRITE_SUCCESSIONS = """
UNWIND $rows AS row
MATCH (old:AdminUnit {uid: row.old}), (new:AdminUnit {uid: row.new})
MERGE (old)-[m:MERGED_INTO]->(new)
SET m.kind = row.kind, m.effective = date(row.effective), m.status = 'implemented',
    m.is_default = row.is_default, m.source_id = row.source_id, m.fact_id = row.fact_id
"""

WRITE_SOURCE = """
MERGE (s:Source {id: $id})
SET s.url = $url, s.publisher = $publisher, s.title = $title, s.date = date($date),
    s.content_hash = $content_hash, s.kind = 'dataset'
"""


@dataclass
class WriteCounts:
    nodes_created: int = 0
    relationships_created: int = 0
    properties_set: int = 0
    by_step: dict[str, int] = field(default_factory=dict)

    def add(self, step: str, counters) -> None:
        self.nodes_created += counters.nodes_created
        self.relationships_created += counters.relationships_created
        self.properties_set += counters.properties_set
        self.by_step[step] = self.by_step.get(step, 0) + counters.nodes_created \
            + counters.relationships_created


def _batched_write(driver: neo4j.Driver, database: str, cypher: str, rows: list[dict],
                   step: str, counts: WriteCounts) -> None:
    for i in range(0, len(rows), BATCH):
        summary = write_bumping(driver, database, cypher, rows=rows[i:i + BATCH])
        counts.add(step, summary.counters)


def write_units(driver: neo4j.Driver, database: str, *, source: dict, units: list[dict],
                part_of: list[dict], successions: list[dict]) -> WriteCounts:
    """Write units, PART_OF and MERGED_INTO rows (idempotent: MERGE on uid)."""
    counts = WriteCounts()
    summary = write_bumping(driver, database, WRITE_SOURCE, **source)
    counts.add("source", summary.counters)
    _batched_write(driver, database, WRITE_UNITS, units, "units", counts)
    _batched_write(driver, database, WRITE_PART_OF, part_of, "part_of", counts)
    _batched_write(driver, database, WRITE_SUCCESSIONS, successions, "merged_into", counts)
    return counts
