// The statements behind one fact (a relationship's fact_id), with their sources.
// :param {fact_id: 'merger:body:legacy:200:ban-to-chuc->body:legacy:200:ban-to-chuc+noi-vu'}
MATCH (e:Evidence {fact_id: $fact_id})-[:CITES]->(s:Source)
RETURN e {.id, .fact_id, .rel_type, .quote, .start, .end, .sentence, .sentence_start, .status,
          .date, .valid_from, .valid_to, .date_basis, .reported_by, .count, .of,
          .recorded_at} AS evidence,
       s {.id, .url, .publisher, .title, .date, .content_hash, .retracted_at} AS source
ORDER BY e.date, s.id, e.start
