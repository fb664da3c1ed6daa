"""Concurrency: one person holding two or more posts, as a pattern.

    Trưởng Ban Dân vận kiêm Chủ tịch UBMTTQ huyện
    Bí thư chi bộ kiêm trưởng thôn
    Bí thư Tỉnh ủy - Chủ tịch HĐND tỉnh

with its coverage, before or after the posts:

    6/9 xã ...              count 6 of 9, level commune
    40 trong tổng số 75 thôn ...
    3/9 huyện, thị xã ... (A, B, C)       one fact for the province, one per district
    ... ở huyện và 3 xã                   a district fact and a commune fact (count 3)
    100% số bản / ở 100% tổ dân phố       percent 100

and the short reports that go on about "the model" ("tỉnh X có 15 xã
thực hiện mô hình này"; "Y có 9 xã, nay còn lại 3").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .context import DocContext, SentenceView, date_in, place_lists
from .facts import Concurrency, PositionRef
from .normalize import Span
from .positions import (AND, BREAK, COMMA, CONNECTOR, DASH, OR, Position, current_posts, gap_kind,
                        position_level)
from .results import Pattern, SentenceResult
from .normalize import norm_phrase
from .vocab import LEVEL_RANK, alternation, load_cues, words_re

_CUES = load_cues()
_NOUN = r"(?P<noun>" + _CUES.coverage_noun + ")"
NOUN_LEVEL = _CUES.coverage_level              # cues.yaml: level_nouns, coverage_nouns
_NUM = r"(?:\d{1,3}(?:\.\d{3})+(?!\d|\.\d)|\d+)"       # "1.104" is one thousand one hundred and four
_NOT_DATE_AFTER = r"(?!\s*/\s*\d)"

W = _CUES.w          # function words of cues.yaml, as regex alternations
_NUMBER_OF = r"(?:(?:" + W("number_of") + r")\s+)?"
_EVERY = r"(?:(?:" + W("every") + r")\s+)?"

# coverage written before the posts. A number not in a date is written `_N`: its first
# digit, then "not after '/', a digit or '.'" looked back from there, then the rest of
# _NUM; each pattern starts with a digit, so that the regex engine skips to digits
# instead of trying a lookbehind at every position.
_FIRST_DIGIT = r"\d(?<![/\d.].)"
_N = _FIRST_DIGIT + r"(?:\d{0,2}(?:\.\d{3})+(?!\d|\.\d)|\d*)"
_BEFORE = [
    re.compile(r"(?P<n>" + _N + r")\s*/\s*(?P<m>" + _NUM + r")" + _NOT_DATE_AFTER + r"\s+" + _NUMBER_OF + _NOUN + r"\b"),
    re.compile(r"(?P<n>" + _N + r")\s+(?:(?:" + W("in_total") + r")\s+){1,3}(?P<m>" + _NUM + r")\s+" + _NOUN + r"\b"),
    re.compile(r"(?P<pct>" + _FIRST_DIGIT + r"\d*(?:[.,]\d+)?)\s*%\s*" + _NUMBER_OF + _EVERY + r"(?:" + _NOUN + r"\b)?"),
    re.compile(r"(?P<n>" + _N + r")" + _NOT_DATE_AFTER + r"\s+" + _NOUN + r"\b"),
]
_DIGIT = re.compile(r"\d")
_BARE_RATIO = re.compile(r"(?P<n>" + _N + r")\s*/\s*(?P<m>" + _NUM + r")\s*$")
_AT_LEVEL = re.compile(r"(?:^|\s)(?:" + W("at") + r")\s+" + _NOUN + r"\b")
# coverage written after the posts
_DONE_AT = (r"^\s*,?\s*(?:(?:" + W("done_aux") + r")\s+)*(?:(?:" + W("done_verbs") + r")\s+"
            r"(?:(?:" + W("done_aux") + r")\s+)?)?(?:(?:" + W("at_least") + r")\s+)?")
_AFTER = re.compile(_DONE_AT + r"(?:" + W("at") + r")\s+(?:(?P<also>" + W("also_levels") + r")\s+(?:" + W("and")
                    + r")\s+)?(?:(?P<pct>\d+)\s*%|(?P<n>" + _NUM + "|" + W("one") + r")\s*(?:/\s*(?P<m>" + _NUM
                    + r"))?)\s+" + _NUMBER_OF + _EVERY + _NOUN + r"\b")
_AFTER_LEVEL = re.compile(_DONE_AT + r"(?:" + W("at_of") + r")\s+(?:(?:" + W("some") + r")\s+)?"
                          r"(?:(?:" + W("admin_unit") + r")\s+)?(?:(?:" + W("level_word") + r")\s+)?" + _NOUN + r"\b")
_LIST_AFTER = re.compile(r"^\s*\(([^()]{3,200})\)")
# "…, trong đó huyện A có 10 xã": the places after it are parts of the whole, each
# with its own count ("huyện A 10 xã", "huyện A có 10 xã")
_BREAKDOWN = re.compile(r"\b(?:" + W("breakdown") + r")\b")
_WHOLE = re.compile(r"\b(?:" + W("whole") + r")\s+(?P<noun>" + alternation(
    [w for lv, ws in _CUES.spec.level_nouns.items() if lv in ("province", "district") for w in ws])
    + r")\b[^,;:]{0,12}$")
_PART_COUNT = re.compile(r"\s*:?\s*(?:(?:" + W("has") + r")\s+)?(?P<n>" + _NUM + r")\s+" + _NOUN + r"\b")
_GENERIC = re.compile(r"^\W*(?:" + W("generic") + r")\b")
_THIS_MODEL = words_re(_CUES.spec.words["this_model"])
_REPORT = re.compile(r"\b(?:" + W("has") + r")\s+(?P<n>" + _NUM + r")\s+" + _NOUN + r"\b")
_REPORT_RATIO = re.compile(r"\b(?:" + W("has") + r")\s+(?P<n>" + _NUM + r")\s*/\s*(?P<m>" + _NUM + r")\s+"
                           + _NUMBER_OF + _NOUN + r"\b")
_LIST_INTRO = re.compile(r"\b(?:" + alternation(_CUES.spec.place_list_intro) + r")\s*:?\s*|:\s*")
_STILL = re.compile(r"\b(?:" + W("still") + r")\s+(?P<n>" + _NUM + r")(?!\d|\.\d)")
_DOING = words_re(_CUES.spec.words["doing"])
_CENTRAL_CITY = re.compile(r"\s*,?\s*(?:" + W("central_city") + r")")
_ONE = frozenset(_CUES.spec.words["one"])
_CITY_NOUNS = frozenset(w for w, lv in _CUES.noun_level.items() if lv == "city")


def parse_count(number: str) -> int:
    """"1.875" -> 1875: the press writes thousands with dots."""
    return int(number.replace(".", ""))


@dataclass
class Coverage:
    level: str | None = None
    count: int | None = None
    of: int | None = None
    percent: float | None = None
    start: int | None = None          # where its words are (for the quote)
    end: int | None = None
    also_level: str | None = None     # "ở huyện và 3 xã": the district level too
    units: list | None = None         # names listed in brackets after the posts
    units_span: tuple[int, int] | None = None


def _noun_level(noun: str | None, text: str) -> str | None:
    if not noun:
        return None
    level = NOUN_LEVEL.get(noun)
    if noun in _CITY_NOUNS and _CENTRAL_CITY.match(text):
        return "province"
    return level


def _names_a_place(text: str, at: int) -> bool:
    """ "ở tỉnh X" names a unit; "ở thôn, xóm" speaks of a level."""
    rest = text[at:at + 3].lstrip()
    return bool(rest) and rest[0].isupper()


def coverage_before(match: str, start: int, end: int, text: str | None = None) -> Coverage | None:
    """Coverage in match[start:end], the clause text just before the posts."""
    pre = match[start:end]
    numbers = _DIGIT.search(pre) is not None      # every pattern but "ở xã" needs one
    m = _BARE_RATIO.search(pre) if numbers else None
    if m:
        return Coverage(None, parse_count(m.group("n")), parse_count(m.group("m")), start=start + m.start(), end=end)
    best = None
    for pattern in _BEFORE if numbers else ():
        for m in pattern.finditer(pre):
            # the one closest to the posts, and of those the longest
            if best is None or (m.end(), -m.start()) > (best.end(), -best.start()):
                best = m
    level_m = None
    for found in _AT_LEVEL.finditer(pre):
        if text is None or not _names_a_place(text, start + found.end()):
            level_m = found
    if best is None:
        if level_m:
            return Coverage(NOUN_LEVEL[level_m.group("noun")], start=start + level_m.start(), end=end)
        return None
    groups = best.groupdict()
    cov = Coverage(_noun_level(groups.get("noun"), pre[best.end():]), start=start + best.start(), end=end)
    if groups.get("pct"):
        cov.percent = float(groups["pct"].replace(",", "."))
    else:
        cov.count = parse_count(groups["n"])
        cov.of = parse_count(groups["m"]) if groups.get("m") else None
    if cov.level is None and level_m:
        cov.level = NOUN_LEVEL[level_m.group("noun")]
    return cov


def coverage_after(match: str, start: int, end: int, text: str | None = None) -> Coverage | None:
    """Coverage in match[start:end], the clause text just after the posts; "tại
    các huyện A, B" names units (the posts keep their own level)."""
    post = match[start:end]
    m = _AFTER.match(post)
    if m:
        cov = Coverage(_noun_level(m.group("noun"), post[m.end():]), start=start, end=start + m.end())
        if m.group("pct"):
            cov.percent = float(m.group("pct"))
        elif m.group("n") and m.group("n") not in _ONE:
            cov.count = parse_count(m.group("n"))
            cov.of = parse_count(m.group("m")) if m.group("m") else None
        if m.group("also"):
            cov.also_level = NOUN_LEVEL[m.group("also")]
        return cov
    m = _AFTER_LEVEL.match(post)
    if m and not (text is not None and _names_a_place(text, start + m.end())):
        return Coverage(_noun_level(m.group("noun"), post[m.end():]), start=start, end=start + m.end())
    return None


# --- chains of posts -------------------------------------------------------------

@dataclass
class Chain:
    positions: list[Position]
    gaps: list[str]                  # gap kinds between consecutive positions
    unified: bool = False            # a list of posts said to be one person's

    @property
    def start(self) -> int:
        return self.positions[0].start

    @property
    def end(self) -> int:
        return self.positions[-1].end

    @property
    def joined(self) -> bool:
        """Posts joined as one person's: a connector, or titles joined by a dash."""
        return CONNECTOR in self.gaps or (self.gaps and all(g == DASH for g in self.gaps)) \
            or (self.unified and len(self.positions) >= 2)

    def alternatives(self) -> list[list[Position]]:
        """"A đồng thời là B hoặc C" is two patterns: A+B and A+C."""
        if OR not in self.gaps:
            return [self.positions]
        i = self.gaps.index(OR)
        first = self.positions[: i + 1] + self.positions[i + 2:]
        second = self.positions[:i] + self.positions[i + 1:]
        return [first, second]


# "nhất thể hóa (chức danh) A và B": at most a few words between the cue and the list
_UNIFIED_BEFORE = re.compile(r"\b(?:" + alternation(_CUES.spec.unified_before) + r")\b[^,;:.()]{0,30}$")
_UNIFIED_AFTER = re.compile(r"\s*(?:" + alternation(_CUES.spec.unified_after) + r")\b")
_WITH_GAP = re.compile(r"\s*(?:" + _CUES.w("with") + r")\s*$")    # "nhất thể hóa A với B"


def _unified_run(match: str, positions: list[Position], gaps: list[str], k: int) -> bool:
    """Whether the run of listed posts from k is said to be one person's."""
    if _UNIFIED_BEFORE.search(match, max(0, positions[k].start - 60), positions[k].start):
        return True
    j = k
    while j < len(gaps) and gaps[j] in (AND, COMMA):
        j += 1
    return j > k and _UNIFIED_AFTER.match(match, positions[j].end) is not None


def chains(match: str, positions: list[Position]) -> list[Chain]:
    """Group a sentence's posts into chains of one person's posts."""
    out: list[Chain] = []
    gaps = [gap_kind(match, a.end, b.start) for a, b in zip(positions, positions[1:])]
    listed = [AND if g == BREAK and _WITH_GAP.match(match, a.end, b.start) else g
              for g, a, b in zip(gaps, positions, positions[1:])]
    k = 0
    while k < len(positions):
        members, kinds = [positions[k]], []
        unified = k < len(gaps) and listed[k] in (AND, COMMA) and _unified_run(match, positions, listed, k)
        if unified:
            gaps = gaps[:k] + listed[k:]        # "với" lists the posts of a unified run (and after it)
        joined = unified
        j = k
        while j + 1 < len(positions):
            g = gaps[j]
            nxt_conn = j + 1 < len(gaps) and gaps[j + 1] == CONNECTOR
            if g in (CONNECTOR, DASH):
                joined = joined or g == CONNECTOR
            elif g in (COMMA, AND, OR) and joined and not nxt_conn:
                pass                            # the list after a connector
            else:
                break
            members.append(positions[j + 1])
            kinds.append(g)
            j += 1
        out.append(Chain(members, kinds, unified))
        k = j + 1
    return out


def position_refs(ctx: DocContext, positions: list[Position]) -> list[PositionRef]:
    refs, seen = [], set()
    for p in positions:
        k = p.key
        if k and k not in seen:
            seen.add(k)
            refs.append(PositionRef(k, p.role, p.body, ctx.text[p.start:p.end],
                                    ctx.level(p.level), p.start, p.end))
    return refs


def complete(positions: list[Position]) -> list[Position]:
    """The positions with a body (a role alone was resolved by the engine, or is dropped)."""
    return [p for p in positions if p.complete]


def _container(ctx: DocContext, code: str | None, level: str) -> str | None:
    """The unit a coverage of `level` units is counted in (one level up)."""
    unit = ctx.gaz.get(code)
    while unit is not None and LEVEL_RANK.get(unit.level, 0) >= LEVEL_RANK.get(level, 9):
        unit = ctx.gaz.get(unit.district if unit.level == "commune" else
                           (unit.province if unit.level == "district" else None))
    return unit.code if unit else None


def extract_concurrency(ctx: DocContext, view: SentenceView, positions: list[Position],
                        person_of: dict[int, str]) -> SentenceResult:
    """Patterns of posts joined by a connector. `person_of` (position index ->
    person) is the holdings' result for the same sentence."""
    out = SentenceResult()
    if len(positions) < 2:
        return out                     # one post is no pattern of posts
    facts = out.facts
    index = {id(p): k for k, p in enumerate(positions)}
    lists = None                       # the sentence's lists of units, read once when needed
    match = ctx.match
    prev_end: dict[int, int] = {}
    for chain in chains(match, positions):
        if not chain.joined:
            continue
        clause = ctx.clause_of(view, chain.start)
        pre_start = max(clause.start, prev_end.get(clause.start, clause.start))
        prev_end[clause.start] = chain.end
        for posts in chain.alternatives():
            posts = complete(posts)
            current = current_posts(match, posts)
            if current and len(current) < len(posts):
                posts = current                 # "nguyên A, nay là B": A is no longer held with B
            keys = {p.key for p in posts if not p.member}
            if len(keys) < 2:
                continue
            out.patterns.append((chain.start, tuple(sorted(keys))))
            if _GENERIC.match(match[clause.start:chain.start]) or _GENERIC.match(match[pre_start:chain.start]):
                continue                        # "Khi Bí thư đồng thời là Chủ tịch, ...": no fact
            if lists is None:
                lists = place_lists(ctx, view)
            facts.extend(_facts_of(ctx, view, clause, pre_start, chain, posts, lists,
                                   person_of.get(index[id(chain.positions[0])])))
    return out


def _facts_of(ctx: DocContext, view: SentenceView, clause: Span, pre_start: int, chain: Chain,
              posts: list[Position], lists: list, person: str | None) -> list[Concurrency]:
    match, text = ctx.match, ctx.text
    cov = coverage_before(match, pre_start, chain.start, text)
    after = coverage_after(match, chain.end, clause.end, text)
    if after and (cov is None or (cov.count is None and cov.percent is None)):
        cov = after
    elif after and cov and cov.level is None:
        cov.level = after.level
    listed = _LIST_AFTER.match(match[(cov.end if cov and cov.end and cov.end > chain.end else chain.end):clause.end])
    if any(p.level == "all" for p in chain.positions):
        return []                                # "các cấp": no level of its own
    post_level = position_level(posts)
    level = ctx.level((cov.level if cov and cov.level else None) or post_level)
    if level is None:
        level = ctx.level_around(clause.start, chain.start)
        colon = match.find(":", view.sentence.start, clause.start)
        if level is None and colon >= 0:
            level = ctx.level_around(view.sentence.start, colon)
    own = [pl for p in posts for pl in p.places]
    list_start = list_end = None
    if listed:
        base = cov.end if cov and cov.end and cov.end > chain.end else chain.end
        list_start, list_end = base + listed.start(), base + listed.end()
    near = [p for p in view.places if not (list_start is not None and list_start <= p.start < list_end)]
    cut = _BREAKDOWN.search(match, max(chain.end, cov.end or 0) if cov else chain.end, view.sentence.end)
    parts = [p for p in near if cut and p.start >= cut.end()]
    near = [p for p in near if not (cut and p.start >= cut.start())]
    clause_places = [p for p in near if clause.start <= p.start < clause.end]
    has_coverage = cov is not None and (cov.count is not None or cov.percent is not None)

    whole = _WHOLE.search(match, clause.start, cov.start) if has_coverage and cov.start is not None else None
    whole_level = ctx.level(NOUN_LEVEL.get(whole.group("noun"))) if whole else None
    whole_unit = ctx.at_level(ctx.focus, whole_level) if whole and level and ctx.focus else None
    if whole_unit and ctx.gaz.units[whole_unit].level == whole_level:
        # "toàn tỉnh có 98 xã": the province, whatever places the sentence names after
        unit = whole_unit
    elif has_coverage and level:
        cov_start = cov.start if cov.start is not None else chain.start
        before = [p for p in clause_places if p.code and p.end <= cov_start]
        candidates = before[-1:] + [p for p in clause_places if p.code] + [p for p in near if p.code]
        unit = None
        for place in candidates:
            unit = _container(ctx, place.code, level)
            if unit:
                break
        if unit is None:
            unit = _container(ctx, ctx.focus or ctx.last_place_before(chain.start), level)
    else:
        unit = ctx.unit_for_posts(level, posts, clause_places or near, chain.start)
    if unit is None:
        return []
    if level is None:
        level = ctx.gaz.units[unit].level
    start = min(chain.start, cov.start) if cov and cov.start is not None else chain.start
    end = max(chain.end, cov.end) if cov and cov.end is not None else chain.end
    status = ctx.status_for(view, clause, chain.end)
    date = date_in(match[clause.start:clause.end]) or date_in(match[view.sentence.start:view.sentence.end])
    refs = position_refs(ctx, posts)

    def make(u: str, lv: str, s: int, e: int, count=None, of=None, percent=None) -> Concurrency:
        return Concurrency(ctx.doc, text[s:e], s, e, ctx.unit(u), level=lv, positions=refs,
                           count=count, of=of, percent=percent, status=status, date=date, person=person)

    # "các huyện A, B và thị xã C đã thực hiện ...": one fact for each
    plural = [p.code for p in clause_places if p.plural and p.code and not own]
    plural = list(dict.fromkeys(ctx.at_level(c, level) for c in plural))
    if len(plural) >= 2 and not has_coverage:
        return [make(code, level, start, end) for code in plural if code]
    facts = [make(unit, level, start, end, cov.count if cov else None, cov.of if cov else None,
                  cov.percent if cov else None)]
    if len(plural) >= 2:
        facts.extend(make(code, level, start, end) for code in plural if code and code != unit)
    if cov and cov.also_level:
        also = ctx.resolve_unit(cov.also_level, own, [], chain.start)
        if also:
            facts.append(make(also, cov.also_level, start, end))
    if level:
        for part in parts:
            m = _PART_COUNT.match(match, part.end)
            code = _container(ctx, part.code, level) if m and part.code else None
            if code and code != unit:
                facts.append(make(code, level, start, part.end + m.end() - m.start(),
                                  parse_count(m.group("n"))))
    if listed and level:
        for code in _listed_units(ctx, match[list_start + 1:list_end - 1], text[list_start + 1:list_end - 1],
                                  unit, level):
            facts.append(make(code, level, list_start, list_end))
    # units named one after another in the clause ("5/12 huyện gồm: A, B, C, D, E ...",
    # "A, B và C đã thực hiện ..."): the fact holds for each of them
    if level and not own:
        done = {f.unit.code for f in facts}
        for pl in lists:
            if not (clause.start <= pl.start and pl.end <= clause.end and pl.level == level):
                continue
            if not has_coverage and pl.end > chain.start:
                continue
            if not has_coverage:
                facts = [f for f in facts if f.unit.code in pl.codes]
            for code in pl.codes:
                if code not in done:
                    facts.append(make(code, level, pl.start, pl.end))
                    done.add(code)
    return facts


def _listed_units(ctx: DocContext, low: str, original: str, container: str, level: str) -> list[str]:
    """The units named in "(A, B, Thành phố)" within `container`."""
    gaz = ctx.gaz
    out = []
    unit = gaz.get(container)
    if unit is None:
        return out
    for name in _ITEM_SPLIT.split(original):
        name = name.strip()
        if not name:
            continue
        if level == "district" and unit.level == "province":
            if norm_phrase(name) in _CITY_NOUNS:
                code = gaz.city_of_province(unit.code)
                codes = [code] if code else []
            else:
                codes = [c for c in gaz.district_codes(_strip_type(name)) if gaz.units[c].province == unit.code]
        elif level == "commune" and unit.level in ("district", "province"):
            codes = [c for c in gaz.ward_codes(_strip_type(name)) if gaz.units[c].within(unit.code)]
        else:
            codes = []
        if len(codes) == 1 and codes[0] not in out:
            out.append(codes[0])
    return out


_ITEM_SPLIT = re.compile(r"\s*(?:,|;|\b(?:" + W("and") + r")\b)\s*", re.IGNORECASE)
_TYPE_WORDS = re.compile(r"^(?:" + alternation(w for w, lv in _CUES.noun_level.items()
                                               if lv in ("city", "district", "commune"))
                         + r")\.?\s+", re.IGNORECASE)


def _strip_type(name: str) -> str:
    return _TYPE_WORDS.sub("", name)


# --- "X có 15 xã thực hiện mô hình này" ----------------------------------------------

def extract_reports(ctx: DocContext, view: SentenceView, positions: list[Position],
                    last: Pattern | None) -> list[Concurrency]:
    """Counts given for a place about the pattern just described (`last`, the
    pattern of the sentences before, handed on by the engine)."""
    if last is None or positions:
        return []
    if view.sentence.paragraph - last.paragraph > 1:
        return []
    facts = _ratio_reports(ctx, view, last)
    match, text = ctx.match, ctx.text
    for clause in view.sentence.clauses:
        low = match[clause.start:clause.end]
        this_model = _THIS_MODEL.search(low)
        if not (this_model or _DOING.search(low)):
            continue
        for m in _REPORT.finditer(low):
            at = clause.start + m.start()
            # the place is the subject just before "có"
            subject = [p for p in view.places if p.code and p.end <= at and at - p.end <= 12
                       and p.start >= clause.start]
            if not subject:
                continue
            level = NOUN_LEVEL[m.group("noun")]
            place = subject[-1]
            unit = _container(ctx, place.code, level)
            if unit is None:
                continue
            seg_end = clause.end
            nxt = _REPORT.search(low, m.end())
            if nxt:
                seg_end = clause.start + nxt.start()
            count = parse_count(m.group("n"))
            still = _STILL.search(match, clause.start + m.end(), seg_end)
            if still:
                count = parse_count(still.group("n"))
            end = still.end() if still else clause.start + m.end()
            if not (this_model or still or _DOING.search(match, clause.start + m.end(), seg_end)):
                continue
            refs = [PositionRef(k, *k.split("@"), surface="", level=level, start=place.start, end=end)
                    for k in last.keys]
            status = ctx.status_for(view, clause, at)
            facts.append(Concurrency(ctx.doc, text[place.start:end], place.start, end, ctx.unit(unit),
                                     level=level, positions=refs, count=count, status=status))
    return facts


def _ratio_reports(ctx: DocContext, view: SentenceView, last: Pattern) -> list[Concurrency]:
    """"(X) có 4/12 xã ... thực hiện mô hình này gồm: A, B, C và D": a coverage of
    the pattern just described, for X (else the document's subject), and one
    fact for each unit listed."""
    s = view.sentence
    match, text = ctx.match, ctx.text
    if not _THIS_MODEL.search(match, s.start, s.end):
        return []
    facts = []
    for m in _REPORT_RATIO.finditer(match, s.start, s.end):
        level = NOUN_LEVEL[m.group("noun")]
        subject = [p for p in view.places if p.code and p.end <= m.start() and m.start() - p.end <= 12]
        place = subject[-1].code if subject else (ctx.focus or ctx.last_place_before(m.start()))
        unit = _container(ctx, place, level)
        if unit is None:
            continue
        refs = [PositionRef(k, *k.split("@"), surface="", level=level, start=m.start(), end=m.end())
                for k in last.keys]
        status = ctx.status_for(view, ctx.clause_of(view, m.start()), m.start())
        make = lambda u, a, b, **kw: Concurrency(ctx.doc, text[a:b], a, b, ctx.unit(u), level=level,
                                                 positions=refs, status=status, **kw)
        facts.append(make(unit, m.start(), m.end(), count=parse_count(m.group("n")),
                          of=parse_count(m.group("m"))))
        intro = _LIST_INTRO.search(match, _THIS_MODEL.search(match, m.end(), s.end).end()
                                   if _THIS_MODEL.search(match, m.end(), s.end) else m.end(), s.end)
        if intro:
            end = s.end
            while end > intro.end() and text[end - 1] in " .;":
                end -= 1
            for code in _listed_units(ctx, match[intro.end():end], text[intro.end():end], unit, level):
                facts.append(make(code, intro.end(), end))
    return facts
