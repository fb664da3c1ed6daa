"""Both development sets through the evaluation's own scorer
(shared/eval/score.py), with F1 floors a little below what the engine reaches
and a precision floor: a rule that buys recall with false facts fails here."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from mergegraph.ingest.pipeline import extract_manifest

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"

pytestmark = pytest.mark.skipif(not (EVAL / "score.py").exists() or not (EVAL / "dev" / "gold.jsonl").exists(),
                                reason="shared/eval (scorer and development sets) is not beside the project")

# reached: dev 1.000 in every type; dev2 0.980 overall (P 0.977 R 0.983; concurrency 0.972,
# merger 0.982, transfer 1.000, holding 0.981). Blind dev2 before any dev2-driven change: 0.667.
FLOORS = {
    "dev": {"all": 0.97, "concurrency": 0.95, "merger": 0.95, "transfer": 0.95, "holding": 0.95,
            "precision": 0.95},
    "dev2": {"all": 0.96, "concurrency": 0.94, "merger": 0.95, "transfer": 0.90, "holding": 0.96,
             "precision": 0.95},
}


def _scorer():
    spec = importlib.util.spec_from_file_location("eval_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _score(name: str, tmp_path: Path) -> dict[str, float]:
    score = _scorer()
    pred = tmp_path / f"{name}.jsonl"
    manifest = EVAL / name / "manifest.jsonl"
    report = extract_manifest(manifest, pred)
    assert report.errors == []
    gold_req, gold_opt, _ = score.load(EVAL / name / "gold.jsonl")
    # as score.py --manifest: every document of the manifest counts, gold facts or not
    import json
    docs = {json.loads(line)["doc"] for line in manifest.read_text(encoding="utf-8").splitlines() if line.strip()}
    pred_req, pred_opt, _ = score.load(pred, docs)
    predicted = pred_req | pred_opt
    totals = [0, 0, 0]
    out = {}
    for kind in score.TYPES:
        g = {k for k in gold_req if k[0] == kind}
        o = {k for k in gold_opt if k[0] == kind}
        s = {k for k in predicted if k[0] == kind}
        tp, fp, fn = len(s & g), len(s - g - o), len(g - s)
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
        out[kind] = score.prf(tp, fp, fn)[2]
    p, _r, f = score.prf(*totals)
    out["all"], out["precision"] = f, p
    return out


@pytest.mark.parametrize("name", ["dev", "dev2"])
def test_development_set_scores(name, tmp_path):
    if not (EVAL / name / "gold.jsonl").exists():
        pytest.skip(f"{name} is not beside the project")
    got = _score(name, tmp_path)
    for kind, floor in FLOORS[name].items():
        assert got[kind] >= floor, (name, kind, got)
