"""A fingerprint of the whole graph: counts and a checksum of every property.

Two graphs with the same fingerprint hold the same nodes (by label and key),
the same relationships (by type and endpoint keys) and the same properties.
Internal element ids are left out, so a graph rebuilt from scratch compares
equal to one that was loaded twice. Properties that record *when* something
was written (`recorded_at`) are left out for the same reason, and so is the
graph's version node (graph/version.py), which counts writes. Used by the
idempotency and fault tests.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass

import neo4j

VOLATILE = frozenset({"recorded_at"})

_NODES = """
MATCH (n) WHERE NOT n:GraphVersion
RETURN labels(n) AS labels, coalesce(n.uid, n.id) AS key, properties(n) AS props
"""
_RELS = """
MATCH (a)-[r]->(b)
RETURN type(r) AS type, coalesce(a.uid, a.id) AS a, coalesce(b.uid, b.id) AS b,
       properties(r) AS props
"""


@dataclass(frozen=True)
class Fingerprint:
    nodes: dict[str, int]
    relationships: dict[str, int]
    checksum: str


def _canonical(props: dict) -> str:
    return json.dumps({k: str(v) for k, v in props.items() if k not in VOLATILE},
                      sort_keys=True, ensure_ascii=False)


def fingerprint(driver: neo4j.Driver, database: str) -> Fingerprint:
    node_counts: Counter[str] = Counter()
    rel_counts: Counter[str] = Counter()
    lines: list[str] = []
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        for rec in session.run(_NODES):
            label = ":".join(sorted(rec["labels"]))
            node_counts[label] += 1
            lines.append(f"N|{label}|{rec['key']}|{_canonical(rec['props'])}")
        for rec in session.run(_RELS):
            rel_counts[rec["type"]] += 1
            lines.append(f"R|{rec['type']}|{rec['a']}|{rec['b']}|{_canonical(rec['props'])}")
    lines.sort()
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    return Fingerprint(dict(node_counts), dict(rel_counts), digest)
