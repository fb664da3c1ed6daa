// Search without a window: every hit of the index is ranked, streaming (memory
// holds offset + limit rows). graph/queries.py runs it when search.cypher's window
// would grow past its largest size: a word shared by a large part of the graph,
// filtered to a kind or a province that few of its hits have. Slow on such words
// (every hit is read), never out of memory.
// $query is a Lucene query over folded names, built by graph/search.py; $labels
// restricts the kinds, $province a province uid. toInteger(): Browser's
// `:param {limit: 20}` stores numbers as floats, and LIMIT takes an integer.
// :param {query: 'dam AND ha', labels: ['AdminUnit', 'Body', 'Position', 'Person'], province: null, offset: 0, limit: 20}
CALL db.index.fulltext.queryNodes('name_search', $query) YIELD node, score
WHERE any(label IN labels(node) WHERE label IN $labels)
  AND ($province IS NULL OR node.province_uid = $province)
RETURN CASE
         WHEN node:AdminUnit THEN 'unit' WHEN node:Body THEN 'body'
         WHEN node:Position THEN 'position' ELSE 'person'
       END AS kind,
       coalesce(node.uid, node.id) AS id, node.name AS name, node.level AS level,
       node.era AS era, node.province_uid AS province_uid, score
ORDER BY score DESC, CASE node.level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END, name
SKIP toInteger($offset) LIMIT toInteger($limit)
