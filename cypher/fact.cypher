// One fact relationship by its fact_id, with what it links.
// :param {fact_id: 'merger:body:legacy:200:ban-to-chuc->body:legacy:200:ban-to-chuc+noi-vu'}
MATCH (a)-[r:MERGED_INTO|TRANSFERRED_FUNCTION_TO|HELD_CONCURRENTLY_WITH|HOLDS|APPLIES|REDUCED]->(b)
WHERE r.fact_id = $fact_id
RETURN type(r) AS type, properties(r) AS properties,
       {id: coalesce(a.uid, a.id), name: a.name, label: labels(a)[0]} AS from,
       {id: coalesce(b.uid, b.id), name: b.name, label: labels(b)[0]} AS to
LIMIT 1
