"""The graph for spreadsheets (CSV), scripts (JSONL) and Gephi (GraphML), streamed.

What is exported is the graph of facts: bodies, positions, people, patterns and
the units they belong to, the fact relationships with their status, dates and
sources, and the structural links (IN_UNIT, IN_BODY). Evidence quotes are in
the CSV (one row per fact), the JSONL relationships and the GraphML edges (quote,
sources, url); a GraphML node's `label` is its name (what Gephi captions), its `type`
the node label.
"""

from __future__ import annotations

import csv
import io
import json
from typing import AsyncIterator
from xml.sax.saxutils import escape, quoteattr

import neo4j

from mergegraph.graph.model import FACT_RELATIONSHIPS
from mergegraph.graph.queries import jsonable

FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
           "graphml": "application/graphml+xml"}

# What is exported, from the model: the nodes facts connect (units only where a
# fact or a body names them), the fact relationships and the structural links
# between those nodes.
_FACT_NODES = sorted({label for start, end, _ in FACT_RELATIONSHIPS.values()
                      for label in (start, end)} - {"AdminUnit"})
_UNIT_FACTS = sorted(t for t, (start, _, _) in FACT_RELATIONSHIPS.items() if start == "AdminUnit")
_LINKS = [*FACT_RELATIONSHIPS, "IN_UNIT", "IN_BODY"]

NODES = f"""
MATCH (n) WHERE {" OR ".join(f"n:{label}" for label in _FACT_NODES)}
   OR (n:AdminUnit AND (EXISTS {{ (n)-[:{"|".join(_UNIT_FACTS)}]->() }} OR EXISTS {{ (:Body)-[:IN_UNIT]->(n) }}))
RETURN labels(n)[0] AS label, coalesce(n.uid, n.id) AS id, properties(n) AS props
ORDER BY label, id
"""
RELATIONSHIPS = f"""
MATCH (a)-[r:{"|".join(_LINKS)}]->(b)
WHERE NOT a:AdminUnit OR type(r) IN {_UNIT_FACTS!r}
RETURN type(r) AS type, coalesce(a.uid, a.id) AS source, a.name AS source_name,
       coalesce(b.uid, b.id) AS target, b.name AS target_name, properties(r) AS props,
       CASE WHEN r.fact_id IS NULL THEN [] ELSE
         COLLECT {{ MATCH (e:Evidence {{fact_id: r.fact_id}})-[:CITES]->(s:Source)
                   RETURN {{quote: e.quote, source_id: s.id, url: s.url, date: e.date}}
                   ORDER BY e.date, s.id }} END AS evidence
ORDER BY type, source, target
"""
CSV_COLUMNS = ["type", "source", "source_name", "target", "target_name", "kind", "status",
               "date", "valid_from", "valid_to", "count", "of", "function", "what", "level",
               "percent", "approx", "sources",
               "fact_id", "quote", "url"]


EXPORT_TIMEOUT_S = 300.0  # Neo4j ends an export query that runs longer


async def _records(driver: neo4j.AsyncDriver, database: str, cypher: str):
    async with driver.session(database=database,
                              default_access_mode=neo4j.READ_ACCESS) as session:
        result = await session.run(neo4j.Query(cypher, timeout=EXPORT_TIMEOUT_S))
        async for record in result:
            yield jsonable(record.data())


async def export(driver: neo4j.AsyncDriver, database: str, fmt: str) -> AsyncIterator[str]:
    if fmt == "csv":
        async for chunk in _csv(driver, database):
            yield chunk
    elif fmt == "jsonl":
        async for row in _records(driver, database, NODES):
            yield json.dumps({"kind": "node", **row}, ensure_ascii=False) + "\n"
        async for row in _records(driver, database, RELATIONSHIPS):
            yield json.dumps({"kind": "relationship", **row}, ensure_ascii=False) + "\n"
    elif fmt == "graphml":
        async for chunk in _graphml(driver, database):
            yield chunk
    else:  # the API validates the format first
        raise ValueError(fmt)


async def _csv(driver, database):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    yield "\ufeff" + buffer.getvalue()  # BOM: spreadsheets then read UTF-8
    async for row in _records(driver, database, RELATIONSHIPS):
        if not row["props"].get("fact_id"):
            continue
        props = row["props"]
        first = row["evidence"][0] if row["evidence"] else {}
        buffer.seek(0)
        buffer.truncate()
        writer.writerow({
            "type": row["type"], "source": row["source"], "source_name": row["source_name"],
            "target": row["target"], "target_name": row["target_name"],
            **{k: props.get(k) for k in ("kind", "status", "date", "valid_from", "valid_to",
                                         "count", "of", "function", "what", "level", "percent",
                                         "approx", "fact_id")},
            "sources": ";".join(props.get("sources") or []),
            "quote": first.get("quote"), "url": first.get("url"),
        })
        yield buffer.getvalue()


# (key id, domain, attribute name). Gephi captions a node with its `label`: the name, not
# the node type (which has its own attribute, `type`); edges carry their evidence.
_GRAPHML_KEYS = [("n_label", "node", "label"), ("n_type", "node", "type"),
                 ("n_name", "node", "name"), ("n_kind_of", "node", "kind_of"),
                 ("n_branch", "node", "branch"), ("n_level", "node", "level"),
                 ("e_label", "edge", "label"), ("e_type", "edge", "type"),
                 ("e_kind", "edge", "kind"), ("e_status", "edge", "status"),
                 ("e_date", "edge", "date"), ("e_count", "edge", "count"), ("e_of", "edge", "of"),
                 ("e_fact_id", "edge", "fact_id"), ("e_quote", "edge", "quote"),
                 ("e_sources", "edge", "sources"), ("e_url", "edge", "url"),
                 ("e_evidence_count", "edge", "evidence_count")]


def _graphml_edge_label(row: dict) -> str:
    props = row["props"]
    detail = props.get("kind") or props.get("function") or (
        f"{props['count']}/{props['of']}" if props.get("count") is not None and props.get("of")
        else props.get("count"))
    return f"{row['type']} {detail}" if detail is not None else row["type"]


async def _graphml(driver, database):
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for key, domain, name in _GRAPHML_KEYS:
        yield f'  <key id="{key}" for="{domain}" attr.name="{name}" attr.type="string"/>\n'
    yield '  <graph edgedefault="directed">\n'

    def data(key: str, value) -> str:
        return "" if value is None or value == "" else f'<data key="{key}">{escape(str(value))}</data>'

    async for row in _records(driver, database, NODES):
        props = row["props"]
        kind_of = (props.get("body_type") or props.get("position_type") or props.get("unit_type")
                   or props.get("what"))
        name = props.get("name") or props.get("label") or props.get("title") or row["id"]
        yield (f"    <node id={quoteattr(row['id'])}>{data('n_label', name)}"
               f"{data('n_type', row['label'])}{data('n_name', props.get('name'))}"
               f"{data('n_kind_of', kind_of)}{data('n_branch', props.get('branch'))}"
               f"{data('n_level', props.get('level'))}</node>\n")
    async for row in _records(driver, database, RELATIONSHIPS):
        props, evidence = row["props"], row["evidence"]
        quotes = " | ".join(dict.fromkeys(e["quote"] for e in evidence if e.get("quote")))
        urls = " ".join(dict.fromkeys(e["url"] for e in evidence if e.get("url")))
        yield (f"    <edge source={quoteattr(row['source'])} target={quoteattr(row['target'])}>"
               f"{data('e_label', _graphml_edge_label(row))}{data('e_type', row['type'])}"
               f"{data('e_kind', props.get('kind'))}{data('e_status', props.get('status'))}"
               f"{data('e_date', props.get('date'))}{data('e_count', props.get('count'))}"
               f"{data('e_of', props.get('of'))}{data('e_fact_id', props.get('fact_id'))}"
               f"{data('e_quote', quotes)}"
               f"{data('e_sources', ';'.join(props.get('sources') or []))}"
               f"{data('e_url', urls)}{data('e_evidence_count', props.get('evidence_count'))}"
               "</edge>\n")
    yield "  </graph>\n</graphml>\n"
