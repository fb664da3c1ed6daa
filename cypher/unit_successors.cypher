// What a unit's territory belongs to as of a date: before the 2025 reform took
// effect (2025-07-01) a unit is its own current unit. An abolished district,
// which has no successor of its own, goes where its communes went; a split
// commune has several successors, one of them the default.
// :param {uid: 'legacy:200', as_of: '2026-01-01'}
MATCH (u:AdminUnit {uid: $uid})
CALL (u) {
  WITH u
  WHERE u.valid_to IS NULL OR date($as_of) <= u.valid_to
  RETURN u AS current, null AS part, null AS kind, null AS effective, true AS is_default
  UNION
  MATCH (u)<-[:PART_OF*0..1]-(part:AdminUnit)-[m:MERGED_INTO]->(current:AdminUnit)
  WHERE date($as_of) >= m.effective AND (part = u OR NOT (u)-[:MERGED_INTO]->())
  RETURN current, part, m.kind AS kind, m.effective AS effective, m.is_default AS is_default
}
WITH current, collect(part) AS parts, collect(DISTINCT kind) AS kinds,
     max(effective) AS effective, collect(is_default) AS defaults
OPTIONAL MATCH (current)-[:PART_OF*0..2]->(province:AdminUnit {level: 'province'})
RETURN current.uid AS uid, current.code AS code, current.era AS era, current.name AS name,
       current.level AS level, province.uid AS province_uid, province.name AS province_name,
       kinds, effective, any(d IN defaults WHERE d) AS is_default,
       [p IN parts WHERE p.uid <> $uid | {uid: p.uid, name: p.name}] AS via
ORDER BY is_default DESC, code
