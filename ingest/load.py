"""Documents -> facts -> Neo4j: the `mergegraph ingest` job.

Reads a manifest (JSONL: doc, path, url, publisher, date, province_hint) or
files and folders, extracts every document (ingest.extract), plans its graph
rows (ingest.plan) and writes documents in groups, each group one transaction
(graph.facts.write_documents): every document is written whole or not at all,
and a rerun after a crash completes the job. Bad documents and manifest lines
are reported with their file and line, skipped, and the rest is loaded.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

import neo4j

from graph.facts import WriteStats, write_documents
from ingest.plan import DocumentPlan, content_hash, plan_document

GROUP_ROWS = 5000          # rows (nodes + relationships + evidence) per transaction
GROUP_DOCUMENTS = 500
DOCUMENT_SUFFIXES = {".txt", ".html", ".htm"}
EARLIEST_DATE = dt.date(1945, 9, 2)  # no state body of the republic is older


@dataclass(frozen=True)
class DocumentInput:
    doc: str
    path: Path | None
    url: str | None = None
    publisher: str | None = None
    date: str | None = None
    province_hint: str | None = None
    title: str | None = None
    origin: str = ""  # "manifest.jsonl:3" or the path, for messages


@dataclass(frozen=True)
class Skipped:
    origin: str
    reason: str


@dataclass
class IngestReport:
    read: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    facts: int = 0
    facts_not_placed: int = 0
    writes: WriteStats = field(default_factory=WriteStats)
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.skipped


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


def read_manifest(manifest: Path) -> Iterator[DocumentInput | Skipped]:
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
            item = DocumentInput(
                doc=doc, path=(manifest.parent / rel_path), url=_optional_str(entry, "url"),
                publisher=_optional_str(entry, "publisher"), date=date,
                province_hint=_optional_str(entry, "province_hint"),
                title=_optional_str(entry, "title"), origin=origin)
        except (json.JSONDecodeError, ValueError) as err:
            yield Skipped(origin, f"bad manifest line: {err}")
            continue
        seen[doc] = origin
        yield item


def read_paths(paths: Iterable[Path],
               province_hint: str | None = None) -> Iterator[DocumentInput | Skipped]:
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
            yield DocumentInput(doc=doc, path=path, province_hint=province_hint,
                                origin=str(path))


def prepare(item: DocumentInput) -> DocumentPlan:
    """Read, extract and plan one document (raises on a bad document)."""
    from ingest.extract import read_document

    return prepare_text(item, read_document(item.path))


def prepare_text(item: DocumentInput, text: str) -> DocumentPlan:
    """Extract and plan one document's NFC text; keeps the facts on `plan.records`."""
    from ingest.extract import DocumentMeta, extract_document

    meta = DocumentMeta(doc=item.doc, url=item.url, publisher=item.publisher, date=item.date,
                        province_hint=item.province_hint)
    facts = extract_document(text, meta)
    source = {"id": item.doc, "url": item.url, "publisher": item.publisher, "date": item.date,
              "province_hint": item.province_hint, "title": item.title,
              "path": str(item.path) if item.path else None, "content_hash": content_hash(text)}
    plan = plan_document(source, [fact.to_record() for fact in facts])
    plan.extracted = [fact.to_eval() for fact in facts]
    return plan


def _plan_rows(plan: DocumentPlan) -> int:
    return (len(plan.units) + len(plan.bodies) + len(plan.positions) + len(plan.people)
            + len(plan.patterns) + plan.relationship_count + len(plan.evidence) + 1)


def ingest(driver: neo4j.Driver, database: str, items: Iterable[DocumentInput | Skipped],
           on_document: Callable[[str], None] | None = None,
           preparer: Callable[[DocumentInput], DocumentPlan] = prepare,
           group_rows: int = GROUP_ROWS, group_documents: int = GROUP_DOCUMENTS) -> IngestReport:
    """Extract and load documents in groups (one transaction per group)."""
    report = IngestReport()
    t0 = time.monotonic()
    group: list[DocumentPlan] = []
    rows = 0

    def flush() -> None:
        nonlocal group, rows
        if group:
            report.writes.merge(write_documents(driver, database, group))
        group, rows = [], 0

    for item in items:
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        report.read += 1
        try:
            plan = preparer(item)
        except Exception as err:  # a bad document never stops the others
            report.skipped.append(Skipped(item.origin, _reason(err)))
            if on_document:
                on_document(item.doc)
            continue
        report.facts += plan.facts
        report.facts_not_placed += len(plan.skipped)
        group.append(plan)
        rows += _plan_rows(plan)
        if rows >= group_rows or len(group) >= group_documents:
            flush()
        if on_document:
            on_document(item.doc)
    flush()
    report.seconds = time.monotonic() - t0
    return report


def _reason(err: Exception) -> str:
    text = str(err) or type(err).__name__
    return text if len(text) < 300 else text[:297] + "..."
