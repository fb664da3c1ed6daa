"""Holdings: a named person and every post the text gives them, whichever
order name and titles come in:

    Đồng chí Nguyễn Văn A, Chủ tịch UBMTTQ, Trưởng Ban Dân vận Huyện ủy X
    Bí thư Tỉnh ủy - Chủ tịch HĐND tỉnh Nguyễn Văn A
    Ông Nguyễn Văn A - Bí thư đồng thời là Chủ tịch UBND xã
    ông Nguyễn Văn A, Giám đốc Đài X, giữ chức Giám đốc Báo và Đài X   (a new post)

Posts written together with the name (apposition) are held at the same time:
two or more of them are also a concurrency. A post the person is appointed to
("giữ chức", "bầu giữ chức") is a holding, not a concurrency with the old one.
"""

from __future__ import annotations

import re

from .concurrency import complete, position_refs
from .context import DocContext, SentenceView, date_in
from .facts import Concurrency, Holding
from .results import SentenceResult
from .positions import AND, COMMA, CONNECTOR, DASH, Position, gap_kind, position_level

_NAME_THEN_TITLE = re.compile(r"^[\s,:\-(]*$")
_TITLE_THEN_NAME = re.compile(r"^\s*(?:,\s*)?(?:(?:đồng chí|đ/c|ông|bà)\s+)?$")
_APPOINTED = re.compile(r"\bgiữ\s+(?:các\s+)?(?:chức(?:\s+vụ|\s+danh)?|cương vị)?\s*$")
_FORMER = re.compile(r"\b(?:từng|nguyên|trước đây|đã từng|thay cho|thay)\b")
_LINKS = (COMMA, DASH, AND, CONNECTOR)
# titles the vocabulary does not know stand between a name and its posts
# without breaking them apart ("Ủy viên dự khuyết Trung ương Đảng")
_SKIPPABLE = re.compile(r"\b(?:ủy viên dự khuyết|ủy viên)\b[^,;:()\-]{0,60}")
_STOPPED = re.compile(r"\b(?:thôi|không còn|không|nguyên)\b")   # "thôi kiêm nhiệm", "nguyên ...": not held


def _link(match: str, a: int, b: int) -> bool:
    """Two posts written together for one person."""
    if gap_kind(match, a, b) in _LINKS:
        return True
    cleaned = _SKIPPABLE.sub("", match[a:b])
    return cleaned != match[a:b] and bool(re.fullmatch(r"\s*(?:[,\-]\s*)+", cleaned))


def extract_holdings(ctx: DocContext, view: SentenceView, positions: list[Position]) -> SentenceResult:
    """Holdings, and the concurrencies of titles in apposition; the result
    says which position each person holds (by index in `positions`)."""
    out = SentenceResult()
    match = ctx.match
    chunks = ctx.chunks
    names = [(i, c) for i, c in enumerate(chunks[view.c0:view.c1], view.c0) if c.kind == "name"]
    if not names or not positions:
        return out
    taken: set[int] = set()
    index = {id(p): k for k, p in enumerate(positions)}

    # titles before the name: "Bí thư Tỉnh ủy - Chủ tịch HĐND tỉnh Nguyễn Văn A"
    before: dict[int, list[Position]] = {}
    for idx, name in names:
        prior = [k for k, p in enumerate(positions) if p.end <= name.start]
        if not prior:
            continue
        k = prior[-1]
        if not _TITLE_THEN_NAME.match(match[positions[k].end:name.start]):
            continue
        group = [k]
        while k > 0 and _link(match, positions[k - 1].end, positions[k].start) and k - 1 not in taken:
            k -= 1
            group.insert(0, k)
        before[idx] = [positions[g] for g in group]
        taken.update(group)

    # titles after the name: "Nguyễn Văn A, Trưởng ban ..., Giám đốc ..."
    after: dict[int, list[Position]] = {}
    for idx, name in names:
        nxt = [k for k, p in enumerate(positions) if p.start >= name.end and k not in taken]
        if not nxt:
            continue
        k = nxt[0]
        if not _NAME_THEN_TITLE.match(_SKIPPABLE.sub("", match[name.end:positions[k].start])):
            continue
        group = [k]
        while k + 1 < len(positions) and k + 1 not in taken \
                and _link(match, positions[k].end, positions[k + 1].start) \
                and not _STOPPED.search(match[positions[k].end:positions[k + 1].start]):
            k += 1
            group.append(k)
        after[idx] = [positions[g] for g in group]
        taken.update(group)

    # appointments: "NAME ... giữ chức POST"
    appointed: dict[int, list[Position]] = {}
    for k, p in enumerate(positions):
        if k in taken:
            continue
        lead = match[max(view.sentence.start, p.start - 40):p.start]
        if not _APPOINTED.search(lead) or _FORMER.search(lead):
            continue
        subject = [(idx, c) for idx, c in names if c.end <= p.start]
        if not subject:
            continue
        idx, name = subject[-1]
        if _FORMER.search(match[name.end:p.start]):
            continue
        group = [k]
        while k + 1 < len(positions) and gap_kind(match, positions[k].end, positions[k + 1].start) in _LINKS:
            k += 1
            group.append(k)
        appointed.setdefault(idx, []).extend(positions[g] for g in group)
        taken.update(group)

    holdings: list[Holding] = []
    concurrencies: list[Concurrency] = []
    for idx, name in names:
        together = before.get(idx, []) + after.get(idx, [])
        posts = complete(together + appointed.get(idx, []))
        posts = [p for p in posts if p.level != "all"]
        if not posts:
            continue
        person = name.person
        for p in together:
            out.person_of[index[id(p)]] = person
        spans = [name.start, name.end] + [x for p in posts for x in (p.start, p.end)]
        start, end = min(spans), max(spans)
        main = [p for p in posts if not p.member] or posts
        level = ctx.level(position_level(main))
        unit = ctx.unit_for_posts(level, main, view.places, name.start)
        holdings.append(Holding(ctx.doc, ctx.text[start:end], start, end, ctx.unit(unit),
                                person=person, positions=position_refs(ctx, posts)))
        joint = [p for p in complete(together) if not p.member and p.level != "all"]
        if len({p.key for p in joint}) >= 2:
            levels = {ctx.level(p.level) for p in joint if p.level}
            if len(levels) > 1:
                continue                       # posts at different levels: no single pattern
            lv = levels.pop() if levels else None
            j_unit = ctx.unit_for_posts(lv, joint, view.places, name.start)
            if j_unit is None:
                continue
            lv = lv or ctx.gaz.units[j_unit].level
            j_start = min(name.start, joint[0].start)
            j_end = max(name.end, joint[-1].end)
            clause = ctx.clause_of(view, j_start)
            concurrencies.append(Concurrency(
                ctx.doc, ctx.text[j_start:j_end], j_start, j_end, ctx.unit(j_unit), level=lv,
                positions=position_refs(ctx, joint), status=ctx.status_for(view, clause, j_start),
                date=date_in(match[view.sentence.start:view.sentence.end]), person=person))
            out.patterns.append((j_start, tuple(sorted({p.key for p in joint}))))
    out.facts = holdings + concurrencies
    return out
