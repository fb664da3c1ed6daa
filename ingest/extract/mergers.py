"""Mergers and transfers of bodies.

    hợp nhất A với B (thành C)                  merge A+B
    hợp nhất A với B; C và D                    two merges sharing one verb
    sáp nhập A vào B / A sáp nhập vào B         absorb A into B
    thành lập C trên cơ sở hợp nhất: A, B, D     merge A+B+D into C
    sau khi hợp nhất, có tên gọi là "X - Y"      merge of the parts of X - Y
    hợp nhất các cơ quan: <a body made of parts> merge of its parts
    chuyển A về B                               absorb A into B
    chuyển chức năng F của A về B               transfer F from A to B
    thành lập C ... bổ sung chức năng F từ A    transfer F from A to C

Only bodies of the vocabulary count as merged bodies; a body after "thuộc",
"trực thuộc", "của" is an owner, and a committee right after a body
("Ban Tổ chức Huyện ủy") says whose body it is.
"""

from __future__ import annotations

import bisect
import dataclasses
import re

from .context import DocContext, SentenceView, date_in, place_lists
from .facts import BodyRef, Merger, Transfer
from .mentions import Chunk
from .normalize import Span, norm_phrase
from .vocab import LEVEL_RANK, alternation, load_cues, words_re

_CUES = load_cues()
W = _CUES.w          # function words of cues.yaml, as regex alternations

_NEGATED = re.compile(r"\b(?:" + alternation(_CUES.spec.negation) + r")\s+$")
_VERB = words_re(_CUES.spec.merge_verbs)
_FOUND = words_re(_CUES.spec.found_verbs)
_UNDER = re.compile(r"(?:" + alternation(_CUES.spec.under) + r")\s+")
_BASIS = re.compile(r"\b(?:" + W("basis") + r")\s*(?:(?:" + W("basis_verbs") + r")\b)?\s*:?")
_RENAMED = re.compile(r"\b(?:" + W("after_merging") + r")\b[^.;]{0,60}?\b(?:" + W("named_as") + r")\s*:?\s*")
_MOVE = re.compile(r"\b(?:" + W("move") + r")\s+(?:(?:" + W("as_is") + r")\s+)?")
# "chức năng", "chức năng, nhiệm vụ", or "nhiệm vụ" alone
_FUNCTION_WORDS = r"(?:(?:" + W("function") + r")(?:\s*,?\s*(?:" + W("task") + r"))?|(?:" + W("task") + r"))"
# the function named after those words, if any ("chức năng quản lý về lao động của A"):
# not the "của"/"từ" that names the body ("chức năng, nhiệm vụ của A")
_FUNCTION = (r"(?P<words>" + _FUNCTION_WORDS + r")(?:\s+(?P<func>(?!(?:" + W("of_from")
             + r")\s)[^;.]{3,120}?))?\s+(?:" + W("of_from") + r")\s+")
_MOVE_FUNCTION = re.compile(r"\b(?:" + W("move") + r")\s+(?:(?:" + W("hand_over") + r")\s+)?" + _FUNCTION)
# "B tiếp nhận chức năng, nhiệm vụ (F) của A": B the body just before the verb
_RECEIVE_FUNCTION = re.compile(r"\b(?:" + W("receive") + r")\s+" + _FUNCTION)
_RECEIVER_GAP = re.compile(r"[^,;:.()]{0,60}$")  # .match(text, pos, endpos)
_MOVE_FUNCTION_HEAD = re.compile(r"(?:(?:" + W("hand_over") + r")\s+)?(?:" + W("function") + "|" + W("task") + r")\b")
_ADD_FUNCTION = re.compile(r"\b(?:" + W("add_function") + r")(?:\s*,?\s*(?:" + W("task") + r"))?\s+"
                           r"(?P<func>[^;.]{3,120}?)\s+(?:" + W("from") + r")\s+")
_TO = re.compile(r"\s(?:" + W("to") + r")\s+")
_END = re.compile(r";|\.(?:\s|$)|\s(?!(?:" + W("into_compounds") + r")\b)(?:" + W("into") + r")\s|\b(?:"
                  + W("region_end") + r")\b|\s(?:" + W("region_end_before") + r")\s|,\s*(?:"
                  + W("region_end_after_comma") + r")\b")
_INTO = re.compile(r"^\s(?!(?:" + W("into_compounds") + r")\b)(?P<word>" + W("into") + r")\s")
_OWNER = re.compile(r"(?:" + W("owner") + r")\s*$")
_LIST_START = re.compile(r"^[^,;]{0,80}$")
# between two owners of a list: "từ Văn phòng UBND tỉnh, Ban Tuyên giáo Tỉnh ủy, Sở ..."
_OWNER_LIST = re.compile(r"^[^;:()]{0,25}?(?:,|" + W("and") + r")\s*$")
# between the subject's last body and its verb: its place, "đã", "được" (.match(text, pos, endpos))
_SUBJECT_GAP = re.compile(r"[^,;:.()]{0,40}$")
_ABSORB = re.compile(W("absorb_into"))
_SOURCES = "sources"                 # an owner run opened by "từ": the bodies things come from
_FROM_WORD = re.compile(r"(?:" + W("from") + r")\b")
_DISSOLVE = _CUES.dissolve
_MOVE_TASKS = re.compile(r"\b(?:(?:" + W("move_by") + r")\s+)?(?:" + W("move") + r")(?:\s+(?:" + W("hand_over")
                         + r"))?\s+(?P<func>(?:" + W("function") + "|" + W("task") + r")[^;.]{0,140}?)\s+(?:"
                         + W("to_target") + r")\s+")
_BODY_PART = re.compile(r"\b(?:" + alternation(_CUES.spec.body_part) + r")\s+(?P<func>(?:(?!\b(?:" + W("of_under")
                        + r")\b)[^\d,;:()]){2,50}?)\s+(?:" + W("of_under") + r")\s+")
_WITH = re.compile(r"\s*(?:" + W("with") + r")\s+$")
_AT_LIST = re.compile(r"\s*,?\s*(?:" + W("at") + r")\s[^.;]{0,60}$")
_COUNTED_ITEMS = re.compile(r"^\s*:?\s*\d+\s")
# a sentence without one of these strings has no merger or transfer (a cheap test first)
_QUICK = re.compile(alternation(_CUES.spec.merge_verbs + _CUES.spec.found_verbs + _CUES.spec.words["move"]
                                + _CUES.spec.words["receive"]))
_MOVE_OR_FOUND = re.compile(r"\b(?:" + W("move") + "|" + W("receive") + "|"
                            + alternation(_CUES.spec.found_verbs) + r")\b")
# the words every match of a sentence pattern holds, as a plain alternation (see _in_sentence)
_NEEDS = {pattern: re.compile(alternation(words)) for pattern, words in (
    (_FOUND, _CUES.spec.found_verbs), (_RENAMED, _CUES.spec.words["after_merging"]),
    (_VERB, _CUES.spec.merge_verbs), (_DISSOLVE, _CUES.spec.dissolve),
    (_MOVE_FUNCTION, _CUES.spec.words["move"]), (_MOVE, _CUES.spec.words["move"]),
    (_RECEIVE_FUNCTION, _CUES.spec.words["receive"]),
    (_ADD_FUNCTION, _CUES.spec.words["add_function"]))}


def _in_sentence(pattern: re.Pattern, match: str, s: Span):
    """pattern.finditer over the sentence; a sentence without the words every
    match of it holds is not searched (a plain alternation is found far more
    cheaply than one between word boundaries)."""
    needs = _NEEDS.get(pattern)
    if needs is not None and needs.search(match, s.start, s.end) is None:
        return ()
    return pattern.finditer(match, s.start, s.end)


class _Sentence:
    """The bodies of one sentence, for the merger rules."""

    def __init__(self, ctx: DocContext, view: SentenceView):
        self.ctx = ctx
        self.view = view
        self.bodies: list[tuple[Chunk, bool]] = []     # (chunk, is an item)
        self._scan()
        self.starts = [c.start for c, _ in self.bodies]

    def _scan(self) -> None:
        chunks = self.ctx.chunks[self.view.c0:self.view.c1]
        match = self.ctx.match
        last_end = None            # end of the words a next body would be attached to
        prev_owner = False
        for c in chunks:
            if c.kind == "tok":
                continue
            if c.kind in ("place", "level"):
                if last_end is not None and (last_end >= c.start or match[last_end:c.start].isspace()):
                    last_end = c.end
                continue
            if c.kind != "body":
                last_end = c.end if c.kind in ("role", "fused") else None   # a post's body is no merged body
                continue
            attached = last_end is not None and (last_end >= c.start or match[last_end:c.start].isspace())
            opened = match[max(0, c.start - 3):c.start].rstrip().endswith("(")
            closed = match[c.end:c.end + 3].lstrip().startswith(")")
            if opened and closed:                            # "(UBKT)": an abbreviation
                self.bodies.append((c, False))
                if last_end is not None:
                    last_end = match.index(")", c.end) + 1
                continue
            found = _OWNER.search(match[max(c.start - 20, 0):c.start])
            owner = bool(found)
            if attached:
                owner = prev_owner                           # "Ban Tuyên giáo Tỉnh ủy": one owner
            elif not owner and self.bodies and not self.bodies[-1][1] and prev_owner == _SOURCES \
                    and _OWNER_LIST.match(match[self.bodies[-1][0].end:c.start]):
                owner = _SOURCES                             # "từ A, B, C": all of them sources
            elif found:
                owner = _SOURCES if _FROM_WORD.match(found.group()) else True
            prev_owner = owner
            item = not attached and not owner
            info = self.ctx.vocab.body_types.get(c.body)
            if info is not None and not info.merge:
                item = False
            self.bodies.append((c, item))
            last_end = c.end

    def items(self, start: int, end: int, whole: bool = True, owners: bool = False) -> list[Chunk]:
        """Item bodies in [start, end) (whole: ending there too; else starting
        there; owners: the bodies after "của", "thuộc" too)."""
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.bodies) and self.bodies[i][0].start < end:
            c, item = self.bodies[i]
            if (item or owners) and (c.end <= end or not whole):
                out.append(c)
            i += 1
        return out

    def first_body(self, start: int, end: int, owners: bool = False) -> Chunk | None:
        """The item body starting in [start, end)."""
        found = self.items(start, end, whole=False, owners=owners)
        return found[0] if found else None

    def last_item_before(self, start: int, end: int) -> Chunk | None:
        found = self.items(start, end)
        return found[-1] if found else None


def _ref(ctx: DocContext, c: Chunk) -> BodyRef:
    return BodyRef(c.body, ctx.text[c.start:c.end], c.start, c.end)


def _refs(ctx: DocContext, c: Chunk) -> list[BodyRef]:
    """The bodies a chunk names: a list head ("Báo và Đài", "các Trạm: A, B")
    names each of its parts."""
    if c.low == "list" and c.body and "+" in c.body:
        return [BodyRef(part, ctx.text[c.start:c.end], c.start, c.end) for part in c.body.split("+")]
    return [_ref(ctx, c)]


def extract_mergers(ctx: DocContext, view: SentenceView) -> list:
    match = ctx.match
    s = view.sentence
    if not _QUICK.search(match, s.start, s.end):
        return []
    low = match[s.start:s.end]
    if not (_VERB.search(low) or _MOVE_OR_FOUND.search(low)):
        return []
    sent = _Sentence(ctx, view)
    if not sent.bodies:
        return []
    facts: list = []
    consumed: list[tuple[int, int]] = []
    new_body: Chunk | None = None

    # thành lập C trên cơ sở ... A, B
    for m in _in_sentence(_FOUND, match, s):
        clause = ctx.clause_of(view, m.start())
        basis = _BASIS.search(match, m.end(), min(clause.end, m.end() + 200))
        if not basis:
            continue
        into = sent.first_body(m.end(), basis.start())
        region_end = _region_end(match, basis.end(), clause.end)
        items = sent.items(basis.end(), region_end)
        consumed.append((m.start(), region_end))
        new_body = into or new_body
        if items:
            facts.append(_merger(ctx, view, clause, m.start(), region_end, items, into, "merge"))
        if into is not None:
            # "Bộ phận lưu trữ thuộc Phòng Nội vụ": a function moved from its body
            for part in _BODY_PART.finditer(match, basis.end(), region_end):
                if sent.first_body(part.start(), part.start() + 1, owners=True) is not None:
                    continue                                 # "bộ phận khuyến nông" is a body itself
                owner = sent.first_body(part.end(), min(region_end, part.end() + 3), owners=True)
                if owner is not None:
                    func = ctx.text[part.start("func"):part.end("func")].strip(" ,")
                    facts.append(_transfer(ctx, view, clause, part.start(), owner.end, owner, into, func))

    # sau khi hợp nhất, có tên gọi là X
    for m in _in_sentence(_RENAMED, match, s):
        consumed.append((m.start(), m.end()))
        body = sent.first_body(m.end(), min(s.end, m.end() + 3))
        if body and ctx.vocab.parts_of(body.body):
            clause = ctx.clause_of(view, m.start())
            parts = [BodyRef(p, ctx.text[body.start:body.end], body.start, body.end)
                     for p in ctx.vocab.parts_of(body.body)]
            facts.append(_merger(ctx, view, clause, m.start(), body.end, [], body, "merge", parts=parts))

    # hợp nhất / sáp nhập
    for m in _in_sentence(_VERB, match, s):
        if any(a <= m.start() < b for a, b in consumed):
            continue
        if _NEGATED.search(match, max(s.start, m.start() - 25), m.start()):
            continue                           # "không nên hợp nhất A với B": not stated
        clause = ctx.clause_of(view, m.start())
        facts.extend(_verb(ctx, view, sent, clause, m))

    # chuyển chức năng F của A về B / chuyển A về B / bổ sung chức năng F từ A
    # giải thể A, B và (điều) chuyển nhiệm vụ ... về C: each dissolved body's tasks go to C
    for m in _in_sentence(_DISSOLVE, match, s):
        move = _MOVE_TASKS.search(match, m.end(), s.end)
        if move is None:
            continue
        clause = ctx.clause_of(view, m.start())
        # "giải thể A, B, chuyển ..." or "A (huyện X) giải thể, chuyển ...": A is the subject
        sources = sent.items(m.end(), move.start(), owners=True) \
            or _subject(sent, match, clause, m.start())
        target = sent.first_body(move.end(), min(s.end, move.end() + 3))
        if not sources or target is None:
            continue
        func = ctx.text[move.start("func"):move.end("func")].strip(" ,")
        for source in sources:
            if source.body != target.body:
                facts.append(_transfer(ctx, view, clause, m.start(), target.end, source, target, func))
        consumed.append((m.start(), target.end))
    for m in _in_sentence(_MOVE_FUNCTION, match, s):
        clause = ctx.clause_of(view, m.start())
        source = sent.first_body(m.end(), min(clause.end, m.end() + 3), owners=True)
        if source is None:
            continue
        to = _TO.search(match, source.end, clause.end)
        target = sent.first_body(to.end(), min(clause.end, to.end() + 3)) if to else None
        if target is None:
            continue
        facts.append(_transfer(ctx, view, clause, m.start(), target.end, source, target,
                               _function(ctx, m)))
    for m in _in_sentence(_RECEIVE_FUNCTION, match, s):
        if any(a <= m.start() < b for a, b in consumed):
            continue                           # "thành lập C trên cơ sở tiếp nhận ...": a merger
        clause = ctx.clause_of(view, m.start())
        target = sent.last_item_before(clause.start, m.start())
        source = sent.first_body(m.end(), min(clause.end, m.end() + 3), owners=True)
        if target is None or source is None or target.body == source.body \
                or not _RECEIVER_GAP.match(match, target.end, m.start()):
            continue
        facts.append(_transfer(ctx, view, clause, target.start, source.end, source, target,
                               _function(ctx, m)))
    for m in _in_sentence(_MOVE, match, s):
        if _MOVE_FUNCTION_HEAD.match(match, m.end()):
            continue
        clause = ctx.clause_of(view, m.start())
        source = sent.first_body(m.end(), min(clause.end, m.end() + 3))
        if source is None:
            continue
        to = _TO.search(match, source.end, min(clause.end, source.end + 60))
        under = _UNDER.match(match, to.end()) if to else None
        if under:
            # "chuyển A về trực thuộc B": A goes on, under B
            target = sent.first_body(under.end(), min(clause.end, under.end() + 3), owners=True)
            if target is not None and target.body != source.body:
                facts.append(_transfer(ctx, view, clause, m.start(), target.end, source, target,
                                       ctx.text[under.start():under.end()].strip()))
            continue
        target = sent.first_body(to.end(), min(clause.end, to.end() + 3)) if to else None
        if target is None or target.body == source.body:
            continue
        facts.append(_merger(ctx, view, clause, m.start(), target.end, [source], target, "absorb"))
    for m in _in_sentence(_ADD_FUNCTION, match, s):
        clause = ctx.clause_of(view, m.start())
        source = sent.first_body(m.end(), min(clause.end, m.end() + 3), owners=True)
        if source is None or new_body is None:
            continue
        func = ctx.text[m.start("func"):m.end("func")].strip(" ,")
        facts.append(_transfer(ctx, view, clause, m.start(), source.end, source, new_body, func))
    return _for_each_listed(ctx, view, [f for f in facts if f is not None])


def _for_each_listed(ctx: DocContext, view: SentenceView, facts: list) -> list:
    """A merger stated once for a list of units before it ("9/9 huyện: A, B, ...
    sáp nhập X và Y") holds for each of them, and for the unit that counts
    them when a count is given."""
    lists = place_lists(ctx, view) if facts else []
    if not lists:
        return facts
    out = []
    for f in facts:
        before = [pl for pl in lists if pl.end <= f.start and f.unit.code in pl.codes + [None]] \
            if isinstance(f, Merger) else []
        # "... tại 10 tỉnh, thành phố, bao gồm: A, B, C": the list after the fact
        last = max([b.end for b in f.bodies] + [f.into.end if f.into else 0]) if isinstance(f, Merger) else 0
        after = [pl for pl in lists if pl.start >= last and _AT_LIST.match(ctx.match, last, pl.start)] \
            if isinstance(f, Merger) else []
        # "Trung tâm Y tế các huyện A, B, C hợp nhất với ...": the list inside the fact
        inside = [pl for pl in lists if f.start <= pl.start and pl.end <= f.end and f.unit.code in pl.codes] \
            if isinstance(f, Merger) else []
        if not before and not after and not inside:
            out.append(f)
            continue
        pl = before[-1] if before else (after[0] if after else inside[0])
        for code in pl.codes:
            out.append(dataclasses.replace(f, unit=ctx.unit(code), bodies=list(f.bodies)))
        if pl.counted:
            container = ctx.gaz.units[pl.codes[0]].parent_at("province" if pl.level == "district" else "district")
            if container:
                out.append(dataclasses.replace(f, unit=ctx.unit(container), bodies=list(f.bodies)))
    return out


def _region_end(match: str, start: int, limit: int) -> int:
    m = _END.search(match, start, limit)
    return m.start() if m else limit


def _verb(ctx: DocContext, view: SentenceView, sent: _Sentence, clause: Span, m: re.Match) -> list:
    match = ctx.match
    after = m.end()
    while after < clause.end and match[after] in " :":
        after += 1
    # "A (buộc phải) sáp nhập vào B": the subject is what is absorbed
    into_m = _INTO.match(" " + match[after:clause.end])
    if into_m and _ABSORB.fullmatch(into_m.group("word")):
        target = sent.first_body(after, min(clause.end, after + 8))
        source = sent.last_item_before(clause.start, m.start())
        if target and source:
            return [_merger(ctx, view, clause, source.start, target.end, [source], target, "absorb",
                            cue=(clause, m.start()))]
        return []
    if into_m or not match[after:clause.end].strip(" ."):
        # "A và B (huyện X) (được) hợp nhất (thành C)": the bodies merged are the subject
        subject = _subject(sent, match, clause, m.start())
        if len({c.body for c in subject}) >= 2:
            into = None
            if into_m:
                start = after + into_m.end() - 1
                into = sent.first_body(start, min(clause.end, start + 3))
            end = into.end if into else m.end()
            return [_merger(ctx, view, clause, subject[0].start, end, subject, into, "merge",
                            cue=(clause, m.start()))]
    region_end = _region_end(match, after, clause.end)
    items = sent.items(after, region_end)
    if not items or not _LIST_START.match(match[after:items[0].start]) \
            or len(match[after:items[0].start].split()) > 10:
        return []
    if _WITH.match(match, after, items[0].start):
        # "A (được) hợp nhất với B": the subject is the first part
        subject = sent.last_item_before(clause.start, m.start())
        if subject is not None and subject.body != items[0].body:
            items = [subject] + items
    into, kind = None, "merge"
    tail = _INTO.match(match[region_end:clause.end])
    if tail:
        into = sent.first_body(region_end + tail.end(), min(clause.end, region_end + tail.end() + 3))
        if _ABSORB.fullmatch(tail.group("word")):
            kind = "absorb"
    end = into.end if into else region_end
    facts = []
    single = len({c.body for c in items}) == 1
    if kind == "absorb" and into:
        facts.append(_merger(ctx, view, clause, m.start(), end, items, into, "absorb"))
    elif not single:
        facts.append(_merger(ctx, view, clause, m.start(), end, items, into, "merge"))
    elif len(items) >= 2 and len({ctx.match[c.start:c.end] for c in items}) >= 2:
        # "hợp nhất Văn phòng HĐND và Văn phòng UBND": two bodies of one type
        facts.append(_merger(ctx, view, clause, m.start(), end, items, into or items[0], "merge"))
    elif len(items) == 1 and items[0].low == "list" and "+" in (items[0].body or ""):
        facts.append(_merger(ctx, view, clause, m.start(), end, items, into, "merge"))
    elif len(items) == 1 and ctx.vocab.parts_of(items[0].body):
        body = items[0]
        parts = [BodyRef(p, ctx.text[body.start:body.end], body.start, body.end)
                 for p in ctx.vocab.parts_of(body.body)]
        facts.append(_merger(ctx, view, clause, m.start(), end, [], body, "merge", parts=parts))
    elif len(items) == 1 and into is not None and into.body != items[0].body:
        # "tổ chức lại A thành B", "hợp nhất A thành B": one body named, the result named
        facts.append(_merger(ctx, view, clause, m.start(), end, items, into, "merge"))
    elif single and _COUNTED_ITEMS.match(match[after - 1:items[0].start]):
        # "sáp nhập 8 trường tiểu học": bodies of one type merged together
        facts.append(_merger(ctx, view, clause, m.start(), end, items[:1], into or items[0], "merge"))
    # the same verb goes on over the next clauses: "hợp nhất A với B; C và D"
    if match[region_end:region_end + 1] == ";":
        for nxt in view.sentence.clauses:
            if nxt.start <= clause.start:
                continue
            head = match[nxt.start:nxt.end]
            if _VERB.search(head) or _MOVE_OR_FOUND.search(head):
                break
            first = sent.first_body(nxt.start, nxt.end)
            if first is None or match[nxt.start:first.start].strip():
                break
            more = sent.items(nxt.start, _region_end(match, nxt.start, nxt.end))
            if len({c.body for c in more}) >= 2:
                facts.append(_merger(ctx, view, nxt, nxt.start, more[-1].end, more, None, kind,
                                     cue=(clause, m.start())))
    return facts


def _subject(sent: _Sentence, match: str, clause: Span, verb: int) -> list[Chunk]:
    """The list of bodies just before a verb, in its clause ("Phòng A và Phòng B
    huyện X được"): places, an auxiliary, no punctuation between the last and the verb."""
    before = sent.items(clause.start, verb)
    if not before or not _SUBJECT_GAP.match(match, before[-1].end, verb):
        return []
    out = [before[-1]]
    for c in reversed(before[:-1]):
        if not _OWNER_LIST.match(match[c.end:out[0].start]):
            break
        out.insert(0, c)
    return out


def _level_of(ctx: DocContext, start: int, end: int) -> str | None:
    i = bisect.bisect_left(ctx.chunk_starts, start)
    for c in ctx.chunks[i:]:
        if c.start >= end:
            break
        if c.kind in ("body", "level") and c.lex and (c.lex.level in LEVEL_RANK or c.lex.level == "city"):
            return ctx.level(c.lex.level)
    return None


def _merger(ctx: DocContext, view: SentenceView, clause: Span, start: int, end: int,
            items: list[Chunk], into: Chunk | None, kind: str, parts: list[BodyRef] | None = None,
            cue: tuple[Span, int] | None = None) -> Merger | None:
    bodies = parts if parts is not None else [b for c in items for b in _refs(ctx, c)]
    if not bodies:
        return None
    unit = _unit_of(ctx, view, clause, start, end)
    if unit is None:
        return None
    cue_clause, cue_end = cue or (clause, start)
    status = ctx.status_for(view, cue_clause, cue_end)
    date = date_in(ctx.match[clause.start:clause.end])
    return Merger(ctx.doc, ctx.text[start:end], start, end, ctx.unit(unit), bodies=bodies,
                  into=_ref(ctx, into) if into else None, kind=kind, status=status, date=date)


def _unit_of(ctx: DocContext, view: SentenceView, clause: Span, start: int, end: int) -> str | None:
    """The unit whose bodies these are: a place named with them, else the level
    their names say (Tỉnh ủy, Phòng ...) in the places near, the subject."""
    own = [p for p in ctx.places_between(view, start, end) if p.code]
    if own:
        return max(own, key=lambda p: LEVEL_RANK[ctx.gaz.units[p.code].level]).code
    level = _level_of(ctx, start, end)
    near = ctx.places_between(view, clause.start, clause.end) or view.places
    return ctx.resolve_unit(level, [], near, start)


def _function(ctx: DocContext, m: re.Match) -> str:
    """The function a frame moves: the one it names, else its words ("chức năng, nhiệm vụ")."""
    group = "func" if m.group("func") else "words"
    return ctx.text[m.start(group):m.end(group)].strip(" ,")


def _transfer(ctx: DocContext, view: SentenceView, clause: Span, start: int, end: int,
              source: Chunk, target: Chunk, function: str) -> Transfer | None:
    unit = _unit_of(ctx, view, clause, start, end)
    if unit is None:
        return None
    return Transfer(ctx.doc, ctx.text[start:end], start, end, ctx.unit(unit), source=_ref(ctx, source),
                    target=_ref(ctx, target), function=function or None,
                    status=ctx.status_for(view, clause, start), date=date_in(ctx.match[clause.start:clause.end]))
