// Every province of an era ('legacy': the 63 before the 2025 reform, '2025':
// the 34 after) with what the graph records in it: bodies, body mergers,
// concurrency patterns applied (APPLIES relationships of its units) and
// reductions reported, and what it became or was formed from in 2025.
// These are counts of recorded facts, not figures of any source.
// :param {era: 'legacy'}
MATCH (p:AdminUnit {level: 'province', era: $era})
RETURN p.uid AS uid, p.code AS code, p.name AS name, p.era AS era,
       COUNT { MATCH (b:Body {province_uid: p.uid}) RETURN b } AS bodies,
       COUNT { MATCH (:Body {province_uid: p.uid})-[m:MERGED_INTO]->(:Body) RETURN m } AS mergers,
       COUNT { MATCH (:AdminUnit {province_uid: p.uid})-[r:APPLIES]->(:ConcurrencyPattern) RETURN r } AS patterns,
       COUNT { MATCH (:AdminUnit {province_uid: p.uid})-[r:REDUCED]->(:ReductionKind) RETURN r } AS reductions,
       COLLECT { MATCH (p)-[:MERGED_INTO]->(n:AdminUnit {level: 'province'})
                 RETURN n {.uid, .code, .name} ORDER BY n.code } AS became,
       COLLECT { MATCH (p)<-[:MERGED_INTO]-(o:AdminUnit {level: 'province'})
                 RETURN o {.uid, .code, .name} ORDER BY o.code } AS formed_from
ORDER BY code
