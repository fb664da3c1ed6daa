"""The publisher's province, read from a page's address and its publisher's name.

A table of Vietnam's provincial outlets, *built* from the 63 legacy provinces'
names (ingest.adminunits), not typed in: for Hải Dương (key "haiduong") the
domains baohaiduong.vn, haiduong.gov.vn, haiduongtv.vn (and subdomains, under
.vn, .com.vn, .org.vn, .gov.vn, .edu.vn ...), the names "Báo Hải Dương",
"Đài PT-TH Hải Dương", "Cổng TTĐT tỉnh Hải Dương", "... (Hải Dương)". A district
outlet ("Trung tâm Truyền thông huyện Đầm Hà") gives its province when the
district's name is unique in the country.

No guess: a national outlet (vnexpress.net, baomoi.com, laodong.vn, "Báo Pháp
Luật TP.HCM") gives None, and so does a domain that says one province and a
name that says another.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from mergegraph.ingest.adminunits import legacy_units
from mergegraph.text import fold

from .vocab import vocabulary

# The few provinces whose outlets use a name other than the unit's short name.
_ALIASES = {
    "46": ["Thừa Thiên Huế", "Thừa Thiên - Huế"],
    "79": ["TP.HCM", "TP HCM", "Thành phố Hồ Chí Minh", "Sài Gòn"],
    "77": ["Bà Rịa Vũng Tàu"],
}
_DOMAIN_ALIASES = {"79": ["hochiminhcity", "tphcm"], "77": ["brvt"]}

# Public suffixes under which Vietnamese outlets and portals register.
_SUFFIXES = ("gov.vn", "edu.vn", "com.vn", "org.vn", "net.vn", "info.vn", "vn",
             "com", "net", "org", "info")
# An outlet's or an office's name followed by the province's name.
_OUTLET = re.compile(
    r"^(?:bao(?: dien tu)?|tap chi|dai (?:phat thanh (?:va |- ?)?truyen hinh|pt-? ?th|ptth|truyen hinh)"
    r"|cong (?:thong tin dien tu|ttdt|ttđt)(?: tinh| thanh pho)?|.*\btinh(?: uy)?)$")
_DISTRICT_OUTLET = re.compile(r".*\b(?:huyen|thi xa|quan)$")
_TRAILER = re.compile(r"\s+(?:dien tu|online)$")


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


@dataclass(frozen=True)
class Publishers:
    names: dict[str, str]              # key of a province's name -> code
    domains: dict[str, str]            # a registrable domain label -> code
    districts: dict[str, str]          # key of a unique district name -> province code
    short_names: dict[str, str]        # code -> short name ("Hải Dương")

    def from_domain(self, url: str | None) -> str | None:
        """The province code a page's address names, or None."""
        if not url:
            return None
        try:
            host = (urlsplit(url if "//" in url else "//" + url).hostname or "").lower()
        except ValueError:
            return None
        labels = [l for l in host.split(".") if l]
        for suffix in _SUFFIXES:
            parts = suffix.split(".")
            if len(labels) > len(parts) and labels[-len(parts):] == parts:
                return self.domains.get(labels[-len(parts) - 1].replace("-", ""))
        return None

    def from_name(self, publisher: str | None) -> str | None:
        """The province code a publisher's name states, or None."""
        if not publisher:
            return None
        found: set[str] = set()
        main, _, rest = publisher.partition("(")
        # "(Chương Mỹ, Hà Nội)", "(Hải Phòng)": the last place in parentheses
        for inner in re.findall(r"\(([^()]*)\)", "(" + rest if rest else ""):
            last = inner.split(",")[-1]
            last = re.sub(r"^\s*(?:tỉnh|thành phố|tp\.?)\s+", "", last.strip(), flags=re.I)
            code = self.names.get(_key(last))
            if code:
                found.add(code)
        words = _TRAILER.sub("", fold(main).replace(".", ". ").strip()).split()
        for i in range(1, len(words)):
            head, tail = " ".join(words[:i]), _key(" ".join(words[i:]))
            if tail in self.names and _OUTLET.match(head):
                found.add(self.names[tail])
                break
            if tail in self.districts and _DISTRICT_OUTLET.match(head):
                found.add(self.districts[tail])
                break
        return found.pop() if len(found) == 1 else None

    def province(self, url: str | None, publisher: str | None) -> str | None:
        """The publisher's province (code) from the address and the name; None
        when neither names one or they disagree."""
        codes = {c for c in (self.from_domain(url), self.from_name(publisher)) if c}
        return codes.pop() if len(codes) == 1 else None

    def province_name(self, url: str | None, publisher: str | None) -> str | None:
        """As `province`, the province's short name ("Hải Dương"): a province hint."""
        code = self.province(url, publisher)
        return self.short_names[code] if code else None


@lru_cache(maxsize=1)
def publishers() -> Publishers:
    units = legacy_units()
    # what outlets put before the province's name in their domain ("baohaiduong.vn")
    prefixes = [p for p in vocabulary().cues.spec.host_prefixes if p != "www"]
    provinces = [u for u in units if u.level == "province"]
    names: dict[str, str] = {}
    domains: dict[str, str] = {}
    for u in provinces:
        spellings = [u.short_name, u.name, *_ALIASES.get(u.code, [])]
        for spelling in spellings:
            names[_key(spelling)] = u.code
        for spelling in [u.short_name, *_ALIASES.get(u.code, [])[:1]]:
            k = _key(spelling)
            for label in (k, k + "tv", *(prefix + k for prefix in prefixes)):
                domains[label] = u.code
        for label in _DOMAIN_ALIASES.get(u.code, []):
            domains[label] = u.code
    by_name: dict[str, set[str]] = defaultdict(set)
    for u in units:
        if u.level == "district":
            by_name[_key(u.short_name)].add(u.parent_code)
    districts = {k: next(iter(v)) for k, v in by_name.items()
                 if len(v) == 1 and k not in names and len(k) >= 4}
    return Publishers(names, domains, districts, {u.code: u.short_name for u in provinces})


def infer_province_hint(url: str | None, publisher: str | None) -> str | None:
    """The publisher's province as a hint ("Hải Dương"), or None (no guess)."""
    return publishers().province_name(url, publisher)
