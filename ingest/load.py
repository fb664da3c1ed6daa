"""Documents -> facts -> Neo4j: the `mergegraph ingest` job.

Reads a manifest (JSONL: doc, path, url, publisher, date, province_hint) or
files and folders, extracts every document (ingest.extract), plans its graph
rows (ingest.plan) and writes documents in groups, each group one transaction
(graph.facts.write_documents): every document is written whole or not at all,
and a rerun after a crash completes the job. Bad documents and manifest lines
are reported with their file and line, skipped, and the rest is loaded.

With `jobs` > 1 the documents are extracted and planned on that many processes
while this one writes: the plans come back in the order of the input (a bounded
window of documents in flight), so the groups, their transactions and the graph
are the same as with one process.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import neo4j

from mergegraph.graph.facts import WriteStats, write_documents
from mergegraph.ingest.manifest import Document, Skipped
from mergegraph.ingest.pipeline import prepare
from mergegraph.ingest.plan import DocumentPlan

GROUP_ROWS = 5000          # rows (nodes + relationships + evidence) per transaction
GROUP_DOCUMENTS = 500
IN_FLIGHT_PER_JOB = 64      # documents handed to each extraction process ahead of the writer
MIN_DOCUMENTS_PER_JOB = 16  # below this a process costs more to start than it saves


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


def ingest(driver: neo4j.Driver, database: str, items: Iterable[Document | Skipped],
           on_document: Callable[[str], None] | None = None,
           preparer: Callable[[Document], DocumentPlan] = prepare,
           group_rows: int = GROUP_ROWS, group_documents: int = GROUP_DOCUMENTS,
           jobs: int = 1, unretract: bool = False) -> IngestReport:
    """Extract and load documents in groups (one transaction per group); `jobs`
    processes extract (`preparer` must then be a module-level function).

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

    for item, plan, error in _prepared(items, preparer, jobs):
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        report.read += 1
        if plan is None:  # a bad document never stops the others
            report.skipped.append(Skipped(item.origin, error, item.doc))
            if on_document:
                on_document(item.doc)
            continue
        report.facts += plan.facts
        report.facts_not_placed += len(plan.skipped)
        group.append(plan)
        origins[plan.source["id"]] = item.origin
        rows += plan.row_count
        if rows >= group_rows or len(group) >= group_documents:
            flush()
        if on_document:
            on_document(item.doc)
    flush()
    report.seconds = time.monotonic() - t0
    return report


def default_jobs(documents: int | None = None) -> int:
    """Extraction processes by default: the cores this process may use, but at
    least MIN_DOCUMENTS_PER_JOB documents each."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    if documents is not None:
        cores = min(cores, documents // MIN_DOCUMENTS_PER_JOB)
    return max(1, cores)


def _prepare_one(preparer: Callable[[Document], DocumentPlan],
                 item: Document) -> tuple[DocumentPlan | None, str | None]:
    try:
        return preparer(item), None
    except Exception as err:
        return None, _reason(err)


def _prepared(items: Iterable[Document | Skipped], preparer, jobs: int
              ) -> Iterator[tuple[Document | Skipped, DocumentPlan | None, str | None]]:
    """(item, plan, None) or (item, None, why it failed), in the order of `items`."""
    if jobs <= 1:
        for item in items:
            if isinstance(item, Skipped):
                yield item, None, None
            else:
                yield (item, *_prepare_one(preparer, item))
        return
    # fork: the workers start at once with this process's loaded vocabularies,
    # and the caller's main module is not run again in them (forkserver and spawn
    # re-import it, and take seconds per worker). The workers only extract: they
    # never touch the driver's sockets they inherit.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    window: deque = deque()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        for item in items:
            if isinstance(item, Skipped):
                window.append((item, None))
            else:
                window.append((item, pool.submit(_prepare_one, preparer, item)))
            while len(window) > jobs * IN_FLIGHT_PER_JOB:
                yield _done(*window.popleft())
        while window:
            yield _done(*window.popleft())


def _done(item, future):
    if future is None:
        return item, None, None
    return (item, *future.result())


def _reason(err: Exception) -> str:
    text = str(err) or type(err).__name__
    return text if len(text) < 300 else text[:297] + "..."
