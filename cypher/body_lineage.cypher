// The merger tree of a body, transitive: what it came from (predecessors),
// what it became (successors), or both; only mergers in force by $as_of (a
// merger dated later did not exist yet), at most $max_depth steps (<= 20).
// Each edge comes with its evidence: quote, offsets and source.
// :param {id: 'body:legacy:200:ban-to-chuc+noi-vu', direction: 'both', as_of: '2100-01-01', max_depth: 20}
MATCH (b:Body {id: $id})
CALL (b) {
  MATCH path = (b)<-[:MERGED_INTO*1..20]-(:Body)
  WHERE $direction IN ['predecessors', 'both'] AND length(path) <= $max_depth
    AND all(r IN relationships(path)
            WHERE r.valid_from IS NULL OR date(r.valid_from) <= date($as_of))
  UNWIND relationships(path) AS r
  RETURN r
  UNION
  MATCH path = (b)-[:MERGED_INTO*1..20]->(:Body)
  WHERE $direction IN ['successors', 'both'] AND length(path) <= $max_depth
    AND all(r IN relationships(path)
            WHERE r.valid_from IS NULL OR date(r.valid_from) <= date($as_of))
  UNWIND relationships(path) AS r
  RETURN r
}
WITH DISTINCT r
WITH r, startNode(r) AS a, endNode(r) AS c
RETURN a {.id, .name, .body_type, .branch, .unit_uid} AS from,
       c {.id, .name, .body_type, .branch, .unit_uid} AS to,
       r.kind AS kind, r.status AS status, r.date AS date, r.valid_from AS valid_from,
       r.valid_to AS valid_to, r.fact_id AS fact_id, r.sources AS sources,
       COLLECT { MATCH (e:Evidence {fact_id: r.fact_id})-[:CITES]->(s:Source)
                 RETURN {quote: e.quote, start: e.start, end: e.end, status: e.status,
                         date: e.date, source_id: s.id, url: s.url, publisher: s.publisher}
                 ORDER BY e.date, s.id } AS evidence
ORDER BY from.id, to.id
