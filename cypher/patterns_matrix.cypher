// Provinces x concurrency patterns, nationwide: how many units of each
// province apply each pattern, the province-wide coverage where reported,
// statuses and the latest date.
// :param {level: null}
MATCH (u:AdminUnit)-[r:APPLIES]->(p:ConcurrencyPattern)
WHERE $level IS NULL OR p.level = $level
MATCH (province:AdminUnit {uid: u.province_uid})
WITH province, p, count(DISTINCT u) AS units, collect(DISTINCT r.status) AS statuses,
     max(r.date) AS latest,
     max(CASE WHEN u = province THEN r.count END) AS count,
     max(CASE WHEN u = province THEN r.of END) AS of
RETURN province.uid AS province_uid, province.name AS province_name,
       p.id AS pattern_id, p.label AS pattern_label, p.level AS level,
       units, statuses, latest, count, of
ORDER BY province_name, pattern_id
