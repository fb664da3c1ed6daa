// The merger tree of a body, transitive, in one round trip: the body and its
// unit; what it came from (predecessors), what it became (successors), or both,
// only mergers in force by $as_of (a merger dated later did not exist yet: its
// stated start, valid_from, or when none is stated the date it was first reported,
// reported_by; each edge's as_of_basis says which), at
// most $max_depth steps (<= 20), each edge with its evidence (quote, offsets,
// source); and where the body's unit's territory is today (the 2025 reform:
// the units it went into and their province; a unit not yet reformed is its own).
// :param {id: 'body:legacy:200:ban-to-chuc+noi-vu', direction: 'both', as_of: '2100-01-01', max_depth: 20}
MATCH (b:Body {id: $id})-[:IN_UNIT]->(u:AdminUnit)
WITH b, u, COLLECT {
  CALL (b) {
    MATCH path = (b)<-[:MERGED_INTO*1..20]-(:Body)
    WHERE $direction IN ['predecessors', 'both'] AND length(path) <= toInteger($max_depth)
      AND all(r IN relationships(path)
              WHERE coalesce(r.valid_from, r.reported_by) IS NULL
                 OR date(coalesce(r.valid_from, r.reported_by)) <= date($as_of))
    UNWIND relationships(path) AS r
    RETURN r
    UNION
    MATCH path = (b)-[:MERGED_INTO*1..20]->(:Body)
    WHERE $direction IN ['successors', 'both'] AND length(path) <= toInteger($max_depth)
      AND all(r IN relationships(path)
              WHERE coalesce(r.valid_from, r.reported_by) IS NULL
                 OR date(coalesce(r.valid_from, r.reported_by)) <= date($as_of))
    UNWIND relationships(path) AS r
    RETURN r
  }
  RETURN DISTINCT r
} AS rels
CALL (rels) {
  UNWIND rels AS r
  WITH r, startNode(r) AS a, endNode(r) AS c ORDER BY a.id, c.id
  RETURN collect({
    from: a {.id, .name, .body_type, .branch, .unit_uid},
    to: c {.id, .name, .body_type, .branch, .unit_uid},
    kind: r.kind, status: r.status, date: r.date, valid_from: r.valid_from,
    valid_to: r.valid_to, reported_by: r.reported_by, valid_from_basis: r.valid_from_basis,
    as_of_basis: CASE WHEN r.valid_from IS NOT NULL THEN 'valid_from'
                      WHEN r.reported_by IS NOT NULL THEN 'reported_by' END,
    fact_id: r.fact_id, sources: r.sources,
    evidence: COLLECT { MATCH (e:Evidence {fact_id: r.fact_id})-[:CITES]->(s:Source)
                        RETURN {quote: e.quote, start: e.start, end: e.end, status: e.status,
                                date: e.date, sentence: e.sentence,
                                sentence_start: e.sentence_start, valid_from: e.valid_from,
                                valid_to: e.valid_to, reported_by: e.reported_by,
                                date_basis: e.date_basis, source_id: s.id, url: s.url,
                                publisher: s.publisher, title: s.title}
                        ORDER BY e.date, s.id }}) AS edges
}
CALL (u) {
  // the unit itself, its communes for an abolished district, and their successors today
  OPTIONAL MATCH (u)<-[:PART_OF*0..1]-(part:AdminUnit)-[m:MERGED_INTO]->(now:AdminUnit)
  WHERE date() >= m.effective AND (part = u OR NOT (u)-[:MERGED_INTO]->())
  WITH u, collect(DISTINCT now) AS successors
  WITH CASE WHEN size(successors) = 0 THEN [u] ELSE successors END AS current
  UNWIND current AS now
  OPTIONAL MATCH (now)-[:PART_OF*0..2]->(province:AdminUnit {level: 'province'})
  WITH now, province ORDER BY now.code
  RETURN collect(now {.uid, .code, .era, .name, .level, province_uid: province.uid,
                      province_name: province.name}) AS fate_units,
         head(collect(province {.uid, .code, .era, .name})) AS fate_province
}
RETURN b {.*} AS body, u {.uid, .code, .name, .level, .era, .province_uid} AS unit, edges,
       {units: fate_units, province: fate_province} AS fate
