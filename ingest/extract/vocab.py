"""The project's vocabulary (ingest/vocab/*.yaml), loaded once, as lexicons.

A lexicon is a trie over tokens in matching form. Inside a name the
separators "-", "," and "và" are optional ("Văn hóa - Thông tin - Thể thao" =
"văn hóa, thông tin và thể thao" = "Văn hóa Thể thao"), and "…" in a name is
a gap of up to six words without punctuation. The longest entry wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import re

from . import schema
from .normalize import norm_phrase
from .tokens import HARD, LOW, SOFT, Token, phrase_tokens

VOCAB_DIR = Path(str(files("mergegraph.ingest"))) / "vocab"  # package data

LEVELS = ("central", "province", "district", "commune", "village")
LEVEL_RANK = {name: rank for rank, name in enumerate(LEVELS)}
_LEVEL_KEYS = ("province", "city", "district", "commune", "village", "central")

_VALUE = object()
_GAP = "…"
_GAP_MAX = 6


@dataclass(frozen=True, slots=True)
class Lex:
    """One vocabulary entry."""
    kind: str                   # body | role | fused | level | block
    key: str                    # body type, role, ROLE@BODY, or level name
    level: str | None = None    # level said by the name itself ("city" for Thành ủy)
    cased: bool = False         # counts only when written with a capital
    default_body: str | None = None
    generic: bool = False       # "cấp huyện": a level, not a particular unit
    surface: str = ""           # the entry as written in the vocabulary


class Lexicon:
    """A token trie with optional separators and gaps."""

    def __init__(self) -> None:
        self.root: dict[Any, Any] = {}

    def add(self, phrase: str, value: Any) -> None:
        words = [t for t in phrase_tokens(norm_phrase(phrase)) if t not in SOFT]
        if not words:
            return
        node = self.root
        for word in words:
            node = node.setdefault(word, {})
        node.setdefault(_VALUE, value)      # the first definition wins

    def match(self, tokens: list[Token], i: int, limit: int | None = None) -> tuple[int, Any]:
        """Longest entry starting at token i: (end token index, value) or (-1, None)."""
        n = len(tokens) if limit is None else limit
        # most names are read word after word: one path down the trie, while no
        # separator or gap could open another (then the full walk below)
        best_end, best = -1, None
        node, j = self.root, i
        while j < n:
            tok = tokens[j][LOW]
            if _GAP in node or (j > i + 1 and tok in SOFT):
                return self._walk(tokens, i, n)
            node = node.get(tok)
            if node is None:
                break
            if _VALUE in node:
                best_end, best = j + 1, node[_VALUE]
            j += 1
        return best_end, best

    def _walk(self, tokens: list[Token], i: int, n: int) -> tuple[int, Any]:
        """Every path: words, optional separators, gaps; the longest entry (the first found of equals)."""
        best_end, best = -1, None
        stack = [(self.root, i)]
        pop, push = stack.pop, stack.append
        while stack:
            node, j = pop()
            if j >= n:
                continue
            tok = tokens[j][LOW]
            child = node.get(tok)
            if child is not None:
                if j >= best_end and _VALUE in child:
                    best_end, best = j + 1, child[_VALUE]
                push((child, j + 1))
            if j > i + 1 and tok in SOFT:
                # a separator inside a name after two words of it at least: "Văn hóa và
                # Thông tin"; never "huyện và Đoàn" read as "Huyện đoàn"
                push((node, j + 1))
            gap = node.get(_GAP)
            if gap is not None:
                push((gap, j))          # an empty gap
                k = j
                for _ in range(_GAP_MAX):
                    if k >= n or tokens[k][LOW] in HARD or tokens[k][LOW] == ",":
                        break
                    k += 1
                    push((gap, k))
        return best_end, best


@dataclass(frozen=True, slots=True)
class BodyType:
    key: str
    branch: str
    parts: tuple[str, ...] = ()
    merge: bool = True          # can be a merged body


def alternation(phrases) -> str:
    """A regex alternation of phrases in matching form, longest first."""
    forms = sorted({norm_phrase(p) for p in phrases}, key=len, reverse=True)
    return "|".join(map(re.escape, forms))


def longest_first(phrases) -> list[str]:
    """Phrases in matching form, longest first (the order of `alternation`)."""
    return sorted({norm_phrase(p) for p in phrases}, key=len, reverse=True)


def at_word_start(items) -> str:
    r"""The regex `\b(?:phrase1rest1|phrase2rest2|...)` of (phrase, rest) items (a
    phrase in matching form starting with a letter or digit, `rest` a regex after
    it), tried in their order, written for speed: grouped by first letter, the word
    boundary checked after that letter ((?<!\w.)), so that the regex engine skips
    to the first letters instead of trying every position (the plain form when a
    phrase starts otherwise)."""
    items = list(items)
    if not items or not all(re.match(r"\w", phrase) for phrase, _rest in items):
        return r"\b(?:" + "|".join(re.escape(phrase) + rest for phrase, rest in items) + ")"
    groups: dict[str, list[str]] = {}
    for phrase, rest in items:
        groups.setdefault(phrase[0], []).append(re.escape(phrase[1:]) + rest)
    return "(?:" + "|".join(re.escape(first) + r"(?<!\w.)(?:" + "|".join(alts) + ")"
                           for first, alts in groups.items()) + ")"


def words_re(phrases, flags: int = 0) -> re.Pattern:
    """Any of the phrases, on word boundaries."""
    if flags:
        return re.compile(r"\b(?:" + alternation(phrases) + r")\b", flags)
    return re.compile(at_word_start([(f, r"\b") for f in longest_first(phrases)]))


class Cues:
    """The cue words of cues.yaml as compiled patterns and lookups."""

    def w(self, name: str) -> str:
        """The function words `name` of cues.yaml as a regex alternation."""
        try:
            return alternation(self.spec.words[name])
        except KeyError:
            raise schema.VocabularyError(f"cues.yaml: words.{name} is missing") from None

    def __init__(self, spec: "schema.CuesFile") -> None:
        self.spec = spec
        self.trigger = re.compile(r"\b(?:" + alternation(spec.triggers) + r"|(?:"
                                  + alternation(spec.trigger_prefixes) + r")\w*)\b")
        self.appointment_end = re.compile(r"\b(?:" + alternation(spec.appointment) + r")\s*:?\s*$")
        self.former = words_re(spec.former)
        self.stopped = words_re(spec.stopped)
        self.person_title = re.compile(r"\b(?:" + alternation(spec.person_titles) + r")\s+$")
        self.person_titles = frozenset(norm_phrase(p) for p in spec.person_titles)
        self.plural_title = re.compile(r"(?:\b(?:" + alternation(spec.plural_titles) + r")|\b\d+)\s+$")
        # "gồm ông A và bà B": a person's title may stand before the first name
        self.name_list_intro = re.compile(r"^\s*,?\s*(?:(?:" + alternation(spec.name_list_intro) + r")\s*)?:?\s*"
                                          r"(?:(?:" + alternation(spec.person_titles) + r")\s+)?$")
        self.term = re.compile(r"(?:\s*,)?\s+(?:(?:" + alternation(spec.terms) + r")\s+(?:[ivxlc]+\b|(?:"
                               + self.w("new") + r")\b|\d{4}\s*-\s*\d{4}|\d+\b)(?:\s*,?\s*(?:(?:" + self.w("term")
                               + r")\s+)?\d{4}\s*-\s*\d{4})?|\(\s*(?:" + self.w("former_suffix") + r")\s*\))")
        self.place_list_intro = re.compile(r"\s*(?:\(|:|-|,)?\s*(?:(?:" + alternation(spec.place_list_intro)
                                           + r")\b\s*:?\s*)?")
        self.dissolve = words_re(spec.dissolve)
        self.move_functions = words_re(spec.move_functions)
        # level nouns: matching form -> level
        self.noun_level = {norm_phrase(w): lv for lv, ws in spec.level_nouns.items() for w in ws}
        # nouns a coverage counts ("5/12 xã", "100% thôn"): matching form -> level
        self.coverage_level = {w: ("district" if lv == "city" else lv) for w, lv in self.noun_level.items()
                               if lv != "central"}
        self.coverage_level.update({norm_phrase(w): lv for lv, ws in spec.coverage_nouns.items() for w in ws})
        self.coverage_noun = alternation(self.coverage_level)
        self.count_report = re.compile(r"\b(?:" + self.w("has") + r")\s+\d+\s+(?:" + self.coverage_noun + r")\b")
        # what a sentence needs to be read word by word: a trigger or a count report, in one pass
        # (self.trigger's and self.count_report's alternatives, in their order)
        self.hot = re.compile(at_word_start(
            [(t, r"\b") for t in longest_first(spec.triggers)]
            + [(p, r"\w*\b") for p in longest_first(spec.trigger_prefixes)]
            + [(h, r"\s+\d+\s+(?:" + self.coverage_noun + r")\b") for h in longest_first(spec.words["has"])]))
        # every status phrase as plain text: a stretch holding none has no status word (one cheap pass)
        self.status_words = re.compile(alternation(p for phrases in spec.status.values() for p in phrases))
        self.status = {}
        for name, phrases in spec.status.items():
            plain = [p for p in phrases if p not in spec.status_unless]
            parts = [words_re(plain).pattern] if plain else []
            for p in phrases:
                if p in spec.status_unless:
                    unless = "".join(f"(?<!{re.escape(norm_phrase(u))} )" for u in spec.status_unless[p])
                    parts.append(unless + r"\b" + alternation([p]) + r"\b")
            self.status[name] = re.compile("|".join(parts))
        self.person_title_at = re.compile(at_word_start([(t, r"\s+") for t in longest_first(spec.person_titles)]))


@dataclass(frozen=True, slots=True)
class Vocabulary:
    lexicon: Lexicon                    # bodies, roles, fused positions, level words
    composites: dict[str, Lexicon]      # head phrase -> lexicon of its parts
    composite_heads: Lexicon            # head phrases
    body_types: dict[str, BodyType]
    surnames: frozenset[str]
    honorifics: Lexicon
    surname_keys: frozenset[str] = frozenset()     # surnames in matching form
    cues: Cues | None = None
    list_heads: frozenset[str] = frozenset()       # composite heads that list bodies
    entry_words: frozenset[str] = frozenset()      # first words of the lexicon's and the heads' entries
    # the words a chunk may start with: entries' first words, surnames, honorifics' first words
    chunk_words: frozenset[str] = frozenset()
    # the first word of every body name ("sở", "phòng", "trung"): a capitalised one
    # after a role starts a body's name, known or not
    body_first_words: frozenset[str] = frozenset()

    def parts_of(self, key: str) -> tuple[str, ...]:
        """The part types of a merged body type ("a+b", or a type with parts)."""
        if "+" in key:
            return tuple(key.split("+"))
        info = self.body_types.get(key)
        return info.parts if info else ()


def composite_key(parts) -> str:
    return "+".join(sorted(set(parts)))


# Levels a bare level noun gives to a position ("Chủ tịch UBND huyện"); the
# village nouns are body names there (thon-to-dan-pho), not level words.
_LEVEL_WORD_KEYS = ("province", "city", "district", "commune", "central")


def _load_yaml(name: str, model):
    """A vocabulary file, checked against its schema (schema.VocabularyError)."""
    return schema.load(VOCAB_DIR / name, model).model_dump()


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    return Cues(schema.load(VOCAB_DIR / "cues.yaml", schema.CuesFile))


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    bodies_file = schema.load(VOCAB_DIR / "bodies.yaml", schema.BodiesFile)
    roles_file = schema.load(VOCAB_DIR / "roles.yaml", schema.RolesFile)
    schema.check_references(bodies_file, roles_file, VOCAB_DIR)
    bodies, roles = bodies_file.model_dump(), roles_file.model_dump()
    people = _load_yaml("people.yaml", schema.PeopleFile)
    cues = load_cues()
    lexicon = Lexicon()

    for phrase in bodies.get("not_bodies", []) + roles.get("not_roles", []):
        lexicon.add(phrase, Lex("block", "", surface=phrase))

    for entry, (position, *level) in roles["fused"].items():
        lexicon.add(entry, Lex("fused", position, level[0] if level else None, surface=entry))
    defaults = {norm_phrase(k): v for k, v in roles["default_body"].items()}
    # longer role names first so that "Phó Bí thư" is not shadowed
    for role, names in roles["roles"].items():
        for name in names:
            lexicon.add(name, Lex("role", role, default_body=defaults.get(norm_phrase(name)),
                                  surface=norm_phrase(name)))

    body_types: dict[str, BodyType] = {}
    body_first_words: set[str] = set()
    for key, spec in bodies["body_types"].items():
        body_types[key] = BodyType(key, spec.get("branch", ""), tuple(spec.get("parts", ())),
                                   spec.get("merge", True))
        for level in _LEVEL_KEYS:
            for name in spec.get(level, ()):
                lexicon.add(name, Lex("body", key, level, surface=name))
        for name in spec.get("names", ()):
            lexicon.add(name, Lex("body", key, surface=name))
        for name in spec.get("cased", ()):
            lexicon.add(name, Lex("body", key, cased=True, surface=name))
        body_first_words.update(norm_phrase(name).split()[0] for k in ("names", "cased", *_LEVEL_KEYS)
                                for name in spec.get(k) or ())

    for level, words in cues.spec.generic_levels.items():
        for word in words:
            lexicon.add(word, Lex("level", level, level, generic=True, surface=word))
    for level, words in cues.spec.level_nouns.items():
        if level not in _LEVEL_WORD_KEYS:
            continue
        for word in words:
            lexicon.add(word, Lex("level", level, level, surface=word))

    composites: dict[str, Lexicon] = {}
    heads = Lexicon()
    for head, parts in bodies.get("composites", {}).items():
        heads.add(head, norm_phrase(head))
        part_lexicon = Lexicon()
        for phrase, key in parts.items():
            part_lexicon.add(phrase, key)
        composites[norm_phrase(head)] = part_lexicon

    honorifics = Lexicon()
    for word in people.get("honorifics", []):
        honorifics.add(word, word)

    surnames = frozenset(people["surnames"])
    surname_keys = frozenset(norm_phrase(s) for s in surnames)
    entry_words = frozenset(lexicon.root) | frozenset(heads.root)
    return Vocabulary(lexicon, composites, heads, body_types, surnames, honorifics,
                      surname_keys, cues,
                      frozenset(norm_phrase(h) for h in bodies.get("list_heads", ())),
                      entry_words, entry_words | surname_keys | frozenset(honorifics.root),
                      frozenset(body_first_words))
