"""The whole development set through the evaluation's own scorer
(shared/eval/score.py), with an F1 floor a little below what the engine reaches."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from mergegraph.ingest.pipeline import extract_manifest

EVAL = Path(__file__).resolve().parents[3] / "shared" / "eval"

pytestmark = pytest.mark.skipif(not (EVAL / "score.py").exists() or not (EVAL / "dev" / "gold.jsonl").exists(),
                                reason="shared/eval (scorer and development set) is not beside the project")

FLOOR = {"all": 0.97, "concurrency": 0.95, "merger": 0.95, "holding": 0.95}


def _scorer():
    spec = importlib.util.spec_from_file_location("eval_score", EVAL / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_dev_set_f1(tmp_path):
    score = _scorer()
    pred = tmp_path / "pred.jsonl"
    report = extract_manifest(EVAL / "dev" / "manifest.jsonl", pred)
    assert report.errors == []
    gold_req, gold_opt, _ = score.load(EVAL / "dev" / "gold.jsonl")
    docs = {k[1] for k in gold_req | gold_opt}
    pred_req, pred_opt, _ = score.load(pred, docs)
    predicted = pred_req | pred_opt
    totals = [0, 0, 0]
    f1 = {}
    for kind in score.TYPES:
        g = {k for k in gold_req if k[0] == kind}
        o = {k for k in gold_opt if k[0] == kind}
        s = {k for k in predicted if k[0] == kind}
        tp, fp, fn = len(s & g), len(s - g - o), len(g - s)
        totals = [totals[0] + tp, totals[1] + fp, totals[2] + fn]
        f1[kind] = score.prf(tp, fp, fn)[2]
    f1["all"] = score.prf(*totals)[2]
    for kind, floor in FLOOR.items():
        assert f1[kind] >= floor, (kind, f1)
