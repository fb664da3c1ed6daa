"""What the extractors know of the whole document: its units (the province the
publisher writes for, the district it is about), the places of each sentence,
the status words. What was said before (for "mô hình này", "Chủ tịch") is no
part of it: the engine passes each sentence's result on explicitly.

Units are never guessed: a fact whose place the text and the metadata do not
give is dropped.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from .facts import UnitRef
from .gazetteer import Gazetteer
from .mentions import Chunk, Mentions, Place, resolve_in_sentence
from .normalize import Prepared, Sentence, Span, norm_phrase
from .vocab import LEVEL_RANK, Vocabulary, load_cues

# --- status and dates ----------------------------------------------------------------

_STATUS = load_cues().status             # cues.yaml: ended, planned, pilot
_ENDED, _PLANNED, _PILOT = _STATUS["ended"], _STATUS["planned"], _STATUS["pilot"]
_CUES = load_cues()
_STATUS_WORDS = _CUES.status_words
_THEREBY = re.compile(r"\W*(?:" + _CUES.w("thereby") + r")\b")      # at a sentence's start (.match)


def status_in(text: str) -> str | None:
    """The status words of a stretch of text (matching form), strongest first."""
    if _STATUS_WORDS.search(text) is None:      # most stretches say none: one pass, no word boundaries
        return None
    if _ENDED.search(text):
        return "ended"
    if _PLANNED.search(text):
        return "planned"
    if _PILOT.search(text):
        return "pilot"
    return None


_SINCE = r"\b(?:" + _CUES.w("since") + r")\s+"
_DATE_FULL = re.compile(_SINCE + r"(?:(?:" + _CUES.w("day") + r")\s+)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})")
_DATE_MONTH = re.compile(_SINCE + r"(?:" + _CUES.w("month") + r")\s+(\d{1,2})\s*[/.-]\s*(\d{4})")
_DATE_YEAR = re.compile(_SINCE + r"(?:(?:" + _CUES.w("year") + r")\s+)?((?:19|20)\d{2})\b")
_SINCE_WORDS = tuple(_CUES.spec.words["since"])
# a text holds one of them iff it holds one of those that contain no other (one search)
_SINCE_ANY = re.compile("|".join(re.escape(w) for w in _SINCE_WORDS
                                 if not any(o != w and o in w for o in _SINCE_WORDS)))
_CITY_TYPES = frozenset(w for w, lv in _CUES.noun_level.items() if lv == "city")


def date_in(text: str) -> str | None:
    """The date an arrangement started, when the text says it ("từ tháng 8/2018")."""
    if not _SINCE_ANY.search(text):     # each pattern needs one of _SINCE_WORDS
        return None
    m = _DATE_FULL.search(text)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31:
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    m = _DATE_MONTH.search(text)
    if m and 1 <= int(m.group(1)) <= 12:
        return f"{m.group(2)}-{int(m.group(1)):02d}"
    m = _DATE_YEAR.search(text)
    return m.group(1) if m else None


# --- the document -----------------------------------------------------------------

_LEAD_MIN = 200          # the lead: the title lines and the first real paragraph
_FOCUS_MIN = 3           # mentions a district needs to be the document's subject
_FOCUS_SHARE = 0.6


@dataclass
class SentenceView:
    sentence: Sentence
    c0: int                      # chunk range
    c1: int
    places: list[Place]


@dataclass
class DocContext:
    prepared: Prepared
    mentions: Mentions
    gaz: Gazetteer
    vocab: Vocabulary
    doc: str | None = None
    province: str | None = None          # the document's province
    district: str | None = None          # the district it is about, if one
    default_status: str = "implemented"
    views: list[SentenceView] = field(default_factory=list)
    chunk_starts: list[int] = field(default_factory=list)
    place_starts: list[int] = field(default_factory=list)
    # prepared.text, prepared.match and mentions.chunks, as plain attributes (not
    # properties): the extractors read them a few hundred times a document
    text: str = field(init=False, repr=False, compare=False)
    match: str = field(init=False, repr=False, compare=False)
    chunks: list[Chunk] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.text, self.match = self.prepared.text, self.prepared.match
        self.chunks = self.mentions.chunks

    # --- set-up -----------------------------------------------------------

    def build(self, hint: str | None, publisher: str | None) -> "DocContext":
        self.chunk_starts = [c.start for c in self.chunks]
        place_starts = self.place_starts = [p.start for p in self.mentions.places]
        self.province = hint or self._province_from_text(publisher)
        self.province = self._province_named_instead() or self.province
        for s in self.prepared.sentences:
            c0 = bisect.bisect_left(self.chunk_starts, s.start)
            c1 = bisect.bisect_left(self.chunk_starts, s.end)
            p0 = bisect.bisect_left(place_starts, s.start)
            p1 = bisect.bisect_left(place_starts, s.end)
            places = self.mentions.places[p0:p1]
            resolve_in_sentence(self.gaz, places)
            self.views.append(SentenceView(s, c0, c1, places))
        self._resolve_with_province()
        self.district = self._focus_district(publisher)
        self.default_status = "pilot" if _PILOT.search(self._lead()) else "implemented"
        return self

    def _province_named_instead(self) -> str | None:
        """A paper writing about another province: the lead names one province
        ("tỉnh X") and the text never names the publisher's own."""
        if not self.province:
            return None
        lead_end = len(self._lead())
        named, in_lead = set(), set()
        for p in self.mentions.places:
            unit = self.gaz.get(p.code)
            if unit is None:
                continue
            named.add(unit.province)
            if p.start < lead_end and p.typed and unit.level == "province":
                in_lead.add(unit.code)
        if self.province in named or len(in_lead) != 1:
            return None
        return in_lead.pop()

    def _province_from_text(self, publisher: str | None) -> str | None:
        """Without a hint: the publisher's province ("Báo X"), else a province the
        text names clearly more than any other."""
        if publisher:
            words = publisher.split()
            for i in range(len(words)):
                codes = self.gaz.province_codes(" ".join(words[i:]))
                if len(codes) == 1:
                    return codes[0]
        counts: Counter = Counter()
        for p in self.mentions.places:
            unit = self.gaz.get(p.code)
            if unit:
                counts[unit.province] += 1
        if not counts:
            return None
        (top, n), *rest = counts.most_common()
        total = sum(counts.values())
        if n >= 2 and n / total > 0.5:
            return top
        return None

    def _resolve_with_province(self) -> None:
        if not self.province:
            return
        for p in self.mentions.places:
            if p.code is None and len(p.candidates) > 1:
                inside = [c for c in p.candidates if self.gaz.units[c].province == self.province]
                if len(inside) == 1:
                    p.code = inside[0]
                    p.level = self.gaz.units[p.code].level

    def _focus_district(self, publisher: str | None) -> str | None:
        if not self.province:
            return None
        counts: Counter = Counter()
        title_end = self._title_end()
        for p in self.mentions.places:
            unit = self.gaz.get(p.code)
            if not unit or unit.province != self.province or unit.level == "province":
                continue
            d = unit.parent_at("district")
            counts[d] += 3 if p.start < title_end else 1
        if publisher:
            pub = " " + publisher.lower() + " "
            for d in self.gaz.districts_of.get(self.province, ()):
                if f" {self.gaz.units[d].short_name.lower()} " in pub:
                    counts[d] += 2
        if not counts:
            return None
        (top, n), *_ = counts.most_common()
        if n >= _FOCUS_MIN and n / sum(counts.values()) >= _FOCUS_SHARE:
            return top
        if len(counts) == 1 and n >= 2:
            # the one district the article names, named in its lead and again
            lead_end = len(self._lead())
            for p in self.mentions.places:
                unit = self.gaz.get(p.code)
                if p.start < lead_end and unit and unit.level == "district" and unit.code == top:
                    return top
        return None
        return None

    def _title_end(self) -> int:
        """End of the title: the first line that is no furniture."""
        for para in self.prepared.paragraphs:
            if not para.noise:
                return para.end
        return 0

    def _lead(self) -> str:
        """Title lines and the first real paragraph."""
        end = 0
        for para in self.prepared.paragraphs:
            if para.noise:
                continue
            end = para.end
            if para.end - para.start >= _LEAD_MIN:
                break
        return self.match[:end]

    # --- focus ----------------------------------------------------------------

    @property
    def focus(self) -> str | None:
        return self.district or self.province

    def unit(self, code: str | None, surface: str | None = None) -> UnitRef:
        u = self.gaz.get(code)
        if u is None:
            return UnitRef(None, surface=surface)
        return UnitRef(u.code, u.name, u.level, surface)

    def city_level(self) -> str:
        """What "thành phố" / "Thành ủy" means in this document."""
        district = self.gaz.get(self.district)
        if district and norm_phrase(district.unit_type) in _CITY_TYPES:
            return "district"
        if self.district is None and self.gaz.is_province_city(self.province):
            return "province"
        return "district"

    def level(self, level: str | None) -> str | None:
        return self.city_level() if level == "city" else level

    def at_level(self, code: str | None, level: str | None) -> str | None:
        """The unit `code`, or its ancestor when it lies below `level`."""
        unit = self.gaz.get(code)
        if unit is None:
            return None
        if level in LEVEL_RANK and LEVEL_RANK[unit.level] > LEVEL_RANK[level]:
            return unit.parent_at(level)
        return unit.code

    def resolve_unit(self, level: str | None, own: list[Place], near: list[Place],
                     offset: int) -> str | None:
        """The unit a fact at `level` is about: its own places, then the places
        near it, then the document's subject, then the last place named."""
        for group in (own, near):
            units = [self.at_level(p.code, level) for p in group if p.code]
            units = [u for u in units if u]
            if units:
                return max(units, key=lambda c: LEVEL_RANK[self.gaz.units[c].level])
        if level == "commune" and self.district:
            # "Chủ tịch HĐND phường": the commune of the subject district named before
            last = self.last_unit_at("commune", offset)
            if last and self.gaz.units[last].within(self.district):
                return last
        if self.focus:
            return self.at_level(self.focus, level)
        return self.at_level(self.last_place_before(offset), level)

    def last_place_before(self, offset: int) -> str | None:
        best = None
        for p in self.mentions.places:
            if p.start >= offset:
                break
            if p.code:
                best = p
        if best is None:
            return None
        chain = [p for p in self.mentions.places if p.chain == best.chain and p.code]
        return max(chain, key=lambda p: LEVEL_RANK[self.gaz.units[p.code].level]).code

    def unit_for_posts(self, level: str | None, posts, near: list[Place], offset: int) -> str | None:
        """The unit of a fact about `posts`: "của thị trấn" is the town named
        before; else the posts' own places, the places near, the subject."""
        if level and any(getattr(p, "refers_back", False) for p in posts):
            found = self.last_unit_at(level, offset)
            if found:
                return found
        own = [pl for p in posts for pl in p.places]
        return self.resolve_unit(level, own, near, offset)

    def last_unit_at(self, level: str, offset: int) -> str | None:
        """The last unit of `level` the text named before `offset` ("của thị trấn")."""
        places = self.mentions.places
        for k in range(bisect.bisect_left(self.place_starts, offset) - 1, -1, -1):
            unit = self.gaz.get(places[k].code)
            if unit and unit.level == level:
                return unit.code
        return None

    def level_around(self, start: int, end: int) -> str | None:
        """The level the words before a pattern speak of ("Các huyện ủy ... phải
        bố trí X đồng thời là Y", "các cơ quan cấp huyện: X kiêm Y")."""
        i = bisect.bisect_left(self.chunk_starts, start)
        found = None
        for c in self.chunks[i:]:
            if c.start >= end:
                break
            if c.lex is None:
                continue
            if c.kind == "level" and c.lex.key != "all":
                found = c.lex.level
            elif c.kind == "body" and c.body == "cap-uy" and c.lex.level and c.lex.level != "central":
                found = c.lex.level
        return self.level(found)

    # --- sentences ----------------------------------------------------------

    def status_for(self, view: SentenceView, clause: Span, before: int) -> str:
        """Status words in the clause before the fact, or in the sentence's
        introduction (the text before ":"), else the document's."""
        s = view.sentence
        own = status_in(self.match[clause.start:before])
        if own:
            return own
        colon = self.match.find(":", s.start, clause.start)
        if colon >= 0:
            intro = status_in(self.match[s.start:colon])
            if intro:
                return intro
        if _THEREBY.match(self.match, s.start, s.end) and s.index > 0:
            prev = self.prepared.sentences[s.index - 1]
            inherited = status_in(self.match[prev.start:prev.end])
            if inherited:
                return inherited
        return self.default_status

    def clause_of(self, view: SentenceView, offset: int) -> Span:
        for clause in view.sentence.clauses:
            if clause.start <= offset <= clause.end:
                return clause
        return view.sentence.clauses[-1]

    def places_between(self, view: SentenceView, start: int, end: int) -> list[Place]:
        return [p for p in view.places if p.start >= start and p.end <= end]


_LIST_SEP = re.compile(r"^\s*(?:,|;|" + _CUES.w("and") + r"|,\s*(?:" + _CUES.w("and") + r"))\s*$")
_COUNTED = re.compile(r"(?:\d+\s*/\s*)?\d+\s+[^\d:;.()]{0,40}?[:(]?\s*(?:\w+\s*:?\s*)?$")


@dataclass
class PlaceList:
    """Units named one after another ("Nông Sơn, Phước Sơn và Tiên Phước"):
    a fact stated once for the list holds for each of them."""
    codes: list[str]
    start: int
    end: int
    level: str
    counted: bool          # a count stands before the list ("9/9 huyện: ...")


def place_lists(ctx: "DocContext", view: SentenceView) -> list[PlaceList]:
    out: list[PlaceList] = []
    if len(view.places) < 2:
        return out
    group: list[Place] = []

    def close() -> None:
        if len(group) >= 2:
            codes = list(dict.fromkeys(p.code for p in group))
            start = group[0].start
            before = ctx.match[max(view.sentence.start, start - 50):start]
            out.append(PlaceList(codes, start, group[-1].end, ctx.gaz.units[group[0].code].level,
                                 bool(_COUNTED.search(before))))

    for p in view.places:
        unit = ctx.gaz.get(p.code)
        if unit is None:
            close()
            group = []
            continue
        if group and unit.level == ctx.gaz.units[group[-1].code].level \
                and _LIST_SEP.match(ctx.match[group[-1].end:p.start]):
            group.append(p)
            continue
        close()
        group = [p]
    close()
    return out
