"""What one extractor found in one sentence, passed on by the engine.

Extractors share no state: each gets the sentence, its positions and the
results the engine hands it, and returns its facts with what later readers
may need (who holds which position, the patterns of posts stated)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class SentenceResult:
    facts: list = field(default_factory=list)
    # index of a position in the sentence's position list -> the person holding it
    person_of: dict[int, str] = field(default_factory=dict)
    # (offset, sorted position keys) of each pattern of posts stated
    patterns: list[tuple[int, tuple[str, ...]]] = field(default_factory=list)


@dataclass(frozen=True)
class Pattern:
    """The last pattern of posts the text described, for "mô hình này"."""
    keys: tuple[str, ...]
    paragraph: int
