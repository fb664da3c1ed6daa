"""The shortcuts taken for speed give what the full computation gives."""

from __future__ import annotations

from mergegraph.ingest.extract.concurrency import coverage_before
from mergegraph.ingest.extract.context import date_in
from mergegraph.ingest.extract.mentions import _BEFORE_RUN, PlaceFinder, chunk
from mergegraph.ingest.extract.gazetteer import gazetteer
from mergegraph.ingest.extract.normalize import prepare
from mergegraph.ingest.extract.tokens import tokenize
from mergegraph.ingest.extract.vocab import vocabulary


def test_type_word_before_a_run_is_found_where_it_starts():
    # the pattern ends where the run starts; its match starts at the type word (with "các")
    cases = {"ở các huyện ": "các", "của thị xã ": "thị", "tại TP. ": "TP", "tại tp.": "tp", "xã H.": "H",
             "H. ": "H", "thuộc tỉnh ": "tỉnh", "trong thành  phố ": "thành", "và ": None, "ủy ban ": None,
             "huyện": None}
    for before, word in cases.items():
        m = _BEFORE_RUN.search(before.lower(), max(0, len(before) - 16), len(before))
        assert (m.start() if m else None) == (before.find(word) if word else None), before


def test_date_without_tu_is_none_and_with_it_found():
    assert date_in("thực hiện tháng 8/2018") is None
    assert date_in("kể từ ngày 1/7/2019 thực hiện") == "2019-07-01"
    assert date_in("từ tháng 8/2018") == "2018-08"
    assert date_in("từ năm 2020") == "2020"


def test_coverage_before_without_digits_keeps_the_level():
    text = "thực hiện ở xã mô hình "
    cov = coverage_before(text, 0, len(text), text)
    assert cov is not None and cov.level == "commune" and cov.count is None
    text = "có 7/10 xã thực hiện "
    cov = coverage_before(text, 0, len(text), text)
    assert (cov.count, cov.of, cov.level) == (7, 10, "commune")


def test_chunk_finds_places_by_their_start_token():
    p = prepare("Bí thư Huyện ủy huyện Đầm Hà, tỉnh Quảng Ninh kiêm Chủ tịch HĐND huyện.")
    gaz, vocab = gazetteer(), vocabulary()
    places = PlaceFinder(gaz, vocab.surname_keys, None).find(p.text, p.match)
    tokens = tokenize(p.text, p.match)
    chunks = chunk(p.text, tokens, places, vocab)
    found = [c.place for c in chunks if c.kind == "place"]
    assert found == places and len(found) == 2
    # a place whose start is no token start is not a chunk
    shifted = [type(pl)(pl.t0, pl.t1, pl.start + 1, pl.end, pl.level, pl.candidates) for pl in places]
    assert [c for c in chunk(p.text, tokens, shifted, vocab) if c.kind == "place"] == []


def test_hot_pattern_is_the_trigger_or_count_report_pattern():
    import re
    from importlib.resources import files

    cues = vocabulary().cues
    plain = re.compile(cues.trigger.pattern + "|" + cues.count_report.pattern)
    seeds = files("mergegraph.ingest") / "corpus" / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in seeds.iterdir() if p.name.endswith(".txt")]
    texts.append("Ông A, Bí thư kiêm Chủ tịch; xã có 5 thôn; abí thư; UVBTV Tỉnh ủy; có 12 xã.")
    assert len(texts) > 1
    for text in texts:
        p = prepare(text)
        for s in p.sentences:
            assert [m.span() for m in cues.hot.finditer(p.match, s.start, s.end)] == \
                [m.span() for m in plain.finditer(p.match, s.start, s.end)]


def test_at_word_start_matches_as_the_plain_alternation():
    import random
    import re

    from mergegraph.ingest.extract.vocab import at_word_start

    cases = [[("ab", r"\b"), ("abc", r"\b"), ("b c", r"\b"), ("1x", r"\s+")],
             [("kiêm", r"\b"), ("kiêm nhiệm", r"\b"), ("k", r"\w*\b")], [("-a", r"\b"), ("b", r"\b")], []]
    rng = random.Random(1)
    texts = ["".join(rng.choice("abc1x kiêmnhệ-_.") for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    for items in cases:
        fast = re.compile(at_word_start(items))
        plain = re.compile(r"\b(?:" + "|".join(re.escape(p) + rest for p, rest in items) + ")")
        for text in texts:
            for pos in (0, min(3, len(text))):
                assert [m.span() for m in fast.finditer(text, pos)] == \
                    [m.span() for m in plain.finditer(text, pos)], (items, text, pos)


def test_a_list_of_bare_names_is_looked_for_only_after_its_last_words():
    # _listed_prefixes searches the full pattern only where the quick one (the list word's
    # last word, ":" or "(" before the names) is found: the full one is never found without it
    from importlib.resources import files

    from mergegraph.ingest.extract.mentions import _LIST_AFTER_NOUN, _LIST_END

    seeds = files("mergegraph.ingest") / "corpus" / "seeds"
    texts = [p.read_text(encoding="utf-8") for p in seeds.iterdir() if p.name.endswith(".txt")]
    texts.append("3 xã gồm: A, B và C; các xã, thị trấn (D, E); 2 phường là F và G; xã, phường như H")
    found = 0
    for text in texts:
        match = prepare(text).match
        for start in range(len(match) + 1):
            full = _LIST_AFTER_NOUN.search(match, max(0, start - 40), start)
            found += full is not None
            assert full is None or _LIST_END.search(match, max(0, start - 40), start) is not None
    assert found > 0


def test_numbered_units_are_runs_when_their_type_word_is_written():
    from mergegraph.ingest.extract.mentions import _NUMBERED, _runs

    for text in ("Quận 1 và phường 12, Quận Bình Thạnh", "Huyện Tân Kỳ; UBND quận  3", "Số 1 Hà Nội"):
        p = prepare(text)
        numbered = [(m.start(1), m.end(1), False) for m in _NUMBERED.finditer(p.match)]
        found = _runs(p.text, p.match)
        assert all(run in found for run in numbered)
        assert [r for r in found if p.text[r[0]].isdigit()] == numbered


def test_every_role_of_the_vocabulary_makes_its_sentence_read():
    """A sentence that names posts only by abbreviations ("Đ/c A - PBT Thường trực
    Huyện ủy, CT HĐND huyện") is read: every role and fused title of roles.yaml
    holds a trigger."""
    import yaml

    from mergegraph.ingest.extract.vocab import VOCAB_DIR

    roles = yaml.safe_load((VOCAB_DIR / "roles.yaml").read_text(encoding="utf-8"))
    names = [n for ns in roles["roles"].values() for n in ns] + list(roles["fused"])
    hot = vocabulary().cues.hot
    assert len(names) > 40
    assert [n for n in names if not hot.search(prepare(f"Ông A, {n} huyện B.").match)] == []
