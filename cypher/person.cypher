// One person: every post held, with dates and the evidence for each.
// :param {id: 'person:14:vi thi tien'}
MATCH (h:Person {id: $id})
RETURN h {.*} AS person,
       COLLECT { MATCH (h)-[r:HOLDS]->(p:Position)-[:IN_BODY]->(b:Body)
                 RETURN {position: p {.id, .name, .position_type}, body: b {.id, .name},
                         unit_uid: b.unit_uid, status: r.status, since: r.since,
                         until: r.until, fact_id: r.fact_id,
                         evidence: COLLECT { MATCH (e:Evidence {fact_id: r.fact_id})-[:CITES]->(s:Source)
                                             RETURN {quote: e.quote, start: e.start, end: e.end,
                                                     date: e.date, source_id: s.id, url: s.url}
                                             ORDER BY e.date }}
                 ORDER BY p.id } AS posts
