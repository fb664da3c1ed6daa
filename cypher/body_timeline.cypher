// Every dated statement about a body, oldest first: the mergers it went into or
// came from, the functions it gave or got, who held its posts and which posts
// were held together, each statement with its sentence and source. `date` is the
// statement's own date (valid_from, or the end of an ended arrangement) when it
// gives one, else the article's date (reported_by, an upper bound): `date_basis`
// says which ('stated', 'document' when another sentence of the article dates it,
// 'reported_by').
// :param {id: 'body:legacy:200:ban-to-chuc+noi-vu'}
MATCH (b:Body {id: $id})
CALL (b) {
  MATCH (b)-[r:MERGED_INTO|TRANSFERRED_FUNCTION_TO]-(:Body) RETURN r
  UNION
  MATCH (b)<-[:IN_BODY]-(:Position)-[r:HOLDS|HELD_CONCURRENTLY_WITH]-() RETURN r
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
