// One unit's record for a comparison: mergers done in it (or, for a province, in
// any of its units), concurrency patterns adopted with their coverage, and the
// reductions it and its units reported ("giảm 13 đơn vị đầu mối").
// Summaries first, complete and bounded by the taxonomy, not by the graph:
// mergers counted by kind of body (from -> into), merger kind and status;
// patterns with the number of units applying each; reductions by kind. Then one
// page ($offset, $limit) of each list in a stable order. Each part is a union of
// index lookups (bodies by unit or by province; units by province or as parts of
// a district), so the cost follows the unit's own units and facts, and a page of
// mergers costs its offset + limit.
// As of a date ($as_of, null: today and after), a fact counts from its stated start
// (valid_from) or, when none is stated, its first report (reported_by): as_of_basis.
// toInteger(): Browser's `:param {limit: 50}` stores numbers as floats.
// :param {uid: 'legacy:14', as_of: null, offset: 0, limit: 50}
MATCH (u:AdminUnit {uid: $uid})
WITH u, date(coalesce($as_of, '2100-01-01')) AS as_of,
     COLLECT { CALL (u) {
                 MATCH (x:AdminUnit {province_uid: u.uid}) WHERE u.level = 'province'
                 RETURN x
                 UNION
                 WITH u AS x WHERE u.level <> 'province'
                 RETURN x
                 UNION
                 MATCH (x:AdminUnit)-[:PART_OF]->(u) WHERE u.level = 'district'
                 RETURN x }
               RETURN x } AS scope
// mergers by kind: today from the tallies kept with the facts (a province's own
// rows, or a unit's); as of a date, counted from the mergers themselves
OPTIONAL CALL (u, as_of) {
  WITH u WHERE $as_of IS NULL
  CALL (u) {
    MATCH (t:ProvinceMergerTally) USING INDEX t:ProvinceMergerTally(province_uid, key)
    WHERE u.level = 'province' AND t.province_uid = u.uid AND t.key IS NOT NULL
    RETURN t
    UNION
    MATCH (t:MergerTally {unit_uid: u.uid}) WHERE u.level <> 'province'
    RETURN t }
  RETURN t.from_type AS from_type, t.into_type AS into_type, t.level AS level,
         t.kind AS kind, t.status AS status, sum(t.count) AS n
  UNION ALL
  WITH u, as_of WHERE $as_of IS NOT NULL
  CALL (u) {
    MATCH (a:Body {province_uid: u.uid}) WHERE u.level = 'province'
    RETURN a
    UNION
    MATCH (a:Body {unit_uid: u.uid}) WHERE u.level <> 'province'
    RETURN a }
  MATCH (a)-[m:MERGED_INTO]->(c:Body)
  WHERE date(coalesce(m.valid_from, m.reported_by, '1900')) <= as_of
  RETURN a.body_type AS from_type, c.body_type AS into_type, a.level AS level,
         m.kind AS kind, m.status AS status, count(*) AS n }
WITH u, as_of, scope, from_type, into_type, level, kind, status, n
ORDER BY from_type, into_type, level, kind, status
WITH u, as_of, scope,
     collect(CASE WHEN n IS NOT NULL THEN {from_type: from_type, into_type: into_type,
                  level: level, kind: kind, status: status, count: n} END) AS merger_groups
WITH u, as_of, merger_groups,
     // the scope's pattern adoptions and reductions, read once (bounded by its units)
     COLLECT { UNWIND scope AS x
               MATCH (x)-[r:APPLIES]->(p:ConcurrencyPattern)
               WHERE date(coalesce(r.valid_from, r.reported_by, '1900')) <= as_of
               RETURN [x, r, p] } AS applied,
     COLLECT { UNWIND scope AS x
               MATCH (x)-[r:REDUCED]->(k:ReductionKind)
               WHERE date(coalesce(r.valid_from, r.reported_by, '1900')) <= as_of
               RETURN [x, r, k] } AS reduced
RETURN u {.uid, .code, .name, .level} AS unit, merger_groups,
       COLLECT { UNWIND applied AS t
                 WITH t[2] AS p, count(DISTINCT t[0]) AS units, count(*) AS n
                 ORDER BY p.id
                 RETURN {pattern: p {.id, .label, .level, .position_types},
                         units_applying: units, adoptions: n} } AS pattern_groups,
       size(COLLECT { UNWIND applied AS t RETURN DISTINCT t[0] AS x }) AS units_applying,
       COLLECT { UNWIND reduced AS t
                 WITH t[2] AS k, count(*) AS n
                 ORDER BY k.id
                 RETURN {kind: k {.id, .what, .name, .level}, count: n} } AS reduction_groups,
       // one page of the mergers, read in the order of an index (bodies by unit, then
       // id): the cost follows offset + limit, not the province's size
       COLLECT { CALL (u, as_of) {
                   MATCH (a:Body) USING INDEX a:Body(province_uid, unit_uid, id)
                   WHERE u.level = 'province' AND a.province_uid = u.uid
                     AND a.unit_uid IS NOT NULL AND a.id IS NOT NULL
                   MATCH (a)-[m:MERGED_INTO]->(c:Body)
                   WHERE date(coalesce(m.valid_from, m.reported_by, '1900')) <= as_of
                   WITH a, m, c ORDER BY a.province_uid, a.unit_uid, a.id, c.id, m.fact_id
                   SKIP toInteger($offset) LIMIT toInteger($limit)
                   RETURN a, m, c
                   UNION ALL
                   MATCH (a:Body) USING INDEX a:Body(unit_uid, id)
                   WHERE u.level <> 'province' AND a.unit_uid = u.uid AND a.id IS NOT NULL
                   MATCH (a)-[m:MERGED_INTO]->(c:Body)
                   WHERE date(coalesce(m.valid_from, m.reported_by, '1900')) <= as_of
                   WITH a, m, c ORDER BY a.unit_uid, a.id, c.id, m.fact_id
                   SKIP toInteger($offset) LIMIT toInteger($limit)
                   RETURN a, m, c }
                 WITH a, m, c ORDER BY a.unit_uid, a.id, c.id, m.fact_id
                 RETURN {from: a {.id, .name, .body_type, .level}, into: c {.id, .name, .body_type, .level},
                         unit_uid: a.unit_uid, kind: m.kind, status: m.status, date: m.date,
                         valid_from: m.valid_from, reported_by: m.reported_by,
                         as_of_basis: CASE WHEN m.valid_from IS NOT NULL THEN 'valid_from' WHEN m.reported_by IS NOT NULL THEN 'reported_by' END,
                         fact_id: m.fact_id} } AS mergers,
       COLLECT { UNWIND applied AS t
                 WITH t[0] AS x, t[1] AS r, t[2] AS p ORDER BY p.id, x.uid, r.fact_id
                 SKIP toInteger($offset) LIMIT toInteger($limit)
                 RETURN {pattern: p {.id, .label, .level, .position_types}, unit: x {.uid, .name, .level},
                         count: r.count, of: r.of, status: r.status, date: r.date,
                         valid_from: r.valid_from, reported_by: r.reported_by,
                         as_of_basis: CASE WHEN r.valid_from IS NOT NULL THEN 'valid_from' WHEN r.reported_by IS NOT NULL THEN 'reported_by' END,
                         fact_id: r.fact_id} } AS patterns,
       COLLECT { UNWIND reduced AS t
                 WITH t[0] AS x, t[1] AS r, t[2] AS k ORDER BY k.id, x.uid, coalesce(r.date, ''), r.fact_id
                 SKIP toInteger($offset) LIMIT toInteger($limit)
                 RETURN {kind: k {.id, .what, .name, .level}, unit: x {.uid, .name, .level},
                         level: r.level, count: r.count, percent: r.percent, approx: r.approx,
                         status: r.status, date: r.date, valid_from: r.valid_from,
                         reported_by: r.reported_by,
                         as_of_basis: CASE WHEN r.valid_from IS NOT NULL THEN 'valid_from' WHEN r.reported_by IS NOT NULL THEN 'reported_by' END,
                         fact_id: r.fact_id, evidence_count: r.evidence_count} } AS reductions
