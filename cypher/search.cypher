// Bodies, positions, people and units by name. $query is a Lucene query over
// folded names (lower case, no diacritics, đ -> d), built by graph/search.py;
// $labels restricts the kinds, $province a province uid. The index is asked for
// its best $window hits only (a word shared by a million names costs $window);
// graph/queries.py asks again with a larger window when the page could reach past
// it: fewer than offset + limit kept, or the page's last score tied with the
// window's lowest (`fetched`, `lowest`, `kept`, `boundary` say so).
// toInteger(): Browser's `:param {limit: 20}` stores numbers as floats, and LIMIT
// takes an integer.
// :param {query: 'dam AND ha', labels: ['AdminUnit', 'Body', 'Position', 'Person'], province: null, offset: 0, limit: 20, window: 200}
CALL db.index.fulltext.queryNodes('name_search', $query, {limit: toInteger($window)})
  YIELD node, score
WITH collect({node: node, score: score}) AS hits
WITH size(hits) AS fetched, hits[-1].score AS lowest,
     [h IN hits WHERE any(label IN labels(h.node) WHERE label IN $labels)
                  AND ($province IS NULL OR h.node.province_uid = $province)] AS kept
RETURN fetched, lowest, size(kept) AS kept,
       kept[toInteger($offset) + toInteger($limit) - 1].score AS boundary,
       COLLECT { UNWIND kept AS h
                 WITH h.node AS node, h.score AS score
                 WITH node, score,
                      CASE WHEN node:AdminUnit THEN 'unit' WHEN node:Body THEN 'body'
                           WHEN node:Position THEN 'position' ELSE 'person' END AS kind,
                      CASE node.level WHEN 'province' THEN 0 WHEN 'district' THEN 1 ELSE 2 END AS rank
                 ORDER BY score DESC, rank, node.name
                 SKIP toInteger($offset) LIMIT toInteger($limit)
                 RETURN {kind: kind, id: coalesce(node.uid, node.id), name: node.name,
                         level: node.level, era: node.era, province_uid: node.province_uid,
                         score: score} } AS items
