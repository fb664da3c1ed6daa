"""Reads for citing: a source's metadata and text, and timelines of dated statements.

Over cypher/source.cypher, source_text.cypher, body_timeline.cypher,
unit_timeline.cypher and unit_reform.cypher, in READ transactions (the helpers
of graph.queries). No answer holds a file path: a Source stores the document's
metadata and its NFC text, never where it was read from.
"""

from __future__ import annotations

import asyncio

from mergegraph.errors import BadInput, NotFound
from mergegraph.graph import queries
from mergegraph.graph.queries import read_named


async def source(driver, database, source_id: str, with_text: bool = False) -> dict:
    rows = await read_named(driver, database, "source", id=source_id)
    if not rows:
        raise NotFound(f"no source with id {source_id!r}")
    row = rows[0]
    if with_text:
        row["text"] = (await read_named(driver, database, "source_text", id=source_id))[0]["text"]
    return row


def parse_highlight(value: str | None) -> tuple[int, int] | None:
    """"START-END" (character offsets, END exclusive) -> (start, end)."""
    if value is None:
        return None
    start, sep, end = value.partition("-")
    if not (sep and start.isdigit() and end.isdigit()) or int(start) >= int(end):
        raise BadInput(f"highlight must be START-END with START < END, not {value!r}")
    return int(start), int(end)


async def source_text(driver, database, source_id: str, highlight: str | None) -> dict:
    span = parse_highlight(highlight)
    rows = await read_named(driver, database, "source_text", id=source_id)
    if not rows:
        raise NotFound(f"no source with id {source_id!r}")
    text = rows[0]["text"]
    if text is None:
        raise NotFound(f"the text of source {source_id!r} is not stored "
                       "(a dataset, or a document loaded before texts were kept: ingest it again)")
    out = {"id": source_id, "content_hash": rows[0]["content_hash"], "length": len(text),
           "text": text, "highlight": None}
    if span:
        start, end = span
        if end > len(text):
            raise BadInput(f"highlight {start}-{end} is outside the text (length {len(text)})")
        out["highlight"] = {"start": start, "end": end, "text": text[start:end]}
    return out


def _reform_item(reform: dict, fate: dict, body: dict | None) -> dict:
    """The 2025 reform as a timeline statement, the dataset its evidence."""
    unit = reform["unit"]
    abolished = not reform["has_successor"]
    if body is not None:
        kind = "BODY_ENDED" if abolished else "UNIT_REFORMED"
    else:
        kind = "UNIT_ABOLISHED" if abolished else "UNIT_REFORMED"
    status = "ended" if abolished else "implemented"
    return {"date": reform["effective"], "date_basis": "stated", "valid_from": None,
            "valid_to": reform["effective"] if status == "ended" else None,
            "reported_by": (reform["source"] or {}).get("date"), "status": status, "type": kind,
            "fact_id": None,
            "from": {"id": body["id"], "name": body["name"], "label": "Body"} if body
            else {"id": unit["uid"], "name": unit["name"], "label": "AdminUnit"},
            "to": {"id": fate["province"]["uid"], "name": fate["province"]["name"],
                   "label": "AdminUnit"} if fate.get("province") else None,
            "unit": unit, "successors": fate.get("units") or [],
            "evidence": {"id": None, "quote": None, "start": None, "end": None,
                         "sentence": None, "sentence_start": None,
                         "source": reform["source"]}}


async def _reform(driver, database, uid: str, body: dict | None) -> list[dict]:
    rows, fate = await asyncio.gather(read_named(driver, database, "unit_reform", uid=uid),
                                      queries.unit_fate(driver, database, uid))
    return [_reform_item(rows[0], fate, body)] if rows else []


async def body_timeline(driver, database, body_id: str) -> dict:
    row = await queries.body(driver, database, body_id)  # 404 first
    body, unit = row["body"], row["unit"]
    items = [row["item"] for row in
             await read_named(driver, database, "body_timeline", id=body_id)]
    items += await _reform(driver, database, unit["uid"], body)
    return {"subject": {"kind": "body", "id": body_id, "name": body["name"], "unit": unit},
            "items": items}


async def unit_timeline(driver, database, uid: str) -> dict:
    unit = (await queries.unit(driver, database, uid))["unit"]  # 404 first
    items = [row["item"] for row in
             await read_named(driver, database, "unit_timeline", uid=uid)]
    items += await _reform(driver, database, uid, None)
    return {"subject": {"kind": "unit", "id": uid, "name": unit.get("name"), "unit": {
        k: unit.get(k) for k in ("uid", "code", "name", "level", "era")}}, "items": items}
