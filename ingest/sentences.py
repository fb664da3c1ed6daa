"""The whole sentence around a quote, so that evidence reads as a statement.

Extraction keeps the exact span of a fact (`quote`, `start`, `end`); an analyst
needs the statement it belongs to. `cite(prepared, start, end)` gives the span
trimmed of white space and the sentence (or sentences) holding it, as
extraction segments the text (`ingest.extract.normalize.prepare`, used
read-only), trimmed too; a "sentence" without a verb (a list of names in
parentheses, a heading) grows to the sentence before it in its paragraph, so a
quote never stands as a bare list of names. Offsets are in the NFC text:
`text[sentence_start:sentence_start + len(sentence)] == sentence`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import yaml

from mergegraph.ingest.extract.normalize import Prepared, match_text

_VOCAB = files("mergegraph.ingest") / "vocab" / "statements.yaml"


@lru_cache(maxsize=1)
def _verb_pattern() -> re.Pattern:
    verbs = yaml.safe_load(_VOCAB.read_text(encoding="utf-8"))["verbs"]
    alternation = "|".join(r"\s+".join(map(re.escape, match_text(v).split()))
                           for v in sorted(verbs, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + alternation + r")(?!\w)")


def has_verb(text: str) -> bool:
    """Whether a stretch of text holds a verb of the vocabulary (any case, any tone style)."""
    return _verb_pattern().search(match_text(text)) is not None


@dataclass(frozen=True)
class Cited:
    quote: str
    start: int
    end: int
    sentence: str
    sentence_start: int


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def cite(prepared: Prepared, start: int, end: int) -> Cited:
    """The trimmed span and its whole sentence (see the module's doc)."""
    text = prepared.text
    q_start, q_end = _trim(text, start, end)
    if q_start == q_end:  # an empty quote: keep it as it came
        q_start, q_end = start, end
    sentences = prepared.sentences
    hit = [i for i, s in enumerate(sentences) if s.start < max(q_end, q_start + 1) and s.end > q_start]
    if hit:
        first, last = hit[0], hit[-1]
        s_start, s_end = sentences[first].start, sentences[last].end
        # a verbless stretch grows to the sentence before it, in the same paragraph
        while not has_verb(text[s_start:s_end]) and first > 0 \
                and sentences[first - 1].paragraph == sentences[first].paragraph:
            first -= 1
            s_start = sentences[first].start
    else:
        # a quote in page furniture or across paragraphs: its line(s)
        s_start = text.rfind("\n", 0, q_start) + 1
        nl = text.find("\n", q_end)
        s_end = len(text) if nl < 0 else nl
    s_start, s_end = min(s_start, q_start), max(s_end, q_end)
    s_start, s_end = _trim(text, s_start, s_end)
    return Cited(text[q_start:q_end], q_start, q_end, text[s_start:s_end], s_start)
