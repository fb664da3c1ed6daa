"""Mentions: the tokens of a document grouped into places, bodies, roles,
level words and person names ("chunks"), which the extractors read.

Places come first (they need capital letters and the gazetteer), then merged
bodies named by their parts ("Cơ quan Tổ chức - Nội vụ"), then the vocabulary
(bodies, roles, level words), then person names on what is left.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from operator import itemgetter

from .gazetteer import TYPE_PREFIX, Gazetteer
from .normalize import key
from .tokens import APOSTROPHES, CAP, END, LOW, SOFT, START, WORD, Token, tokenize
from .vocab import Lex, Vocabulary, alternation, composite_key, load_cues

_MAX_NAME = 6


@dataclass(slots=True)
class Place:
    t0: int
    t1: int
    start: int
    end: int
    level: str                  # province | city | district | commune
    candidates: list[str]
    code: str | None = None
    typed: bool = False
    chain: int = -1             # places written together ("xã A, huyện B, tỉnh C")
    plural: bool = False        # one of "các huyện A, B và C"


@dataclass(slots=True)
class Chunk:
    kind: str                   # place | body | role | fused | level | block | name | tok
    t0: int
    t1: int
    start: int
    end: int
    low: str = ""               # the matching text of the chunk
    lex: Lex | None = None
    body: str | None = None     # body type key (for bodies; "a+b" when named by parts)
    place: Place | None = None
    person: str | None = None


@dataclass(slots=True)
class Mentions:
    chunks: list[Chunk]                  # of the sentences that can state a fact
    places: list[Place] = field(default_factory=list)   # of the whole document


# --- places -------------------------------------------------------------------

_TWO_WORD_TYPES = {("thành", "phố"), ("thị", "xã"), ("thị", "trấn")}
_ONE_WORD_TYPES = frozenset({"tỉnh", "huyện", "quận", "xã", "phường"})
_ABBREV_TYPES = {"tp", "tx", "tt", "h", "q", "p"}
# the words a type word starts with (any other token is none)
_TYPE_FIRST = frozenset({a for a, _b in _TWO_WORD_TYPES}) | _ONE_WORD_TYPES | _ABBREV_TYPES


def _type_word(tokens: list[Token], i: int) -> tuple[str | None, int]:
    """A unit type word at token i: (key prefix, index after it)."""
    t = tokens[i]
    if t[LOW] not in _TYPE_FIRST:
        return None, i
    n = len(tokens)
    if i + 1 < n and (t[LOW], tokens[i + 1][LOW]) in _TWO_WORD_TYPES:
        return TYPE_PREFIX[f"{t[LOW]} {tokens[i + 1][LOW]}"], i + 2
    if t[LOW] in _ONE_WORD_TYPES:
        return TYPE_PREFIX[t[LOW]], i + 1
    if t[LOW] in _ABBREV_TYPES and t[CAP] and t[END] - t[START] <= 2:
        j = i + 1
        if j < n and tokens[j][LOW] == "." and tokens[j][START] == t[END]:
            j += 1
        elif t[LOW] in ("h", "q", "p"):
            return None, i        # "H" alone is no type word; "H.Tân Kỳ" is
        if t[LOW] == "tp" and j + 1 < n and tokens[j][LOW] == "." and tokens[j + 1][LOW] == "hcm":
            j += 1
        return TYPE_PREFIX[t[LOW]], j
    return None, i


def _name_run(tokens: list[Token], j: int, digits: bool) -> int:
    """End of a run of capitalised words (or numbers, for "Quận 1") from j."""
    k = j
    n = len(tokens)
    while k < n and k - j < _MAX_NAME:
        t = tokens[k]
        if not t[WORD] or not (t[CAP] or (digits and t[LOW].isdigit())):
            break
        if k > j and tokens[k - 1][END] != t[START] - 1:   # one space between words
            break
        k += 1
    return k


_UPPER = re.escape("".join(c for c in map(chr, range(0x41, 0x1EFA)) if c.isupper()))
_CAPWORD = rf"[{_UPPER}][^\W_]*"
# a run of capitalised words; numbers after a type word ("Quận 1") are found apart
_RUN = re.compile(rf"{_CAPWORD}((?:[ ]{_CAPWORD})+)?")          # group 1: the words after the first
_NUMBERED_TYPES = ("quận", "phường")          # types whose units may be numbered ("Quận 1")
_NUMBERED = re.compile(r"(?:" + "|".join(_NUMBERED_TYPES) + r")\s+(\d+)\b")
# what may stand before a run: "các huyện", "thị xã", "TP.", "H." (each alternative starts
# with a letter of its own, so that the regex engine skips to those letters)
_TYPE_WORDS = r"thành\s+phố|thị\s+xã|thị\s+trấn|tỉnh|huyện|quận|xã|phường"
_BEFORE_RUN = re.compile("(?:" + "|".join(
    [r"các\s+(?:" + _TYPE_WORDS + r")\s+"] + [w + r"\s+" for w in _TYPE_WORDS.split("|")]
    + [r"tp\.?\s*", r"tx\.?\s*", r"tt\.?\s*", r"t\.p\.?\s*", r"h\.\s*", r"q\.\s*", r"p\.\s*"]) + ")$")
_WARD_AFTER = re.compile(r"\s+là\s+(?:một\s+)?(?:xã|phường|thị\s+trấn)\b")
_JOIN = re.compile(r"[\s,()\-–]*(?:và\s*)?$")       # all of match[pos:endpos]


def _runs(text: str, match: str) -> list[tuple[int, int, bool]]:
    """(start, end, several words) of the runs of capitalised words, in text order."""
    runs = []
    for m in _RUN.finditer(text):
        a = m.start()
        if a and (text[a - 1].isalnum() or text[a - 1] == "_"):
            continue                          # inside a word ("iPhone")
        runs.append((a, m.end(), m.lastindex is not None))
    # (a text without their type words, most, is not scanned by the pattern: str's search is faster)
    numbered = [(m.start(1), m.end(1), False) for m in _NUMBERED.finditer(match)] \
        if any(word in match for word in _NUMBERED_TYPES) else []
    if numbered:
        runs.extend(numbered)
        runs.sort()
    return runs


def _windows(text: str, match: str):
    """Stretches of text that may name places: runs of capitalised words with
    the type word before them, joined when only commas, dashes, brackets or
    "và" stand between. A lone capitalised word without a type word is no place.
    (The patterns read `match` between offsets: no stretch is copied.)"""
    start = end = -1
    # (a few hundred runs a page: the patterns' methods are bound once)
    before_run, ward_after, join = _BEFORE_RUN.search, _WARD_AFTER.match, _JOIN.match
    for a, b, several in _runs(text, match):
        before = before_run(match, a - 16 if a > 16 else 0, a)
        if before:
            a = before.start()
        elif not several:
            if start >= 0 and a >= end and join(match, end, a):
                end = b                       # a one-word item of a list ("A, B và C")
            continue
        after = ward_after(match, b)
        if after:
            b = after.end()
        if start >= 0 and a >= end and join(match, end, a):
            end = b
            continue
        if start >= 0:
            yield start, end
        start, end = a, b
    if start >= 0:
        yield start, end


# Commune names listed bare after their level noun ("3 xã gồm: A, B và C", "các phường (A, B)"):
# the noun types each name of the list (the gazetteer looks communes up by type only).
_CUES = load_cues()
_COMMUNE_NOUNS = [w for w, lv in _CUES.noun_level.items() if lv == "commune" and w in TYPE_PREFIX]
_NOUNS = "(?:" + alternation(_COMMUNE_NOUNS) + ")"
_LIST_AFTER_NOUN = re.compile(r"(?:^|\s)(" + _NOUNS + r"(?:\s*,\s*" + _NOUNS + r")*)\s*,?\s*(?:(?:"
                              + alternation(_CUES.spec.place_list_intro) + r")\s*:?|:|\()\s*$")
_NOUN_SPLIT = re.compile(r"\s*,\s*")
# what every match of _LIST_AFTER_NOUN ends with: a list word's last word, ":" or "(" (this
# pattern starts with letters of its own, so that the regex engine skips to them; the full
# one, starting with a space, tries every position)
_LIST_END = re.compile("(?:" + alternation({w.split()[-1] for w in _CUES.spec.place_list_intro})
                       + r"|:|\()\s*:?\s*$")


def _listed_prefixes(match: str, start: int) -> tuple[str, ...]:
    """The unit types of a list of bare names starting at `start`, from the level
    noun and list word just before it ("xã, thị trấn gồm: ")."""
    if _LIST_END.search(match, max(0, start - 40), start) is None:
        return ()
    m = _LIST_AFTER_NOUN.search(match, max(0, start - 40), start)
    if m is None:
        return ()
    return tuple(dict.fromkeys(TYPE_PREFIX[n] for n in _NOUN_SPLIT.split(m.group(1)) if n in TYPE_PREFIX))


_LOOKUPS_MAX = 200_000       # answers kept on the gazetteer (a few tens of MB at most)


def _tokenized_windows(text: str, match: str) -> list[tuple[int, list[Token]]]:
    """(start, tokens) of each window; a stretch written again shares the tokens
    of its first occurrence (the same words: their offsets are the first's)."""
    out = []
    first: dict[tuple[str, str], list[Token]] = {}
    for start, end in _windows(text, match):
        k = (text[start:end], match[start:end])   # what its tokens and places depend on
        tokens = first.get(k)
        if tokens is None:
            tokens = first[k] = tokenize(text, match, start, end)
        out.append((start, tokens))
    return out


def _text_of(text: str, tokens: list[Token], a: int, b: int) -> str:
    return text[tokens[a][START]:tokens[b - 1][END]]


class PlaceFinder:
    def __init__(self, gaz: Gazetteer, surnames: frozenset[str], hint_province: str | None):
        self.gaz = gaz
        self.surnames = surnames          # in matching form
        self.hint = hint_province
        # names looked up in the gazetteer: their answer depends on it and on the hint only, so
        # it is kept on the gazetteer for the documents after this one (texts name the same places)
        if len(gaz.lookups) > _LOOKUPS_MAX:
            gaz.lookups.clear()
        self._memo: dict[tuple, tuple[str, list[str]] | None] = gaz.lookups

    def typed(self, prefix: str, name: str) -> tuple[str, list[str]] | None:
        k = (prefix, name)
        if k not in self._memo:
            self._memo[k] = self._typed(prefix, name)
        found = self._memo[k]
        return (found[0], list(found[1])) if found else None

    def _typed(self, prefix: str, name: str) -> tuple[str, list[str]] | None:
        gaz = self.gaz
        if prefix == "tinh":
            codes = gaz.province_codes(name)
            return ("province", codes) if codes else None
        if prefix == "thanhpho":
            codes = [c for c in gaz.district_codes(name, "thanhpho") if gaz.units[c].unit_type == "Thành phố"]
            if not codes:
                codes = gaz.district_codes(name, "thanhpho")
                codes = [c for c in codes if key(gaz.units[c].short_name) == key(name)] or []
            if codes:
                return "district", codes
            codes = gaz.province_codes(name)
            return ("province", codes) if codes else None
        if prefix in ("huyen", "quan", "thixa"):
            codes = gaz.district_codes(name, prefix)
            return ("district", codes) if codes else None
        codes = gaz.ward_codes(name, prefix)
        return ("commune", codes) if codes else None

    def bare(self, name: str, ward_type: str | None) -> tuple[str, list[str]] | None:
        k = ("bare", self.hint, name, ward_type)
        if k not in self._memo:
            self._memo[k] = self._bare(name, ward_type)
        found = self._memo[k]
        return (found[0], list(found[1])) if found else None

    def _bare(self, name: str, ward_type: str | None) -> tuple[str, list[str]] | None:
        gaz = self.gaz
        if ward_type:
            codes = gaz.ward_codes(name, ward_type)
            return ("commune", codes) if codes else None
        codes = gaz.province_codes(name)
        if codes:
            return "province", codes
        if self.hint:
            codes = [c for c in gaz.district_codes(name) if gaz.units[c].province == self.hint]
            if codes:
                return "district", codes
        return None

    def find(self, text: str, match: str, windows: list | None = None) -> list[Place]:
        """Every place the text names. Only the stretches that can hold a place
        (capitalised words, with the type word before them) are tokenized, and a
        stretch written again (a document names its places again) is read once:
        its places are those of its first occurrence, moved. `windows` are the
        (start, tokens) of an earlier pass over the same text (kept in
        self.windows), read again with another province hint."""
        places: list[Place] = []
        chain_base = 0
        if windows is None:
            windows = _tokenized_windows(text, match)
        self.windows = windows
        first: dict[tuple, tuple[int, list[Place]]] = {}     # (id(tokens), list types) -> (start, places)
        for start, tokens in windows:
            listed = _listed_prefixes(match, start) if tokens and tokens[0][CAP] else ()
            seen = first.get((id(tokens), listed))
            if seen is None:
                found = self._find(text, tokens, listed)
                first[(id(tokens), listed)] = (start, found)
            else:
                delta = start - seen[0]
                found = [Place(p.t0, p.t1, p.start + delta, p.end + delta, p.level, list(p.candidates),
                               typed=p.typed, plural=p.plural) for p in seen[1]]
            self._chains(tokens, found, chain_base)
            chain_base += len(found) + 1
            places.extend(found)
        self._resolve(places)
        return places

    def _find(self, text: str, tokens: list[Token], listed: tuple[str, ...] = ()) -> list[Place]:
        places: list[Place] = []
        n = len(tokens)
        i = self._bare_list(text, tokens, listed, places) if listed else 0
        while i < n:
            prefix, j = _type_word(tokens, i)
            if prefix and j < n:
                end = _name_run(tokens, j, digits=prefix in ("quan", "phuong"))
                found = self._longest(text, tokens, j, end, lambda name: self.typed(prefix, name))
                if found:
                    k, (level, codes) = found
                    plural = i > 0 and tokens[i - 1][LOW] == "các"
                    places.append(Place(i, k, tokens[i][START], tokens[k - 1][END], level, codes, typed=True,
                                        plural=plural))
                    i = k
                    if plural:       # "các huyện A, B và C"
                        i = self._continue_list(text, tokens, i, prefix, places)
                    continue
            t = tokens[i]
            if t[CAP] and t[WORD] and not (i > 0 and tokens[i - 1][CAP] and tokens[i - 1][WORD]
                                         and tokens[i - 1][LOW] in self.surnames):
                end = _name_run(tokens, i, digits=False)
                if end - i >= 2:
                    ward_type = self._ward_type_after(tokens, end)
                    found = self._longest(text, tokens, i, end,
                                          lambda name: self.bare(name, None), min_len=2)
                    if found is None and ward_type:
                        found = self._longest(text, tokens, i, end,
                                              lambda name: self.bare(name, ward_type), min_len=2)
                    if found:
                        k, (level, codes) = found
                        places.append(Place(i, k, tokens[i][START], tokens[k - 1][END], level, codes))
                        i = k
                        continue
            i += 1
        return places

    def _bare_list(self, text, tokens, prefixes, places) -> int:
        """Names listed after their level noun, each typed by it: the index after the list."""
        n = len(tokens)
        i = 0
        while i < n:
            end = _name_run(tokens, i, digits=False)
            found = None
            for prefix in prefixes:
                found = self._longest(text, tokens, i, end, lambda name: self.typed(prefix, name))
                if found:
                    break
            if not found:
                break
            k, (level, codes) = found
            places.append(Place(i, k, tokens[i][START], tokens[k - 1][END], level, codes, typed=True,
                                plural=True))
            i = k
            if i + 1 < n and tokens[i][LOW] in (",", "và"):
                i += 1
                if i + 1 < n and tokens[i][LOW] == "và":
                    i += 1
            else:
                break
        return i if places else 0

    def _longest(self, text, tokens, a, b, lookup, min_len=1):
        for k in range(b, a + min_len - 1, -1):
            if k <= a:
                break
            found = lookup(_text_of(text, tokens, a, k))
            if found:
                return k, found
        return None

    def _continue_list(self, text, tokens, i, prefix, places):
        n = len(tokens)
        while i + 1 < n and tokens[i][LOW] in (",", "và"):
            j = i + 1
            own_prefix, after = _type_word(tokens, j)     # "... và thị xã C"
            kind = own_prefix or prefix
            first = after if own_prefix else j
            end = _name_run(tokens, first, digits=False)
            found = self._longest(text, tokens, first, end, lambda name: self.typed(kind, name))
            if not found:
                break
            k, (level, codes) = found
            places.append(Place(j, k, tokens[j][START], tokens[k - 1][END], level, codes, typed=True,
                                plural=True))
            i = k
        return i

    @staticmethod
    def _ward_type_after(tokens, end):
        """ "X là xã ..." names a commune without a type word before it."""
        n = len(tokens)
        if end + 1 < n and tokens[end][LOW] == "là":
            j = end + 1
            if j < n and tokens[j][LOW] in ("một", "1"):
                j += 1
            if j < n and tokens[j][LOW] == "xã":
                return "xa"
            if j < n and tokens[j][LOW] == "phường":
                return "phuong"
            if j + 1 < n and (tokens[j][LOW], tokens[j + 1][LOW]) == ("thị", "trấn"):
                return "thitran"
        return None

    @staticmethod
    def _chains(tokens, places, chain=0):
        for a, b in zip(places, places[1:]):
            between = [t[LOW] for t in tokens[a.t1:b.t0]]
            if a.chain < 0:
                a.chain = chain
                chain += 1
            if between and len(between) <= 2 and all(x in (",", "-", "(", ")") for x in between):
                b.chain = a.chain
        if places and places[-1].chain < 0:
            places[-1].chain = chain

    def _resolve(self, places):
        gaz = self.gaz
        by_chain: dict[int, list[Place]] = {}
        for p in places:
            by_chain.setdefault(p.chain, []).append(p)
        for group in by_chain.values():
            fixed = [p.candidates[0] for p in group if len(p.candidates) == 1]
            for p in group:
                cands = p.candidates
                if len(cands) > 1 and fixed:
                    inside = [c for c in cands if any(gaz.units[c].within(f) or gaz.units[f].within(c)
                                                      for f in fixed)]
                    cands = inside or cands
                if len(cands) > 1 and self.hint:
                    hinted = [c for c in cands if gaz.units[c].province == self.hint]
                    cands = hinted or cands
                if len(cands) == 1:
                    p.code = cands[0]
                    p.level = gaz.units[p.code].level
                p.candidates = cands


def resolve_in_sentence(gaz: Gazetteer, places: list[Place]) -> None:
    """Settle ambiguous places with the other places of the same sentence."""
    fixed = [p.code for p in places if p.code]
    for p in places:
        if p.code or not fixed:
            continue
        inside = [c for c in p.candidates if any(gaz.units[c].within(f) for f in fixed)]
        if len(inside) == 1:
            p.code = inside[0]
            p.level = gaz.units[p.code].level


# --- chunks ---------------------------------------------------------------------

def chunk(text: str, tokens: list[Token], places: list[Place], vocab: Vocabulary) -> list[Chunk]:
    chunks: list[Chunk] = []
    place_at = {}
    if places:
        starts = list(map(_START, tokens))    # (a bisect with key= calls it at each step)
        for p in places:                      # the token each place starts at
            k = bisect.bisect_left(starts, p.start)
            if k < len(starts) and starts[k] == p.start:
                place_at[k] = p
    place_starts = sorted(place_at)
    surnames = vocab.surname_keys
    roots = vocab.lexicon.root
    heads = vocab.composite_heads.root
    chunk_words = vocab.chunk_words
    honorifics = vocab.honorifics.root
    n = len(tokens)
    next_place = 0
    i = 0
    while i < n:
        low = tokens[i][LOW]
        if low not in chunk_words and low not in _FUNCTION_WORDS and i not in place_at:
            i += 1                        # a plain word: no chunk starts here
            continue
        while next_place < len(place_starts) and place_starts[next_place] < i:
            next_place += 1
        limit = place_starts[next_place] if next_place < len(place_starts) else n
        if i in place_at:
            p = place_at[i]
            j = i
            while j < n and tokens[j][START] < p.end:
                j += 1
            chunks.append(Chunk("place", i, j, p.start, p.end, place=p))
            i = j
            continue
        t = tokens[i]
        found = _composite(tokens, i, limit, vocab) if t[LOW] in heads else None
        if found:
            end, body, head = found
            chunks.append(Chunk("body", i, end, tokens[i][START], tokens[end - 1][END], body=body,
                                low="list" if head in vocab.list_heads else ""))
            i = end
            continue
        end, lex = vocab.lexicon.match(tokens, i, limit) if t[LOW] in roots else (-1, None)
        if end > 0 and not (lex.cased and not t[CAP]):
            # (arguments by position here and below: a call with keywords costs twice as much)
            c = Chunk(lex.kind, i, end, tokens[i][START], tokens[end - 1][END], "", lex)
            if lex.kind == "body":
                c.body = lex.key
            chunks.append(c)
            i = end
            continue
        if t[CAP] and t[WORD] and t[LOW] in surnames:
            end, syllables = _person_end(text, tokens, i, limit)
            if syllables >= 2:
                person = _text_of(text, tokens, i, end)
                if person.isupper():              # a caption in capitals: "TRẦN VĂN AN"
                    person = person.title()
                chunks.append(Chunk("name", i, end, t[START], tokens[end - 1][END], person=person))
                i = end
                continue
        if low in honorifics:             # "ông A Pớt", "Đại tá Rah Lan Chung"
            name = _addressed_name(text, tokens, i, n, place_at, vocab)
            if name is not None:
                chunks.append(name)
                i = name.t1
                continue
        if t[LOW] in _FUNCTION_WORDS:
            chunks.append(Chunk("tok", i, i + 1, t[START], t[END], t[LOW]))
        i += 1
    return chunks


_START = itemgetter(START)

# the plain words the extractors look at; other words are read from the text
_FUNCTION_WORDS = frozenset({"của", "(", ")", ","})


def _syllable_end(tokens: list[Token], k: int, limit: int) -> int:
    """End of the name syllable at token k: the word, and the parts an apostrophe
    joins to it without a space ("H'Yim", "K'Nhiên": three tokens, one syllable)."""
    k += 1
    while k + 1 < limit and tokens[k][LOW] in APOSTROPHES \
            and tokens[k - 1][END] == tokens[k][START] and tokens[k][END] == tokens[k + 1][START] \
            and tokens[k + 1][WORD] and tokens[k + 1][LOW].isalpha():
        k += 2
    return k


def _person_end(text: str, tokens: list[Token], i: int, limit: int) -> tuple[int, int]:
    """End of a person's name starting at token i (a family name, or the first
    syllable of a name after a title of address), and its number of syllables."""
    k = i + 1
    if k < limit and tokens[k][LOW] in APOSTROPHES:     # (a rare name: a call only then)
        k = _syllable_end(tokens, i, limit)
    syllables = 1
    first = text[tokens[i][START]:tokens[i][END]]
    capitals = len(first) > 1 and first.isupper()      # "TRẦN PHƯỚC HIỀN": a name in capitals
    while k < limit and syllables < 5:
        t = tokens[k]
        if not (t[WORD] and t[CAP] and t[LOW].isalpha() and tokens[k - 1][END] == t[START] - 1):
            break
        word = text[t[START]:t[END]]
        if capitals:
            if not word.isupper():
                break
        elif word[1:] != word[1:].lower():      # UBND, HĐND are no names
            break
        k += 1
        if k < limit and tokens[k][LOW] in APOSTROPHES:
            k = _syllable_end(tokens, k - 1, limit)
        syllables += 1
    return k, syllables


def _addressed_name(text: str, tokens: list[Token], i: int, n: int, place_at: dict,
                    vocab: Vocabulary) -> Chunk | None:
    """A name after a title of address (people.yaml's honorifics: "ông", "bà", "đồng
    chí", ranks) whose first syllable is no family name of the list: the names of
    the Central Highlands' peoples ("ông A Pớt", "đồng chí Y Ngọc"). Two to five
    capitalised syllables, none of them a word that starts a vocabulary entry
    ("ông Chủ tịch") and not a place found in the text."""
    end, _ = vocab.honorifics.match(tokens, i, n)
    if end < 0 or end >= n or end in place_at:
        return None
    t = tokens[end]
    if not (t[WORD] and t[CAP] and t[LOW].isalpha()) or t[LOW] in vocab.surname_keys \
            or t[LOW] in vocab.entry_words or tokens[end - 1][END] != t[START] - 1:
        return None
    first = text[t[START]:t[END]]
    if first[1:] != first[1:].lower():          # "UBND", "HĐND" are no names
        return None
    stop, syllables = _person_end(text, tokens, end, n)
    if syllables < 2 or any(tokens[k][LOW] in vocab.entry_words or k in place_at
                             for k in range(end + 1, stop)):
        return None
    return Chunk("name", end, stop, t[START], tokens[stop - 1][END],
                 person=_text_of(text, tokens, end, stop))


def _composite(tokens: list[Token], i: int, limit: int, vocab: Vocabulary):
    """A merged body named by its parts: "Cơ quan Tổ chức - Nội vụ",
    "Văn phòng Đoàn ĐBQH, HĐND và UBND", "Báo và Đài PT-TH"."""
    end, head = vocab.composite_heads.match(tokens, i, limit)
    if end < 0:
        return None
    if head == "báo" and not tokens[i][CAP]:
        return None
    lexicon = vocab.composites[head]
    parts: list[str] = ["bao"] if head == "báo" else []
    j = end
    if j < limit and tokens[j][LOW] == ":" and head in vocab.list_heads:      # "các Trạm: A, B, C"
        j += 1
    last = end
    while j < limit:
        while j < limit and tokens[j][LOW] in SOFT:
            j += 1
        if j >= limit:
            break
        k, part = lexicon.match(tokens, j, limit)
        if k < 0:
            break
        parts.append(part)
        last = j = k
    needed = 2
    if len(parts) < needed or (head == "báo" and len(parts) < 2):
        return None
    return last, composite_key(parts), head
