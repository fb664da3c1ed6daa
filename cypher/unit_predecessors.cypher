// The units a unit was formed from, as of a date: a 2025 province or commune
// lists the legacy units that went into it (wholly, or in part for a split
// commune); before 2025-07-01 it had none. A legacy unit has none in the data.
// :param {uid: '2025:68', as_of: '2026-01-01'}
MATCH (u:AdminUnit {uid: $uid})<-[m:MERGED_INTO]-(old:AdminUnit)
WHERE date($as_of) >= m.effective
OPTIONAL MATCH (old)-[:PART_OF*0..2]->(province:AdminUnit {level: 'province'})
RETURN old.uid AS uid, old.code AS code, old.era AS era, old.name AS name, old.level AS level,
       province.uid AS province_uid, province.name AS province_name,
       m.kind AS kind, m.effective AS effective, m.is_default AS is_default,
       count { (old)-[:MERGED_INTO]->() } > 1 AS partial
ORDER BY level, code
