// One post: its body, the posts held together with it, and who holds it.
// :param {id: 'position:body:legacy:118:ban-dan-van:head'}
MATCH (p:Position {id: $id})-[:IN_BODY]->(b:Body)-[:IN_UNIT]->(u:AdminUnit)
RETURN p {.*} AS position, b {.id, .name, .body_type} AS body,
       u {.uid, .code, .name, .level} AS unit,
       COLLECT { MATCH (p)-[r:HELD_CONCURRENTLY_WITH]-(o:Position)
                 RETURN {position: o {.id, .name, .position_type}, status: r.status,
                         since: r.since, until: r.until, fact_id: r.fact_id,
                         sources: r.sources} ORDER BY o.id } AS concurrent,
       COLLECT { MATCH (h:Person)-[r:HOLDS]->(p)
                 RETURN {person: h {.id, .name}, status: r.status, since: r.since,
                         until: r.until, fact_id: r.fact_id, sources: r.sources}
                 ORDER BY h.name } AS holders
