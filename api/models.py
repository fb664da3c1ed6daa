"""Response models: what clients see, separate from what the graph stores."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from mergegraph.graph.facts import URL_PATTERN


class Health(BaseModel):
    status: str = Field(description="'ok' when Neo4j answers, 'unavailable' otherwise")
    neo4j_reachable: bool
    neo4j_version: str | None = None
    neo4j_edition: str | None = None
    counts: dict[str, int] = Field(default_factory=dict,
                                   description="Nodes per label of the model")

    model_config = {"json_schema_extra": {"examples": [{
        "status": "ok", "neo4j_reachable": True, "neo4j_version": "5.26.30",
        "neo4j_edition": "community", "counts": {"AdminUnit": 14128, "Body": 42},
    }]}}


MAX_DOCUMENT_CHARS = 2_000_000
# Some character that is neither blank nor NUL (what the reader strips): a text
# made of those only is empty, and the schema says so.
NOT_BLANK = r"[^\x00-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"


class SearchHit(BaseModel):
    kind: str = Field(description="unit, body, position or person")
    id: str
    name: str | None
    level: str | None = None
    era: str | None = None
    province_uid: str | None = None
    score: float


class SearchPage(BaseModel):
    items: list[SearchHit]
    offset: int
    limit: int
    next_offset: int | None

    model_config = {"json_schema_extra": {"examples": [{
        "items": [{"kind": "unit", "id": "legacy:200", "name": "Huyện Đầm Hà",
                   "level": "district", "era": "legacy", "province_uid": "legacy:22",
                   "score": 9.26}],
        "offset": 0, "limit": 20, "next_offset": None}]}}


class Evidence(BaseModel):
    quote: str
    start: int | None = None
    end: int | None = None
    status: str | None = None
    date: str | None = None
    sentence: str | None = None
    sentence_start: int | None = None
    valid_from: str | None = None
    valid_to: str | None = None
    reported_by: str | None = None
    date_basis: str | None = None
    source_id: str
    url: str | None = None
    publisher: str | None = None
    title: str | None = None


class LineageNode(BaseModel):
    id: str
    name: str | None
    body_type: str | None
    branch: str | None = None
    unit_uid: str | None = None


class LineageEdge(BaseModel):
    from_: LineageNode = Field(alias="from")
    to: LineageNode
    kind: str | None
    status: str | None
    date: str | None
    valid_from: str | None = None
    valid_to: str | None = None
    reported_by: str | None = None
    valid_from_basis: str | None = None
    as_of_basis: str | None = Field(None, description="valid_from (stated) or reported_by "
                                    "(the first article's date, an upper bound): what as_of compared")
    fact_id: str
    sources: list[str] | None
    evidence: list[Evidence]

    model_config = {"populate_by_name": True}


class BodyLineage(BaseModel):
    body: dict
    unit: dict
    direction: str
    as_of: str
    max_depth: int
    nodes: list[LineageNode]
    edges: list[LineageEdge]
    unit_fates: dict[str, dict] = Field(
        description="For each unit of the tree: its successors and province as of today")

    model_config = {"json_schema_extra": {"examples": [{
        "body": {"id": "body:legacy:200:ban-to-chuc+noi-vu",
                 "name": "Ban Tổ chức - Phòng Nội vụ (Huyện Đầm Hà)"},
        "unit": {"uid": "legacy:200", "name": "Huyện Đầm Hà"}, "direction": "both",
        "as_of": "2100-01-01", "max_depth": 20, "nodes": [], "edges": [], "unit_fates": {}}]}}


class PatternUnit(BaseModel):
    unit: dict
    count: int | None
    of: int | None
    status: str | None
    date: str | None
    valid_from: str | None = None
    reported_by: str | None = None
    as_of_basis: str | None = None
    fact_id: str
    sources: list[str] | None
    evidence: list[dict]


class Pattern(BaseModel):
    pattern: dict
    units: list[PatternUnit] = Field(description=(
        "The first `units_limit` units applying it (by level, then code), with evidence"))
    units_total: int = Field(description="Every unit applying it")
    latest: str | None


class PatternPage(BaseModel):
    items: list[Pattern]
    offset: int
    limit: int
    next_offset: int | None
    scope: dict | None = Field(default=None, description=(
        "For a 2025 province: the legacy provinces it was formed from, which the items are of"))


class DocumentIn(BaseModel):
    """A document's text, or the URL of a page to fetch (then `text` is left out:
    the page is fetched, archived and read; the other fields override what the
    page says)."""
    doc: str | None = Field(default=None, min_length=1, max_length=200, pattern=r"^[\w.:\-]+$",
                            description="The document's id (letters, digits, . _ : -); "
                                        "with a URL and no text, derived from the URL if left out")
    text: str | None = Field(default=None, min_length=1, max_length=MAX_DOCUMENT_CHARS,
                             pattern=NOT_BLANK,
                             description="The article's text (UTF-8), not blank; leave out to "
                                         "fetch `url`")
    url: str | None = Field(
        default=None, max_length=2000, pattern=URL_PATTERN,
        description="The page's address: http:// or https:// only. It belongs to this "
                    "document: another document with the same url is a 409.")
    publisher: str | None = Field(default=None, max_length=300)
    date: str | None = Field(
        default=None, max_length=10, pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$",
        description="YYYY[-MM[-DD]]: a date that exists, from 1945 to today (else 422)")
    province_hint: str | None = Field(default=None, max_length=100)
    title: str | None = Field(default=None, max_length=500)

    @model_validator(mode="after")
    def _text_or_url(self):
        if self.text is None and not self.url:
            raise ValueError("give the document's text, or a url to fetch")
        if self.text is not None and not self.doc:
            raise ValueError("a document given as text needs its id, doc")
        return self

    model_config = {"json_schema_extra": {
        # what _text_or_url checks, said in the schema: a text with its id, or a url
        "anyOf": [{"required": ["doc", "text"],
                   "properties": {"doc": {"type": "string"}, "text": {"type": "string"}}},
                  {"required": ["url"],
                   "properties": {"url": {"type": "string"}, "text": {"type": "null"}}}],
        "examples": [{
        "doc": "example-1", "publisher": "Báo Sơn La", "date": "2020-05-01",
        "province_hint": "Sơn La",
        "text": "Huyện Quỳnh Nhai thực hiện Trưởng ban Dân vận Huyện ủy đồng thời là "
                "Chủ tịch Ủy ban MTTQ huyện."}, {"url": "https://baosonla.vn/chinh-tri/..."}]}}


class DocumentResult(BaseModel):
    doc: str
    facts: list[dict]
    written: dict[str, int]


class SourceInfo(BaseModel):
    """A document (or the units dataset) as clients see it: never where its file lay."""
    id: str
    kind: str | None = Field(default=None, description="article or dataset")
    url: str | None = None
    publisher: str | None = None
    title: str | None = None
    date: str | None = None
    province_hint: str | None = None
    content_hash: str | None = None
    recorded_at: str | None = None
    retracted_at: str | None = Field(default=None,
                                     description="Set when the document was retracted")


class SourceStatement(BaseModel):
    fact_id: str | None = None
    rel_type: str | None = None
    quote: str | None = None
    start: int | None = None
    end: int | None = None
    status: str | None = None
    date: str | None = None
    count: int | float | None = None
    of: int | float | None = None


class SourceDetail(BaseModel):
    source: SourceInfo
    evidence: list[SourceStatement]


# --- the read models of issue 15 ("every route declares its response model") -----------
# The objects inside are the graph's own property maps (see graph/MODEL.md), typed as
# objects; the envelopes are fixed. `extra="allow"`: a key the query adds later is
# passed through (and the schema says so), never a 500.

Obj = dict[str, Any]


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class UnitFate(_Open):
    as_of: str | None = None
    units: list[Obj] = Field(default_factory=list,
                             description="What the unit became in 2025 (successors)")
    province: Obj | None = None


class UnitDetail(_Open):
    unit: Obj
    parent: Obj | None = None
    parts: list[Obj] = Field(default_factory=list)
    bodies: list[Obj] = Field(default_factory=list)
    reductions: list[Obj] = Field(default_factory=list)
    fate: UnitFate | None = None


class UnitLineage(_Open):
    uid: str
    direction: str
    as_of: str
    successors: list[Obj] | None = Field(default=None, description="direction successors/both")
    province: Obj | None = None
    predecessors: list[Obj] | None = Field(default=None,
                                           description="direction predecessors/both")


class BodyDetail(_Open):
    body: Obj
    unit: Obj | None = None
    positions: list[Obj] = Field(default_factory=list)
    predecessors: int | None = None
    successors: int | None = None
    transfers: list[Obj] = Field(default_factory=list)
    fate: UnitFate | None = None


class PositionDetail(_Open):
    position: Obj
    body: Obj | None = None
    unit: Obj | None = None
    concurrent: list[Obj] = Field(default_factory=list)
    holders: list[Obj] = Field(default_factory=list)


class PersonDetail(_Open):
    person: Obj
    posts: list[Obj] = Field(default_factory=list)


class PatternMatrix(_Open):
    level: str | None = None
    patterns: list[Obj] = Field(default_factory=list)
    provinces: list[Obj] = Field(default_factory=list,
                                 description="Each province with, per pattern id, its figures")


class ComparisonSummary(BaseModel):
    mergers: int = Field(description="Mergers done in the unit (a province: in any of its units)")
    mergers_by_kind: dict[str, int] = Field(description="merge, absorb, ... -> count")
    mergers_by_status: dict[str, int]
    patterns: int = Field(description="Concurrency patterns applied in its scope")
    pattern_adoptions: int = Field(description="(unit, pattern) adoptions: rows of `patterns`")
    units_applying: int
    reductions: int = Field(description="Reductions reported: rows of `reductions`")
    reduction_kinds: int


class MergerKind(BaseModel):
    signature: str = Field(description="'<from body type> -> <into body type>'")
    from_type: str | None
    into_type: str | None
    level: str | None
    count: int


class PatternCoverage(BaseModel):
    pattern: Obj
    units_applying: int
    adoptions: int


class ReductionKindCount(BaseModel):
    kind: Obj
    count: int


class ComparedUnit(_Open):
    unit: Obj
    summary: ComparisonSummary
    merger_kinds: list[MergerKind]
    pattern_coverage: list[PatternCoverage]
    reduction_kinds: list[ReductionKindCount]
    mergers: list[Obj] = Field(description="One page of the unit's mergers")
    patterns: list[Obj] = Field(description="One page of its pattern adoptions, by pattern and unit")
    reductions: list[Obj] = Field(description="One page of the reductions reported")
    only_here: dict[str, list[str]]
    contained_patterns: dict[str, list[str]] = Field(description=(
        "A pattern the unit does not apply as such, but whose posts all lie in one it applies"))


class Comparison(BaseModel):
    units: list[ComparedUnit]
    common: dict[str, list[Any]] = Field(default_factory=dict)
    as_of: str | None = None
    offset: int
    limit: int
    next_offset: int | None = Field(description=(
        "Set while some unit's mergers, patterns or reductions go on past this page"))


class FactEvidence(_Open):
    fact: Obj
    evidence: list[Obj] = Field(default_factory=list)


class Problem(BaseModel):
    """An error (RFC 9457, application/problem+json)."""
    type: str = "about:blank"
    title: str
    status: int
    detail: str | None = None

    model_config = ConfigDict(extra="allow")
