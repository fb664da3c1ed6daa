"""The facts an article states, as plain typed records.

Each fact keeps more than the evaluation format: the exact quote and its
character offsets in the NFC text (`text[start:end] == quote`), the surface
strings of what it names, the resolved unit, status and date. `to_eval()`
gives the evaluation dict (shared/eval/README.md); `to_record()` a
JSON-serialisable dict for the loader.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar

STATUSES = ("implemented", "pilot", "planned", "ended")


@dataclass(slots=True)
class UnitRef:
    """An administrative unit (GSO code before the 2025 reform)."""
    code: str | None
    name: str | None = None       # "Huyện Tân Kỳ"
    level: str | None = None      # province | district | commune
    surface: str | None = None    # how the text named it, when it did


@dataclass(slots=True)
class PositionRef:
    key: str                      # ROLE@BODYTYPE
    role: str
    body: str
    surface: str                  # "Trưởng ban Dân vận Huyện ủy"
    level: str | None
    start: int
    end: int


@dataclass(slots=True)
class BodyRef:
    type: str                     # body type key, "a+b" for a body named by its parts
    name: str                     # the text's name of it
    start: int
    end: int


@dataclass(slots=True)
class Fact:
    type: ClassVar[str] = ""
    doc: str | None
    quote: str
    start: int
    end: int
    unit: UnitRef
    # the whole sentence around the quote, whitespace-trimmed, and where it starts
    sentence: str = ""
    sentence_start: int = -1

    def to_record(self) -> dict[str, Any]:
        record = {"type": self.type}
        record.update(asdict(self))
        return record

    def to_eval(self) -> dict[str, Any]:  # pragma: no cover - overridden
        raise NotImplementedError

    def key(self) -> tuple:  # pragma: no cover - overridden
        raise NotImplementedError


@dataclass(slots=True)
class Concurrency(Fact):
    """Two or more posts held by one person, as a pattern or for one person."""
    type: ClassVar[str] = "concurrency"
    level: str | None = None
    positions: list[PositionRef] = field(default_factory=list)
    count: int | None = None      # units where it holds ("6" of "6/9 xã")
    of: int | None = None         # units in all ("9")
    percent: float | None = None  # "100% số bản"
    status: str = "implemented"
    date: str | None = None       # ISO, as precise as the text
    person: str | None = None

    @property
    def position_keys(self) -> list[str]:
        return sorted({p.key for p in self.positions})

    def key(self) -> tuple:
        return (self.type, self.unit.code, self.level, tuple(self.position_keys))

    def to_eval(self) -> dict[str, Any]:
        return {"doc": self.doc, "type": self.type, "unit": self.unit.code, "level": self.level,
                "positions": self.position_keys, "count": self.count, "of": self.of,
                "status": self.status, "person": self.person, "quote": self.quote}


@dataclass(slots=True)
class Holding(Fact):
    """A named person and the posts the text gives them."""
    type: ClassVar[str] = "holding"
    person: str = ""
    positions: list[PositionRef] = field(default_factory=list)

    @property
    def position_keys(self) -> list[str]:
        return sorted({p.key for p in self.positions})

    def key(self) -> tuple:
        return (self.type, " ".join(self.person.casefold().split()))

    def to_eval(self) -> dict[str, Any]:
        return {"doc": self.doc, "type": self.type, "person": self.person, "unit": self.unit.code,
                "positions": self.position_keys, "quote": self.quote}


@dataclass(slots=True)
class Merger(Fact):
    """Bodies merged into one ("merge") or one body absorbed by another ("absorb")."""
    type: ClassVar[str] = "merger"
    bodies: list[BodyRef] = field(default_factory=list)      # what was merged
    into: BodyRef | None = None
    kind: str = "merge"
    status: str = "implemented"
    date: str | None = None

    @property
    def from_types(self) -> list[str]:
        return sorted({b.type for b in self.bodies})

    def key(self) -> tuple:
        return (self.type, self.unit.code, tuple(self.from_types))

    def to_eval(self) -> dict[str, Any]:
        return {"doc": self.doc, "type": self.type, "unit": self.unit.code, "from": self.from_types,
                "into": self.into.type if self.into else None, "kind": self.kind,
                "status": self.status, "quote": self.quote}


@dataclass(slots=True)
class Transfer(Fact):
    """A function (or a body's task) moved from one body to another."""
    type: ClassVar[str] = "transfer"
    source: BodyRef | None = None
    target: BodyRef | None = None
    function: str | None = None
    status: str = "implemented"
    date: str | None = None

    def key(self) -> tuple:
        return (self.type, self.unit.code, self.source.type if self.source else None,
                self.target.type if self.target else None)

    def to_eval(self) -> dict[str, Any]:
        return {"doc": self.doc, "type": self.type, "unit": self.unit.code,
                "from": self.source.type if self.source else None,
                "into": self.target.type if self.target else None,
                "function": self.function, "quote": self.quote}


@dataclass(slots=True)
class Reduction(Fact):
    """A reported cut in the apparatus: "giảm 13 đơn vị đầu mối", "giảm 6 biên
    chế". Not part of the evaluation's fact types (score.py skips the type)."""
    type: ClassVar[str] = "reduction"
    what: str = ""                # a key of ingest/vocab/reductions.yaml
    level: str | None = None      # the level of what was cut ("cấp xã"), when said
    count: int | None = None
    percent: float | None = None  # "tinh giản 10% biên chế"
    approx: bool = False          # "khoảng", "gần", "hơn", "trên"
    surface: str = ""             # "81 phòng, ban, chi cục và tương đương cấp tỉnh"
    status: str = "implemented"
    date: str | None = None

    def key(self) -> tuple:
        return (self.type, self.unit.code, self.what, self.level, self.count, self.percent)

    def to_eval(self) -> dict[str, Any]:
        return {"doc": self.doc, "type": self.type, "unit": self.unit.code, "what": self.what,
                "level": self.level, "count": self.count, "percent": self.percent,
                "approx": self.approx, "status": self.status, "quote": self.quote}
