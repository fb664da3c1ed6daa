// How the 1 July 2025 reform ended a legacy unit, and the dataset that says so: a
// unit with a successor of its own (a province, a commune, an island district)
// went into it; a district without one was abolished, its territory going with
// its communes (unit_successors.cypher lists where).
// :param {uid: 'legacy:200'}
MATCH (u:AdminUnit {uid: $uid}) WHERE u.era = 'legacy'
CALL (u) {
  OPTIONAL MATCH (u)-[m:MERGED_INTO]->(:AdminUnit)
  RETURN m ORDER BY m.is_default DESC LIMIT 1
}
CALL (u) {
  OPTIONAL MATCH (u)<-[:PART_OF]-(:AdminUnit)-[pm:MERGED_INTO]->(:AdminUnit)
  RETURN pm LIMIT 1
}
WITH u, m, pm, coalesce(m, pm) AS any
WHERE any IS NOT NULL
OPTIONAL MATCH (s:Source {id: any.source_id})
RETURN u {.uid, .name, .level} AS unit, m IS NOT NULL AS has_successor,
       toString(any.effective) AS effective,
       s {.id, .title, .publisher, .url, .kind, date: toString(s.date)} AS source
