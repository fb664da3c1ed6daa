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

from mergegraph.ingest.dates import document_anchor, stated_dates
from mergegraph.ingest.extract import DocumentError, DocumentMeta, Fact, extract_document
from mergegraph.ingest.extract.normalize import Prepared, is_noise_line
from mergegraph.ingest.extract.normalize import prepare as segment
from mergegraph.ingest.extract.publishers import infer_province_hint
from mergegraph.ingest.manifest import Document, Skipped, read_manifest
from mergegraph.ingest.plan import DocumentPlan, content_hash, plan_document
from mergegraph.ingest.sentences import cite

# Facts whose start a document's "one year of the pilot" dates (an arrangement, not a
# person's post: "Bí thư Huyện ủy ... tại hội nghị sơ kết một năm" says nothing of her start)
ARRANGEMENTS = ("merger", "transfer", "concurrency", "reduction")
TITLE_MAX = 250


def resolved_meta(meta: DocumentMeta) -> DocumentMeta:
    """The metadata with the publisher's province filled in when no hint was
    given and the address or the publisher's name states it (a provincial
    outlet's domain or name; national outlets give none)."""
    if meta.province_hint or not (meta.url or meta.publisher):
        return meta
    hint = infer_province_hint(meta.url, meta.publisher)
    return replace(meta, province_hint=hint) if hint else meta


def extract(document: Document) -> tuple[str, list[Fact]]:
    """The document's NFC text and its facts (DocumentError if it cannot be read)."""
    text = document.read()
    return text, extract_document(text, resolved_meta(document.meta))


class Statements:
    """A document's facts as citable statements: each record gets its trimmed quote,
    its whole sentence and its dates (ingest.sentences, ingest.dates)."""

    def __init__(self, text: str, reported: str | None):
        self.prepared: Prepared = segment(text)
        self.reported = reported
        self.anchor = document_anchor([text[s.start:s.end] for s in self.prepared.sentences],
                                      reported)

    def annotate(self, record: dict) -> dict:
        """`record` (a Fact.to_record()) with quote, start, end trimmed; sentence,
        sentence_start; valid_from, valid_to, date_basis, reported_by."""
        rec = dict(record)
        cited = cite(self.prepared, rec["start"], rec["end"])
        rec.update(quote=cited.quote, start=cited.start, end=cited.end,
                   sentence=cited.sentence, sentence_start=cited.sentence_start)
        # a named person's posts (a holding, or "Đồng chí X, Trưởng ban ..., Chủ tịch ...")
        # are held at the dates around them, not taken up then: only "từ ..." starts them
        arrangement = rec.get("type") in ARRANGEMENTS and not rec.get("person")
        found = stated_dates(cited.quote, self.reported)
        if not found.any:
            found = stated_dates(cited.sentence, self.reported)
        if not arrangement and found.how != "from":
            found = None
        # extraction's own dates first (valid_from / valid_to when it gives them;
        # `date` is the start it read, "từ tháng 8/2018"), then the sentence's
        valid_from = rec.get("valid_from") or rec.get("date") or (found and found.valid_from)
        valid_to = rec.get("valid_to") or (found and found.valid_to) or None
        basis = "stated" if valid_from else None
        if valid_from is None and arrangement and self.anchor \
                and rec.get("status") in (None, "pilot", "implemented"):
            valid_from, basis = self.anchor, "document"
        if rec.get("status") == "ended":  # "thôi kiêm nhiệm từ 1/1/2020": the date ends it
            valid_to, valid_from = valid_to or valid_from, None
            basis = "stated" if valid_to else None
        rec.update(valid_from=valid_from or None, valid_to=valid_to, date_basis=basis,
                   reported_by=self.reported)
        return rec


def statements(text: str, facts: list[Fact], reported: str | None) -> list[dict]:
    """Every fact's record, annotated (see Statements.annotate)."""
    doc = Statements(text, reported)
    return [doc.annotate(fact.to_record()) for fact in facts]


def with_dates(fact: Fact, record: dict) -> dict:
    """A fact in the evaluation format, with the dates of its statement."""
    row = fact.to_eval()
    row.update(valid_from=record["valid_from"], valid_to=record["valid_to"],
               reported_by=record["reported_by"])
    return row


def html_title(path) -> str | None:
    """The title an HTML page declares (og:title or <title>), when the document is one."""
    if path is None or Path(path).suffix.lower() not in (".html", ".htm", ".xhtml"):
        return None
    try:
        import trafilatura

        meta = trafilatura.extract_metadata(Path(path).read_bytes().decode("utf-8", "replace"))
    except Exception:  # a title is a courtesy: the text was read already
        return None
    if meta is None or not meta.title:
        return None
    return meta.title.strip() or None


def text_title(text: str) -> str | None:
    """A headline from the text: the first line of the article that reads as one
    (short, no final period, not page furniture, not a date line)."""
    for line in text.split("\n")[:12]:
        line = line.strip()
        if not line or is_noise_line(line) or len(line) > TITLE_MAX or len(line.split()) < 4:
            continue
        if line.endswith((".", ":")) or any(ch.isdigit() for ch in line[:12]):
            continue
        return line
    return None


def source_row(document: Document, text: str) -> dict:
    """The Source of a document: its metadata, its title and where it came from
    (`title_from`: manifest, html or text), its NFC text. Never a file path."""
    meta = resolved_meta(document.meta)
    title, title_from = meta.title, "manifest" if meta.title else None
    if not title:
        title = html_title(document.path)
        title_from = "html" if title else None
    if not title:
        title = text_title(text)
        title_from = "text" if title else None
    return {"id": meta.doc, "url": meta.url, "publisher": meta.publisher, "date": meta.date,
            "province_hint": meta.province_hint, "title": title, "title_from": title_from,
            "content_hash": content_hash(text), "text": text, "length": len(text)}


def prepare(document: Document) -> DocumentPlan:
    """Read, extract and plan one document (raises DocumentError on a bad one)."""
    text, facts = extract(document)
    records = statements(text, facts, document.meta.date)
    plan = plan_document(source_row(document, text), records)
    plan.extracted = [with_dates(fact, rec) for fact, rec in zip(facts, records)]
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
            text, facts = extract(item)
        except DocumentError as err:
            report.errors.append(Skipped(item.origin, err.reason, item.doc,
                                         str(item.path) if item.path else None))
            continue
        report.documents += 1
        for fact, record in zip(facts, statements(text, facts, item.meta.date)):
            out.write(json.dumps(with_dates(fact, record), ensure_ascii=False) + "\n")
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
