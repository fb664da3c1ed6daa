"""The write path's shortcuts give the graph the general path gives (a real Neo4j).

- A relationship created with a single statement gets its summary from the
  statement in the MERGE (`graph.facts.summary_of`), not from a second pass
  over stored evidence: it must equal what `_summarise_query` computes.
"""

from __future__ import annotations

import itertools

from mergegraph.graph.facts import _summarise_query
from mergegraph.graph.model import FACT_RELATIONSHIPS
from tests.support.fingerprint import fingerprint
from tests.support.helpers import wipe
from tests.test_ingest import Corpus, concurrency, holding, merger, reduction, two_documents


def _relationships(db, conn) -> dict:
    recs, _, _ = db.execute_query(
        "MATCH ()-[r]->() WHERE r.fact_id IS NOT NULL "
        "RETURN type(r) AS t, r.fact_id AS f, properties(r) AS p", database_=conn.database)
    return {(r["t"], r["f"]): r["p"] for r in recs}


def _resummarise_all(db, conn) -> None:
    """Every fact relationship summarised again from its stored evidence."""
    def work(tx):
        for rel_type in FACT_RELATIONSHIPS:
            ids = [r["f"] for r in tx.run(f"MATCH ()-[r:{rel_type}]->() RETURN r.fact_id AS f")]
            if ids:
                tx.run(_summarise_query(rel_type), fact_ids=ids).consume()
    with db.session(database=conn.database) as session:
        session.execute_write(work)


def _dated(record: dict, **dates) -> dict:
    """A record as ingest.pipeline gives it: its own valid_from / valid_to / basis."""
    return {**record, "valid_from": None, "valid_to": None, "date_basis": None,
            "reported_by": "2020-01-01", **dates}


def _single_statement_corpus() -> Corpus:
    """One statement per fact, over every status and every way a date can be missing."""
    docs: dict[str, list[dict]] = {}
    statuses = ["planned", "pilot", "implemented", "ended", None]
    date_shapes = [
        {},  # no pipeline dates: extraction's date only
        {"valid_from": "2018-03-01", "date_basis": "stated"},
        {"valid_to": "2022-06-30", "date_basis": "stated"},
        {"valid_from": "2017-01-01", "valid_to": "2019-12-31", "date_basis": "document"},
        {"reported_by": None},
        {"valid_from": None, "valid_to": None, "reported_by": None, "date_basis": None},
    ]
    units = ["200", "116", "101", "104", "106", "108"]
    for i, (status, shape) in enumerate(itertools.product(statuses, date_shapes)):
        unit = units[i % len(units)]
        date = None if i % 4 == 0 else f"20{10 + i % 10}-0{1 + i % 9}-15"
        recs = [
            merger(unit, [f"ban-{i}", f"noi-vu-{i}"], into=f"ban-{i}+noi-vu-{i}",
                   status=status, date=date),
            concurrency(unit, "district", ["head@ban-dan-van", f"head@x{i}"],
                        count=(i if i % 3 else None), of=(i + 5 if i % 2 else None),
                        status=status, date=date),
            holding(unit, f"Người Thử {i}", [f"head@y{i}"]),
            reduction(unit, "staff", i + 1, status=status or "implemented"),
        ]
        docs[f"d{i}"] = [_dated(r, **shape) if shape else r for r in recs]
    return Corpus(docs)


def test_a_new_single_statement_fact_is_summarised_as_from_its_evidence(db, conn):
    corpus = _single_statement_corpus()
    corpus.load(db, conn.database)
    written = _relationships(db, conn)
    assert written and all(p["evidence_count"] == 1 for p in written.values())
    _resummarise_all(db, conn)
    assert _relationships(db, conn) == written


def test_facts_of_several_statements_and_rewritten_ones_are_summarised_alike(db, conn):
    # two documents in one group (several statements of one fact), then in two
    # groups (the fact exists when the second comes), then replaced and retracted
    for group_documents in (500, 1):
        wipe(db, conn.database)
        corpus = two_documents()
        corpus.load(db, conn.database, group_documents=group_documents)
        written = _relationships(db, conn)
        _resummarise_all(db, conn)
        assert _relationships(db, conn) == written
        counts = {p["evidence_count"] for p in written.values()}
        assert counts == {1, 2}


def test_group_size_does_not_change_the_graph(db, conn):
    corpus = _single_statement_corpus()
    corpus.load(db, conn.database)
    one_group = fingerprint(db, conn.database)
    wipe(db, conn.database)
    corpus.load(db, conn.database, group_documents=1)
    assert fingerprint(db, conn.database) == one_group

