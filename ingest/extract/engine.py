"""From an article's text to its facts, and from a manifest to a facts file."""

from __future__ import annotations

import bisect
import gc
import re
from functools import lru_cache

from .concurrency import extract_concurrency, extract_reports
from .context import DocContext
from .documents import DocumentMeta
from .facts import Concurrency, Fact, Holding
from .gazetteer import gazetteer
from .holdings import extract_holdings
from .mentions import Mentions, PlaceFinder, chunk
from .mergers import extract_mergers
from .normalize import prepare
from .publishers import publishers
from .positions import parse_positions, resolve_roles
from .results import Pattern
from .reductions import VERB_HINT, extract_reductions
from .tokens import tokenize
from .vocab import vocabulary




def _province(gaz, meta: DocumentMeta) -> str | None:
    """The publisher's province: the manifest's hint, else what the page's address
    and the publisher's name state (ingest.extract.publishers; no guess)."""
    return gaz.province_from_hint(meta.province_hint) or publishers().province(meta.url,
                                                                              meta.publisher)


_DOMAIN_IN_TEXT = re.compile(r"\b((?:www\.)?[a-z0-9-]{4,40}\.(?:gov\.vn|com\.vn|org\.vn|vn))\b")
_PAGE_HEAD = 400          # characters of the page where its own domain is printed ("(Baohatinh.vn) -")


def province_of_page(gaz, match: str) -> str | None:
    """The publisher's domain printed at the head of the page ("(Baohatinh.vn) - ...")."""
    for m in _DOMAIN_IN_TEXT.finditer(match, 0, _PAGE_HEAD):
        code = publishers().from_domain(m.group(1))
        if code:
            return code
    return None


def province_by_count(gaz, places) -> str | None:
    """The province the text names clearly more than any other (two names or
    more; a name found in several provinces, one of them this one, counts for
    it: "tỉnh An Giang ... huyện Châu Thành")."""
    counts: dict[str, int] = {}
    for p in places:
        unit = gaz.get(p.code)
        if unit:
            counts[unit.province] = counts.get(unit.province, 0) + 1
    if not counts:
        return None
    top = max(counts, key=counts.get)
    n = counts[top]
    if n / sum(counts.values()) <= 0.5:
        return None
    if n < 2:
        n += sum(1 for p in places if p.code is None and len(p.candidates) > 1
                 and any(gaz.units[c].province == top for c in p.candidates))
    return top if n >= 2 else None


@lru_cache(maxsize=1)
def _loaded() -> tuple:
    """The gazetteer, the vocabularies and the publishers' table, loaded once
    per process and kept as long as it lives. Their hundred thousand objects
    are then set aside from the garbage collector (gc.freeze): its full
    collections, which the objects of each document trigger every hundred
    documents or so, no longer walk them (they took a tenth of the time)."""
    gaz, vocab = gazetteer(), vocabulary()
    publishers()
    gc.freeze()
    return gaz, vocab


def extract_document(text: str, meta: DocumentMeta | None = None) -> list[Fact]:
    """The facts an article states (pure: no I/O besides the cached vocabulary)."""
    return run_document(text, meta)


def run_document(text: str, meta: DocumentMeta | None = None, trace: list | None = None) -> list[Fact]:
    """extract_document; with `trace`, a record of each sentence with a trigger
    is appended to it: (ctx, view, positions, {frame: facts}) (see explain.py)."""
    meta = meta or DocumentMeta()
    gaz, vocab = _loaded()
    prepared = prepare(text)
    province = _province(gaz, meta) or province_of_page(gaz, prepared.match)
    finder = PlaceFinder(gaz, vocab.surname_keys, province)
    places = finder.find(prepared.text, prepared.match)
    if province is None:
        # no metadata: the province the text names most, then its districts named bare
        province = province_by_count(gaz, places)
        if province is not None:
            places = PlaceFinder(gaz, vocab.surname_keys, province).find(prepared.text, prepared.match,
                                                                         finder.windows)
    noise = [(p.start, p.end) for p in prepared.paragraphs if p.noise]     # in text order
    if noise:
        starts = [a for a, _b in noise]

        def in_noise(at: int) -> bool:
            k = bisect.bisect_right(starts, at) - 1
            return k >= 0 and at < noise[k][1]

        places = [pl for pl in places if not in_noise(pl.start)]
    # only the sentences that can state a fact are read word by word
    chunks = []
    hot = []
    place_starts = [pl.start for pl in places]
    hot_words = vocab.cues.hot
    for s in prepared.sentences:
        if hot_words.search(prepared.match, s.start, s.end):
            hot.append(s.index)
            tokens = tokenize(prepared.text, prepared.match, s.start, s.end)
            inside = places[bisect.bisect_left(place_starts, s.start):bisect.bisect_left(place_starts, s.end)]
            chunks.extend(chunk(prepared.text, tokens, inside, vocab))
    ctx = DocContext(prepared, Mentions(chunks, places), gaz, vocab, doc=meta.doc)
    ctx.build(province, meta.publisher)

    facts: list[Fact] = []
    memory: dict[str, str] = {}          # role written alone -> its last body
    last: Pattern | None = None          # the last pattern of posts described
    for index in hot:
        view = ctx.views[index]
        positions = parse_positions(prepared.text, prepared.match, chunks, view.c0, view.c1)
        memory = resolve_roles(positions, memory)
        held = extract_holdings(ctx, view, positions)
        joined = extract_concurrency(ctx, view, positions, held.person_of)
        reports = extract_reports(ctx, view, positions, last)
        merged = extract_mergers(ctx, view)
        facts.extend(held.facts)
        facts.extend(joined.facts)
        facts.extend(reports)
        facts.extend(merged)
        if trace is not None:
            trace.append((ctx, view, positions, {"holding": held.facts, "concurrency": joined.facts,
                                                 "report": reports, "merger": merged}))
        stated = sorted(held.patterns + joined.patterns)
        if stated:
            last = Pattern(stated[-1][1], view.sentence.paragraph)
    # reductions need no tokens: every sentence that says "giảm", found in one pass
    sentence_starts = [s.start for s in prepared.sentences]
    seen = -1
    for m in VERB_HINT.finditer(prepared.match):
        index = bisect.bisect_right(sentence_starts, m.start()) - 1
        if index > seen and m.start() < prepared.sentences[index].end:
            seen = index
            facts.extend(extract_reductions(ctx, ctx.views[index]))
    return with_evidence(merge_duplicates(facts, ctx.default_status), prepared)


def with_evidence(facts: list[Fact], prepared) -> list[Fact]:
    """Each fact's quote trimmed of white space, with the whole sentence(s)
    around it (trimmed). The dates a statement gives are read from its sentence
    by ingest.dates, with the document around it (ingest.pipeline.Statements)."""
    text = prepared.text
    starts = [s.start for s in prepared.sentences]
    for f in facts:
        while f.start < f.end and text[f.start].isspace():
            f.start += 1
        while f.end > f.start and text[f.end - 1].isspace():
            f.end -= 1
        f.quote = text[f.start:f.end]
        if not starts:
            continue
        first = prepared.sentences[max(0, bisect.bisect_right(starts, f.start) - 1)]
        last = prepared.sentences[max(0, bisect.bisect_right(starts, max(f.start, f.end - 1)) - 1)]
        a, b = min(first.start, f.start), max(last.end, f.end)
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        f.sentence, f.sentence_start = text[a:b], a
    return facts


def merge_duplicates(facts: list[Fact], default_status: str) -> list[Fact]:
    """One fact per key: a caption printed twice, a pattern named in the title
    and again in the text. The most informative statement is kept (the one
    with a coverage, then the one whose own words give its status)."""
    kept: dict[tuple, Fact] = {}
    order: list[tuple] = []
    for fact in facts:
        if fact.unit.code is None:
            continue
        k = fact.key()
        old = kept.get(k)
        if old is None:
            kept[k] = fact
            order.append(k)
            continue
        if isinstance(fact, Holding):
            seen = {p.key for p in old.positions}
            old.positions.extend(p for p in fact.positions if p.key not in seen)
            continue
        if _rank(fact, default_status) > _rank(old, default_status):
            kept[k] = fact
            fact, old = old, fact
            kept_fact = kept[k]
        else:
            kept_fact = old
        for name in ("person", "date", "into"):
            if getattr(kept_fact, name, None) is None and getattr(fact, name, None) is not None:
                setattr(kept_fact, name, getattr(fact, name))
    return sorted((kept[k] for k in order), key=lambda f: (f.start, f.end))


def _rank(fact: Fact, default_status: str) -> tuple:
    coverage = isinstance(fact, Concurrency) and (fact.count is not None or fact.percent is not None)
    explicit = getattr(fact, "status", default_status) != default_status
    return (coverage, explicit)

