"""Positions: a role in a body, with the level and place the text gives it.

    Trưởng ban Dân vận Huyện ủy            head@ban-dan-van, district
    Chủ tịch Ủy ban MTTQ Việt Nam huyện X  head@mttq, district, place X
    Phó Bí thư Thường trực Tỉnh ủy         standing-deputy@cap-uy, province
    Tỉnh ủy viên                           member@cap-uy, province
    bí thư chi bộ / trưởng thôn            head@cap-uy / head@thon-to-dan-pho, village
    Chủ tịch (alone)                       incomplete: resolved from the document

A position list ("Bí thư Huyện ủy, Chủ tịch UBND huyện", "chủ tịch HĐND hoặc
UBND") carries the role over to a body named alone after a separator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .mentions import Chunk, Place
from .normalize import norm_phrase
from .vocab import LEVEL_RANK, alternation, load_cues, vocabulary

# Roles that make sense alone in context ("Bí thư đồng thời là Chủ tịch").
_MAY_BE_INCOMPLETE = frozenset(norm_phrase(r) for r in load_cues().spec.roles_alone)
# Committees that qualify the body before them ("Ban Dân vận Huyện ủy").
_OWNER_BODIES = frozenset({"cap-uy", "ubnd", "hdnd"})


@dataclass(slots=True)
class Position:
    role: str
    body: str | None
    start: int
    end: int
    c0: int                       # chunk range [c0, c1)
    c1: int
    role_surface: str = ""
    body_surface: str = ""
    level: str | None = None      # province | city | district | commune | village | central | all
    generic: bool = False         # level said as "cấp huyện"
    places: list[Place] = field(default_factory=list)
    elliptic: bool = False        # body named alone after a list separator
    refers_back: bool = False     # "của thị trấn": the unit of that level named before

    @property
    def key(self) -> str | None:
        return f"{self.role}@{self.body}" if self.body else None

    @property
    def complete(self) -> bool:
        return self.body is not None

    @property
    def member(self) -> bool:
        return self.role == "member"


def _set_level(pos: Position, level: str | None, strength: int, strengths: dict) -> None:
    if level and strength >= strengths.get("level", -1):
        pos.level = level
        strengths["level"] = strength


def _blank(match: str, a: int, b: int) -> bool:
    return a >= b or match[a:b].isspace()


_NEXT_WORD = re.compile(r"\s+(\w+)")


def _unknown_body_after(text: str, match: str, end: int) -> bool:
    """A role followed by the name of a body the vocabulary does not know ("Giám
    đốc Sở Giáo dục, Khoa học và Công nghệ"): it is no role written alone, whose
    body the text said before."""
    m = _NEXT_WORD.match(match, end)
    return m is not None and text[m.start(1)].isupper() and m.group(1) in vocabulary().body_first_words


def parse_positions(text: str, match: str, chunks: list[Chunk], c_start: int, c_end: int) -> list[Position]:
    """All positions among chunks[c_start:c_end], in order."""
    positions: list[Position] = []
    p = c_start
    while p < c_end:
        c = chunks[p]
        pos = None
        strengths: dict = {}
        if c.kind == "fused":
            role, body = c.lex.key.split("@")
            pos = Position(role, body, c.start, c.end, p, p + 1, role_surface=c.lex.surface,
                           body_surface=text[c.start:c.end])
            _set_level(pos, c.lex.level, 1, strengths)
            q = p + 1
        elif c.kind == "role":
            q = p + 1
            body = None
            body_surface = ""
            level = None
            if q < c_end and chunks[q].kind == "body" and (_blank(match, c.end, chunks[q].start)
                                                           or _FILLER.match(match, c.end, chunks[q].start)):
                body = chunks[q].body
                body_surface = text[chunks[q].start:chunks[q].end]
                level = chunks[q].lex.level if chunks[q].lex else None
                q += 1
            elif c.lex.default_body:
                body = c.lex.default_body
            elif c.lex.surface not in _MAY_BE_INCOMPLETE or _unknown_body_after(text, match, c.end):
                p += 1                  # no body, or one the vocabulary does not know: no post
                continue
            pos = Position(c.lex.key, body, c.start, chunks[q - 1].end, p, q,
                           role_surface=c.lex.surface, body_surface=body_surface)
            _set_level(pos, level, 1, strengths)
        elif (c.kind == "body" and c.body != "cap-uy" and positions and positions[-1].c1 <= p
              and _LIST_GAP.match(match, positions[-1].end, c.start)):
            # "chủ tịch HĐND hoặc UBND", "trưởng thôn, khu phố": the role carries over
            prev = positions[-1]
            pos = Position(prev.role, c.body, c.start, c.end, p, p + 1, role_surface=prev.role_surface,
                           body_surface=text[c.start:c.end], elliptic=True)
            _set_level(pos, c.lex.level if c.lex else None, 1, strengths)
            q = p + 1
        else:
            p += 1
            continue
        q, pos.end = _qualifiers(match, chunks, q, c_end, pos, strengths)
        pos.c1 = q
        positions.append(pos)
        p = q
    return positions


_LIST_GAP = re.compile(r"\s*(?:,|-|" + load_cues().w("list_or") + r"|/)\s*$")
_VIET_NAM = re.compile(r"\s+(?:" + load_cues().w("viet_nam") + r")\b")
_OF = frozenset(load_cues().spec.words["of"])
_TERM = load_cues().term
_FILLER = re.compile(r"\s+(?:" + alternation(load_cues().spec.role_fillers) + r")\s+$")


def _qualifiers(match: str, chunks: list[Chunk], q: int, c_end: int, pos: Position,
                strengths: dict) -> tuple[int, int]:
    """Words after a post that say whose it is: "Huyện ủy", "huyện X", "cấp xã",
    "Việt Nam", "(MTTQ)", "của thị trấn". Returns (next chunk, end offset)."""
    had_owner = False
    end = chunks[q - 1].end
    while q < c_end:
        vn = _VIET_NAM.match(match, end)
        if vn:
            end = vn.end()
        term = _TERM.match(match, end)                       # "khóa XIV", "nhiệm kỳ 2020 - 2025"
        while term:
            end = term.end()
            while q < c_end and chunks[q].start < end:
                q += 1
            term = _TERM.match(match, end)
        if q >= c_end:
            break
        c = chunks[q]
        if not _blank(match, end, c.start) and not (c.kind == "level" and _PLURAL_LEVEL.match(match, end, c.start)):
            break
        nxt = chunks[q + 1] if q + 1 < c_end else None
        if c.kind == "body" and c.body in _OWNER_BODIES and c.lex:
            # "Huyện ủy", "UBND", "cấp ủy" (its level in the word after: "cấp ủy huyện")
            if c.lex.level:
                _set_level(pos, c.lex.level, 2, strengths)
            had_owner = True
        elif c.kind == "level" and c.lex.key != "all":
            _set_level(pos, c.lex.level, 1 if c.lex.generic else 3, strengths)
            pos.generic = pos.generic or c.lex.generic
        elif c.kind == "level":                              # "các cấp"
            pos.level = "all"
            strengths["level"] = 9
        elif c.kind == "place":
            pos.places.append(c.place)
            level = c.place.level if c.place.level != "city" else "district"
            _set_level(pos, level, 4, strengths)
        elif c.kind == "tok" and c.low in _OF and nxt and nxt.kind in ("level", "place") \
                and _blank(match, c.end, nxt.start):
            if nxt.kind == "level" and not nxt.lex.generic and nxt.lex.key != "all":
                pos.refers_back = True
        elif c.kind == "tok" and c.low == "(":
            close = match.find(")", c.end, c.end + 25)
            if close < 0 or "(" in match[c.end:close]:
                break
            end = close + 1                                  # "(MTTQ)", "(UBKT)"
            q += 1
            while q < c_end and chunks[q].start < end:
                q += 1
            continue
        elif c.kind == "tok" and c.low == "," and nxt and _blank(match, c.end, nxt.start) and (
                (had_owner and nxt.kind == "body" and nxt.body == "cap-uy" and nxt.lex and nxt.lex.level)
                or (nxt.kind == "level" and chunks[q - 1].kind == "level")):
            pass                                             # "huyện ủy, thành ủy"; "xã, thị trấn"
        else:
            break
        end = c.end
        q += 1
    return q, end


# --- what lies between two positions ---------------------------------------------

CONNECTOR = "conn"
DASH = "dash"
COMMA = "comma"
AND = "and"
OR = "or"
BREAK = "break"

_CONNECTOR = re.compile(r"^\s*,?\s*(?:(?:" + alternation(load_cues().spec.connector_lead) + r")\s+)*(?:(?:"
                        + alternation(load_cues().spec.connector_negation) + r")\s+)?(?:"
                        + alternation(load_cues().spec.connectors) + r")\s*$")
# "Phó Chủ tịch UBND các phường, xã ...": a plural word before the level words of a post
_PLURAL_LEVEL = re.compile(r"\s+(?:" + load_cues().w("every") + "|" + load_cues().w("some") + r")\s+$")
# a post written after "nguyên", "từng": held before, not at the article's date
_FORMER_POST = re.compile(r"\b(?:" + alternation(load_cues().spec.former) + r")\s+$")
_NOW = re.compile(r"\b(?:" + alternation(load_cues().spec.now) + r")\b")


def is_former(match: str, p: "Position") -> bool:
    return _FORMER_POST.search(match, max(0, p.start - 24), p.start) is not None


def current_posts(match: str, posts: list["Position"]) -> list["Position"]:
    """The posts held now, of one person's run of posts: not those after "nguyên",
    "từng", nor the ones after them ("nguyên Bí thư kiêm Chủ tịch", "nguyên Phó Bí
    thư, Chủ tịch UBND huyện": both were held), until a word says now ("nguyên A,
    nay là B": B is held)."""
    out, former = [], False
    for i, p in enumerate(posts):
        if is_former(match, p):
            former = True
        elif i and _NOW.search(match, posts[i - 1].end, p.start):
            former = False
        if not former:
            out.append(p)
    return out


_DASH = re.compile(r"^\s*-\s*$")
_COMMA = re.compile(r"^\s*,\s*$")
_AND = re.compile(r"^\s*(?:(?:" + load_cues().w("and") + r")|,\s*(?:" + load_cues().w("and") + r"))\s*$")
_OR = re.compile(r"^\s*(?:" + alternation(load_cues().spec.alternatives) + r"|/)\s*$")


def gap_kind(match: str, a: int, b: int) -> str:
    gap = match[a:b]
    if len(gap) > 60:
        return BREAK
    if _DASH.match(gap):
        return DASH
    if _COMMA.match(gap):
        return COMMA
    if _AND.match(gap):
        return AND
    if _OR.match(gap):
        return OR
    if _CONNECTOR.match(gap):
        return CONNECTOR
    return BREAK


def position_level(positions: list[Position]) -> str | None:
    """The level the positions sit at: the first stated one (strongest first)."""
    levels = [p.level for p in positions if p.level]
    if not levels:
        return None
    specific = [lv for lv in levels if lv in LEVEL_RANK]
    return specific[0] if specific else levels[0]


def resolve_roles(positions: list[Position], memory: dict[str, str]) -> dict[str, str]:
    """A role written alone ("Chủ tịch") takes the body it had last in the text.
    `memory` (role surface -> body) is what the sentences before said; the
    memory after this sentence is returned (a new dict: nothing is shared)."""
    memory = dict(memory)
    for p in positions:
        if p.complete:
            memory[p.role_surface] = p.body
        elif p.role_surface in memory:
            p.body = memory[p.role_surface]
    return memory
