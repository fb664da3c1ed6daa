"""Every Vietnamese word the frames read lives in ingest/vocab/*.yaml: no string
literal of the frame modules holds a Vietnamese letter (docstrings and
comments are prose, not rules). mentions.py (the gazetteer's unit-type words)
and reductions.py (its own reductions.yaml) are not covered yet."""

from __future__ import annotations

import io
import re
import tokenize
from pathlib import Path

import pytest

EXTRACT = Path(__file__).resolve().parents[2] / "ingest" / "extract"
FRAMES = ["concurrency", "context", "engine", "explain", "holdings", "mergers", "positions", "results",
          "schema", "vocab"]
_VIETNAMESE = re.compile("[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)


def _literals(path: Path):
    previous = None
    for tok in tokenize.generate_tokens(io.StringIO(path.read_text(encoding="utf-8")).readline):
        if tok.type == tokenize.STRING:
            docstring = previous in (None, tokenize.INDENT, tokenize.NEWLINE, tokenize.DEDENT) \
                and tok.string.lstrip("rbuRBU").startswith(('"""', "'''"))
            if not docstring:
                yield tok.start[0], tok.string
        if tok.type not in (tokenize.NL, tokenize.COMMENT):
            previous = tok.type


@pytest.mark.parametrize("module", FRAMES)
def test_no_vietnamese_word_in_the_code(module):
    found = [(line, s) for line, s in _literals(EXTRACT / f"{module}.py") if _VIETNAMESE.search(s)]
    assert found == [], found
