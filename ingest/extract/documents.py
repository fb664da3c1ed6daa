"""Reading documents (.txt or .html) and manifests.

A document is UTF-8 or declares its encoding (a byte-order mark, or an HTML
`<meta charset>`); its text is NFC-normalised. HTML is reduced to the article
text with trafilatura (boilerplate, menus and comment boxes dropped).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from mergegraph.errors import BadInput
from mergegraph.text import nfc

MAX_BYTES = 5 * 1024 * 1024

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)""", re.IGNORECASE)
_HTML_START = re.compile(rb"^\s*(?:<!doctype\s+html|<html|<head|<body|<!--)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


class DocumentError(BadInput):
    """A document that cannot be read: missing, empty, binary, undecodable, too large."""

    def __init__(self, path: str | Path, reason: str):
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What a crawler knows of a page (any field may be missing): the one
    metadata type of a document, from a manifest, a folder or the API alike."""
    doc: str | None = None
    url: str | None = None
    publisher: str | None = None
    date: str | None = None
    province_hint: str | None = None
    title: str | None = None


def _decode(path: Path, data: bytes, html: bool) -> str:
    if data.startswith(codecs.BOM_UTF8):
        encoding, data = "utf-8", data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        encoding = "utf-32"
    else:
        encoding = None
        if html:
            m = _META_CHARSET.search(data[:8192])
            if m:
                encoding = m.group(1).decode("ascii").lower()
        if b"\x00" in data:
            if _looks_like_utf16(data):
                raise DocumentError(path, "looks like UTF-16 without a byte-order mark: "
                                    "save it as UTF-8 (or UTF-16 with a BOM)")
            raise DocumentError(path, "binary content (NUL bytes), not a text document")
        encoding = encoding or "utf-8"
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise DocumentError(path, f"declares an unknown encoding {encoding!r}") from None
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        how = "is not valid UTF-8 and declares no encoding" if encoding == "utf-8" else \
            f"does not decode as its declared encoding {encoding}"
        raise DocumentError(path, f"{how} (byte {err.start})") from None


def _looks_like_utf16(data: bytes) -> bool:
    """UTF-16 text without a BOM: NUL bytes at every other position (ASCII letters,
    spaces and digits), at one parity only."""
    head = data[:4096]
    even, odd = head[0::2], head[1::2]
    if not even or not odd:
        return False
    nul_even, nul_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    return max(nul_even, nul_odd) > 0.3 and min(nul_even, nul_odd) < 0.02


# An article has at least one line this long; menus, hotlines and footers don't.
ARTICLE_LINE_WORDS = 8


def html_to_text(html: str) -> str:
    """The article text of an HTML page, boilerplate dropped."""
    import trafilatura
    from trafilatura.deduplication import LRU_SIZE, LRUCache

    # A fresh cache per page: repeated paragraphs (captions twice) are dropped
    # within the page, never because earlier pages of the process had them
    # (trafilatura's default cache is global: the third read of one page lost
    # its text).
    text = trafilatura.extract(html, include_comments=False, include_tables=True,
                               include_links=False, include_images=False,
                               deduplicate=LRUCache(maxsize=LRU_SIZE))
    return text or ""


def read_document(path: str | Path) -> str:
    """The NFC text of a .txt or .html document; DocumentError if it cannot be read."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise DocumentError(path, "no such file") from None
    except OSError as err:
        raise DocumentError(path, f"cannot be read ({err.strerror or err})") from None
    if not path.is_file():
        raise DocumentError(path, "not a regular file")
    if size > MAX_BYTES:
        raise DocumentError(path, f"too large ({size} bytes, the limit is {MAX_BYTES})")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise DocumentError(path, f"cannot be read ({err.strerror or err})") from None
    if not data.strip():
        raise DocumentError(path, "empty")
    html = path.suffix.lower() in (".html", ".htm", ".xhtml") or bool(_HTML_START.match(data[:512]))
    text = _decode(path, data, html)
    if _CONTROL.search(text[:4096]) and len(_CONTROL.findall(text)) > max(2, len(text) // 200):
        raise DocumentError(path, "binary content (control characters), not a text document")
    if html:
        text = html_to_text(text)
        # trafilatura keeps a page's menus when it finds nothing better
        if not any(len(line.split()) >= ARTICLE_LINE_WORDS for line in text.splitlines()):
            raise DocumentError(path, "HTML page without article text "
                                "(only menus or page furniture)")
    return document_text(text, path)


def document_text(text: str, origin: str | Path = "text") -> str:
    """A document's text as every reader keeps it: NUL bytes dropped, newlines
    unified, NFC; DocumentError when nothing is left."""
    text = nfc(text.replace("\x00", "").replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise DocumentError(origin, "empty")
    return text
