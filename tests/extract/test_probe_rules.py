"""Rules found with the probe set (tests/extract/test_probes.py), each checked
over the vocabulary on sentences of our own."""

from __future__ import annotations

import itertools

import pytest

from mergegraph.ingest.extract.vocab import load_cues

from ._support import keys

_CUES = load_cues()


@pytest.mark.parametrize("intro,title", list(itertools.product(
    _CUES.spec.name_list_intro, [t for t in _CUES.spec.person_titles if t != "đ/c"])))
def test_a_plural_title_before_named_people_with_their_honorifics(intro, title):
    text = (f"Các Phó Chủ tịch UBND huyện Mai Châu {intro} {title} Bùi Văn Hải và {title} "
            f"Đinh Thị Thoa.")
    assert keys(text, "Hòa Bình", "holding") == {("Bùi Văn Hải", ("deputy@ubnd",)),
                                                  ("Đinh Thị Thoa", ("deputy@ubnd",))}
