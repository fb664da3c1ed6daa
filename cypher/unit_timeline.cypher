// Every dated statement about an administrative unit and the units within it (a
// province's districts and communes), oldest first: the concurrency patterns they
// apply, the reductions they report, and every statement about their bodies (as
// body_timeline.cypher), each with its sentence and source.
// `date` / `date_basis` as in body_timeline.cypher.
// :param {uid: 'legacy:200'}
MATCH (:AdminUnit {uid: $uid})<-[:PART_OF*0..2]-(u:AdminUnit)
CALL (u) {
  MATCH (u)-[r:APPLIES|REDUCED]->() RETURN r
  UNION
  MATCH (u)<-[:IN_UNIT]-(:Body)-[r:MERGED_INTO|TRANSFERRED_FUNCTION_TO]-(:Body) RETURN r
  UNION
  MATCH (u)<-[:IN_UNIT]-(:Body)<-[:IN_BODY]-(:Position)-[r:HOLDS|HELD_CONCURRENTLY_WITH]-() RETURN r
}
WITH DISTINCT r
MATCH (e:Evidence {fact_id: r.fact_id})-[:CITES]->(s:Source)
WITH r, e, s, startNode(r) AS a, endNode(r) AS c,
     CASE WHEN e.status = 'ended' THEN coalesce(e.valid_to, e.valid_from) ELSE e.valid_from END AS stated
RETURN {date: coalesce(stated, e.reported_by, e.date),
        date_basis: CASE WHEN stated IS NOT NULL THEN coalesce(e.date_basis, 'stated')
                         ELSE 'reported_by' END,
        valid_from: e.valid_from, valid_to: e.valid_to, reported_by: e.reported_by,
        status: e.status, type: type(r), fact_id: r.fact_id,
        from: {id: coalesce(a.uid, a.id), name: a.name,
               label: [l IN labels(a) WHERE l IN ['AdminUnit', 'Body', 'Position', 'Person']][0]},
        to: {id: coalesce(c.uid, c.id), name: coalesce(c.name, c.label),
             label: [l IN labels(c) WHERE l IN ['AdminUnit', 'Body', 'Position', 'Person', 'ConcurrencyPattern', 'ReductionKind']][0]},
        evidence: {id: e.id, quote: e.quote, start: e.start, end: e.end, sentence: e.sentence,
                   sentence_start: e.sentence_start,
                   source: {id: s.id, title: s.title, publisher: s.publisher,
                            date: toString(s.date), url: s.url}}} AS item
ORDER BY item.date, item.type, item.evidence.source.id, item.evidence.start
