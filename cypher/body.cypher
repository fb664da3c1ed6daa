// One body: its unit, its posts, how many bodies merged into it and whither it went.
// :param {id: 'body:legacy:200:ban-to-chuc+noi-vu'}
MATCH (b:Body {id: $id})-[:IN_UNIT]->(u:AdminUnit)
RETURN b {.*} AS body, u {.uid, .code, .name, .level, .era, .province_uid} AS unit,
       COLLECT { MATCH (p:Position)-[:IN_BODY]->(b)
                 RETURN p {.id, .name, .role, .position_type} ORDER BY p.role } AS positions,
       COUNT { (b)<-[:MERGED_INTO]-(:Body) } AS predecessors,
       COUNT { (b)-[:MERGED_INTO]->(:Body) } AS successors,
       COLLECT { MATCH (b)-[t:TRANSFERRED_FUNCTION_TO]-(o:Body)
                 RETURN {direction: CASE WHEN startNode(t) = b THEN 'out' ELSE 'in' END,
                         body: o {.id, .name}, function: t.function, status: t.status,
                         date: t.date, fact_id: t.fact_id} } AS transfers
