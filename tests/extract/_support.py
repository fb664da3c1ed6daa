"""Helpers for the extraction tests: run the engine on a text of our own and
look at the facts in the evaluation format."""

from __future__ import annotations

from mergegraph.ingest.extract import DocumentMeta, extract_document


def facts_of(text: str, hint: str | None = None, publisher: str | None = None, doc: str = "t"):
    return extract_document(text, DocumentMeta(doc=doc, province_hint=hint, publisher=publisher))


def evals(text: str, hint: str | None = None, kind: str | None = None, **kw) -> list[dict]:
    out = [f.to_eval() for f in facts_of(text, hint, **kw)]
    return [f for f in out if kind is None or f["type"] == kind]


def keys(text: str, hint: str | None = None, kind: str = "concurrency", **kw) -> set[tuple]:
    """The scored keys of the facts, as in shared/eval/score.py."""
    out = set()
    for f in evals(text, hint, kind, **kw):
        if kind == "concurrency":
            out.add((f["unit"], f["level"], tuple(f["positions"])))
        elif kind == "merger":
            out.add((f["unit"], tuple(f["from"])))
        elif kind == "transfer":
            out.add((f["unit"], f["from"], f["into"]))
        elif kind == "holding":
            out.add((f["person"], tuple(f["positions"])))
    return out
