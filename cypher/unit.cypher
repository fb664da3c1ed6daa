// One administrative unit: its parent, its parts and how many bodies it has.
// :param {uid: 'legacy:200'}
MATCH (u:AdminUnit {uid: $uid})
OPTIONAL MATCH (u)-[:PART_OF]->(parent:AdminUnit)
RETURN u {.*} AS unit, parent {.uid, .code, .name, .level, .era} AS parent,
       COLLECT { MATCH (part:AdminUnit)-[:PART_OF]->(u)
                 RETURN part {.uid, .code, .name, .level, .era} ORDER BY part.code } AS parts,
       COUNT { (:Body)-[:IN_UNIT]->(u) } AS bodies
