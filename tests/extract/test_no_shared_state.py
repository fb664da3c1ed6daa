"""Extractors share no hidden state: each returns its facts and a per-sentence
result that the engine passes on; the order they run in cannot change them."""

from __future__ import annotations

import copy
import dataclasses

from mergegraph.ingest.extract.concurrency import extract_concurrency
from mergegraph.ingest.extract.context import DocContext
from mergegraph.ingest.extract.holdings import extract_holdings
from mergegraph.ingest.extract.mergers import extract_mergers
from mergegraph.ingest.extract.positions import parse_positions, resolve_roles

from ._support import evals

TEXT = ("Ông Lò Văn Khánh, Trưởng ban Dân vận Huyện ủy, Chủ tịch Ủy ban MTTQ huyện Mường La cho biết "
        "huyện đã hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ huyện.")


def _sentence():
    from mergegraph.ingest.extract import engine
    captured = {}
    real = engine.extract_holdings

    def spy(ctx, view, positions):
        captured.setdefault("ctx", ctx)
        captured.setdefault("view", view)
        return real(ctx, view, positions)

    engine.extract_holdings = spy
    try:
        evals(TEXT, "Sơn La")
    finally:
        engine.extract_holdings = real
    return captured["ctx"], captured["view"]


def test_the_context_keeps_no_discourse_state():
    names = {f.name for f in dataclasses.fields(DocContext)}
    assert not names & {"last_pattern", "last_pattern_paragraph", "role_memory"}


def test_extractor_order_does_not_change_their_output():
    ctx, view = _sentence()
    positions = parse_positions(ctx.text, ctx.match, ctx.chunks, view.c0, view.c1)
    resolve_roles(positions, {})
    before = copy.deepcopy(ctx.views)

    held = extract_holdings(ctx, view, positions)
    joined = extract_concurrency(ctx, view, positions, held.person_of)
    merged = extract_mergers(ctx, view)
    # the other way round: mergers first, holdings last, concurrency again
    merged2 = extract_mergers(ctx, view)
    joined2 = extract_concurrency(ctx, view, positions, held.person_of)
    held2 = extract_holdings(ctx, view, positions)
    assert [f.to_eval() for f in held.facts] == [f.to_eval() for f in held2.facts]
    assert [f.to_eval() for f in joined.facts] == [f.to_eval() for f in joined2.facts]
    assert [f.to_eval() for f in merged] == [f.to_eval() for f in merged2]
    assert held.person_of == held2.person_of and held.person_of
    assert ctx.views == before


def test_role_memory_is_returned_not_kept():
    ctx, view = _sentence()
    positions = parse_positions(ctx.text, ctx.match, ctx.chunks, view.c0, view.c1)
    memory = {}
    after = resolve_roles(positions, memory)
    assert memory == {} and after["chủ tịch"] == "mttq"
