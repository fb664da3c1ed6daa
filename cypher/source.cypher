// One source document (its metadata, never a file path; its text is
// source_text.cypher) and every statement taken from it: the exact span, the
// whole sentence around it, its dates, and the fact it states.
// :param {id: '000_3ebe3cc6aa2eb4b4'}
MATCH (s:Source {id: $id})
RETURN s {.id, .url, .publisher, .title, .title_from, .province_hint, .content_hash, .kind,
          .length, .recorded_at, .retracted_at, date: toString(s.date),
          has_text: s.text IS NOT NULL} AS source,
       COLLECT { MATCH (e:Evidence)-[:CITES]->(s)
                 CALL (e) {
                   OPTIONAL MATCH (a)-[r:MERGED_INTO|TRANSFERRED_FUNCTION_TO|HELD_CONCURRENTLY_WITH|HOLDS|APPLIES|REDUCED]->(b)
                   WHERE r.fact_id = e.fact_id
                   RETURN r, a, b LIMIT 1
                 }
                 RETURN e {.id, .fact_id, .rel_type, .quote, .start, .end, .sentence,
                           .sentence_start, .status, .date, .valid_from, .valid_to,
                           .date_basis, .reported_by, .count, .of,
                           fact: CASE WHEN r IS NULL THEN null ELSE {
                             type: type(r),
                             from: {id: coalesce(a.uid, a.id), name: a.name,
                                    label: [l IN labels(a) WHERE l IN ['AdminUnit', 'Body', 'Position', 'Person', 'ConcurrencyPattern', 'ReductionKind']][0]},
                             to: {id: coalesce(b.uid, b.id), name: coalesce(b.name, b.label),
                                  label: [l IN labels(b) WHERE l IN ['AdminUnit', 'Body', 'Position', 'Person', 'ConcurrencyPattern', 'ReductionKind']][0]}}
                           END}
                 ORDER BY e.start, e.fact_id } AS evidence
