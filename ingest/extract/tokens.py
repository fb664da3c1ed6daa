"""Tokens of a prepared text: words and single punctuation marks, with offsets.

A word keeps "&" inside ("NN&PTNT", "TT&VH"); "HĐND-UBND" is three tokens.

A token is a plain tuple (start, end, low, cap, word), read with the indices
below: `low` is the token in matching form (lower case, tone placement
unified); `cap` says whether the original starts with a capital letter; `word`
whether it is a word (letters/digits), not punctuation. (Plain tuples, not a
NamedTuple: tokenizing is the hot path of extraction, and a plain tuple is
built faster than a subclass; an index reads faster than a named field too.)
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

# Marks that join the parts of one syllable of a name, written without spaces:
# the names of the Central Highlands' peoples ("H'Hen Niê", "K’Nhiên"), the ASCII
# apostrophe, the typographic one and the modifier letter.
APOSTROPHES = frozenset({"'", "’", "ʼ"})

Token = tuple[int, int, str, bool, bool]
START, END, LOW, CAP, WORD = range(5)      # the fields of a Token


def tokenize(text: str, match: str, start: int = 0, end: int | None = None) -> list[Token]:
    # the hot path of extraction. (A plain loop over the matches: as fast as C-level maps
    # over them for a sentence, and faster for the short stretches that may name places,
    # where the maps' intermediate lists cost more than the tokens.)
    if end is None:
        end = len(match)
    plain = match.find("_", start, end) < 0 and match.find("&", start, end) < 0
    tokens = []
    append = tokens.append
    for m in (_PLAIN if plain else _TOKEN).finditer(match, start, end):
        at = m.start()
        first = text[at]                  # the token's first letter, as written
        append((at, m.end(), m.group(), first.isupper(), first.isalnum()))
    return tokens


def phrase_tokens(phrase: str) -> list[str]:
    """A vocabulary phrase (already in matching form) as token strings."""
    return _TOKEN.findall(phrase)
