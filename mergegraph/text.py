"""Text normalisation shared by extraction, loading and search.

Vietnamese is written with many diacritics; users type with or without them.
Every name stored in the graph gets a *folded* twin computed here (and only
here), so that "dam ha", "Đầm Hà" and "ĐẦM HÀ" meet.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# đ/Đ is a letter of its own, not d plus a combining mark: NFD leaves it alone.
# The apostrophe inside a name ("H’Hen Niê") is typed as ASCII "'" as often as not.
_FOLD_MAP = str.maketrans({"đ": "d", "Đ": "D", "’": "'", "ʼ": "'"})


def nfc(text: str) -> str:
    """Unicode NFC: Vietnamese text arrives both precomposed and decomposed."""
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ -> d), collapse white space.

    >>> fold("  Đầm  Hà ")
    'dam ha'
    >>> fold("QUỲNH NHAI")
    'quynh nhai'
    >>> fold("H’Hen Niê") == fold("H'Hen Niê")
    True
    """
    decomposed = unicodedata.normalize("NFD", text.translate(_FOLD_MAP))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped).strip().lower()
