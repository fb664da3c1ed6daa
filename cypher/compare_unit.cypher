// One unit's record for a comparison: mergers done in it (or, for a province,
// in any of its units), concurrency patterns adopted, and coverage.
// :param {uid: 'legacy:14'}
MATCH (u:AdminUnit {uid: $uid})
RETURN u {.uid, .code, .name, .level} AS unit,
       COLLECT { MATCH (a:Body)-[m:MERGED_INTO]->(c:Body)
                 WHERE a.unit_uid = u.uid OR (u.level = 'province' AND a.province_uid = u.uid)
                 RETURN {from: a {.id, .name, .body_type}, into: c {.id, .name, .body_type},
                         unit_uid: a.unit_uid, kind: m.kind, status: m.status, date: m.date,
                         fact_id: m.fact_id}
                 ORDER BY a.unit_uid, a.id } AS mergers,
       COLLECT { MATCH (x:AdminUnit)-[r:APPLIES]->(p:ConcurrencyPattern)
                 WHERE x = u OR (u.level = 'province' AND x.province_uid = u.uid)
                    OR (u.level = 'district' AND (x)-[:PART_OF]->(u))
                 RETURN {pattern: p {.id, .label, .level}, unit: x {.uid, .name, .level},
                         count: r.count, of: r.of, status: r.status, date: r.date,
                         fact_id: r.fact_id}
                 ORDER BY p.id, x.uid } AS patterns
