"""From an article's text to its facts, and from a manifest to a facts file."""

from __future__ import annotations

import bisect
import re

from .concurrency import extract_concurrency, extract_reports
from .context import DocContext
from .documents import DocumentMeta
from .facts import Concurrency, Fact, Holding
from .gazetteer import gazetteer
from .holdings import extract_holdings
from .mentions import Mentions, PlaceFinder, chunk
from .mergers import extract_mergers
from .normalize import prepare
from .positions import parse_positions
from .reductions import VERB_HINT, extract_reductions
from .tokens import tokenize
from .vocab import vocabulary


# Words without which a sentence states none of our facts.
_TRIGGER = re.compile(
    r"\b(?:bí thư|chủ tịch|trưởng|giám đốc|chủ nhiệm|chánh|ủy viên|kiêm|đồng thời|"
    r"hợp nhất|sáp nhập|sát nhập|xác nhập|thành lập|chuyển|bổ sung chức năng|mô hình|chỉ còn|"
    r"uvtv\w*|uvbtv\w*|tuv|btcb|có \d+ (?:xã|phường|thị trấn|huyện|thôn|bản|ấp))\b")


def _province(gaz, meta: DocumentMeta) -> str | None:
    code = gaz.province_from_hint(meta.province_hint)
    if code or not meta.publisher:
        return code
    words = meta.publisher.split()       # "Báo X": the publisher's province X
    for i in range(1, len(words)):
        codes = gaz.province_codes(" ".join(words[i:]))
        if len(codes) == 1:
            return codes[0]
    return None


def extract_document(text: str, meta: DocumentMeta | None = None) -> list[Fact]:
    """The facts an article states (pure: no I/O besides the cached vocabulary)."""
    meta = meta or DocumentMeta()
    gaz, vocab = gazetteer(), vocabulary()
    prepared = prepare(text)
    province = _province(gaz, meta)
    places = PlaceFinder(gaz, vocab.surname_keys, province).find(prepared.text, prepared.match)
    noise = [(p.start, p.end) for p in prepared.paragraphs if p.noise]
    if noise:
        places = [pl for pl in places if not any(a <= pl.start < b for a, b in noise)]
    # only the sentences that can state a fact are read word by word
    chunks = []
    hot = []
    place_starts = [pl.start for pl in places]
    for s in prepared.sentences:
        if _TRIGGER.search(prepared.match, s.start, s.end):
            hot.append(s.index)
            tokens = tokenize(prepared.text, prepared.match, s.start, s.end)
            inside = places[bisect.bisect_left(place_starts, s.start):bisect.bisect_left(place_starts, s.end)]
            chunks.extend(chunk(prepared.text, tokens, inside, vocab))
    ctx = DocContext(prepared, Mentions(chunks, places), gaz, vocab, doc=meta.doc)
    ctx.build(province, meta.publisher)

    facts: list[Fact] = []
    for index in hot:
        view = ctx.views[index]
        positions = parse_positions(prepared.text, prepared.match, chunks, view.c0, view.c1)
        person_of: dict[int, str] = {}
        holdings, joint = extract_holdings(ctx, view, positions, person_of)
        facts.extend(holdings)
        facts.extend(joint)
        facts.extend(extract_concurrency(ctx, view, positions, person_of))
        facts.extend(extract_reports(ctx, view, positions))
        facts.extend(extract_mergers(ctx, view))
    # reductions need no tokens: every sentence that says "giảm", found in one pass
    sentence_starts = [s.start for s in prepared.sentences]
    seen = -1
    for m in VERB_HINT.finditer(prepared.match):
        index = bisect.bisect_right(sentence_starts, m.start()) - 1
        if index > seen and m.start() < prepared.sentences[index].end:
            seen = index
            facts.extend(extract_reductions(ctx, ctx.views[index]))
    return merge_duplicates(facts, ctx.default_status)


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

