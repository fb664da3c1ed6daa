"""The graph for spreadsheets (CSV), scripts (JSONL) and Gephi (GraphML), streamed.

What is exported is the graph of facts: bodies, positions, people, patterns and
the units they belong to, the fact relationships with their status, dates and
sources, and the structural links (IN_UNIT, IN_BODY). Evidence quotes are in
the CSV (one row per fact) and in the JSONL relationships.
"""

from __future__ import annotations

import csv
import io
import json
from typing import AsyncIterator
from xml.sax.saxutils import escape, quoteattr

import neo4j

from mergegraph.graph.queries import jsonable

FORMATS = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
           "graphml": "application/graphml+xml"}

NODES = """
MATCH (n) WHERE n:Body OR n:Position OR n:Person OR n:ConcurrencyPattern OR n:ReductionKind
   OR (n:AdminUnit AND (EXISTS { (n)-[:APPLIES|REDUCED]->() } OR EXISTS { (:Body)-[:IN_UNIT]->(n) }))
RETURN labels(n)[0] AS label, coalesce(n.uid, n.id) AS id, properties(n) AS props
ORDER BY label, id
"""
RELATIONSHIPS = """
MATCH (a)-[r:MERGED_INTO|TRANSFERRED_FUNCTION_TO|HELD_CONCURRENTLY_WITH|HOLDS|APPLIES|REDUCED|IN_UNIT|IN_BODY]->(b)
WHERE NOT a:AdminUnit OR type(r) IN ['APPLIES', 'REDUCED']
RETURN type(r) AS type, coalesce(a.uid, a.id) AS source, a.name AS source_name,
       coalesce(b.uid, b.id) AS target, b.name AS target_name, properties(r) AS props,
       CASE WHEN r.fact_id IS NULL THEN [] ELSE
         COLLECT { MATCH (e:Evidence {fact_id: r.fact_id})-[:CITES]->(s:Source)
                   RETURN {quote: e.quote, source_id: s.id, url: s.url, date: e.date}
                   ORDER BY e.date, s.id } END AS evidence
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


_GRAPHML_KEYS = [("label", "node"), ("name", "node"), ("kind_of", "node"), ("branch", "node"),
                 ("level", "node"), ("type", "edge"), ("kind", "edge"), ("status", "edge"),
                 ("date", "edge"), ("fact_id", "edge")]


async def _graphml(driver, database):
    yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for name, domain in _GRAPHML_KEYS:
        yield f'  <key id="{name}" for="{domain}" attr.name="{name}" attr.type="string"/>\n'
    yield '  <graph edgedefault="directed">\n'

    def data(key: str, value) -> str:
        return "" if value is None else f'<data key="{key}">{escape(str(value))}</data>'

    async for row in _records(driver, database, NODES):
        props = row["props"]
        kind_of = (props.get("body_type") or props.get("position_type") or props.get("unit_type")
                   or props.get("what"))
        yield (f"    <node id={quoteattr(row['id'])}>{data('label', row['label'])}"
               f"{data('name', props.get('name'))}{data('kind_of', kind_of)}"
               f"{data('branch', props.get('branch'))}{data('level', props.get('level'))}"
               "</node>\n")
    async for row in _records(driver, database, RELATIONSHIPS):
        props = row["props"]
        yield (f"    <edge source={quoteattr(row['source'])} target={quoteattr(row['target'])}>"
               f"{data('type', row['type'])}{data('kind', props.get('kind'))}"
               f"{data('status', props.get('status'))}{data('date', props.get('date'))}"
               f"{data('fact_id', props.get('fact_id'))}</edge>\n")
    yield "  </graph>\n</graphml>\n"
