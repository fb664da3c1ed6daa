"""A fetched page: its bytes decoded honestly, its article text, its metadata.

The text is what `read_document` gives for the same bytes saved as an .html
file (same decoding rules, same trafilatura call, same checks), so that a page
fetched and the page as a file give the same document. The one difference: the
HTTP header's charset counts too (a BOM first, then the header, then
`<meta charset>`), and bytes that do not decode as declared are refused as an
encoding lie, never guessed at.

Metadata (title, publisher, date) come from the page's own tags
(JSON-LD `datePublished` / `publisher`, `article:published_time`,
`og:site_name`, `og:title`) and, where those are missing, trafilatura's
`extract_metadata` (which reads many more conventions).
"""

from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass

from mergegraph.ingest.extract.documents import (
    _CONTROL, ARTICLE_LINE_WORDS, DocumentError, _decode, document_text,
    html_to_text)
from mergegraph.ingest.manifest import check_date

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset({"application/xml", "text/xml", "application/rss+xml",
                        "application/atom+xml"})


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    publisher: str | None = None
    date: str | None = None


_SINGLE_BYTE = frozenset({"latin-1", "iso8859-1", "cp1252", "ascii"})


def _utf8_multibyte(data: bytes) -> bool:
    try:
        return data.decode("utf-8") != data.decode("latin-1")
    except UnicodeDecodeError:
        return False


def decode(data: bytes, header_charset: str | None, origin: str) -> str:
    """The page's HTML as text; DocumentError for binary bytes or an encoding lie."""
    if not data.strip():
        raise DocumentError(origin, "empty")
    has_bom = data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if header_charset and not has_bom:
        try:
            codecs.lookup(header_charset)
        except LookupError:
            raise DocumentError(origin, f"the server declares an unknown encoding "
                                f"{header_charset!r}") from None
        if b"\x00" in data:
            raise DocumentError(origin, "binary content (NUL bytes), not a text document")
        if codecs.lookup(header_charset).name in _SINGLE_BYTE and _utf8_multibyte(data):
            # every byte decodes in Latin-1: a UTF-8 page labelled so is caught here
            raise DocumentError(origin, f"encoding lie: the server says {header_charset} but "
                                "the bytes are UTF-8 (Vietnamese letters would be garbled)")
        try:
            text = data.decode(header_charset)  # the header wins over <meta charset>
        except UnicodeDecodeError as err:
            raise DocumentError(origin, f"encoding lie: the server says {header_charset} but "
                                f"byte {err.start} is not {header_charset}") from None
        if "<" not in text[:2048]:  # e.g. UTF-8 bytes read as UTF-16: no markup left
            raise DocumentError(origin, f"encoding lie: the server says {header_charset} but "
                                "the page does not read as HTML in it")
    else:
        text = _decode(origin, data, html=True)
    if _CONTROL.search(text[:4096]) and len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        raise DocumentError(origin, "binary content (control characters), not a text document")
    return text


def article_text(html: str, origin: str) -> str:
    """The article's NFC text, as read_document gives it for an .html file."""
    text = html_to_text(html)
    if not any(len(line.split()) >= ARTICLE_LINE_WORDS for line in text.splitlines()):
        raise DocumentError(origin, "HTML page without article text (only menus or page furniture)")
    return document_text(text, origin)


_META_TAG = re.compile(r"<meta\b[^>]*>", re.I | re.S)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.S)
_JSON_LD = re.compile(r"""<script\b[^>]*type\s*=\s*["']?application/ld\+json["']?[^>]*>(.*?)</script>""",
                      re.I | re.S)


def _meta_tags(html: str) -> dict[str, str]:
    import html as htmllib

    tags: dict[str, str] = {}
    for m in _META_TAG.finditer(html[:200_000]):
        attrs = {a.group(1).lower(): htmllib.unescape(a.group(2) or a.group(3) or a.group(4) or "")
                 for a in _ATTR.finditer(m.group(0))}
        name = (attrs.get("property") or attrs.get("name") or "").lower()
        if name and attrs.get("content", "").strip() and name not in tags:
            tags[name] = attrs["content"].strip()
    return tags


def _json_ld(html: str) -> tuple[str | None, str | None]:
    """datePublished and publisher's name of the page's JSON-LD, if any."""
    date = publisher = None
    for m in _JSON_LD.finditer(html[:500_000]):
        try:
            data = json.loads(m.group(1).strip())
        except ValueError:
            continue
        stack = [data]
        while stack:
            node = stack.pop()
            if isinstance(node, list):
                stack.extend(reversed(node))
            elif isinstance(node, dict):
                if "@graph" in node:
                    stack.append(node["@graph"])
                if not date and isinstance(node.get("datePublished"), str):
                    date = node["datePublished"]
                pub = node.get("publisher")
                if not publisher and isinstance(pub, dict) and isinstance(pub.get("name"), str):
                    publisher = pub["name"].strip() or None
                elif not publisher and isinstance(pub, str):
                    publisher = pub.strip() or None
    return date, publisher


def _date(value: str | None) -> str | None:
    if not value:
        return None
    m = re.match(r"\s*(\d{4}-\d{2}-\d{2})", value)
    if not m:
        m2 = re.match(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})", value)  # 25/10/2017, Vietnamese order
        if not m2:
            return None
        day, month, year = m2.groups()
        candidate = f"{year}-{int(month):02d}-{int(day):02d}"
    else:
        candidate = m.group(1)
    try:
        return check_date(candidate)
    except ValueError:
        return None


def page_meta(html: str, url: str | None = None) -> PageMeta:
    """Title, publisher and date of a page (each None when the page does not say)."""
    tags = _meta_tags(html)
    ld_date, ld_publisher = _json_ld(html)
    title = tags.get("og:title")
    publisher = ld_publisher or tags.get("og:site_name")
    date = _date(ld_date) or _date(tags.get("article:published_time")) \
        or _date(tags.get("og:published_time")) or _date(tags.get("pubdate"))
    if not (title and publisher and date):
        try:
            from trafilatura import extract_metadata

            found = extract_metadata(html, default_url=url)
        except Exception:  # trafilatura on a hostile page: metadata are optional
            found = None
        if found is not None:
            title = title or (found.title or None)
            publisher = publisher or (found.sitename or None)
            date = date or _date(found.date)
    clean = lambda s: re.sub(r"\s+", " ", s).strip() or None if s else None  # noqa: E731
    return PageMeta(clean(title), clean(publisher), date)
