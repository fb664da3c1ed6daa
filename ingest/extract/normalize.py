"""Text preparation: the NFC text, an offset-preserving matching twin, and the
segmentation into paragraphs, sentences and clauses.

Every extractor matches on `Prepared.match`, a copy of the NFC text of exactly
the same length in which case, old/new tone placement ("hoá"/"hóa",
"uỷ"/"ủy"), the Icelandic eth used for Đ, and the many dashes are unified.
Because every replacement is one character for one character, an offset found
in `match` is an offset in `text`, and a quote is always `text[start:end]`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from mergegraph.text import fold, nfc

# One character for one character: dashes, the eth that looks like Đ, spaces.
_CHAR_MAP = {
    "Ð": "đ", "ð": "đ", "Đ": "đ",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-", "¬": "-", "‒": "-",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ", "\ufeff": " ",
}
_ODD_CHARS = re.compile("[" + "".join(_CHAR_MAP) + "]")

# Old tone placement ("hoá", "thuỷ") -> new ("hóa", "thủy"), at the end of a
# syllable only (with a final consonant both styles agree: "hoàn").
_TONES = {"à": "ò", "á": "ó", "ả": "ỏ", "ã": "õ", "ạ": "ọ"}
_TONES_E = {"è": "ò", "é": "ó", "ẻ": "ỏ", "ẽ": "õ", "ẹ": "ọ"}
_TONES_Y = {"ỳ": "ù", "ý": "ú", "ỷ": "ủ", "ỹ": "ũ", "ỵ": "ụ"}
# (not after "q": checked after the vowel, so that the regex engine skips to the vowels)
_OLD_TONE = re.compile(r"(o(?<!qo)[àáảãạ]|o(?<!qo)[èéẻẽẹ]|u(?<!qu)[ỳýỷỹỵ])(?![^\W\d_])")


def _new_tone(m: re.Match) -> str:
    vowel, toned = m.group(1)
    if vowel == "o" and toned in _TONES:
        return _TONES[toned] + "a"
    if vowel == "o":
        return _TONES_E[toned] + "e"
    return _TONES_Y[toned] + "y"


def match_text(text: str) -> str:
    """The matching twin of an NFC text: same length, lower case, unified."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a rare letter whose lower case is longer
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    lowered = _ODD_CHARS.sub(lambda m: _CHAR_MAP[m.group()], lowered)
    return _OLD_TONE.sub(_new_tone, lowered)


@lru_cache(maxsize=4096)
def norm_phrase(phrase: str) -> str:
    """A vocabulary phrase in matching form (used to build lexicons)."""
    return " ".join(match_text(nfc(phrase)).split())


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The gazetteer's key of a name: folded, without spaces or punctuation."""
    return _NOT_KEY.sub("", fold(name))


_NOT_KEY = re.compile(r"[^a-z0-9]")


# --- segmentation --------------------------------------------------------------

@dataclass(slots=True)
class Span:
    start: int
    end: int


@dataclass(slots=True)
class Sentence(Span):
    paragraph: int            # index of its paragraph
    index: int                # index in the document
    clauses: list[Span] = field(default_factory=list)


@dataclass(slots=True)
class Paragraph(Span):
    index: int
    noise: bool = False


@dataclass(slots=True)
class Prepared:
    text: str                 # NFC
    match: str                # matching twin, same length
    paragraphs: list[Paragraph]
    sentences: list[Sentence]


# A sentence ends at . ! ? … followed by space and a capital or a digit,
# unless the period closes a short abbreviation ("TP. Cần Thơ").
# (Written to start with the end mark itself, "…" or "..." before a word being its other
# forms, so that the regex engine skips to the marks: one pass over each line.)
_SENTENCE_END = re.compile(r"[.!?…](?:[\"”’)]*\s+[\"“‘(\[]?(?=\w)|(?<=…)(?=\w)|(?<=\.)\.\.(?=\w))")
_ABBREVIATIONS = frozenset("tp t.p h q p tx tt ts ths pgs gs bs ô b st nxb th đ/c".split())
_CLAUSE_END = ";"                 # found with str.find (most sentences hold none)

# Page furniture: lines that carry no article text.
_SLUG = re.compile(r"^[a-z0-9]+(?:[ -][a-z0-9]+){3,}$")
_FURNITURE = re.compile(
    r"^(?:hotline|tin liên quan|tin mới|tin khác|xem thêm|xem nhiều|đọc thêm|bình luận|comment|"
    r"ý kiến của bạn|viết bình luận|bạn còn \d+|bạn vui lòng|vui lòng|gửi bình luận|chia sẻ|"
    r"hãy chia sẻ|cùng chuyên mục|bạn có thể|mời quý độc giả|powered by|tắt \[x\]|nguồn|"
    r"video clip|mới nhất|nổi bật|địa phương$|các tin đã đưa|nội dung:|giá vàng|tỷ giá|"
    r"cập nhật)", re.IGNORECASE)


def is_noise_line(line: str) -> bool:
    """A line of page furniture (slug, comment box, link list, date line ...)."""
    stripped = line.strip(" |.,;:\t")
    if not stripped:
        return True
    if _SLUG.match(stripped):          # transliterated URL slug, no diacritics
        return True
    if _FURNITURE.match(stripped):
        return True
    if stripped.startswith("|") or line.strip().startswith("|"):
        return True                      # "| related | links |" rows
    return _THREE_LETTERS.search(stripped) is None


_THREE_LETTERS = re.compile(r"[^\W\d_].*?[^\W\d_].*?[^\W\d_]")


def prepare(text: str) -> Prepared:
    text = nfc(text)
    match = match_text(text)
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        # trim white space, keep offsets
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start >= end:
            continue
        para = Paragraph(start, end, len(paragraphs), is_noise_line(text[start:end]))
        paragraphs.append(para)
        if para.noise:
            continue
        s_start = start
        for m in _SENTENCE_END.finditer(text, start, end):
            nxt = text[m.end()]
            if not (nxt.isupper() or nxt.isdigit()) or _abbreviation_before(match, m.start()):
                continue
            if m.start() > s_start:
                sentences.append(_sentence(text, s_start, m.start() + 1, para.index, len(sentences)))
            s_start = m.end()
        if s_start < end:
            sentences.append(_sentence(text, s_start, end, para.index, len(sentences)))
    return Prepared(text, match, paragraphs, sentences)


def _abbreviation_before(match: str, dot: int) -> bool:
    i = dot
    while i > 0 and not match[i - 1].isspace():
        i -= 1
    return match[i:dot] in _ABBREVIATIONS


def _sentence(text: str, start: int, end: int, paragraph: int, index: int) -> Sentence:
    sentence = Sentence(start, end, paragraph, index)
    c_start = start
    at = text.find(_CLAUSE_END, start, end)
    while at >= 0:
        sentence.clauses.append(Span(c_start, at))
        c_start = at + len(_CLAUSE_END)
        at = text.find(_CLAUSE_END, c_start, end)
    sentence.clauses.append(Span(c_start, end))
    return sentence
