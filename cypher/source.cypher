// One source document and every statement taken from it.
// :param {id: '000_3ebe3cc6aa2eb4b4'}
MATCH (s:Source {id: $id})
RETURN s {.*} AS source,
       COLLECT { MATCH (e:Evidence)-[:CITES]->(s)
                 RETURN e {.fact_id, .rel_type, .quote, .start, .end, .status, .date,
                           .count, .of}
                 ORDER BY e.start, e.fact_id } AS evidence
