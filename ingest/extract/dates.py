"""Dates a statement gives, as the fact's validity: "từ ngày 1/8/2018",
"kể từ 01/01/2019", "đến hết ngày 31/12/2019", "tháng 3/2019", "năm 2019",
"từ năm 2018 đến nay", "ngày 1 tháng 8 năm 2018". ISO strings as precise as
the text ("2018-08-01", "2019-03", "2019"); a date without a year is no date.

The words are cues.yaml's (words: since, until, day, month, year, now);
the numbers are the calendar's.
"""

from __future__ import annotations

import re

from .vocab import load_cues

_CUES = load_cues()
W = _CUES.w

_DAY = r"(?:(?:" + W("day") + r")\s+)?"
# one date, the most precise form first; each alternative names its groups
_DATE = (r"(?:" + _DAY + r"(?P<d1>\d{1,2})\s*[/.-]\s*(?P<m1>\d{1,2})\s*[/.-]\s*(?P<y1>(?:19|20)\d{2})"
         r"|" + _DAY + r"(?P<d2>\d{1,2})\s+(?:" + W("month") + r")\s+(?P<m2>\d{1,2})\s*,?\s+(?:" + W("year")
         + r")\s+(?P<y2>(?:19|20)\d{2})"
         r"|(?:" + W("month") + r")\s+(?P<m3>\d{1,2})\s*[/.-]\s*(?P<y3>(?:19|20)\d{2})"
         r"|(?:" + W("month") + r")\s+(?P<m4>\d{1,2})\s+(?:" + W("year") + r")\s+(?P<y4>(?:19|20)\d{2})"
         r"|(?:" + W("year") + r")\s+(?P<y5>(?:19|20)\d{2}))")
_SINCE = re.compile(r"\b(?:" + W("since") + r")\s+(?:(?:" + W("date_filler") + r")\s+)?" + _DATE)
_UNTIL = re.compile(r"\b(?:" + W("until") + r")\s+(?:(?:" + W("date_filler") + r")\s+)?" + _DATE)
_YEAR = re.compile(r"(?:19|20)\d\d")
_ANY = re.compile(r"(?<![\d/.])" + _DATE)


def _iso(m: re.Match) -> str | None:
    g = m.groupdict()
    for k in "12345":
        y = g.get("y" + k)
        if not y:
            continue
        month, day = g.get("m" + k), g.get("d" + k)
        if month and not 1 <= int(month) <= 12:
            return None
        if day and not 1 <= int(day) <= 31:
            return None
        if day:
            return f"{y}-{int(month):02d}-{int(day):02d}"
        if month:
            return f"{y}-{int(month):02d}"
        return y
    return None


def stated_dates(text: str) -> tuple[str | None, str | None]:
    """(valid_from, valid_to) stated in `text` (matching form): a date after
    "từ"/"kể từ" starts, a date after "đến"/"đến hết"/"tới" ends; without
    either, a date of the statement itself ("Ngày 1/8/2018, huyện ... hợp
    nhất ...", "Năm 2019, ...") is when it started."""
    if not _YEAR.search(text):
        return None, None                  # every date here has a year
    since = _SINCE.search(text)
    until = _UNTIL.search(text)
    valid_from = _iso(since) if since else None
    valid_to = _iso(until) if until else None
    if valid_from is None and valid_to is None:
        for m in _ANY.finditer(text):
            iso = _iso(m)
            if iso:
                return iso, None
    return valid_from, valid_to
