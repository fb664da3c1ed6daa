"""A Neo4j Browser guide served by the app: `:play http://localhost:8000/guide`.

Slides (Browser's guide format: <article class="guide"><carousel><slide>) with the model
and the README's ten queries, each runnable in one click: the query of cypher/<name>.cypher
with its example parameters written in as literals. Below it, the file's own `:param`
line and text, runnable as they are. Browser fetches the guide from its own page, so the
response allows any origin (it is static, read-only text); the local Neo4j allows the
host in `browser.remote_content_hostname_allowlist` (localhost is in Neo4j's default).
The style file is served beside it for `:style <url>`.
"""

from __future__ import annotations

import html
import re

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, PlainTextResponse, Response

from mergegraph.graph.catalog import example_params, query
from mergegraph.graph.schema import CYPHER_DIR

guide_router = APIRouter(include_in_schema=False)
CORS = {"Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache"}

# (title, cypher file or None, what it answers); the README's "ten most useful"
QUERIES: list[tuple[str, str | None, str]] = [
    ("The merger tree of a body", "body_lineage",
     "What Đầm Hà's Cơ quan Tổ chức - Nội vụ came from, each edge with its quote and source."),
    ("Where a legacy unit went in 2025", "unit_successors",
     "Huyện Đầm Hà was abolished: its communes' successors, with the default one first."),
    ("The province a historical unit belongs to now", "unit_province_today",
     "A district of Đắk Nông: Lâm Đồng after 2025-07-01."),
    ("What a 2025 unit was made of", "unit_predecessors",
     "Lâm Đồng (2025:68): the legacy provinces that formed it."),
    ("A province's concurrency patterns and coverage", "patterns",
     "Sơn La: each pattern, the units applying it, coverage as reported (count of of)."),
    ("A unit's mergers, patterns and reported reductions", "compare_unit",
     "Sơn La's record for a comparison; reductions as reported, never summed."),
    ("Provinces x patterns, nationwide", "patterns_matrix", "Every province, every pattern."),
    ("Search names without diacritics", "search", "'dam AND ha' finds Đầm Hà."),
    ("The sentences behind a fact", "fact_evidence", "A merger's quotes and documents."),
    ("Every merger of a district, as a picture", None,
     "Bodies of Huyện Đầm Hà (legacy:200) and what they merged into."),
]
DISTRICT_PICTURE = "MATCH p = (:Body {unit_uid: 'legacy:200'})-[:MERGED_INTO]->(:Body) RETURN p"
MODEL_BY_EXAMPLE = """// The model, by example: one real instance of each relationship around Quỳnh Nhai
// and Đầm Hà (readable where db.schema.visualization() draws every branch label)
MATCH p1 = (:Person)-[:HOLDS]->(:Position)-[:IN_BODY]->(:Body)-[:IN_UNIT]->(u:AdminUnit {uid: 'legacy:118'})
MATCH p2 = (:Position {id: 'position:body:legacy:118:ban-dan-van:head'})-[:HELD_CONCURRENTLY_WITH]-(:Position)
MATCH p3 = (u)-[:APPLIES]->(:ConcurrencyPattern)
MATCH p4 = (u)-[:PART_OF]->(:AdminUnit)-[:MERGED_INTO]->(:AdminUnit)
MATCH p5 = (:Body {id: 'body:legacy:200:ban-to-chuc'})-[m:MERGED_INTO]->(:Body)
MATCH p6 = (:Evidence {fact_id: m.fact_id})-[:CITES]->(:Source)
RETURN p1, p2, p3, p4, p5, p6 LIMIT 1"""

_TOKEN = re.compile(r"\s*('(?:[^'\\]|\\.)*'|-?\d+(?:\.\d+)?|[{}\[\]:,]|[A-Za-z_]\w*)")


def parse_map_literal(text: str) -> dict:
    """The `:param {...}` map of a query file (strings, numbers, null, booleans, lists)."""
    tokens = _TOKEN.findall(text)
    pos = 0

    def value():
        nonlocal pos
        tok = tokens[pos]
        pos += 1
        if tok == "{":
            out = {}
            while tokens[pos] != "}":
                key = tokens[pos]
                assert tokens[pos + 1] == ":", text
                pos += 2
                out[key] = value()
                if tokens[pos] == ",":
                    pos += 1
            pos += 1
            return out
        if tok == "[":
            items = []
            while tokens[pos] != "]":
                items.append(value())
                if tokens[pos] == ",":
                    pos += 1
            pos += 1
            return items
        if tok.startswith("'"):
            return tok[1:-1].replace("\\'", "'")
        if tok in ("null", "true", "false"):
            return {"null": None, "true": True, "false": False}[tok]
        return float(tok) if "." in tok else int(tok)

    return value()


def cypher_literal(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def one_click(name: str) -> str:
    """The query of a file with its example parameters written in: runs without :param."""
    params = parse_map_literal(example_params(name) or "{}")
    text = "\n".join(line for line in query(name).splitlines() if not line.lstrip().startswith("//"))
    return re.sub(r"\$([A-Za-z_]\w*)", lambda m: cypher_literal(params[m.group(1)]), text)


def _pre(code: str) -> str:
    return f'<pre mode="cypher" class="pre-scrollable code runnable">{html.escape(code)}</pre>'


def guide_html(base: str) -> str:
    style_url = f"{base}/guide/browser-style.grass"
    slides = [f"""
    <slide class="row-fluid">
      <div class="col-sm-12">
        <h3>mergegraph: the graph of Vietnam's merged agencies and posts</h3>
        <p>Bodies (<code>:Body</code>, their branch in <code>branch</code>: party, state, front, service,
        village, mixed) serve
        administrative units (<code>:AdminUnit</code>, legacy and 2025) and go <code>MERGED_INTO</code> one another;
        posts (<code>:Position</code>) in bodies are <code>HELD_CONCURRENTLY_WITH</code> one another and
        <code>HOLDS</code> by people (<code>:Person</code>); units <code>APPLIES</code> concurrency patterns and
        <code>REDUCED</code> what they cut. Every fact relationship has a <code>fact_id</code>: its
        <code>:Evidence</code> nodes quote the sentence and <code>CITES</code> their <code>:Source</code>.
        The full model is graph/MODEL.md.</p>
        <p>First, the style (node names, bodies coloured by branch): click, then run.</p>
        {_pre(":style " + style_url)}
        <p>The schema. Each branch label is drawn as its own node, so body relationships appear once per
        branch; the next block shows the same model with real nodes, one of each kind.</p>
        {_pre("CALL db.schema.visualization()")}
        {_pre(MODEL_BY_EXAMPLE)}
      </div>
    </slide>"""]
    for i, (title, name, what) in enumerate(QUERIES, start=2):
        if name is None:
            body = f"<p>{html.escape(what)}</p>{_pre(DISTRICT_PICTURE)}"
        else:
            body = (f"<p>{html.escape(what)} One click runs it with the example values written in:</p>"
                    f"{_pre(one_click(name))}"
                    f"<p>As the file <code>cypher/{name}.cypher</code> has it: set its parameters, "
                    f"then run the query (change the values to ask about something else).</p>"
                    f"{_pre(':param ' + (example_params(name) or '{}'))}{_pre(query(name))}")
        slides.append(f"""
    <slide class="row-fluid">
      <div class="col-sm-12">
        <h3>{i - 1}. {html.escape(title)}</h3>
        {body}
      </div>
    </slide>""")
    return ('<article class="guide">\n  <carousel class="deck container-fluid">'
            + "".join(slides) + "\n  </carousel>\n</article>\n")


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


@guide_router.get("/guide", response_class=HTMLResponse)
async def guide(request: Request) -> HTMLResponse:
    return HTMLResponse(guide_html(_base(request)), headers=CORS)


@guide_router.get("/guide/browser-style.grass", response_class=PlainTextResponse)
async def guide_style() -> PlainTextResponse:
    return PlainTextResponse((CYPHER_DIR / "browser-style.grass").read_text(encoding="utf-8"),
                             headers=CORS)


@guide_router.options("/guide")
@guide_router.options("/guide/browser-style.grass")
async def guide_preflight(request: Request) -> Response:
    """Browser's fetch sends headers of its own: it asks first (CORS preflight)."""
    asked = request.headers.get("access-control-request-headers", "")
    return Response(status_code=204, headers={
        **CORS, "Access-Control-Allow-Methods": "GET, OPTIONS",
        "Access-Control-Allow-Headers": asked or "*", "Access-Control-Max-Age": "600"})
