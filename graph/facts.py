"""Writing facts with their evidence, and withdrawing a document's claims.

`write_documents` writes a group of documents in ONE transaction: a document is
never half-written, and a group holds thousands of rows, so the graph grows by
`UNWIND $rows` batches, never one round trip per fact. Inside the transaction
each document is first compared with what is stored: unchanged (same content
hash) -> nothing is written; changed -> its old evidence is withdrawn first;
new -> written; retracted -> left retracted unless the caller unretracts it.
A document never overwrites another's record: an id in the datasets' namespace
(`dataset:`) or a url that another document holds is refused (`Refusal`). Then every touched fact's relationship is summarised from the
evidence that remains (status, dates, sources), relationships left without
evidence are deleted, and so are nodes left without any fact. A relationship
created by the group with a single statement gets that summary in its MERGE
(`summary_of`: its evidence is that statement alone), the others after the
group's evidence is written (`_summarise_query`).

Labels and relationship types in the queries come from the allow-list below,
never from input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable

import neo4j

from mergegraph.graph.model import FACT_RELATIONSHIPS, NODE_KEYS as KEY
from mergegraph.graph.version import bump as bump_version
from mergegraph.graph.version import lock as lock_version


# --- queries ------------------------------------------------------------------------

EXISTING_SOURCES = """
UNWIND $docs AS d
OPTIONAL MATCH (by_id:Source {id: d.id})
OPTIONAL MATCH (by_url:Source {url: d.url}) WHERE d.url IS NOT NULL AND by_url.id <> d.id
WITH d, by_id, by_url ORDER BY by_url.id
RETURN d.id AS doc, by_id.content_hash AS hash, by_id.retracted_at IS NOT NULL AS retracted,
       by_id IS NOT NULL AS known, coalesce(by_id.kind, 'article') AS kind,
       collect(by_url.id) AS same_url
"""

WITHDRAW_EVIDENCE = """
UNWIND $source_ids AS sid
MATCH (e:Evidence {source_id: sid})
WITH e, e.fact_id AS fact_id, e.rel_type AS rel_type
DETACH DELETE e
RETURN DISTINCT fact_id, rel_type
"""

MARK_RETRACTED = """
UNWIND $source_ids AS sid
MATCH (s:Source {id: sid}) WHERE coalesce(s.kind, 'article') = 'article'
SET s.retracted_at = datetime()
"""

WRITE_SOURCES = """
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.url = row.url, s.publisher = row.publisher, s.title = row.title,
    s.title_from = row.title_from, s.date = row.date, s.province_hint = row.province_hint,
    s.content_hash = row.content_hash, s.kind = 'article',
    s.text = row.text, s.length = row.length,
    s.recorded_at = datetime(), s.retracted_at = null
// where the file lay on the machine that ingested it is not the document's: never stored
REMOVE s.path
"""

ENSURE_UNITS = """
UNWIND $rows AS row
MERGE (u:AdminUnit {uid: row.uid})
ON CREATE SET u.code = row.code, u.era = row.era, u.level = row.level, u.name = row.name,
    u.province_uid = row.province_uid
"""

WRITE_BODIES = """
UNWIND $rows AS row
MERGE (b:Body {id: row.id})
ON CREATE SET b.name = row.name, b.name_folded = row.name_folded,
    b.aliases_folded = row.aliases_folded, b.body_type = row.body_type,
    b.branch = row.branch, b.level = row.level, b.unit_uid = row.unit_uid,
    b.province_uid = row.province_uid
WITH b, row
MATCH (u:AdminUnit {uid: row.unit_uid})
MERGE (b)-[:IN_UNIT]->(u)
"""

WRITE_POSITIONS = """
UNWIND $rows AS row
MERGE (p:Position {id: row.id})
ON CREATE SET p.name = row.name, p.role = row.role, p.body_type = row.body_type,
    p.position_type = row.position_type, p.title = row.title,
    p.name_folded = row.name_folded, p.aliases_folded = row.aliases_folded,
    p.body_id = row.body_id, p.province_uid = row.province_uid
WITH p, row
MATCH (b:Body {id: row.body_id})
MERGE (p)-[:IN_BODY]->(b)
"""

WRITE_PEOPLE = """
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
ON CREATE SET p.name = row.name, p.name_folded = row.name_folded,
    p.province_uid = row.province_uid
"""

WRITE_PATTERNS = """
UNWIND $rows AS row
MERGE (p:ConcurrencyPattern {id: row.id})
ON CREATE SET p.level = row.level, p.position_types = row.position_types, p.label = row.label
"""

WRITE_REDUCTION_KINDS = """
UNWIND $rows AS row
MERGE (k:ReductionKind {id: row.id})
ON CREATE SET k.what = row.what, k.name = row.name, k.label_en = row.label_en, k.level = row.level
"""

WRITE_EVIDENCE = """
UNWIND $rows AS row
MATCH (s:Source {id: row.source_id})
MERGE (e:Evidence {id: row.id})
SET e.fact_id = row.fact_id, e.source_id = row.source_id, e.rel_type = row.rel_type,
    e.quote = row.quote, e.start = row.start, e.end = row.end, e.status = row.status,
    e.sentence = row.sentence, e.sentence_start = row.sentence_start,
    e.valid_from = row.valid_from, e.valid_to = row.valid_to, e.date_basis = row.date_basis,
    e.reported_by = row.reported_by,
    e.status_rank = row.status_rank, e.date = row.date, e.count = row.count, e.of = row.of,
    e.recorded_at = datetime()
MERGE (e)-[:CITES]->(s)
"""


def _write_relationship_query(rel_type: str) -> str:
    """MERGE each fact's relationship; answer the facts to summarise from their stored
    evidence: those that existed (marked, evidence_count null, until then) and those
    created without a summary in the row. A row's `summary` (`summary_of`) is
    set on a relationship created here: one with no evidence before this transaction
    (evidence of a fact is only written with, and withdrawn before, its relationship)."""
    start, end, _ = FACT_RELATIONSHIPS[rel_type]
    return f"""
UNWIND $rows AS row
MATCH (a:{start} {{{KEY[start]}: row.start}}), (b:{end} {{{KEY[end]}: row.end}})
MERGE (a)-[r:{rel_type} {{fact_id: row.fact_id}}]->(b)
ON CREATE SET r += row.props, r += coalesce(row.summary, {{}})
ON MATCH SET r += row.props, r.evidence_count = null
WITH row, r WHERE r.evidence_count IS NULL
RETURN collect(row.fact_id) AS summarise
"""


def summary_of(statements: list[dict]) -> dict:
    """The summary `_summarise_query` sets on a relationship from these statements
    (Evidence rows), computed in Python: what a fact created with a single statement
    gets in the same pass as its MERGE (and what bench/load_bench.py precomputes for
    LOAD CSV). Keep in step with `_summarise_query` (tests/test_write_path.py compares
    the two through the write path)."""
    evs = sorted(statements, key=lambda e: (e.get("date") or "", e.get("status_rank"),
                                            e.get("source_id"), e.get("start"))) \
        if len(statements) > 1 else statements
    # one pass, in the order of the world: the earliest start (first of equals), the
    # earliest report, the latest stated end, the first implemented date, the last count
    first, reported, stated_end, effective, counted = {}, None, None, None, None
    for e in evs:
        status, start, report, end = (e.get("status"), e.get("valid_from"),
                                      e.get("reported_by"), e.get("valid_to"))
        if status is not None and status != "ended" and start is not None \
                and (not first or start < first["valid_from"]):
            first = e
        if report is not None and (reported is None or report < reported):
            reported = report
        if end is not None and (stated_end is None or end > stated_end):
            stated_end = end
        if effective is None and status == "implemented":
            effective = e.get("date")
        if e.get("count") is not None:
            counted = e
    latest = evs[-1]
    if latest.get("status") == "ended":
        stated_end = next((d for d in (latest.get("valid_to"), latest.get("reported_by"),
                                       latest.get("date")) if d is not None), None)
    return {"status": latest.get("status"), "date": latest.get("date"),
            "since": first.get("valid_from"), "valid_from": first.get("valid_from"),
            "valid_from_basis": first.get("date_basis"), "reported_by": reported,
            "until": stated_end, "valid_to": stated_end, "effective": effective,
            "count": counted["count"] if counted else None,
            "of": counted.get("of") if counted else None,
            "evidence_count": len(evs),
            "sources": sorted({e.get("source_id") for e in evs})}


def _unsupported_query(rel_type: str) -> str:
    start, end, _ = FACT_RELATIONSHIPS[rel_type]
    return f"""
UNWIND $fact_ids AS fid
MATCH (a:{start})-[r:{rel_type} {{fact_id: fid}}]->(b:{end})
WHERE NOT EXISTS {{ MATCH (:Evidence {{fact_id: fid}}) }}
DELETE r
RETURN collect(DISTINCT a.{KEY[start]}) AS starts, collect(DISTINCT b.{KEY[end]}) AS ends
"""


def _summarise_query(rel_type: str) -> str:
    # Evidence in the order of the world: by date, then by how far the
    # arrangement had got (planned < pilot < implemented < ended).
    return f"""
UNWIND $fact_ids AS fid
MATCH ()-[r:{rel_type} {{fact_id: fid}}]->()
MATCH (e:Evidence {{fact_id: fid}})
WITH r, e ORDER BY coalesce(e.date, ''), e.status_rank, e.source_id, e.start
WITH r, collect(e) AS evs
// World time: valid_from is the earliest start a statement gives (null: unknown),
// reported_by the earliest article date (by then the fact was reported: an upper
// bound on its start); valid_to the end an ended statement, or a stated end, gives.
WITH r, evs, evs[-1] AS latest,
     [x IN evs WHERE x.status <> 'ended' AND x.valid_from IS NOT NULL] AS starts,
     [x IN evs WHERE x.reported_by IS NOT NULL | x.reported_by] AS reports,
     [x IN evs WHERE x.valid_to IS NOT NULL | x.valid_to] AS ends,
     [x IN evs WHERE x.count IS NOT NULL] AS counted
WITH r, evs, latest, counted, reports,
     head(COLLECT {{ UNWIND starts AS x RETURN x ORDER BY x.valid_from LIMIT 1 }}) AS first,
     CASE WHEN latest.status = 'ended'
          THEN coalesce(latest.valid_to, latest.reported_by, latest.date)
          ELSE head(COLLECT {{ UNWIND ends AS d RETURN d ORDER BY d DESC LIMIT 1 }}) END AS end
SET r.status = latest.status, r.date = latest.date,
    r.since = first.valid_from, r.valid_from = first.valid_from,
    r.valid_from_basis = first.date_basis,
    r.reported_by = head(COLLECT {{ UNWIND reports AS d RETURN d ORDER BY d LIMIT 1 }}),
    r.until = end, r.valid_to = end,
    r.effective = head([x IN evs WHERE x.status = 'implemented' AND x.date IS NOT NULL
                        | x.date]),
    r.count = CASE WHEN size(counted) > 0 THEN counted[-1].count ELSE null END,
    r.of = CASE WHEN size(counted) > 0 THEN counted[-1].of ELSE null END,
    r.evidence_count = size(evs),
    r.sources = COLLECT {{ UNWIND evs AS x WITH DISTINCT x.source_id AS sid
                          RETURN sid ORDER BY sid }}
"""


# Nodes left with no fact are removed, in this order (a removed post can orphan
# its body). What counts as a fact of a label comes from the model; a body also
# stays while a post is in it.
CLEAN_ORDER = ("Person", "Position", "Body", "ConcurrencyPattern", "ReductionKind")
if set(CLEAN_ORDER) != {label for start, end, _ in FACT_RELATIONSHIPS.values()
                        for label in (start, end)} - {"AdminUnit"}:
    raise ImportError("CLEAN_ORDER must name every label the model's facts connect, but units")


def _clean_query(label: str) -> str:
    facts = "|".join(t for t, (start, end, _) in FACT_RELATIONSHIPS.items() if label in (start, end))
    where = f"NOT (n)-[:{facts}]-()" + (" AND NOT ()-[:IN_BODY]->(n)" if label == "Body" else "")
    delete = ("WITH n, n.body_id AS body_id DETACH DELETE n "
              "RETURN collect(DISTINCT body_id) AS bodies" if label == "Position"
              else "DETACH DELETE n")
    return f"""
UNWIND $ids AS id
MATCH (n:{label} {{{KEY[label]}: id}}) WHERE {where}
{delete}
"""


# Mergers counted by kind of body (from -> into), level, merger kind and status:
# what /compare summarises. Kept with the facts, per unit of a merger's first body
# (MergerTally) and per province (ProvinceMergerTally, the sum of its units'), so
# that a summary reads a few rows instead of every merger of a province
# (graph/MODEL.md). Recomputed in the same transaction for every unit whose
# mergers a write or a retraction touched; a province's rows move by the
# difference between the unit's old rows and its new ones.
MERGER_UNITS = """
UNWIND $fact_ids AS fid
MATCH (a:Body)-[:MERGED_INTO {fact_id: fid}]->(:Body)
RETURN collect(DISTINCT a.unit_uid) AS units
"""

RECOUNT_MERGERS = """
UNWIND $units AS uid
CALL (uid) {
  MATCH (t:MergerTally {unit_uid: uid})
  OPTIONAL MATCH (p:ProvinceMergerTally {province_uid: t.province_uid, key: t.key})
  SET p.count = p.count - t.count
  DELETE t
}
CALL (uid) {
  MATCH (a:Body {unit_uid: uid})-[m:MERGED_INTO]->(c:Body)
  WITH a.province_uid AS province_uid, a.body_type AS from_type, c.body_type AS into_type,
       a.level AS level, m.kind AS kind, m.status AS status, count(*) AS n
  WITH *, coalesce(from_type, '') + '|' + coalesce(into_type, '') + '|' + coalesce(level, '')
          + '|' + coalesce(kind, '') + '|' + coalesce(status, '') AS key
  CREATE (:MergerTally {unit_uid: uid, province_uid: province_uid, key: key,
                        from_type: from_type, into_type: into_type, level: level,
                        kind: kind, status: status, count: n})
  WITH * WHERE province_uid IS NOT NULL
  MERGE (p:ProvinceMergerTally {province_uid: province_uid, key: key})
  ON CREATE SET p.from_type = from_type, p.into_type = into_type, p.level = level,
                p.kind = kind, p.status = status, p.count = 0
  SET p.count = p.count + n
}
"""

DROP_EMPTY_TALLIES = "MATCH (p:ProvinceMergerTally) WHERE p.count <= 0 DELETE p"


def _merger_units(tx, stats: "WriteStats", fact_ids: set[str]) -> set[str]:
    if not fact_ids:
        return set()
    return set(_run(tx, stats, MERGER_UNITS, fact_ids=sorted(fact_ids))[0]["units"])


def recount_all_mergers(driver: neo4j.Driver, database: str) -> None:
    """Every unit's merger tallies from its mergers (a graph written before them)."""
    with driver.session(database=database) as session:
        units = session.run("MATCH (a:Body)-[:MERGED_INTO]->(:Body) "
                            "RETURN collect(DISTINCT a.unit_uid) AS units").single()["units"]
        session.run("MATCH (t:MergerTally|ProvinceMergerTally) "
                    "CALL (t) { DELETE t } IN TRANSACTIONS OF 10000 ROWS").consume()
        for i in range(0, len(units), 2000):
            session.execute_write(_recount, units[i:i + 2000])


def _recount(tx, units: list[str]) -> None:
    # Writers recount one at a time, each after the previous one's commit: a recount
    # reads the mergers committed so far, and a province's row moves by read-modify-
    # write (graph/version.py: the lock is the version node's, the bump follows).
    lock_version(tx)
    tx.run(RECOUNT_MERGERS, units=units).consume()
    tx.run(DROP_EMPTY_TALLIES).consume()


# --- transaction work ---------------------------------------------------------------


# Document ids beginning with these name what the project itself loads (the
# administrative-units dataset's Source is `dataset:vietnamadminunits-<version>`):
# a document can never take such an id.
RESERVED_PREFIXES = ("dataset:",)


@dataclass(frozen=True)
class Refusal:
    """A document not written because it would have overwritten another's record."""
    doc: str
    reason: str
    conflict: str  # "reserved" (a dataset's id), "url" (another's), "url-scheme" (not http(s))
    holder: str | None = None  # the document that holds the url

    def __str__(self) -> str:
        return self.reason


@dataclass
class WriteStats:
    documents_new: int = 0
    documents_replaced: int = 0
    documents_unchanged: int = 0
    documents_unretracted: int = 0
    nodes_created: int = 0
    nodes_deleted: int = 0
    relationships_created: int = 0
    relationships_deleted: int = 0
    evidence_written: int = 0
    facts: int = 0
    unchanged_ids: list[str] = field(default_factory=list)
    # retracted documents met again without `unretract`: left as they are
    retracted_ids: list[str] = field(default_factory=list)
    refused: list[Refusal] = field(default_factory=list)

    def count(self, summary: neo4j.ResultSummary) -> None:
        c = summary.counters
        self.nodes_created += c.nodes_created
        self.nodes_deleted += c.nodes_deleted
        self.relationships_created += c.relationships_created
        self.relationships_deleted += c.relationships_deleted

    def merge(self, other: "WriteStats") -> None:
        for name in ("documents_new", "documents_replaced", "documents_unchanged",
                     "documents_unretracted", "nodes_created", "nodes_deleted", "relationships_created",
                     "relationships_deleted", "evidence_written", "facts"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.unchanged_ids.extend(other.unchanged_ids)
        self.retracted_ids.extend(other.retracted_ids)
        self.refused.extend(other.refused)


def _run(tx: neo4j.ManagedTransaction, stats: WriteStats, query: str, **params) -> list[dict]:
    result = tx.run(query, params)
    rows = [r.data() for r in result]
    stats.count(result.consume())
    return rows


def _withdraw(tx, stats: WriteStats, source_ids: list[str]) -> dict[str, set[str]]:
    """Delete the evidence of these sources; the facts it touched, by type."""
    touched: dict[str, set[str]] = {}
    for row in _run(tx, stats, WITHDRAW_EVIDENCE, source_ids=source_ids):
        touched.setdefault(row["rel_type"], set()).add(row["fact_id"])
    return touched


def _settle(tx, stats: WriteStats, touched: dict[str, set[str]],
            withdrawn: dict[str, set[str]], merger_units: set[str] = frozenset(),
            units_known: set[str] = frozenset()) -> None:
    """Summarise touched facts; drop those left without evidence (only facts that
    lost evidence can be) and the orphans they leave. `merger_units`: units whose
    merger tallies change, known to the caller, for the mergers `units_known`."""
    orphans: dict[str, set] = {label: set() for label in KEY}
    # before any merger goes: the units whose merger tallies this changes
    recount = set(merger_units) | _merger_units(
        tx, stats, (touched.get("MERGED_INTO", set()) | withdrawn.get("MERGED_INTO", set()))
        - units_known)
    for rel_type, fact_ids in withdrawn.items():
        if rel_type not in FACT_RELATIONSHIPS:
            continue
        start, end, _ = FACT_RELATIONSHIPS[rel_type]
        for row in _run(tx, stats, _unsupported_query(rel_type), fact_ids=sorted(fact_ids)):
            orphans[start].update(row["starts"])
            orphans[end].update(row["ends"])
    for rel_type, fact_ids in touched.items():
        if rel_type in FACT_RELATIONSHIPS and fact_ids:
            _run(tx, stats, _summarise_query(rel_type), fact_ids=sorted(fact_ids))
    for label in CLEAN_ORDER:
        if orphans[label]:
            for row in _run(tx, stats, _clean_query(label), ids=sorted(orphans[label])):
                orphans["Body"].update(row.get("bodies") or ())
    if recount:  # derived rows: not counted as the write's nodes
        _recount(tx, sorted(recount))


# An absolute http(s) URL, the only kind a document's `url` may be: a `javascript:`
# or `data:` url would be a script wherever it is shown as a link. The API's
# DocumentIn declares the same pattern in its schema.
# The host in ASCII (an IDN in its punycode form), no user info, no IPv6 literal:
# what every reader of urls here (urllib, httpx) parses the same way.
URL_PATTERN = (r"^[hH][tT][tT][pP][sS]?://[A-Za-z0-9][A-Za-z0-9.\-_~%]*(:[0-9]{0,5})?"
               r"([/?#][^\x00-\x20\x7f]*)?$")


def url_is_safe(url: str) -> bool:
    return re.match(URL_PATTERN, url) is not None and "\n" not in url


def _refusal(doc: str, url: str | None, row: dict, claimed: dict[str, str]) -> Refusal | None:
    """Why this document may not be written, if it may not: its url is not http(s),
    its id is a dataset's, or its url is another document's (stored, or earlier in
    the same group)."""
    if url is not None and not url_is_safe(url):
        return Refusal(doc, f"url {url[:100]!r} is not an absolute http(s) URL "
                       "(only http:// and https:// are accepted)", "url-scheme")
    if doc.startswith(RESERVED_PREFIXES) or row.get("kind", "article") != "article":
        return Refusal(doc, f"document id {doc!r} is reserved: ids beginning with "
                       f"{' or '.join(map(repr, RESERVED_PREFIXES))} name the project's "
                       "datasets; choose another id", "reserved")
    holders = list(row.get("same_url") or [])
    if url and url in claimed and claimed[url] != doc:
        holders.append(claimed[url])
    if holders:
        return Refusal(doc, f"url {url!r} already belongs to document {holders[0]!r}; "
                       f"post a new version under id {holders[0]!r}, or retract it and "
                       "use another url", "url", holders[0])
    return None


def _with_summary(row: dict, statements) -> dict:
    if len(statements) == 1:  # set on a new relationship: a null is no property at all
        summary = summary_of(statements)
        return {**row, "summary": {k: v for k, v in summary.items() if v is not None}}
    return row


def _write_group(tx: neo4j.ManagedTransaction, plans: list,
                 unretract: bool = False) -> WriteStats:
    stats = WriteStats()
    docs = [{"id": p.source["id"], "url": p.source.get("url")} for p in plans]
    existing = {row["doc"]: row for row in _run(tx, stats, EXISTING_SOURCES, docs=docs)}
    to_write, replaced = [], []
    claimed: dict[str, str] = {}  # url -> the document of this group that takes it
    for plan in plans:
        doc, url = plan.source["id"], plan.source.get("url")
        row = existing.get(doc, {})
        refusal = _refusal(doc, url, row, claimed)
        if refusal:
            stats.refused.append(refusal)
            continue
        if row.get("retracted") and not unretract:
            stats.retracted_ids.append(doc)  # a retraction sticks until undone
            continue
        if url:
            claimed[url] = doc
        if row.get("known") and row.get("hash") == plan.source["content_hash"] \
                and not row.get("retracted"):
            stats.documents_unchanged += 1
            stats.unchanged_ids.append(doc)
            continue
        if row.get("retracted"):
            stats.documents_unretracted += 1
        if row.get("known"):
            replaced.append(doc)
            stats.documents_replaced += 1
        else:
            stats.documents_new += 1
        to_write.append(plan)

    withdrawn = _withdraw(tx, stats, replaced) if replaced else {}
    touched = {rel_type: set(ids) for rel_type, ids in withdrawn.items()}
    written: dict[str, dict[str, dict]] = {}
    merger_units: set[str] = set()

    if to_write:
        def rows(attr: str) -> list[dict]:
            merged: dict[str, dict] = {}
            for plan in to_write:
                merged.update(getattr(plan, attr))
            return list(merged.values())

        _run(tx, stats, WRITE_SOURCES, rows=[p.source for p in to_write])
        _run(tx, stats, ENSURE_UNITS, rows=rows("units"))
        _run(tx, stats, WRITE_BODIES, rows=rows("bodies"))
        _run(tx, stats, WRITE_POSITIONS, rows=rows("positions"))
        _run(tx, stats, WRITE_PEOPLE, rows=rows("people"))
        _run(tx, stats, WRITE_PATTERNS, rows=rows("patterns"))
        _run(tx, stats, WRITE_REDUCTION_KINDS, rows=rows("reduction_kinds"))
        evidence = rows("evidence")
        # the group's statements of each fact: one alone is its new relationship's summary
        statements: dict[str, list[dict]] = {}
        for ev in evidence:
            statements.setdefault(ev["fact_id"], []).append(ev)
        for rel_type in FACT_RELATIONSHIPS:
            rel_rows: dict[str, dict] = {}
            for plan in to_write:
                rel_rows.update(plan.relationships.get(rel_type, {}))
            if rel_rows:
                result = _run(tx, stats, _write_relationship_query(rel_type),
                              rows=[_with_summary(row, statements.get(fid, ()))
                                    for fid, row in rel_rows.items()])
                # those that existed, or have several statements: summarised from
                # all their stored evidence once the group's is written
                touched.setdefault(rel_type, set()).update(result[0]["summarise"])
                written[rel_type] = rel_rows
        _run(tx, stats, WRITE_EVIDENCE, rows=evidence)
        stats.evidence_written = len(evidence)
        stats.facts = sum(p.facts for p in to_write)
        # the units whose merger tallies the written mergers change: their first
        # body's (a body's unit is part of its id: the row's is the stored one's)
        if written.get("MERGED_INTO"):
            bodies = {}
            for plan in to_write:
                bodies.update(plan.bodies)
            merger_units = {bodies[row["start"]]["unit_uid"]
                            for row in written["MERGED_INTO"].values()}
    _settle(tx, stats, touched, withdrawn, merger_units,
            set(written.get("MERGED_INTO", ())))
    if to_write:
        bump_version(tx)  # last: the graph's version moves with the data (graph/version.py)
    return stats


def write_documents(driver: neo4j.Driver, database: str, plans: list,
                    unretract: bool = False, timeout: float | None = None) -> WriteStats:
    """Write a group of planned documents atomically (retried on transient errors).

    A document whose id is reserved or whose url another document holds is refused
    (`WriteStats.refused`), a retracted one is left retracted (`retracted_ids`)
    unless `unretract`; the others of the group are written."""
    work = neo4j.unit_of_work(timeout=timeout)(_write_group)  # None: the server's default
    with driver.session(database=database) as session:
        return session.execute_write(work, plans, unretract)


def _retract(tx: neo4j.ManagedTransaction, source_ids: list[str]) -> WriteStats:
    stats = WriteStats()
    withdrawn = _withdraw(tx, stats, source_ids)
    _run(tx, stats, MARK_RETRACTED, source_ids=source_ids)
    _settle(tx, stats, withdrawn, withdrawn)
    bump_version(tx)  # last: the graph's version moves with the data (graph/version.py)
    return stats


def retract_documents(driver: neo4j.Driver, database: str, source_ids: Iterable[str],
                      timeout: float | None = None) -> WriteStats:
    """Withdraw these documents' claims; their Source nodes stay, marked retracted."""
    ids = list(source_ids)
    work = neo4j.unit_of_work(timeout=timeout)(_retract)
    with driver.session(database=database) as session:
        return session.execute_write(work, ids)


def source_kinds(driver: neo4j.Driver, database: str, source_ids: list[str]) -> dict[str, str]:
    """The stored sources among these ids: id -> kind (`article` or `dataset`)."""
    records, _, _ = driver.execute_query(
        "UNWIND $ids AS id MATCH (s:Source {id: id}) "
        "RETURN s.id AS id, coalesce(s.kind, 'article') AS kind", ids=source_ids,
        database_=database, routing_=neo4j.RoutingControl.READ,
        # no bookmarks carried between calls: the API's long-lived writer would wait
        # for transactions a restored database never had (BookmarkTimeout)
        bookmark_manager_=None)
    return {r["id"]: r["kind"] for r in records}


def known_sources(driver: neo4j.Driver, database: str, source_ids: list[str]) -> set[str]:
    """The ids among these of stored documents (datasets are not documents)."""
    return {i for i, kind in source_kinds(driver, database, source_ids).items()
            if kind == "article"}


def check_retractable(driver: neo4j.Driver, database: str, source_ids: list[str]) -> None:
    """Raise unless every id names a stored document: a dataset's id is a Conflict
    (datasets are not retracted), an unknown id NotFound."""
    from mergegraph.errors import Conflict, NotFound

    kinds = source_kinds(driver, database, source_ids)
    datasets = sorted(i for i in source_ids
                      if i.startswith(RESERVED_PREFIXES) or kinds.get(i, "article") != "article")
    if datasets:
        raise Conflict(f"{', '.join(datasets)}: a dataset, not a document; datasets are "
                       "not retracted (reload them with `mergegraph load-units`)")
    unknown = sorted(set(source_ids) - set(kinds))
    if unknown:
        raise NotFound(f"no such document: {', '.join(unknown)}")
