"""Tokens of a prepared text: words and single punctuation marks, with offsets.

A word keeps "&" inside ("NN&PTNT", "TT&VH"); "HĐND-UBND" is three tokens.

A token is a plain tuple (start, end, low, cap, word), read with the indices
below: `low` is the token in matching form (lower case, tone placement
unified); `cap` says whether the original starts with a capital letter; `word`
whether it is a word (letters/digits), not punctuation. (Plain tuples, not a
NamedTuple: tokenizing is the hot path of extraction, and a tuple straight from
zip() costs no second copy into a subclass; an index reads faster than a
named field too.)
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"[^\W_]+(?:&[^\W_]+)*|[^\w\s]")
# The same tokens in a stretch without "_" and "&" (nearly every one): a simpler
# pattern that the regex engine scans faster (\w is one category test a letter).
_PLAIN = re.compile(r"\w+|[^\w\s]")

# Separators that may stand inside a name ("Văn hóa - Thông tin và Thể thao").
SOFT = frozenset({"-", ",", "và", "&"})
# Marks that end a name, a list item or a gap.
HARD = frozenset({".", ";", ":", "!", "?", "(", ")", "\"", "“", "”", "|"})

Token = tuple[int, int, str, bool, bool]
START, END, LOW, CAP, WORD = range(5)      # the fields of a Token

_Match = type(_TOKEN.match("a"))
_MATCH_START, _MATCH_END, _MATCH_GROUP = _Match.start, _Match.end, _Match.group


def tokenize(text: str, match: str, start: int = 0, end: int | None = None) -> list[Token]:
    # the hot path of extraction: every step is a C-level map over the matches
    if end is None:
        end = len(match)
    plain = match.find("_", start, end) < 0 and match.find("&", start, end) < 0
    found = list((_PLAIN if plain else _TOKEN).finditer(match, start, end))
    starts = list(map(_MATCH_START, found))
    firsts = list(map(text.__getitem__, starts))        # each token's first letter, as written
    return list(zip(starts, map(_MATCH_END, found), map(_MATCH_GROUP, found),
                    map(str.isupper, firsts), map(str.isalnum, firsts)))


def phrase_tokens(phrase: str) -> list[str]:
    """A vocabulary phrase (already in matching form) as token strings."""
    return _TOKEN.findall(phrase)
