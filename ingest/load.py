"""Documents -> facts -> Neo4j: the `mergegraph ingest` job.

Reads a manifest (JSONL: doc, path, url, publisher, date, province_hint) or
files and folders, extracts every document (ingest.extract), plans its graph
rows (ingest.plan) and writes documents in groups, each group one transaction
(graph.facts.write_documents): every document is written whole or not at all,
and a rerun after a crash completes the job. Bad documents and manifest lines
are reported with their file and line, skipped, and the rest is loaded.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Callable, Iterable

import neo4j

from mergegraph.graph.facts import WriteStats, write_documents
from mergegraph.ingest.manifest import Document, Skipped
from mergegraph.ingest.pipeline import prepare
from mergegraph.ingest.plan import DocumentPlan

GROUP_ROWS = 5000          # rows (nodes + relationships + evidence) per transaction
GROUP_DOCUMENTS = 500


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


def _plan_rows(plan: DocumentPlan) -> int:
    return (len(plan.units) + len(plan.bodies) + len(plan.positions) + len(plan.people)
            + len(plan.patterns) + plan.relationship_count + len(plan.evidence) + 1)


def ingest(driver: neo4j.Driver, database: str, items: Iterable[Document | Skipped],
           on_document: Callable[[str], None] | None = None,
           preparer: Callable[[Document], DocumentPlan] = prepare,
           group_rows: int = GROUP_ROWS, group_documents: int = GROUP_DOCUMENTS,
           unretract: bool = False) -> IngestReport:
    """Extract and load documents in groups (one transaction per group).

    A retracted document stays retracted (`report.writes.retracted_ids`) unless
    `unretract`; one refused by the graph (a dataset's id, another document's url)
    is skipped and reported."""
    report = IngestReport()
    t0 = time.monotonic()
    group: list[DocumentPlan] = []
    origins: dict[str, str] = {}
    rows = 0

    def flush() -> None:
        nonlocal group, rows
        if group:
            stats = write_documents(driver, database, group, unretract)
            report.writes.merge(stats)
            report.skipped.extend(Skipped(origins.get(r.doc, r.doc), r.reason, r.doc)
                                  for r in stats.refused)
        group, rows = [], 0
        origins.clear()

    for item in items:
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        report.read += 1
        try:
            plan = preparer(item)
        except Exception as err:  # a bad document never stops the others
            report.skipped.append(Skipped(item.origin, _reason(err), item.doc))
            if on_document:
                on_document(item.doc)
            continue
        report.facts += plan.facts
        report.facts_not_placed += len(plan.skipped)
        group.append(plan)
        origins[plan.source["id"]] = item.origin
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
