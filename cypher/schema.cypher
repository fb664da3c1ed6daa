// mergegraph schema: every constraint and index, each IF NOT EXISTS.
// Applied by `mergegraph init-schema` (idempotent); the model is in graph/MODEL.md.
// Runs in Neo4j Browser as it is (enable multi-statement query editor).

// --- identity: one node per key -------------------------------------------
CREATE CONSTRAINT admin_unit_uid IF NOT EXISTS FOR (u:AdminUnit) REQUIRE u.uid IS UNIQUE;
CREATE CONSTRAINT body_id IF NOT EXISTS FOR (b:Body) REQUIRE b.id IS UNIQUE;
CREATE CONSTRAINT position_id IF NOT EXISTS FOR (p:Position) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT pattern_id IF NOT EXISTS FOR (p:ConcurrencyPattern) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT reduction_kind_id IF NOT EXISTS FOR (k:ReductionKind) REQUIRE k.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (e:Evidence) REQUIRE e.id IS UNIQUE;
// the graph's version, bumped by every write (graph/version.py; not a fact)
CREATE CONSTRAINT graph_version_id IF NOT EXISTS FOR (v:GraphVersion) REQUIRE v.id IS UNIQUE;

// --- lookups ------------------------------------------------------------------
CREATE INDEX admin_unit_code IF NOT EXISTS FOR (u:AdminUnit) ON (u.code);
CREATE INDEX admin_unit_level IF NOT EXISTS FOR (u:AdminUnit) ON (u.level, u.era);
CREATE INDEX body_type IF NOT EXISTS FOR (b:Body) ON (b.body_type);
CREATE INDEX admin_unit_province IF NOT EXISTS FOR (u:AdminUnit) ON (u.province_uid);
CREATE INDEX body_province IF NOT EXISTS FOR (b:Body) ON (b.province_uid);
CREATE INDEX body_unit IF NOT EXISTS FOR (b:Body) ON (b.unit_uid);
// a unit's or a province's bodies in a stable order, read a page at a time (/compare)
CREATE INDEX body_unit_id IF NOT EXISTS FOR (b:Body) ON (b.unit_uid, b.id);
CREATE INDEX body_province_unit_id IF NOT EXISTS FOR (b:Body) ON (b.province_uid, b.unit_uid, b.id);
CREATE INDEX pattern_level IF NOT EXISTS FOR (p:ConcurrencyPattern) ON (p.level);
CREATE INDEX source_url IF NOT EXISTS FOR (s:Source) ON (s.url);
CREATE INDEX evidence_fact IF NOT EXISTS FOR (e:Evidence) ON (e.fact_id);
CREATE INDEX evidence_source IF NOT EXISTS FOR (e:Evidence) ON (e.source_id);
CREATE INDEX merged_into_fact IF NOT EXISTS FOR ()-[r:MERGED_INTO]-() ON (r.fact_id);
CREATE INDEX transferred_fact IF NOT EXISTS FOR ()-[r:TRANSFERRED_FUNCTION_TO]-() ON (r.fact_id);
CREATE INDEX concurrent_fact IF NOT EXISTS FOR ()-[r:HELD_CONCURRENTLY_WITH]-() ON (r.fact_id);
CREATE INDEX holds_fact IF NOT EXISTS FOR ()-[r:HOLDS]-() ON (r.fact_id);
CREATE INDEX applies_fact IF NOT EXISTS FOR ()-[r:APPLIES]-() ON (r.fact_id);
CREATE INDEX reduced_fact IF NOT EXISTS FOR ()-[r:REDUCED]-() ON (r.fact_id);

// --- search -------------------------------------------------------------------
// Names are folded in Python (lower case, no diacritics, đ -> d: see
// mergegraph/text.py) into name_folded. The analyzer must keep every token:
// 'standard-folding' would drop English stop words such as "an", "to", "the",
// which are Vietnamese syllables once folded ("Long An").
CREATE FULLTEXT INDEX name_search IF NOT EXISTS
FOR (n:AdminUnit|Body|Position|Person) ON EACH [n.name_folded, n.aliases_folded]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words', `fulltext.eventually_consistent`: false}};

// --- derived ------------------------------------------------------------------
// Merger tallies per unit and per province (graph/facts.py keeps them with the
// facts): what /compare's summaries read.
CREATE INDEX merger_tally_unit IF NOT EXISTS FOR (t:MergerTally) ON (t.unit_uid);
CREATE INDEX province_merger_tally IF NOT EXISTS FOR (t:ProvinceMergerTally) ON (t.province_uid, t.key);
CREATE INDEX province_merger_tally_count IF NOT EXISTS FOR (t:ProvinceMergerTally) ON (t.count);
