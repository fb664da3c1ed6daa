"""The evaluation of stated dates: statements with known answers, through the facts file.

Each line of tests/dates/statements.jsonl (written with the parser: the
development set) and tests/dates/holdout.jsonl (written after it, scored as it
came) is a one-statement article: `text`, `date` (the article's),
`province_hint`, and the answer, `valid_from` / `valid_to` (null: the statement
does not say). The statements go through `mergegraph extract`'s code
(ingest.pipeline.extract_all) into a facts file, whose facts now carry
`valid_from`, `valid_to` and `reported_by`; every fact of a statement (of the
types it names, all by default) is scored against its answer:

    TP  a date given and right        FP  a date given and wrong (or none was stated)
    FN  a date stated and not given (or given wrong)

precision = TP / (TP + FP), recall = TP / (TP + FN), for valid_from and valid_to.
A statement from which extraction takes no fact is counted apart (`no_fact`).

    .venv/bin/python -m tests.support.dates_eval      # prints the figures as JSON
"""

from __future__ import annotations

import io
import json
from pathlib import Path

from mergegraph.ingest.extract import DocumentMeta
from mergegraph.ingest.manifest import Document
from mergegraph.ingest.pipeline import extract_all

HERE = Path(__file__).resolve().parent.parent / "dates"
SETS = {"development": HERE / "statements.jsonl", "holdout": HERE / "holdout.jsonl"}


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip()]


def facts_file(statements: list[dict]) -> list[dict]:
    """The facts file `mergegraph extract` writes for these statements."""
    docs = [Document(DocumentMeta(doc=s["id"], date=s["date"], province_hint=s["province_hint"]),
                     text=s["text"], origin=s["id"]) for s in statements]
    out = io.StringIO()
    extract_all(docs, out)
    return [json.loads(line) for line in out.getvalue().splitlines()]


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def score(statements: list[dict]) -> dict:
    facts = facts_file(statements)
    by_doc: dict[str, list[dict]] = {}
    for fact in facts:
        by_doc.setdefault(fact["doc"], []).append(fact)
    counts = {f: {"tp": 0, "fp": 0, "fn": 0} for f in ("valid_from", "valid_to")}
    no_fact, wrong = [], []
    for s in statements:
        mine = [f for f in by_doc.get(s["id"], []) if f["type"] in s.get("types", [f["type"]])]
        if not mine:
            no_fact.append(s["id"])
            continue
        for fact in mine:
            for name, c in counts.items():
                gold, got = s[name], fact.get(name)
                if got is not None and got == gold:
                    c["tp"] += 1
                else:
                    if got is not None:
                        c["fp"] += 1
                    if gold is not None:
                        c["fn"] += 1
                    if got != gold:
                        wrong.append({"id": s["id"], "field": name, "gold": gold, "got": got})
    out = {"statements": len(statements), "facts": sum(len(v) for v in by_doc.values()),
           "no_fact": no_fact, "wrong": wrong}
    for name, c in counts.items():
        out[name] = {**c, "precision": _ratio(c["tp"], c["tp"] + c["fp"]),
                     "recall": _ratio(c["tp"], c["tp"] + c["fn"])}
    return out


def main() -> None:
    print(json.dumps({name: score(load(path)) for name, path in SETS.items()},
                     ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
