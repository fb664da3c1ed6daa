// Concurrency patterns (sets of posts one person holds, at a level) and the
// units that apply them, with coverage (count of of), status, latest date and
// evidence; for one province ($province, its uid) or all, by level and status.
// A 2025 province answers for the legacy provinces it was formed from (the
// articles predate it). toInteger(): Browser's `:param {limit: 50}` stores
// numbers as floats, and SKIP/LIMIT take integers.
// :param {province: 'legacy:14', level: null, status: null, offset: 0, limit: 50}
WITH CASE WHEN $province IS NULL THEN null
          ELSE [$province] + COLLECT { MATCH (:AdminUnit {uid: $province})<-[:MERGED_INTO]-(old:AdminUnit {level: 'province'})
                                       RETURN old.uid } END AS provinces
MATCH (u:AdminUnit)-[r:APPLIES]->(p:ConcurrencyPattern)
WHERE (provinces IS NULL OR u.province_uid IN provinces)
  AND ($level IS NULL OR p.level = $level)
  AND ($status IS NULL OR r.status = $status)
WITH p, u, r ORDER BY u.level, u.code
WITH p, max(r.date) AS latest,
     collect({unit: u {.uid, .code, .name, .level, .province_uid}, count: r.count, of: r.of,
              status: r.status, date: r.date, fact_id: r.fact_id, sources: r.sources,
              evidence: COLLECT { MATCH (e:Evidence {fact_id: r.fact_id})-[:CITES]->(s:Source)
                                  RETURN {quote: e.quote, start: e.start, end: e.end,
                                          date: e.date, source_id: s.id, url: s.url}
                                  ORDER BY e.date }}) AS units
RETURN p {.id, .level, .position_types, .label} AS pattern, units, latest
ORDER BY size(units) DESC, pattern.id
SKIP toInteger($offset) LIMIT toInteger($limit)
