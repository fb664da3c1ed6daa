"""The graph model, written once: node labels and their keys, each fact type's
relationships and endpoints, the values of status, level and kind, and the
identity rules (how a unit, body, post, person, pattern or fact gets its key).

graph/MODEL.md explains the model; this module is what the code uses. The
planner (ingest.plan), the writes (graph.facts), the reads (graph.queries), the
export and the API take labels, types and keys from here, and the UI's build
reads `python -m mergegraph.graph.model` (tests/test_model.py keeps
ui/src/model.json equal to it). Pure: no database, no I/O.

Adding a fact type: an entry in FACT_RELATIONSHIPS (and its end node in NODE_KEYS
when it is new), an extractor in ingest/extract/, a planner in ingest/plan.py
(the import fails without one), a query file in cypher/, and their tests.
"""

from __future__ import annotations

import json
import sys

from mergegraph.text import fold

# --- nodes --------------------------------------------------------------------------

# label -> the property that identifies a node (a uniqueness constraint in cypher/schema.cypher)
NODE_KEYS: dict[str, str] = {
    "AdminUnit": "uid",
    "Body": "id",
    "Position": "id",
    "Person": "id",
    "ConcurrencyPattern": "id",
    "ReductionKind": "id",
    "Source": "id",
    "Evidence": "id",
}
# What /search looks in: kind in the API -> label
SEARCH_KINDS: dict[str, str] = {"unit": "AdminUnit", "body": "Body", "position": "Position",
                                "person": "Person"}
# A second label on a body, by branch, for Neo4j Browser's colours
BRANCH_LABELS: dict[str, str] = {"party": "Party", "state": "State", "front": "Front",
                                 "service": "Service", "village": "Village", "mixed": "Mixed"}

# --- relationships ------------------------------------------------------------------

# Fact relationships: type -> (start label, end label, the fact type that states it).
# Every one carries a `fact_id` and is summarised from its Evidence nodes.
FACT_RELATIONSHIPS: dict[str, tuple[str, str, str]] = {
    "MERGED_INTO": ("Body", "Body", "merger"),
    "TRANSFERRED_FUNCTION_TO": ("Body", "Body", "transfer"),
    "HELD_CONCURRENTLY_WITH": ("Position", "Position", "concurrency"),
    "APPLIES": ("AdminUnit", "ConcurrencyPattern", "concurrency"),
    "HOLDS": ("Person", "Position", "holding"),
    "REDUCED": ("AdminUnit", "ReductionKind", "reduction"),
}
FACT_TYPES: tuple[str, ...] = tuple(dict.fromkeys(f for _, _, f in FACT_RELATIONSHIPS.values()))
# Structure, not facts: which unit a body belongs to, which body a post, unit nesting
STRUCTURAL_RELATIONSHIPS: dict[str, tuple[str, str]] = {
    "IN_UNIT": ("Body", "AdminUnit"),
    "IN_BODY": ("Position", "Body"),
    "PART_OF": ("AdminUnit", "AdminUnit"),
    "CITES": ("Evidence", "Source"),
}

# --- values -------------------------------------------------------------------------

ERA_LEGACY, ERA_2025 = "legacy", "2025"
ERAS = (ERA_LEGACY, ERA_2025)
LEVELS = ("province", "district", "commune", "village")
# in the order an arrangement goes through them
STATUSES = ("planned", "pilot", "implemented", "ended")
STATUS_RANK = {status: rank for rank, status in enumerate(STATUSES)}
DEFAULT_STATUS = "implemented"
MERGER_KINDS = ("merge", "absorb")
ROLES = ("head", "deputy", "standing-deputy", "member")
ROLE_TITLES = {"head": "Người đứng đầu", "deputy": "Cấp phó",
               "standing-deputy": "Cấp phó thường trực", "member": "Ủy viên"}
BRANCHES = tuple(BRANCH_LABELS)

# --- identity -----------------------------------------------------------------------

# Body types of which one unit can have several: their identity adds the name.
MULTI_INSTANCE_TYPES = frozenset({
    "thon-to-dan-pho", "truong-hoc", "benh-vien", "bao", "ban-quan-ly-du-an",
    "ban-quan-ly-di-tich", "tram-y-te", "thu-vien", "bao-tang", "ban-quan-ly-ben",
    "ban-quan-ly-cua-khau", "dang-uy-khoi",
})


def unit_uid(era: str, code: str) -> str:
    """'legacy:200', '2025:22': a GSO code alone is ambiguous across the 2025 reform."""
    return f"{era}:{code}"


def legacy_uid(code: str) -> str:
    return unit_uid(ERA_LEGACY, code)


def body_id(unit: str, body_type: str, surface: str | None = None) -> str:
    """A body is its unit and its type, plus its name for types a unit has several of."""
    key = f"body:{unit}:{body_type}"
    if body_type in MULTI_INSTANCE_TYPES and surface:
        key += f":{fold(surface)}"
    return key


def position_id(body: str, role: str) -> str:
    return f"position:{body}:{role}"


def person_id(scope: str, name: str) -> str:
    """A person is a folded name within a legacy province (or one document when the
    province is unknown): namesakes in two provinces are two people."""
    return f"person:{scope}:{fold(name)}"


def pattern_id(level: str, position_types: list[str]) -> str:
    return f"pattern:{level}:{'+'.join(sorted(set(position_types)))}"


def reduction_kind_id(what: str) -> str:
    return f"reduction-kind:{what}"


def evidence_id(source_id: str, fact_id: str, start: int) -> str:
    return f"ev:{source_id}:{fact_id}:{start}"


def fact_id(rel_type: str, start: str, end: str, detail: str | None = None) -> str:
    """The key of a fact relationship: what it says, between which nodes."""
    if rel_type == "MERGED_INTO":
        return f"merger:{start}->{end}"
    if rel_type == "TRANSFERRED_FUNCTION_TO":
        return f"transfer:{start}->{end}:{fold(detail or '')}"
    if rel_type == "HELD_CONCURRENTLY_WITH":
        return f"concurrency:{start}~{end}"
    if rel_type == "APPLIES":
        return f"applies:{start}->{end}"
    if rel_type == "HOLDS":
        return f"holding:{start}->{end}"
    if rel_type == "REDUCED":
        # the figure is part of the fact: "giảm 9 biên chế" in 2017 and "giảm 15" in
        # 2019 are two statements of the record, both true, each with its date
        return f"reduction:{start}:{detail}"
    raise KeyError(f"not a fact relationship: {rel_type!r}")


def as_dict() -> dict:
    """The model as JSON-ready data (for the UI's build and for tools)."""
    return {
        "node_keys": NODE_KEYS, "search_kinds": SEARCH_KINDS, "branch_labels": BRANCH_LABELS,
        "fact_relationships": {t: {"start": s, "end": e, "fact": f}
                               for t, (s, e, f) in FACT_RELATIONSHIPS.items()},
        "fact_types": list(FACT_TYPES), "structural_relationships": {
            t: {"start": s, "end": e} for t, (s, e) in STRUCTURAL_RELATIONSHIPS.items()},
        "eras": list(ERAS), "levels": list(LEVELS), "statuses": list(STATUSES),
        "merger_kinds": list(MERGER_KINDS), "roles": list(ROLES), "branches": list(BRANCHES),
    }


if __name__ == "__main__":  # python -m mergegraph.graph.model > ui/src/model.json
    json.dump(as_dict(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
