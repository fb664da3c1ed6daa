"""Tokens of a prepared text: words and single punctuation marks, with offsets.

A word keeps "&" inside ("NN&PTNT", "TT&VH"); "HĐND-UBND" is three tokens.
`low` is the token in matching form (lower case, tone placement unified);
`cap` says whether the original starts with a capital letter.
"""

from __future__ import annotations

import re
from itertools import repeat
from typing import NamedTuple

_TOKEN = re.compile(r"[^\W_]+(?:&[^\W_]+)*|[^\w\s]")

# Separators that may stand inside a name ("Văn hóa - Thông tin và Thể thao").
SOFT = frozenset({"-", ",", "và", "&"})
# Marks that end a name, a list item or a gap.
HARD = frozenset({".", ";", ":", "!", "?", "(", ")", "\"", "“", "”", "|"})


class Token(NamedTuple):
    start: int
    end: int
    low: str
    cap: bool      # starts with a capital letter in the original text
    word: bool     # a word (letters/digits), not punctuation


_new = tuple.__new__        # a token without the Python-level constructor (the hot path)
_Match = type(_TOKEN.match("a"))
_MATCH_START, _MATCH_END, _MATCH_GROUP = _Match.start, _Match.end, _Match.group


def tokenize(text: str, match: str, start: int = 0, end: int | None = None) -> list[Token]:
    # the hot path of extraction: every step is a C-level map over the matches
    found = list(_TOKEN.finditer(match, start, len(match) if end is None else end))
    starts = list(map(_MATCH_START, found))
    firsts = list(map(text.__getitem__, starts))        # each token's first letter, as written
    fields = zip(starts, map(_MATCH_END, found), map(_MATCH_GROUP, found),
                 map(str.isupper, firsts), map(str.isalnum, firsts))
    return list(map(_new, repeat(Token), fields))


def phrase_tokens(phrase: str) -> list[str]:
    """A vocabulary phrase (already in matching form) as token strings."""
    return _TOKEN.findall(phrase)
