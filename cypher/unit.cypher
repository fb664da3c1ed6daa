// One administrative unit: its parent, its parts, its bodies and the reductions
// it reported ("giảm 13 đơn vị đầu mối").
// :param {uid: 'legacy:440'}
MATCH (u:AdminUnit {uid: $uid})
OPTIONAL MATCH (u)-[:PART_OF]->(parent:AdminUnit)
RETURN u {.*} AS unit, parent {.uid, .code, .name, .level, .era} AS parent,
       COLLECT { MATCH (part:AdminUnit)-[:PART_OF]->(u)
                 RETURN part {.uid, .code, .name, .level, .era} ORDER BY part.code } AS parts,
       COLLECT { MATCH (b:Body)-[:IN_UNIT]->(u)
                 RETURN b {.id, .name, .body_type, .branch} ORDER BY b.name, b.id } AS bodies,
       COLLECT { MATCH (u)-[r:REDUCED]->(k:ReductionKind)
                 RETURN {kind: k {.id, .what, .name, .level}, unit: u {.uid, .name, .level},
                         level: r.level, count: r.count, percent: r.percent, approx: r.approx,
                         status: r.status, date: r.date, fact_id: r.fact_id,
                         evidence_count: r.evidence_count}
                 ORDER BY k.id, coalesce(r.date, ''), r.fact_id } AS reductions
