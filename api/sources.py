"""Endpoints for citing: a source and its text, and timelines of dated statements.

`GET /sources/{id}` (metadata and statements; `?text=true` adds the NFC text),
`GET /sources/{id}/text?highlight=START-END`, `GET /bodies/{id}/timeline`,
`GET /units/{code}/timeline`. Over graph.sources; no answer holds a file path.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, Field

from mergegraph.api.deps import Database, Driver, example_id, require_read
from mergegraph.api.routes import UNIT_PATTERN
from mergegraph.graph import queries, sources

SourceId = example_id("an article of Đầm Hà", "000_3ebe3cc6aa2eb4b4")
BodyId = example_id("Cơ quan Tổ chức - Nội vụ, Đầm Hà", "body:legacy:200:ban-to-chuc+noi-vu")

router = APIRouter(dependencies=[Depends(require_read)])


class SourceMeta(BaseModel):
    id: str
    url: str | None = None
    publisher: str | None = None
    title: str | None = None
    title_from: str | None = Field(None, description="manifest, html or text: where the title came from")
    date: str | None = Field(None, description="The article's date (YYYY[-MM[-DD]])")
    province_hint: str | None = None
    content_hash: str | None = None
    kind: str | None = None
    length: int | None = Field(None, description="Characters of the stored NFC text")
    has_text: bool = False
    recorded_at: str | None = None
    retracted_at: str | None = None


class FactRef(BaseModel):
    id: str | None
    name: str | None = None
    label: str | None = None


class FactLink(BaseModel):
    type: str
    from_: FactRef = Field(alias="from")
    to: FactRef

    model_config = {"populate_by_name": True}


class Statement(BaseModel):
    id: str
    fact_id: str
    rel_type: str | None = None
    quote: str
    start: int
    end: int
    sentence: str | None = Field(None, description="The whole sentence holding the quote")
    sentence_start: int | None = None
    status: str | None = None
    date: str | None = None
    valid_from: str | None = Field(None, description="When the statement says it began (null: it does not say)")
    valid_to: str | None = None
    date_basis: str | None = Field(None, description="stated (this sentence) or document (another sentence of the article)")
    reported_by: str | None = Field(None, description="The article's date: an upper bound on the start")
    count: int | None = None
    of: int | None = None
    fact: FactLink | None = None


class SourceOut(BaseModel):
    source: SourceMeta
    evidence: list[Statement]
    text: str | None = Field(None, description="The NFC text (with ?text=true); offsets index into it")


class Highlight(BaseModel):
    start: int
    end: int
    text: str


class SourceText(BaseModel):
    id: str
    content_hash: str | None
    length: int
    text: str
    highlight: Highlight | None = None


class TimelineSource(BaseModel):
    id: str | None = None
    title: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    kind: str | None = None


class TimelineEvidence(BaseModel):
    id: str | None
    quote: str | None
    start: int | None
    end: int | None
    sentence: str | None
    sentence_start: int | None
    source: TimelineSource | None


class TimelineItem(BaseModel):
    date: str | None = Field(description="valid_from (or the end of an ended arrangement) when stated, else reported_by")
    date_basis: str = Field(description="stated, document or reported_by: what `date` is")
    valid_from: str | None
    valid_to: str | None
    reported_by: str | None
    status: str | None
    type: str = Field(description="MERGED_INTO, TRANSFERRED_FUNCTION_TO, HOLDS, HELD_CONCURRENTLY_WITH, "
                                  "APPLIES, REDUCED; BODY_ENDED, UNIT_ABOLISHED, UNIT_REFORMED (2025)")
    fact_id: str | None
    from_: FactRef = Field(alias="from")
    to: FactRef | None
    unit: dict | None = None
    successors: list[dict] | None = None
    evidence: TimelineEvidence

    model_config = {"populate_by_name": True}


class Timeline(BaseModel):
    subject: dict
    items: list[TimelineItem]


@router.get("/sources/{source_id}", response_model=SourceOut, response_model_by_alias=True,
            tags=["evidence"])
async def source(driver: Driver, database: Database, source_id: SourceId,
                 text: Annotated[bool, Query(description="Include the document's text")] = False):
    """A source document (publisher, title, date, url; never a file path), every
    statement taken from it (span, whole sentence, dates, fact) and, on request, its text."""
    return await sources.source(driver, database, source_id, with_text=text)


@router.get("/sources/{source_id}/text", response_model=SourceText, tags=["evidence"])
async def source_text(
    driver: Driver, database: Database, source_id: SourceId,
    highlight: Annotated[str | None, Query(max_length=24, pattern=r"^\d+-\d+$",
                                           description="START-END character offsets, "
                                           "START < END (a span that is empty or reversed "
                                           "is a 422 naming the highlight)",
                                           examples=["1260-1296"])] = None,
):
    """The NFC text of a source; `highlight=START-END` returns that span too."""
    return await sources.source_text(driver, database, source_id, highlight)


@router.get("/bodies/{body_id}/timeline", response_model=Timeline, response_model_by_alias=True,
            tags=["bodies"])
async def body_timeline(driver: Driver, database: Database, body_id: BodyId):
    """Every dated statement about a body, oldest first, each with its evidence; and
    its end in the 2025 reform when its district was abolished."""
    return await sources.body_timeline(driver, database, body_id)


@router.get("/units/{code}/timeline", response_model=Timeline, response_model_by_alias=True,
            tags=["units"])
async def unit_timeline(driver: Driver, database: Database,
                        code: Annotated[str, Path(max_length=20, pattern=UNIT_PATTERN,
                                                  examples=["200"])]):
    """Every dated statement about a unit, the units within it and their bodies, oldest
    first, and its 2025 fate."""
    return await sources.unit_timeline(driver, database, queries.unit_uid(code))
