"""From what a user types to a query of the full-text index `name_search`.

Input is folded like the stored names (mergegraph.text.fold), cut into words
of letters and digits (so no Lucene syntax from the user ever reaches the
index), and each word that is a known abbreviation ("ubkt", "mttq", "btg") may
also match its expansion ("uy ban kiem tra"). Abbreviations are read from the
vocabulary (mergegraph.naming.abbreviations): a one-word upper-case name of a
body type stands for the names the graph gives that type.
"""

from __future__ import annotations

import re
from mergegraph.errors import BadInput
from mergegraph.text import fold
from mergegraph.naming import abbreviations

_WORD = re.compile(r"[a-z0-9]+")
MAX_WORDS = 12


def _phrase(words: str) -> str:
    parts = _WORD.findall(words)
    return parts[0] if len(parts) == 1 else "(" + " AND ".join(parts) + ")"


def lucene_query(text: str) -> str:
    """A Lucene query requiring every word (or its expansion)."""
    words = _WORD.findall(fold(text or ""))
    if not words:
        raise BadInput("the search text has no letters or digits")
    if len(words) > MAX_WORDS:
        raise BadInput(f"the search text has more than {MAX_WORDS} words")
    table = abbreviations()
    clauses = []
    for word in words:
        options = [word] + [_phrase(e) for e in table.get(word, ())]
        clauses.append(options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")")
    return " AND ".join(clauses)
