"""Every read the API makes, in READ transactions, over the files of cypher/.

Functions return plain dicts and lists with JSON-ready values (Neo4j dates as
ISO strings); an id that names nothing raises `NotFound`. No query is built
from user text: parameters only, and labels from allow-lists.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Any

import neo4j
import neo4j.graph
import neo4j.time

from mergegraph.errors import BadInput, NotFound
from mergegraph.graph.catalog import query
from mergegraph.graph.model import ERAS, NODE_KEYS, SEARCH_KINDS, legacy_uid
from mergegraph.graph.search import lucene_query

MODEL_LABELS = tuple(NODE_KEYS)
FAR_FUTURE = "2100-01-01"
MAX_LINEAGE_DEPTH = 20

# One count-store lookup per label (constant time at any size); the labels are
# this module's constants, never user text.
LABEL_COUNTS = "RETURN " + ", ".join(
    f"COUNT {{ MATCH (n:{label}) }} AS {label}" for label in MODEL_LABELS
)


# The driver hands back exactly these types (never subclasses): dispatching on
# type() is 2-3x faster than isinstance chains on a lineage answer of 20 edges.
_TEMPORAL = frozenset({neo4j.time.Date, neo4j.time.DateTime, neo4j.time.Time})
_PLAIN = frozenset({str, int, float, bool, type(None)})


def jsonable(value: Any) -> Any:
    """A record's value with JSON-ready leaves: dates as ISO strings, nodes as their
    properties, a relationship as (start, type, end) and a path as a list, as the
    driver's Record.data() gives them. One walk of the value (Record.data() and a
    second walk were two: 40% of a lineage request's time in the API)."""
    kind = type(value)
    if kind in _PLAIN:
        return value
    if kind is dict:
        return {k: jsonable(v) for k, v in value.items()}
    if kind is list or kind is tuple:
        return [jsonable(v) for v in value]
    if kind in _TEMPORAL:
        return value.iso_format()
    if isinstance(value, neo4j.graph.Node):
        return jsonable(dict(value))
    if isinstance(value, neo4j.graph.Relationship):
        return [jsonable(dict(value.start_node)), type(value).__name__,
                jsonable(dict(value.end_node))]
    if isinstance(value, neo4j.graph.Path):
        out = [jsonable(value.start_node)]
        for rel, node in zip(value.relationships, value.nodes[1:]):
            out += [type(rel).__name__, jsonable(node)]
        return out
    return value


# Neo4j ends an API read that runs longer (the API's request deadline answers the
# client sooner; this frees the server too).
READ_TIMEOUT_S = 5.0


async def read(driver: neo4j.AsyncDriver, database: str, cypher: str, **params) -> list[dict]:
    # No bookmarks from one request to the next (bookmark_manager_=None): one server is
    # consistent without them, and after a restore they name transactions the
    # database never had, which Neo4j waits for (BookmarkTimeout) instead of answering.
    records, _, _ = await driver.execute_query(
        neo4j.Query(cypher, timeout=READ_TIMEOUT_S), params, database_=database,
        routing_=neo4j.RoutingControl.READ, bookmark_manager_=None,
    )
    return [{key: jsonable(value) for key, value in zip(r.keys(), r)} for r in records]


async def read_named(driver, database, name: str, **params) -> list[dict]:
    return await read(driver, database, query(name), **params)


async def _one(driver, database, name: str, what: str, key: str, **params) -> dict:
    rows = await read_named(driver, database, name, **params)
    if not rows:
        raise NotFound(f"no {what} with id {key!r}")
    return rows[0]


def province_uid(code_or_uid: str | None) -> str | None:
    """'22' -> 'legacy:22' (the era the articles speak of); a uid stays as it is."""
    if code_or_uid is None:
        return None
    value = code_or_uid.strip()
    if ":" in value:
        return value
    if not (value.isdigit() and len(value) == 2):
        raise BadInput(f"province must be a 2-digit GSO code or a unit uid, not {value!r}")
    return legacy_uid(value)


def unit_uid(code_or_uid: str) -> str:
    """'200' -> 'legacy:200'; '2025:22' stays."""
    value = code_or_uid.strip()
    if ":" in value:
        era, _, code = value.partition(":")
        if era not in ERAS or not code.isdigit():
            raise BadInput(f"not a unit uid: {value!r} (era 'legacy' or '2025', then a code)")
        return value
    if not value.isdigit() or len(value) not in (2, 3, 5):
        raise BadInput(f"not a GSO unit code: {value!r} (2, 3 or 5 digits)")
    return legacy_uid(value)


# --- meta ----------------------------------------------------------------------------


async def ping(driver, database) -> None:
    """One round trip: raises the driver's error at once when Neo4j is down."""
    await read(driver, database, "RETURN 1 AS ok")


async def health_counts(driver, database) -> tuple[dict, dict[str, int]]:
    info = (await read(driver, database,
                       "CALL dbms.components() YIELD versions, edition "
                       "RETURN versions[0] AS version, edition"))[0]
    counts = (await read(driver, database, LABEL_COUNTS))[0]
    return info, counts


# --- search --------------------------------------------------------------------------


SEARCH_WINDOW = 200  # the index's best hits asked for first; x8 while not enough
SEARCH_MAX_WINDOW = 12_800  # past it, every hit is ranked (search_all.cypher)


async def search(driver, database, q: str, kinds: list[str] | None, province: str | None,
                 offset: int, limit: int) -> list[dict]:
    """One page of hits, best first (score, then province < district < other, then
    name). The index is asked for its best `window` hits; the page is exact when the
    index had no more, or when the window holds offset + limit hits of the kinds
    and province asked for and the page's last score is above the window's lowest
    (a hit outside the window scores at most that). Otherwise, a window 8x larger,
    up to SEARCH_MAX_WINDOW; past it every hit is ranked, streaming (slow for a word
    shared by much of the graph and filtered to few of its hits, bounded in memory)."""
    labels = [SEARCH_KINDS[k] for k in (kinds or SEARCH_KINDS)]
    params = {"query": lucene_query(q), "labels": labels, "province": province_uid(province),
              "offset": offset, "limit": limit}
    window = max(SEARCH_WINDOW, 2 * (offset + limit))
    while window <= max(SEARCH_MAX_WINDOW, 2 * (offset + limit)):
        (row,) = await read_named(driver, database, "search", window=window, **params)
        if row["fetched"] < window or (row["kept"] >= offset + limit
                                       and row["boundary"] > row["lowest"]):
            return row["items"]
        window *= 8
    return await read_named(driver, database, "search_all", **params)


# --- units ---------------------------------------------------------------------------


async def unit(driver, database, uid: str) -> dict:
    return await _one(driver, database, "unit", "administrative unit", uid, uid=uid)


async def unit_fate(driver, database, uid: str, as_of: str = FAR_FUTURE) -> dict:
    """Where a unit's territory is as of a date: current units and province."""
    successors, province = await asyncio.gather(
        read_named(driver, database, "unit_successors", uid=uid, as_of=as_of),
        read_named(driver, database, "unit_province_today", uid=uid, as_of=as_of))
    return {"as_of": as_of, "units": successors, "province": province[0] if province else None}


async def unit_lineage(driver, database, uid: str, direction: str, as_of: str) -> dict:
    await unit(driver, database, uid)  # 404 first
    out: dict[str, Any] = {"uid": uid, "direction": direction, "as_of": as_of}
    if direction in ("successors", "both"):
        out.update(successors=await read_named(driver, database, "unit_successors", uid=uid,
                                               as_of=as_of))
        province = await read_named(driver, database, "unit_province_today", uid=uid,
                                    as_of=as_of)
        out["province"] = province[0] if province else None
    if direction in ("predecessors", "both"):
        out["predecessors"] = await read_named(driver, database, "unit_predecessors", uid=uid,
                                               as_of=as_of)
    return out


# --- bodies, positions, people -------------------------------------------------------


async def body(driver, database, body_id: str) -> dict:
    row = await _one(driver, database, "body", "body", body_id, id=body_id)
    row["fate"], reform = await asyncio.gather(
        unit_fate(driver, database, row["unit"]["uid"]),
        read_named(driver, database, "unit_reform", uid=row["unit"]["uid"]))
    # a body of a district the 2025 reform abolished ended with it (the dataset says so)
    row["ended"] = ({"date": reform[0]["effective"], "reason": "district-abolished",
                     "source": reform[0]["source"]}
                    if reform and not reform[0]["has_successor"] else None)
    return row


async def body_lineage(driver, database, body_id: str, direction: str, as_of: str,
                       max_depth: int) -> dict:
    """The merger tree of a body, its evidence and its unit's fate: one query
    (cypher/body_lineage.cypher); units of the tree other than the body's own
    (a merger across units is rare) get their fate in a second round."""
    rows = await read_named(driver, database, "body_lineage", id=body_id, direction=direction,
                            as_of=as_of, max_depth=max_depth)
    if not rows:
        raise NotFound(f"no body with id {body_id!r}")
    row = rows[0]
    root, edges = row["body"], row["edges"]
    nodes = {root["id"]: {k: root.get(k) for k in
                          ("id", "name", "body_type", "branch", "unit_uid")}}
    for edge in edges:
        nodes.setdefault(edge["from"]["id"], edge["from"])
        nodes.setdefault(edge["to"]["id"], edge["to"])
    fates = {row["unit"]["uid"]: {"as_of": dt.date.today().isoformat(), **row["fate"]}}
    others = sorted({n["unit_uid"] for n in nodes.values() if n.get("unit_uid")} - set(fates))
    fates.update(zip(others, await asyncio.gather(
        *(unit_fate(driver, database, uid) for uid in others))))
    return {"body": root, "unit": row["unit"], "direction": direction, "as_of": as_of,
            "max_depth": max_depth, "nodes": list(nodes.values()), "edges": edges,
            "unit_fates": fates}


async def position(driver, database, position_id: str) -> dict:
    return await _one(driver, database, "position", "position", position_id, id=position_id)


async def person(driver, database, person_id: str) -> dict:
    return await _one(driver, database, "person", "person", person_id, id=person_id)


# --- patterns and comparison -----------------------------------------------------------


async def patterns(driver, database, province: str | None, level: str | None,
                   status: str | None, offset: int, limit: int,
                   as_of: str | None = None, units_limit: int = 100) -> list[dict]:
    return await read_named(driver, database, "patterns", province=province_uid(province),
                            level=level, status=status, as_of=as_of, offset=offset, limit=limit,
                            units_limit=units_limit)


async def pattern_scope(driver, database, province: str | None) -> dict | None:
    """For a 2025 province, what /patterns answers for: the legacy provinces it was
    formed from (the articles predate it). None for any other province."""
    uid = province_uid(province)
    if uid is None or not uid.startswith("2025:"):
        return None
    rows = await read_named(driver, database, "unit", uid=uid)
    if not rows or rows[0]["unit"].get("level") != "province":
        raise NotFound(f"no 2025 province with id {uid!r}")
    before = await read_named(driver, database, "unit_predecessors", uid=uid, as_of=FAR_FUTURE)
    formed_from = [{"uid": r["uid"], "code": r["code"], "name": r["name"]}
                   for r in before if r["level"] == "province"]
    names = ", ".join(r["name"] for r in formed_from)
    return {"province": {"uid": uid, "name": rows[0]["unit"]["name"]}, "formed_from": formed_from,
            "note": (f"{rows[0]['unit']['name']} (from 2025-07-01) answers for the legacy "
                     f"provinces it was formed from: {names}.")}


async def provinces(driver, database, era: str) -> list[dict]:
    return await read_named(driver, database, "provinces", era=era)


async def patterns_matrix(driver, database, level: str | None) -> dict:
    rows = await read_named(driver, database, "patterns_matrix", level=level)
    provinces: dict[str, dict] = {}
    pattern_labels: dict[str, str] = {}
    for row in rows:
        pattern_labels[row["pattern_id"]] = row["pattern_label"]
        cell = {k: row[k] for k in ("units", "statuses", "latest", "count", "of")}
        provinces.setdefault(row["province_uid"], {
            "uid": row["province_uid"], "name": row["province_name"], "patterns": {},
        })["patterns"][row["pattern_id"]] = cell
    return {"level": level,
            "patterns": [{"id": k, "label": v} for k, v in sorted(pattern_labels.items())],
            "provinces": list(provinces.values())}


def _merger_signature(group: dict) -> str:
    return f"{group['from_type']} -> {group['into_type']}"


def _counts(groups: list[dict], key: str) -> dict[str, int]:
    """Counts summed by one field of the groups; a group without it counts as 'unstated'."""
    out: dict[str, int] = {}
    for g in groups:
        value = g[key] if g[key] is not None else "unstated"
        out[value] = out.get(value, 0) + g["count"]
    return dict(sorted(out.items()))


async def compare(driver, database, uids: list[str], as_of: str | None = None,
                  offset: int = 0, limit: int = 50) -> dict:
    """Units side by side. A difference is a pattern, a kind of merger (body
    types) or a kind of reported reduction that one unit has and some other has
    not; reduction figures are listed as reported, never summed (a province's
    figure may already include its districts').

    Each unit's summaries (counts by kind of body, merger kind and status; units
    applying each pattern; reductions by kind) are complete; its lists of
    mergers, pattern adoptions and reductions are one page (`offset`, `limit`)
    in a stable order. `next_offset` is set while any unit's list has more."""
    answers = await asyncio.gather(*(
        read_named(driver, database, "compare_unit", uid=uid, as_of=as_of,
                   offset=offset, limit=limit) for uid in uids))
    records = []
    for uid, rows in zip(uids, answers):
        if not rows:
            raise NotFound(f"no administrative unit with id {uid!r}")
        records.append(rows[0])
    # A pattern whose posts include another's (at the same level) shares it: Đầm Hà's
    # Dân vận + khối MTTQ + Chủ tịch MTTQ has Sơn La's Dân vận + Chủ tịch MTTQ in it.
    every = {g["pattern"]["id"]: g["pattern"] for r in records for g in r["pattern_groups"]}

    def contains(big: dict, small: dict) -> bool:
        return (big["level"] == small["level"] and big["id"] != small["id"]
                and set(small.get("position_types") or []) <= set(big.get("position_types") or []))

    more = False
    for rec in records:
        own = {g["pattern"]["id"] for g in rec["pattern_groups"]}
        rec["contained_patterns"] = {
            q: sorted(p for p in own if contains(every[p], every[q]))
            for q in sorted(every) if q not in own and any(contains(every[p], every[q]) for p in own)}
        kinds: dict[str, dict] = {}
        for g in rec["merger_groups"]:
            entry = kinds.setdefault(_merger_signature(g), {
                "signature": _merger_signature(g), "from_type": g["from_type"],
                "into_type": g["into_type"], "level": g["level"], "count": 0})
            entry["count"] += g["count"]
        rec["merger_kinds"] = list(kinds.values())
        rec["pattern_coverage"] = rec.pop("pattern_groups")
        rec["reduction_kinds"] = rec.pop("reduction_groups")
        summary = rec["summary"] = {
            "mergers": sum(g["count"] for g in rec["merger_groups"]),
            "mergers_by_kind": _counts(rec["merger_groups"], "kind"),
            "mergers_by_status": _counts(rec.pop("merger_groups"), "status"),
            "patterns": len(rec["pattern_coverage"]),
            "pattern_adoptions": sum(g["adoptions"] for g in rec["pattern_coverage"]),
            "units_applying": rec.pop("units_applying"),
            "reductions": sum(g["count"] for g in rec["reduction_kinds"]),
            "reduction_kinds": len(rec["reduction_kinds"])}
        # the three paged lists: mergers, pattern adoptions, reductions
        more = more or offset + limit < max(summary["mergers"], summary["pattern_adoptions"],
                                            summary["reductions"])
    sets = {
        "patterns": [{g["pattern"]["id"] for g in r["pattern_coverage"]}
                     | set(r["contained_patterns"]) for r in records],
        "mergers": [{k["signature"] for k in r["merger_kinds"]} for r in records],
        "reductions": [{g["kind"]["what"] for g in r["reduction_kinds"]} for r in records],
    }
    for i, rec in enumerate(records):
        rec["only_here"] = {
            name: sorted(mine[i] - set().union(*(s for j, s in enumerate(mine) if j != i)))
            for name, mine in sets.items()}
    return {"units": records, "as_of": as_of, "offset": offset, "limit": limit,
            "next_offset": offset + limit if more else None,
            "common": {name: sorted(set.intersection(*mine)) for name, mine in sets.items()}}


# --- evidence ---------------------------------------------------------------------------


async def fact_evidence(driver, database, fact_id: str) -> dict:
    fact = await read_named(driver, database, "fact", fact_id=fact_id)
    if not fact:
        raise NotFound(f"no fact with id {fact_id!r}")
    evidence = await read_named(driver, database, "fact_evidence", fact_id=fact_id)
    return {"fact": fact[0], "evidence": evidence}
