"""When a statement says a thing happened: the dates and durations of a sentence.

`stated_dates(sentence, reported)` reads the Vietnamese forms of dates and
durations in one sentence and says what they mean for the fact it states:

- "từ ngày 1/8/2018", "kể từ 01/01/2019", "từ tháng 3/2019", "từ năm 2018 đến nay"
  -> `valid_from` (and, with "đến nay", still in force);
- "đến hết ngày 31/12/2019", "đến tháng 6/2020" -> `valid_to`;
- a date without a marker ("Tháng 3/2019, huyện hợp nhất ...", "năm 2019",
  "ngày 1 tháng 8 năm 2018", "01/08/2018") -> `valid_from`, the time the
  statement puts the fact at;
- a duration of doing it ("sau một năm thực hiện", "sơ kết 01 năm thực hiện thí
  điểm") -> `valid_from` counted back from `reported`, the article's date.

A date that names a document ("Nghị quyết số 18-NQ/TW, ngày 25/10/2017") or a
baseline ("so với năm 2016") is not the fact's. Dates are ISO strings as precise
as the text: "2018-08-01", "2019-03", "2019". Pure: no I/O but the vocabulary
(`ingest/vocab/dates.yaml`), read once.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files

import yaml

from mergegraph.text import nfc

_VOCAB = files("mergegraph.ingest") / "vocab" / "dates.yaml"


@dataclass(frozen=True)
class Mention:
    start: int           # offsets in the sentence
    end: int
    iso: str             # "2018-08-01", "2019-03", "2019"
    role: str            # from | until | at | relative | citation | baseline


@dataclass(frozen=True)
class StatedDates:
    valid_from: str | None = None
    valid_to: str | None = None
    ongoing: bool = False          # "đến nay": in force when reported
    how: str | None = None         # what gave valid_from: from | at | relative
    mentions: tuple[Mention, ...] = field(default_factory=tuple)

    @property
    def any(self) -> bool:
        return bool(self.valid_from or self.valid_to)


@lru_cache(maxsize=1)
def vocabulary() -> dict:
    return yaml.safe_load(_VOCAB.read_text(encoding="utf-8"))


def _alternation(phrases) -> str:
    """Longest first, spaces as any run of white space."""
    return "|".join(r"\s+".join(map(re.escape, p.split()))
                    for p in sorted(phrases, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    v = vocabulary()
    numbers = _alternation(list(v["numbers"]))
    units = _alternation(list(v["units"]))
    return {
        # the date forms, most precise first; each names its parts
        "date": re.compile(
            r"(?:ngày\s+)?(?P<d1>\d{1,2})\s+tháng\s+(?P<m1>\d{1,2})\s+năm\s+(?P<y1>\d{4})"
            r"|(?:ngày\s+)?(?P<d2>\d{1,2})\s*[/.\-]\s*(?P<m2>\d{1,2})\s*[/.\-]\s*(?P<y2>\d{4})(?!\d)"
            r"|tháng\s+(?P<m3>\d{1,2})\s*(?:[/.\-]|\s+năm\s+)\s*(?P<y3>\d{4})(?!\d)"
            r"|(?:năm|giai\s+đoạn)\s+(?P<ya>(?:19|20)\d{2})\s*[-–]\s*(?P<yb>(?:19|20)\d{2})(?!\d)"
            r"|năm\s+(?P<y4>(?:19|20)\d{2})(?!\d)"
            r"|(?<![\d/.\-])(?P<y5>(?:19|20)\d{2})(?![\d/\-])",
            re.IGNORECASE),
        "from": re.compile(r"(?:^|\W)(?:" + _alternation(v["from"]) + r")\s*$", re.IGNORECASE),
        "until": re.compile(r"(?:^|\W)(?:" + _alternation(v["until"]) + r")\s*$", re.IGNORECASE),
        "ongoing": re.compile(r"\s*,?\s*(?:" + _alternation(v["ongoing"]) + r")\b", re.IGNORECASE),
        "citation": re.compile(r"\b(?:" + _alternation(v["citation"]) + r")\b", re.IGNORECASE),
        "baseline": re.compile(r"(?:^|\W)(?:" + _alternation(v["baseline"]) + r")\s*$",
                               re.IGNORECASE),
        "relative": re.compile(
            r"(?:^|(?<=\W))(?:" + _alternation(v["relative_before"]) + r")\s+"
            r"(?:hơn\s+|gần\s+|khoảng\s+)?(?P<n>\d{1,2}|" + numbers + r")\s+"
            r"(?P<u>" + units + r")\s+(?:" + _alternation(v["relative_after"]) + r")\b",
            re.IGNORECASE),
    }


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        if day is not None:
            return dt.date(year, month or 1, day).isoformat()
        if month is not None:
            return f"{dt.date(year, month, 1):%Y-%m}"
    except ValueError:
        return None
    return f"{year:04d}" if 1900 <= year <= 2100 else None


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    parts = [int(p) for p in value[:10].split("-")]
    try:
        return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def months_before(reported: str | None, months: float) -> str | None:
    """The date `months` before `reported`, as precise as both allow: a year
    back from "2020-04-26" is "2019-04"; from "2021" it is "2020"."""
    day = _parse_iso(reported)
    if day is None:
        return None
    whole = int(round(months))
    total = day.year * 12 + (day.month - 1) - whole
    year, month = divmod(total, 12)
    if len(reported) <= 4:  # a year only: the answer is a year
        return f"{year:04d}"
    return f"{year:04d}-{month + 1:02d}"


def _number(word: str) -> float | None:
    word = " ".join(word.lower().split())
    if word.isdigit():
        return float(word)
    return vocabulary()["numbers"].get(word)


def _date_of(m: re.Match) -> tuple[str | None, str | None]:
    """The ISO date of a date match, and the end year of a range ("2016-2017")."""
    g = m.groupdict()
    if g["y1"]:
        return _iso(int(g["y1"]), int(g["m1"]), int(g["d1"])), None
    if g["y2"]:
        return _iso(int(g["y2"]), int(g["m2"]), int(g["d2"])), None
    if g["y3"]:
        return _iso(int(g["y3"]), int(g["m3"])), None
    if g["ya"]:
        return _iso(int(g["ya"])), _iso(int(g["yb"]))
    return _iso(int(g["y4"] or g["y5"])), None


def stated_dates(sentence: str, reported: str | None = None) -> StatedDates:
    """The dates one sentence states about its fact (see the module's doc)."""
    text = nfc(sentence)
    pats = _patterns()
    mentions: list[Mention] = []
    valid_from = valid_to = how = None
    ongoing = False
    bare: list[str] = []
    previous_end = 0
    for m in pats["date"].finditer(text):
        iso, range_end = _date_of(m)
        if iso is None:
            continue
        before = text[max(previous_end, m.start() - 40):m.start()]
        previous_end = m.end()
        is_bare_year = bool(m.group("y5"))
        if pats["baseline"].search(before):
            role = "baseline"
        elif pats["from"].search(before):
            role = "from"
        elif pats["until"].search(before):
            role = "until"
        elif pats["citation"].search(text[max(0, m.start() - 60):m.start()]):
            role = "citation"
        elif is_bare_year:
            role = "other"  # "2018" alone, not after a marker: a name, a count, a number
        else:
            role = "at"
        mentions.append(Mention(m.start(), m.end(), iso, role))
        if role == "from" and valid_from is None:
            valid_from, how = iso, "from"
            if range_end:
                valid_to = range_end
        elif role == "until":
            valid_to = iso
        elif role == "at":
            bare.append(iso)
            if range_end and valid_to is None:
                valid_to = range_end
        if role in ("from", "at") and pats["ongoing"].match(text, m.end()):
            ongoing = True
    if valid_from is None and bare:
        valid_from, how = bare[0], "at"
    if valid_from is None:
        r = pats["relative"].search(text)
        if r and reported:
            n = _number(r.group("n"))
            unit_months = vocabulary()["units"].get(r.group("u").lower())
            if n and unit_months:
                back = months_before(reported, n * unit_months)
                if back:
                    valid_from, how = back, "relative"
                    mentions.append(Mention(r.start(), r.end(), back, "relative"))
    if valid_to is not None and valid_from is not None and valid_to < valid_from[:len(valid_to)]:
        valid_to = None  # "đến" a date before the start: not an end of this fact
    return StatedDates(valid_from, valid_to, ongoing, how, tuple(mentions))


def document_anchor(sentences: list[str], reported: str | None) -> str | None:
    """When a document counts its arrangements' time from a start ("sơ kết một năm
    thực hiện thí điểm mô hình hợp nhất"): that start, counted back from its date."""
    if not reported:
        return None
    pat = _patterns()["relative"]
    objects = re.compile(r"\W*(?:\w+\W+){0,3}?(?:" + _alternation(vocabulary()["anchor_objects"])
                         + r")\b", re.IGNORECASE)
    for sentence in sentences:
        text = nfc(sentence)
        for r in pat.finditer(text):
            if not objects.match(text, r.end()):
                continue
            found = stated_dates(r.group(0), reported)
            if found.how == "relative":
                return found.valid_from
    return None
