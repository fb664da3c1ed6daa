"""The HTTP endpoints: thin, typed, over graph/ (reads) and ingest/ (writes)."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
from dataclasses import replace
from typing import Annotated, Literal

import anyio
from fastapi import APIRouter, Depends, Path, Query, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse
from pydantic import BeforeValidator

from mergegraph.api import models
from mergegraph.api.deps import Database, Driver, example_id, require_read, require_write
from mergegraph.errors import BadInput, Conflict
from mergegraph.graph import model, queries
from mergegraph.graph.export import FORMATS, export
from mergegraph.graph.facts import check_retractable, retract_documents, write_documents
from mergegraph.graph.search import _WORD, MAX_WORDS
from mergegraph.text import fold
from mergegraph.ingest.extract import DocumentMeta
from mergegraph.ingest.manifest import Document, check_date
from mergegraph.ingest.pipeline import prepare

# the model's values (graph/model.py), as the parameters' enums
Level = Literal[model.LEVELS]
Status = Literal[model.STATUSES]
Direction = Literal["predecessors", "successors", "both"]
Kind = Literal[tuple(model.SEARCH_KINDS)]

MAX_PAGE = 200
MAX_OFFSET = 10_000
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description=f"Page size (1-{MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
def _iso_date(value):
    """A date as the schema says it, YYYY-MM-DD: not a number taken for a timestamp."""
    if value is None or isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        return value
    raise ValueError("a date YYYY-MM-DD")


AsOf = Annotated[dt.date | None, Query(
    description="Answer as the graph stood on this date (default: today and after).",
    examples=["2020-01-01"]), BeforeValidator(_iso_date)]
Id = Annotated[str, Path(min_length=1, max_length=300)]
# A unit: a GSO code of the legacy era (2, 3 or 5 digits) or a uid ('2025:22').
UNIT = r"(?:[0-9]{2}|[0-9]{3}|[0-9]{5}|(?:legacy|2025):[0-9]{1,5})"
UNIT_PATTERN = f"^{UNIT}$"
UNITS_PATTERN = f"^ *{UNIT} *(?:, *{UNIT} *){{1,9}}$"
PROVINCE_PATTERN = r"^(?:[0-9]{2}|(?:legacy|2025):[0-9]{1,5})$"


BodyId = example_id("Cơ quan Tổ chức - Nội vụ, Đầm Hà", "body:legacy:200:ban-to-chuc+noi-vu")
PositionId = example_id("Trưởng Ban Dân vận, Quỳnh Nhai", "position:body:legacy:118:ban-dan-van:head")
PersonId = example_id("Vì Thị Tiến", "person:14:vi thi tien")
FactId = example_id("Ban Tổ chức merged into Cơ quan Tổ chức - Nội vụ",
                     "merger:body:legacy:200:ban-to-chuc->body:legacy:200:ban-to-chuc+noi-vu")

reads = APIRouter(dependencies=[Depends(require_read)])
writes = APIRouter(dependencies=[Depends(require_write)], tags=["documents"])


async def _ping(request: Request, driver, database: str) -> None:
    """Ask Neo4j first, within the read deadline: a down or frozen Neo4j is a 503
    at once (TimeoutError is classified as unavailable), before any work."""
    with anyio.fail_after(request.app.state.settings.request_deadline):
        await queries.ping(driver, database)


async def _in_thread(work):
    """Run blocking work (the ingest code and its synchronous driver) in a worker
    thread that the request deadline can abandon: the client gets its 503 in time;
    the thread's transaction commits whole or not at all, and a retry is safe
    (writes are idempotent)."""
    return await anyio.to_thread.run_sync(work, abandon_on_cancel=True)


def _as_of(value: dt.date | None) -> str:
    return value.isoformat() if value else queries.FAR_FUTURE


def _page(items: list, offset: int, limit: int) -> dict:
    return {"items": items, "offset": offset, "limit": limit,
            "next_offset": offset + limit if len(items) == limit else None}


@reads.get("/search", response_model=models.SearchPage, tags=["search"])
async def search(
    driver: Driver, database: Database,
    q: Annotated[str, Query(min_length=1, max_length=200, pattern=r"[^\W_]", description=(
        "Names, with or without diacritics; abbreviations (UBKT, MTTQ, BTG) understood."),
        examples=["dam ha", "ubkt dam ha", "Quỳnh Nhai"])],
    kind: Annotated[list[Kind] | None, Query(description="Restrict to these kinds.")] = None,
    province: Annotated[str | None, Query(
        max_length=20, pattern=PROVINCE_PATTERN,
        description="A province: 2-digit GSO code (legacy era) or unit uid.",
        examples=["22"])] = None,
    offset: Offset = 0, limit: Limit = 20,
):
    """Bodies, positions, people and administrative units by name, best first.

    `q` needs a letter or a digit. Words are runs of Latin letters and digits once
    diacritics are removed: a text without any finds nothing, and only the first
    12 words are used."""
    words = _WORD.findall(fold(q))
    if not words:
        return _page([], offset, limit)
    q = " ".join(words[:MAX_WORDS])
    items = await queries.search(driver, database, q, kind, province, offset, limit)
    return _page(items, offset, limit)


@reads.get("/units/{code}", response_model=models.UnitDetail,
           response_model_exclude_unset=True, tags=["units"])
async def unit(driver: Driver, database: Database, code: Annotated[str, Path(
        max_length=20, pattern=UNIT_PATTERN, description="GSO code (legacy era) or uid ('2025:22')",
        examples=["200"])]):
    """An administrative unit, its parent and parts, its bodies, the reductions it
    reported, and where it went in 2025."""
    uid = queries.unit_uid(code)
    row = await queries.unit(driver, database, uid)
    row["fate"] = await queries.unit_fate(driver, database, uid)
    return row


@reads.get("/units/{code}/lineage", response_model=models.UnitLineage,
           response_model_exclude_unset=True, tags=["units"])
async def unit_lineage(
    driver: Driver, database: Database,
    code: Annotated[str, Path(max_length=20, pattern=UNIT_PATTERN, examples=["67"])],
    direction: Direction = "both", as_of: AsOf = None,
):
    """What a unit became in the 2025 reform (successors, its province) or came from."""
    return await queries.unit_lineage(driver, database, queries.unit_uid(code), direction,
                                      _as_of(as_of))


@reads.get("/bodies/{body_id}", response_model=models.BodyDetail,
           response_model_exclude_unset=True, tags=["bodies"])
async def body(driver: Driver, database: Database, body_id: BodyId):
    """A body: its unit (and the unit's 2025 fate), posts and transfers."""
    return await queries.body(driver, database, body_id)


@reads.get("/bodies/{body_id}/lineage", response_model=models.BodyLineage, tags=["bodies"])
async def body_lineage(
    driver: Driver, database: Database, body_id: BodyId,
    direction: Direction = "both", as_of: AsOf = None,
    max_depth: Annotated[int, Query(ge=1, le=queries.MAX_LINEAGE_DEPTH)] = 20,
):
    """The merger tree of a body, transitive, each edge with its evidence."""
    return await queries.body_lineage(driver, database, body_id, direction, _as_of(as_of),
                                      max_depth)


@reads.get("/positions/{position_id}", response_model=models.PositionDetail,
           response_model_exclude_unset=True, tags=["people and posts"])
async def position(driver: Driver, database: Database, position_id: PositionId):
    """A post, the posts held concurrently with it and the people who hold it."""
    return await queries.position(driver, database, position_id)


@reads.get("/people/{person_id}", response_model=models.PersonDetail,
           response_model_exclude_unset=True, tags=["people and posts"])
async def person(driver: Driver, database: Database, person_id: PersonId):
    """A person and the posts they hold, with evidence and dates."""
    return await queries.person(driver, database, person_id)


@reads.get("/patterns/concurrency", response_model=models.PatternPage, tags=["patterns"])
async def patterns(
    driver: Driver, database: Database,
    province: Annotated[str | None, Query(max_length=20, pattern=PROVINCE_PATTERN,
                                          examples=["14"])] = None,
    level: Level | None = None, status: Status | None = None, as_of: AsOf = None,
    offset: Offset = 0, limit: Limit = 50,
    units_limit: Annotated[int, Query(ge=0, le=1000, description=(
        "Units listed per pattern, with their evidence (0-1000); `units_total` counts all"
    ))] = 100,
):
    """Concurrency patterns of a province (or all), with the units applying each; as_of
    compares each adoption's stated start, else its first report (as_of_basis). A 2025
    province (`2025:14`) answers for the legacy provinces it was formed from, and says so
    in `scope`. Each pattern lists its first `units_limit` units (by level, then code)
    and counts them all in `units_total`."""
    scope = await queries.pattern_scope(driver, database, province)
    items = await queries.patterns(driver, database, province, level, status, offset, limit,
                                   as_of.isoformat() if as_of else None, units_limit)
    return {**_page(items, offset, limit), "scope": scope}


@reads.get("/provinces", tags=["units"])
async def provinces(driver: Driver, database: Database,
                    era: Literal["legacy", "2025"] = "legacy") -> dict:
    """Every province of an era (63 before the 2025 reform, 34 after), with the counts of
    facts the graph records in it and what it became or was formed from."""
    return {"era": era, "items": await queries.provinces(driver, database, era)}


@reads.get("/patterns/concurrency/matrix", response_model=models.PatternMatrix,
           response_model_exclude_unset=True, tags=["patterns"])
async def patterns_matrix(driver: Driver, database: Database, level: Level | None = None):
    """Provinces x concurrency patterns, nationwide."""
    return await queries.patterns_matrix(driver, database, level)


@reads.get("/compare", response_model=models.Comparison, response_model_exclude_unset=True,
           tags=["patterns"])
async def compare(
    driver: Driver, database: Database,
    units: Annotated[str, Query(max_length=200, pattern=UNITS_PATTERN,
                                description="2-10 unit codes or uids, comma-separated",
                                examples=["22,14"])],
    as_of: AsOf = None,
    offset: Offset = 0, limit: Limit = 50,
):
    """Two or more units side by side: mergers, concurrency patterns with their coverage,
    reductions reported ("giảm 13 đơn vị đầu mối"), and what one has that another has not.

    Summaries come complete: each unit's `summary` (mergers by kind and status, patterns,
    units applying them, reductions), `merger_kinds` (mergers counted by kind of body,
    from -> into), `pattern_coverage` (units applying each pattern) and
    `reduction_kinds`; `only_here` and `common` are computed from them. The lists
    (`mergers`, `patterns`: one row per unit applying a pattern, `reductions`) are one
    page of each unit's, in a stable order: ask again with `offset=next_offset` until
    `next_offset` is null to read them whole."""
    codes = [c for c in (part.strip() for part in units.split(",")) if c]
    if not 2 <= len(codes) <= 10:
        raise BadInput("compare takes 2 to 10 unit codes, comma-separated")
    return await queries.compare(driver, database, [queries.unit_uid(c) for c in codes],
                                 as_of.isoformat() if as_of else None, offset, limit)


@reads.get("/facts/{fact_id}/evidence", response_model=models.FactEvidence,
           response_model_exclude_unset=True, tags=["evidence"])
async def fact_evidence(driver: Driver, database: Database, fact_id: FactId):
    """A fact and the quotes (with their documents) that state it."""
    return await queries.fact_evidence(driver, database, fact_id)


@reads.get("/export", tags=["export"], response_class=StreamingResponse,
           responses={200: {"content": {t: {} for t in FORMATS.values()}}})
async def export_graph(request: Request, driver: Driver, database: Database,
                       format: Literal["csv", "jsonl", "graphml"] = "jsonl"):
    """The graph of facts as CSV (one row per fact), JSONL or GraphML (Gephi)."""
    # A streamed response sends its 200 before the first query runs: ask Neo4j
    # first, so that a down database is a 503 and not a cut-off 200.
    await _ping(request, driver, database)
    return StreamingResponse(
        export(driver, database, format), media_type=FORMATS[format],
        headers={"Content-Disposition": f'attachment; filename="mergegraph.{format}"'})


# --- writes ---------------------------------------------------------------------------


_background: set[asyncio.Future] = set()  # fetches answered 202, kept until done


def _fetch_done(task: asyncio.Future) -> None:
    _background.discard(task)
    if not task.cancelled() and task.exception() is not None:
        logging.getLogger("mergegraph.api").warning("background fetch failed: %s",
                                                    task.exception())


@writes.post("/documents", status_code=201, response_model=models.DocumentResult,
             responses={202: {"description": "A URL still being fetched after "
                              "MERGEGRAPH_FETCH_WAIT seconds: poll GET /sources/{doc}"}})
async def post_document(
    request: Request, document: models.DocumentIn, driver: Driver, database: Database,
    unretract: Annotated[bool, Query(description=(
        "Load the document again although it was retracted (DELETE): without it, "
        "a retracted document is a 409."))] = False,
):
    """Ingest one document (bearer token required): its facts are extracted and loaded.
    Without `text`, the page at `url` is fetched (hosts of MERGEGRAPH_FETCH_ALLOW
    only), archived and read like `mergegraph ingest URL`; the answer waits up to
    MERGEGRAPH_FETCH_WAIT seconds, then is a 202 with the id to poll.

    A document never overwrites another: an id of the datasets' namespace
    (`dataset:...`) or a `url` that another document holds is a 409 naming it
    (post a new version of a page under the id that holds its url)."""
    try:
        date = check_date(document.date)
    except ValueError as err:
        raise BadInput(str(err)) from err
    meta = DocumentMeta(doc=document.doc, url=document.url, publisher=document.publisher,
                        date=date, province_hint=document.province_hint, title=document.title)
    settings = request.app.state.settings
    if document.text is None:
        from mergegraph.ingest.web import doc_id, document_for_url, url_item
        try:
            page = url_item(document.url, "POST /documents", doc=document.doc,
                            publisher=document.publisher, date=date,
                            province_hint=document.province_hint, title=document.title)
        except ValueError as err:
            raise BadInput(str(err)) from err
        item, meta = page, replace(meta, doc=document.doc or doc_id(page.url))
    else:
        item = Document(meta, text=document.text, origin="the document's text")
    writer = request.app.state.write_driver
    deadline = request.app.state.settings.write_deadline
    # The writer retries for seconds (deadlocks between writers are worth it);
    # a down Neo4j is found by the fail-fast reader first: 503 at once.
    await _ping(request, driver, database)

    def work():
        doc = document_for_url(item, settings) if document.text is None else item
        plan = prepare(doc)  # DocumentError (a BadInput: 422) when the text is empty
        # Neo4j ends the transaction by the write deadline: the client has its 503 then
        return plan, write_documents(writer, database, [plan], unretract=unretract,
                                     timeout=deadline)

    if document.text is None:
        task = asyncio.ensure_future(_in_thread(work))
        done, _ = await asyncio.wait({task}, timeout=settings.fetch_wait)
        if not done:  # still fetching: it goes on, and is written when done
            _background.add(task)
            task.add_done_callback(_fetch_done)
            return JSONResponse({"doc": meta.doc, "status": "fetching",
                                 "poll": f"/sources/{meta.doc}"}, status_code=202)
        plan, stats = task.result()
    else:
        plan, stats = await _in_thread(work)
    if stats.refused:
        refusal = stats.refused[0]
        raise (BadInput if refusal.conflict == "url-scheme" else Conflict)(refusal.reason)
    if stats.retracted_ids:
        raise Conflict(f"document {plan.source['id']!r} was retracted; POST it with "
                       "?unretract=true to load it again")
    return {"doc": plan.source["id"], "facts": plan.extracted,
            "written": {"new": stats.documents_new, "replaced": stats.documents_replaced,
                        "unchanged": stats.documents_unchanged,
                        "unretracted": stats.documents_unretracted,
                        "nodes_created": stats.nodes_created,
                        "relationships_created": stats.relationships_created}}


@writes.delete("/documents/{doc_id}", status_code=204)
async def delete_document(request: Request, doc_id: Id, driver: Driver, database: Database):
    """Retract a document (bearer token required): its claims, and orphans, go."""
    writer = request.app.state.write_driver
    deadline = request.app.state.settings.write_deadline
    await _ping(request, driver, database)  # 503 at once when Neo4j is down

    def work():
        check_retractable(writer, database, [doc_id])  # 404 unknown, 409 a dataset
        retract_documents(writer, database, [doc_id], timeout=deadline)

    await _in_thread(work)
    return Response(status_code=204)
