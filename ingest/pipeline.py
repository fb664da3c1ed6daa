"""One way from a document to its facts and its graph rows.

`mergegraph extract`, `mergegraph ingest` and `POST /documents` all take a
`Document` (ingest.manifest: metadata, and a file or a text) through the same
two steps:

    facts = extract(document)            # text -> facts (ingest.extract)
    plan = prepare(document)             # ... -> the graph rows of ingest.plan

so that a document gives the same facts, the same content hash and the same
rows whichever way it came in.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from mergegraph.ingest.extract import DocumentError, DocumentMeta, Fact, extract_document
from mergegraph.ingest.manifest import Document, Skipped, read_manifest
from mergegraph.ingest.plan import DocumentPlan, content_hash, plan_document
from mergegraph.ingest.extract.publishers import infer_province_hint


def resolved_meta(meta: DocumentMeta) -> DocumentMeta:
    """The metadata with the publisher's province filled in when no hint was
    given and the address or the publisher's name states it (ingest.web.publishers:
    a provincial outlet's domain or name; national outlets give none)."""
    if meta.province_hint or not (meta.url or meta.publisher):
        return meta
    hint = infer_province_hint(meta.url, meta.publisher)
    return replace(meta, province_hint=hint) if hint else meta


def extract(document: Document) -> tuple[str, list[Fact]]:
    """The document's NFC text and its facts (DocumentError if it cannot be read)."""
    text = document.read()
    return text, extract_document(text, resolved_meta(document.meta))


def prepare(document: Document) -> DocumentPlan:
    """Read, extract and plan one document (raises DocumentError on a bad one)."""
    text, facts = extract(document)
    meta = resolved_meta(document.meta)
    source = {"id": meta.doc, "url": meta.url, "publisher": meta.publisher, "date": meta.date,
              "province_hint": meta.province_hint, "title": meta.title,
              "path": str(document.path) if document.path else None,
              "content_hash": content_hash(text)}
    plan = plan_document(source, [fact.to_record() for fact in facts])
    plan.extracted = [fact.to_eval() for fact in facts]
    return plan


@dataclass(slots=True)
class ExtractReport:
    documents: int = 0                 # documents read and extracted
    facts: int = 0
    by_type: dict[str, int] = field(default_factory=dict)
    errors: list[Skipped] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "facts": self.facts, "by_type": dict(self.by_type),
                "errors": [str(e) for e in self.errors]}


def extract_all(items: Iterable[Document | Skipped], out) -> ExtractReport:
    """Extract documents into `out`, one JSON fact a line (the evaluation format).
    A bad line or an unreadable document is reported and the others go on."""
    report = ExtractReport()
    for item in items:
        if isinstance(item, Skipped):
            report.errors.append(item)
            continue
        try:
            _, facts = extract(item)
        except DocumentError as err:
            report.errors.append(Skipped(item.origin, err.reason, item.doc,
                                         str(item.path) if item.path else None))
            continue
        report.documents += 1
        for fact in facts:
            out.write(json.dumps(fact.to_eval(), ensure_ascii=False) + "\n")
            report.facts += 1
            report.by_type[fact.type] = report.by_type.get(fact.type, 0) + 1
    return report


def extract_manifest(manifest_path: str | os.PathLike, out_path: str | os.PathLike) -> ExtractReport:
    """Every document of a manifest into a facts file, written atomically."""
    out_path = Path(out_path)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(out_path.name + ".tmp")
    with open(tmp, "w", encoding="utf-8") as out:
        report = extract_all(read_manifest(Path(manifest_path)), out)
    os.replace(tmp, out_path)
    return report
