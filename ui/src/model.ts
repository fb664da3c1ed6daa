// Generated from graph/model.py by `python -m mergegraph.graph.model --ts`:
// do not edit (tests/test_model.py checks it is current).
export const STATUSES = ["planned", "pilot", "implemented", "ended"] as const;
export type Status = (typeof STATUSES)[number];
export const LEVELS = ["province", "district", "commune", "village"] as const;
export type Level = (typeof LEVELS)[number];
export const BRANCHES = ["party", "state", "front", "service", "village", "mixed"] as const;
export type Branch = (typeof BRANCHES)[number];
export const ROLES = ["head", "deputy", "standing-deputy", "member"] as const;
export type Role = (typeof ROLES)[number];
export const MERGER_KINDS = ["merge", "absorb"] as const;
export type MergerKind = (typeof MERGER_KINDS)[number];
export const ERAS = ["legacy", "2025"] as const;
export type Era = (typeof ERAS)[number];
export const FACT_TYPES = ["merger", "transfer", "concurrency", "holding", "reduction"] as const;
export type FactType = (typeof FACT_TYPES)[number];
export const FACT_RELATIONSHIPS = ["MERGED_INTO", "TRANSFERRED_FUNCTION_TO", "HELD_CONCURRENTLY_WITH", "APPLIES", "HOLDS", "REDUCED"] as const;
export type FactRelationship = (typeof FACT_RELATIONSHIPS)[number];
export const SEARCH_KINDS = ["unit", "body", "position", "person"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];
