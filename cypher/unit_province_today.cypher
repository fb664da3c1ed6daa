// The province a unit's territory belongs to as of a date: for a 2019 district
// of Đắk Nông, Lâm Đồng after 2025-07-01 and Đắk Nông before.
// :param {uid: 'legacy:660', as_of: '2026-01-01'}
MATCH (u:AdminUnit {uid: $uid})-[:PART_OF*0..2]->(p:AdminUnit {level: 'province'})
OPTIONAL MATCH (p)-[m:MERGED_INTO]->(successor:AdminUnit)
  WHERE date($as_of) >= m.effective
WITH coalesce(successor, p) AS province, m
RETURN province.uid AS uid, province.code AS code, province.era AS era,
       province.name AS name, m.kind AS kind, m.effective AS effective
