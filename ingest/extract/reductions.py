"""Reported reductions of the apparatus: how many bodies, posts or staff a unit
says it cut.

    (toàn tỉnh) đã giảm 3 đầu mối; giảm 81 phòng, ban, chi cục   two facts
    giảm 1 cấp trưởng, 1 cấp phó                                  a list after one verb
    giảm 301 người hoạt động không chuyên trách cấp xã và
        1.875 người ở thôn                                        "người" repeats the kind before it
    giảm khoảng 118 lãnh đạo                                      approx
    tinh giản 10% biên chế                                        percent
    giảm từ 12 phòng xuống còn 8 phòng                            count 4
    số đầu mối giảm 13                                            the kind before the verb

What was cut must be a kind of ingest/vocab/reductions.yaml ("giảm 30% thời
gian" is no fact); "giảm còn 8" (down to 8) and "không giảm" are not
reductions. The unit is the place named before the verb in the sentence
("Móng Cái giảm 3 trường học"), else the document's subject ("toàn tỉnh": its
province).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from mergegraph.naming import reduction_kinds

from .concurrency import NOUN_LEVEL, parse_count
from .context import DocContext, SentenceView, date_in
from .facts import Reduction
from .normalize import norm_phrase

_VERB = re.compile(r"\b(?:cắt giảm|tinh giản|tinh giảm|giảm)(?:\s+(?:được|bớt|đi))*\s+")
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?![\d,.]\d)|\d+"
_QUALIFIER = r"(?:(?P<q>khoảng|gần|hơn|trên|chừng|ước|ước tính|tới|đến|ít nhất)\s+)?"
_PERCENT = re.compile(_QUALIFIER + r"(?P<p>\d+(?:[.,]\d+)?)\s*%\s*(?:(?:số lượng|số)\s+)?")
_COUNT = re.compile(_QUALIFIER + r"(?P<n>" + _NUMBER + r")\s+")
_FROM_TO = re.compile(r"từ\s+(?P<a>" + _NUMBER + r")\s+(?P<phrase>[^\d;:()]{0,60}?)\s*,?\s*"
                      r"(?:xuống\s+còn|xuống|còn)\s+(?P<b>" + _NUMBER + r")\b")
_DOWN_TO = re.compile(r"(?:xuống\s+)?còn\s")      # "giảm còn 8": a level reached, no count
_NOT = re.compile(r"\b(?:không|chưa|chẳng|chưa thể)\s+(?:\w+\s+){0,1}$")
_HARD_END = re.compile(r"[;:()\[\]…]|\.(?:\s|$)|,\s*(?:cắt giảm|tinh giản|giảm)\b")
_NEXT_ITEM = re.compile(r"\s*(?:,\s*|\s+)(?:và\s+)?" + _QUALIFIER.replace("?P<q>", "?:")
                        + r"(?:" + _NUMBER + r")\s+\S")
_SOFT_SEP = re.compile(r"\s*,\s*|\s+và\s+|\s+hoặc\s+")
# "cấp xã", "ở thôn, tổ dân phố": the level of what was cut
_LEVEL_WORDS = re.compile(r"\bcấp (?P<l1>tỉnh|huyện|xã|thôn)\b|"
                          r"\b(?:ở|tại|của) (?:các )?(?P<l2>thôn|bản|ấp|xóm|tổ dân phố|khu phố|"
                          r"xã|phường|thị trấn)\b")
# "toàn tỉnh đã giảm": the whole province's figure
_WHOLE = re.compile(r"\b(?:toàn|cả|trên địa bàn)\s+(?P<w>tỉnh|thành phố|huyện|thị xã|quận)\b")
# ("toàn thành phố" may be a district-level city or Hà Nội: the subject decides)
_WHOLE_LEVEL = {"tỉnh": "province", "thành phố": None, "huyện": "district", "thị xã": "district",
                "quận": "district"}
# words before the verb that make the figure a target, not a result
_TARGET = re.compile(r"\b(?:mục tiêu|nếu|sẽ|phấn đấu|dự kiến|yêu cầu)\b|"
                     r"(?<!sau )\bkhi thực hiện\b|(?<!thực hiện )(?<!theo )\b(?:kế hoạch|chỉ tiêu|lộ trình)\b")
_GENERIC = "người"                     # a counter that repeats the kind named before it
_BARE = re.compile(r"(?P<n>" + _NUMBER + r")\b(?!\s*[%/])")     # "giảm 13" (the kind before the verb)
_ITEM_SEP = re.compile(r"\s*(?:,\s*|\s+)(?:và\s+)?")
_SUBJECT = re.compile(r"(?:^|[,;]\s*|\s)(?:tổng\s+)?(?:số lượng|số)\s+(?P<w>[^,;]{2,60}?)\s*"
                      r"(?:đã\s+|được\s+)?$")
_YEAR = re.compile(r"\b(?:năm|cuối năm)\s+((?:19|20)\d{2})\b")
_MAX_PHRASE = 90


@dataclass(frozen=True)
class _Kinds:
    words: dict[str, str]                   # normalised words -> kind
    longest: int                            # the most words an entry has
    first_words: frozenset[str]             # what may start the next item of a list
    level: dict[str, str]


def _flat(phrase: str) -> str:
    """A phrase for matching kinds: separators dropped ("thôn, tổ dân phố" =
    "thôn tổ dân phố")."""
    phrase = re.sub(r"[,\-–]|\bvà\b", " ", phrase)
    return " ".join(phrase.split())


@lru_cache(maxsize=1)
def _kinds() -> _Kinds:
    words, first, level = {}, set(), {}
    for key, spec in reduction_kinds().items():
        for word in spec.get("words", ()):
            flat = _flat(norm_phrase(word))
            words.setdefault(flat, key)          # the first definition wins
            first.add(flat.split()[0])
        if spec.get("level"):
            level[key] = spec["level"]
    first.update({"tương", "các", "những"})
    return _Kinds(words, max(len(w.split()) for w in words), frozenset(first), level)


def kind_of(phrase: str) -> tuple[str | None, str]:
    """The kind a phrase starts with, and the words that named it."""
    kinds = _kinds()
    head = _flat(phrase).split()[:kinds.longest]
    for n in range(len(head), 0, -1):          # the longest entry wins
        words = " ".join(head[:n])
        if words in kinds.words:
            return kinds.words[words], words
    return None, ""


def _phrase_end(match: str, start: int, limit: int) -> int:
    """Where the noun phrase starting at `start` ends: at hard punctuation, at
    the next counted item, or at a comma or "và" not followed by a list item."""
    hard = _HARD_END.search(match, start, limit)
    end = hard.start() if hard else limit
    end = min(end, start + _MAX_PHRASE)
    item = _NEXT_ITEM.search(match, start, end)
    if item:
        end = item.start()
    for sep in _SOFT_SEP.finditer(match, start, end):
        word = re.match(r"\w+", match[sep.end():end])
        if not word or word.group(0) not in _kinds().first_words:
            end = sep.start()
            break
    while end > start and not match[end - 1].isalnum():
        end -= 1
    if end - start == _MAX_PHRASE:                  # a cut in the middle of a word
        space = match.rfind(" ", start, end)
        end = space if space > start else end
    return end


def _level(kind: str, phrase: str) -> str | None:
    own = _kinds().level.get(kind)
    if own:
        return own
    m = _LEVEL_WORDS.search(phrase)
    if m:
        return NOUN_LEVEL[m.group("l1") or m.group("l2")]
    return None


def _unit(ctx: DocContext, view: SentenceView, verb: int) -> str | None:
    match = ctx.match
    s = view.sentence
    whole = None
    for m in _WHOLE.finditer(match, s.start, verb):
        whole = m
    level = _WHOLE_LEVEL.get(whole.group("w")) if whole else None
    before = [p for p in view.places if p.code and p.end <= verb
              and not re.search(r"(?:của|thuộc|trực thuộc)\s*$", match[max(s.start, p.start - 12):p.start])]
    if before:
        return ctx.at_level(before[-1].code, level)
    if ctx.focus:
        return ctx.at_level(ctx.focus, level) if whole else ctx.focus
    return ctx.at_level(ctx.last_place_before(verb), level)


def _subject_kind(ctx: DocContext, view: SentenceView, verb: int) -> str | None:
    """"Số đầu mối giảm 13": the kind named just before the verb."""
    clause = ctx.clause_of(view, verb)
    m = _SUBJECT.search(ctx.match[clause.start:verb])
    return kind_of(m.group("w"))[0] if m else None


def _date(match: str, start: int, verb: int, end: int) -> str | None:
    """The start date the sentence gives ("từ tháng 8/2018"), else the year
    named before the verb ("Năm 2020, ..."), but not a baseline ("so với năm 2016")."""
    found = date_in(match[start:end])
    if found:
        return found
    for m in _YEAR.finditer(match, start, verb):
        if not match[max(start, m.start() - 8):m.start()].rstrip().endswith("so với"):
            return m.group(1)
    return None


VERB_HINT = re.compile(r"giảm|giản")     # what a sentence needs for extract_reductions to be asked


def extract_reductions(ctx: DocContext, view: SentenceView) -> list[Reduction]:
    match, text = ctx.match, ctx.text
    s = view.sentence
    quote_start, quote_end = s.start, s.end     # a sentence carries no outer white space
    quote = text[quote_start:quote_end]
    facts: list[Reduction] = []

    for verb in _VERB.finditer(match, s.start, s.end):
        if _NOT.search(match[max(s.start, verb.start() - 20):verb.start()]):
            continue
        at = verb.end()
        if _DOWN_TO.match(match, at):
            continue
        # what every fact of this verb shares, read at its first fact (most verbs count nothing)
        shared = None
        previous_kind = None
        while True:
            item = _item(ctx, view, verb.start(), at, s.end, previous_kind)
            if item is None:
                break
            kind, level, count, percent, approx, start, end = item
            previous_kind = kind
            if kind is not None and (count or percent):
                if shared is None:
                    shared = _verb_context(ctx, view, verb.start())
                status, date, unit = shared
                facts.append(Reduction(ctx.doc, quote, quote_start, quote_end, ctx.unit(unit),
                                       what=kind, level=level, count=count, percent=percent,
                                       approx=approx, surface=text[start:end], status=status,
                                       date=date))
            if not _NEXT_ITEM.match(match, end, s.end):
                break
            at = _ITEM_SEP.match(match, end).end()
    return facts


def _verb_context(ctx: DocContext, view: SentenceView, verb: int) -> tuple[str, str | None, str | None]:
    """(status, date, unit) of the facts of the verb at `verb`."""
    match, s = ctx.match, view.sentence
    clause = ctx.clause_of(view, verb)
    target = _TARGET.search(match, clause.start, verb)
    status = "planned" if target else ctx.status_for(view, clause, verb)
    return status, _date(match, s.start, verb, s.end), _unit(ctx, view, verb)


def _item(ctx: DocContext, view: SentenceView, verb: int, at: int, limit: int,
          previous_kind: str | None):
    """One counted item at `at`: (kind, level, count, percent, approx, start, end)."""
    match = ctx.match
    m = _FROM_TO.match(match, at)
    if m:
        a, b = parse_count(m.group("a")), parse_count(m.group("b"))
        if a <= b:
            return None
        end = _phrase_end(match, m.end(), limit) if match[m.end():m.end() + 1] == " " else m.end()
        phrase = m.group("phrase") or match[m.end():end]
        kind = kind_of(phrase.strip())[0] or _subject_kind(ctx, view, verb)
        return kind, (_level(kind, phrase) if kind else None), a - b, None, False, at, max(end, m.end())
    percent = _PERCENT.match(match, at)
    count = None if percent else _COUNT.match(match, at)
    if percent is None and count is None:
        # "giảm 13" with the kind before the verb ("số đầu mối giảm 13")
        bare = _BARE.match(match, at, limit)
        kind = _subject_kind(ctx, view, verb) if bare else None
        if kind is None:
            return None
        return kind, _kinds().level.get(kind), parse_count(bare.group("n")), None, False, at, bare.end()
    m = percent or count
    start = m.end()
    end = _phrase_end(match, start, limit)
    phrase = match[start:end]
    kind, words = kind_of(phrase)
    if kind is None:                        # "số đầu mối giảm 5 so với năm 2018"
        kind = _subject_kind(ctx, view, verb)
    if kind is None:
        return None if not phrase else (None, None, None, None, False, at, end)
    if words == _GENERIC and previous_kind is not None:
        kind = previous_kind
    level = _level(kind, phrase)
    approx = m.group("q") is not None
    if percent:
        value = float(percent.group("p").replace(",", "."))
        if not 0 < value <= 100:
            return None
        return kind, level, None, value, approx, at, end
    number = parse_count(count.group("n"))
    if number == 0:
        return None
    return kind, level, number, None, approx, at, end
