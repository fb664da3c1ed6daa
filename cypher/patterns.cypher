// Concurrency patterns (sets of posts one person holds, at a level) and the
// units that apply them, with coverage (count of of), status, latest date and
// evidence; for one province ($province, its uid) or all, by level and status;
// as of a date ($as_of, null: today and after): a unit's adoption counts from its
// stated start (valid_from) or, when none is stated, its first report (reported_by),
// and says which (as_of_basis).
// A 2025 province answers for the legacy provinces it was formed from (the
// articles predate it). toInteger(): Browser's `:param {limit: 50}` stores
// numbers as floats, and SKIP/LIMIT take integers.
// :param {province: 'legacy:14', level: null, status: null, as_of: null, offset: 0, limit: 50, units_limit: 100}
WITH CASE WHEN $province IS NULL THEN null
          ELSE [$province] + COLLECT { MATCH (:AdminUnit {uid: $province})<-[:MERGED_INTO]-(old:AdminUnit {level: 'province'})
                                       RETURN old.uid } END AS provinces
// a province's units by index, then their adoptions (not every adoption, filtered)
CALL (provinces) {
  UNWIND coalesce(provinces, []) AS province
  MATCH (u:AdminUnit {province_uid: province})-[r:APPLIES]->(p:ConcurrencyPattern)
  RETURN u, r, p
  UNION ALL
  WITH provinces WHERE provinces IS NULL
  MATCH (u:AdminUnit)-[r:APPLIES]->(p:ConcurrencyPattern)
  RETURN u, r, p }
WITH u, r, p
WHERE ($level IS NULL OR p.level = $level)
  AND ($status IS NULL OR r.status = $status)
  AND date(coalesce(r.valid_from, r.reported_by, '1900')) <= date(coalesce($as_of, '2100-01-01'))
WITH p, u, r ORDER BY u.level, u.code
// every adoption counts; the first $units_limit units of each pattern (by level,
// then code) come with their figures and evidence
WITH p, max(r.date) AS latest, count(*) AS units_total,
     collect([u, r])[..toInteger($units_limit)] AS firsts
ORDER BY units_total DESC, p.id
SKIP toInteger($offset) LIMIT toInteger($limit)
CALL (firsts) {
  UNWIND firsts AS pair
  WITH pair[0] AS u, pair[1] AS r
  RETURN collect({unit: u {.uid, .code, .name, .level, .province_uid}, count: r.count, of: r.of,
                  status: r.status, date: r.date, valid_from: r.valid_from,
                  reported_by: r.reported_by, as_of_basis: CASE WHEN r.valid_from IS NOT NULL THEN 'valid_from' WHEN r.reported_by IS NOT NULL THEN 'reported_by' END,
                  fact_id: r.fact_id, sources: r.sources,
                  evidence: COLLECT { MATCH (e:Evidence {fact_id: r.fact_id})-[:CITES]->(s:Source)
                                      RETURN {quote: e.quote, start: e.start, end: e.end,
                                              sentence: e.sentence, sentence_start: e.sentence_start,
                                              valid_from: e.valid_from, reported_by: e.reported_by,
                                              date_basis: e.date_basis, date: e.date,
                                              source_id: s.id, url: s.url, title: s.title,
                                              publisher: s.publisher}
                                      ORDER BY e.date }}) AS units
}
RETURN p {.id, .level, .position_types, .label} AS pattern, units, units_total, latest
