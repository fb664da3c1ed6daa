"""Response models: what clients see, separate from what the graph stores."""

from __future__ import annotations

from pydantic import BaseModel, Field, model_validator


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
    units: list[PatternUnit]
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
                             description="The article's text (UTF-8); leave out to fetch `url`")
    url: str | None = Field(default=None, max_length=2000)
    publisher: str | None = Field(default=None, max_length=300)
    date: str | None = Field(default=None, max_length=10, description="YYYY[-MM[-DD]]")
    province_hint: str | None = Field(default=None, max_length=100)
    title: str | None = Field(default=None, max_length=500)

    @model_validator(mode="after")
    def _text_or_url(self):
        if self.text is None and not self.url:
            raise ValueError("give the document's text, or a url to fetch")
        if self.text is not None and not self.doc:
            raise ValueError("a document given as text needs its id, doc")
        return self

    model_config = {"json_schema_extra": {"examples": [{
        "doc": "example-1", "publisher": "Báo Sơn La", "date": "2020-05-01",
        "province_hint": "Sơn La",
        "text": "Huyện Quỳnh Nhai thực hiện Trưởng ban Dân vận Huyện ủy đồng thời là "
                "Chủ tịch Ủy ban MTTQ huyện."}, {"url": "https://baosonla.vn/chinh-tri/..."}]}}


class DocumentResult(BaseModel):
    doc: str
    facts: list[dict]
    written: dict[str, int]
