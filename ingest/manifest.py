"""Which documents to read: a JSONL manifest, or files and folders, as
`Document`s (text or path, and metadata), the one input type of the document
pipeline (ingest.pipeline), whether a document comes from a manifest, a folder
or `POST /documents`. Pure (no database, no extraction), so that `mergegraph
extract`, `mergegraph ingest` and the API accept and refuse the same input for
the same reasons.

A manifest line is a JSON object: `doc` (the id facts carry) and `path`
(relative to the manifest) are required; `url`, `publisher`, `date`
(YYYY[-MM[-DD]]), `province_hint` (the publisher's province) and `title` are
what a crawler knows of the page. A bad line is a `Skipped` naming the file and
the line, never an exception.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from mergegraph.ingest.extract.documents import DocumentMeta, document_text, read_document

DOCUMENT_SUFFIXES = {".txt", ".html", ".htm"}
EARLIEST_DATE = dt.date(1945, 9, 2)  # no state body of the republic is older


@dataclass(frozen=True)
class Document:
    """A document to extract: its metadata and either its file or its text."""
    meta: DocumentMeta
    path: Path | None = None
    text: str | None = None
    origin: str = ""  # "manifest.jsonl:3", the path, "POST /documents": for messages

    @property
    def doc(self) -> str:
        return self.meta.doc or ""

    def read(self) -> str:
        """The NFC text (DocumentError when it cannot be read)."""
        if self.text is not None:
            return document_text(self.text, self.origin or self.doc)
        return read_document(self.path)


@dataclass(frozen=True)
class Skipped:
    """A manifest line, file or document that was not read, and why."""
    origin: str
    reason: str
    doc: str | None = None
    path: str | None = None

    def __str__(self) -> str:
        what = f" doc {self.doc!r}" if self.doc else ""
        file = f" ({self.path})" if self.path else ""
        return f"{self.origin}:{what}{file} {self.reason}"


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def check_date(value) -> str | None:
    """An ISO date, possibly partial ("2021", "2021-03"), within a sane range."""
    if value in (None, ""):
        return None
    match = _PARTIAL_DATE.match(str(value).strip()[:10])
    if not match:
        raise ValueError(f"date {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        first_day = dt.date(year, month, day)
    except ValueError as err:
        raise ValueError(f"date {value!r} does not exist") from err
    if not EARLIEST_DATE.replace(month=1, day=1) <= first_day <= dt.date.today():
        raise ValueError(f"date {value!r} is outside {EARLIEST_DATE.year} .. today")
    return match.group(0)


def _optional_str(entry: dict, name: str) -> str | None:
    value = entry.get(name)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{name!r} must be a string, not {type(value).__name__}")
    return value.strip() or None


def read_manifest(manifest: Path) -> Iterator[Document | Skipped]:
    """Documents of a JSONL manifest; a bad line is a `Skipped`, naming file and line."""
    seen: dict[str, str] = {}
    try:
        lines = manifest.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        yield Skipped(str(manifest), f"cannot read the manifest: {err}")
        return
    for number, line in enumerate(lines, 1):
        origin = f"{manifest}:{number}"
        if not line.strip():
            continue
        try:
            entry = json.loads(line)
            if not isinstance(entry, dict):
                raise ValueError("a manifest line must be a JSON object")
            doc = _optional_str(entry, "doc")
            rel_path = _optional_str(entry, "path")
            if not doc or not rel_path:
                raise ValueError("'doc' and 'path' are required")
            if doc in seen:
                raise ValueError(f"duplicate doc id {doc!r} (first at {seen[doc]})")
            date = check_date(entry.get("date"))
            meta = DocumentMeta(
                doc=doc, url=_optional_str(entry, "url"),
                publisher=_optional_str(entry, "publisher"), date=date,
                province_hint=_optional_str(entry, "province_hint"),
                title=_optional_str(entry, "title"))
            item = Document(meta, path=manifest.parent / rel_path, origin=origin)
        except json.JSONDecodeError as err:
            yield Skipped(origin, f"bad manifest line: not JSON ({err.msg} at column {err.colno})")
            continue
        except ValueError as err:
            yield Skipped(origin, f"bad manifest line: {err}")
            continue
        seen[doc] = origin
        yield item


def read_paths(paths: Iterable[Path],
               province_hint: str | None = None) -> Iterator[Document | Skipped]:
    """Documents given as files or folders (searched for .txt and .html)."""
    seen: dict[str, Path] = {}
    for root in paths:
        if root.is_dir():
            files = sorted(p for p in root.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES)
        elif root.exists():
            files = [root]
        else:
            yield Skipped(str(root), "no such file or folder")
            continue
        for path in files:
            doc = path.stem
            if doc in seen and seen[doc] != path:
                yield Skipped(str(path), f"duplicate doc id {doc!r} (also {seen[doc]})")
                continue
            seen[doc] = path
            yield Document(DocumentMeta(doc=doc, province_hint=province_hint), path=path,
                           origin=str(path))
