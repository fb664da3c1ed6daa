// One unit's record for a comparison: mergers done in it (or, for a province,
// in any of its units), concurrency patterns adopted with their coverage, and
// the reductions it and its units reported ("giảm 13 đơn vị đầu mối"). Each
// part is a union of index lookups (bodies by unit or by province; units by
// province or as parts of a district), so the cost follows the unit's own facts.
// As of a date ($as_of, null: today and after), a fact counts from its stated start
// (valid_from) or, when none is stated, its first report (reported_by): as_of_basis.
// :param {uid: 'legacy:14', as_of: null}
MATCH (u:AdminUnit {uid: $uid})
WITH u, COLLECT { CALL (u) {
                    MATCH (x:AdminUnit {province_uid: u.uid}) WHERE u.level = 'province'
                    RETURN x
                    UNION
                    WITH u AS x WHERE u.level <> 'province'
                    RETURN x
                    UNION
                    MATCH (x:AdminUnit)-[:PART_OF]->(u) WHERE u.level = 'district'
                    RETURN x }
                  RETURN x } AS scope
RETURN u {.uid, .code, .name, .level} AS unit,
       COLLECT { CALL (u) {
                   MATCH (a:Body {province_uid: u.uid}) WHERE u.level = 'province'
                   RETURN a
                   UNION
                   MATCH (a:Body {unit_uid: u.uid}) WHERE u.level <> 'province'
                   RETURN a }
                 MATCH (a)-[m:MERGED_INTO]->(c:Body)
                 WHERE date(coalesce(m.valid_from, m.reported_by, '1900')) <= date(coalesce($as_of, '2100-01-01'))
                 RETURN {from: a {.id, .name, .body_type, .level}, into: c {.id, .name, .body_type, .level},
                         unit_uid: a.unit_uid, kind: m.kind, status: m.status, date: m.date,
                         valid_from: m.valid_from, reported_by: m.reported_by,
                         as_of_basis: CASE WHEN m.valid_from IS NOT NULL THEN 'valid_from' WHEN m.reported_by IS NOT NULL THEN 'reported_by' END, fact_id: m.fact_id}
                 ORDER BY a.unit_uid, a.id, c.id } AS mergers,
       COLLECT { UNWIND scope AS x
                 MATCH (x)-[r:APPLIES]->(p:ConcurrencyPattern)
                 WHERE date(coalesce(r.valid_from, r.reported_by, '1900')) <= date(coalesce($as_of, '2100-01-01'))
                 RETURN {pattern: p {.id, .label, .level, .position_types}, unit: x {.uid, .name, .level},
                         count: r.count, of: r.of, status: r.status, date: r.date,
                         valid_from: r.valid_from, reported_by: r.reported_by,
                         as_of_basis: CASE WHEN r.valid_from IS NOT NULL THEN 'valid_from' WHEN r.reported_by IS NOT NULL THEN 'reported_by' END, fact_id: r.fact_id}
                 ORDER BY p.id, x.uid } AS patterns,
       COLLECT { UNWIND scope AS x
                 MATCH (x)-[r:REDUCED]->(k:ReductionKind)
                 WHERE date(coalesce(r.valid_from, r.reported_by, '1900')) <= date(coalesce($as_of, '2100-01-01'))
                 RETURN {kind: k {.id, .what, .name, .level}, unit: x {.uid, .name, .level},
                         level: r.level, count: r.count, percent: r.percent, approx: r.approx,
                         status: r.status, date: r.date, valid_from: r.valid_from,
                         reported_by: r.reported_by, as_of_basis: CASE WHEN r.valid_from IS NOT NULL THEN 'valid_from' WHEN r.reported_by IS NOT NULL THEN 'reported_by' END,
                         fact_id: r.fact_id,
                         evidence_count: r.evidence_count}
                 ORDER BY k.id, x.uid, coalesce(r.date, ''), r.fact_id } AS reductions
