"""Body-type names shared by the loader (node names) and search (abbreviations),
and the kinds of reported reductions.

The vocabulary itself is ingest/vocab/bodies.yaml; this module reads only what
naming needs, so that the graph layer can use it without importing extraction.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

import yaml

from mergegraph.text import fold

_VOCAB = files("mergegraph.ingest") / "vocab"
BODIES_YAML = _VOCAB / "bodies.yaml"
REDUCTIONS_YAML = _VOCAB / "reductions.yaml"
LEVEL_KEYS = ("province", "city", "district", "commune", "village", "central")
GAP = "…"  # the vocabulary's marker for a gap of words inside a name


@lru_cache(maxsize=1)
def body_specs() -> dict[str, dict]:
    with BODIES_YAML.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)["body_types"]


@lru_cache(maxsize=1)
def reduction_kinds() -> dict[str, dict]:
    """What a reported reduction counts (ingest/vocab/reductions.yaml): key ->
    label, en, words, level."""
    with REDUCTIONS_YAML.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)["reduction_kinds"]


def is_abbreviation(name: str) -> bool:
    letters = name.replace("&", "").replace("-", "")
    return " " not in name and len(letters) >= 2 and letters.isupper()


def _plain(names) -> list[str]:
    return [n for n in names if GAP not in n and not is_abbreviation(n)]


def body_branch(body_type: str) -> str:
    """party, state, front, service, village; 'mixed' for a merger across branches."""
    branches = {(body_specs().get(part) or {}).get("branch", "other")
                for part in body_type.split("+")}
    return branches.pop() if len(branches) == 1 else "mixed"


# Generic heads and level words dropped from part names in a merged body's name.
_PART_HEADS = ("Ban ", "Phòng ", "Sở ")
_PART_LEVELS = (" tỉnh", " huyện", " thành phố", " thị xã", " quận", " xã", " phường",
                " thị trấn")


def _type_name(body_type: str, level: str | None) -> str:
    spec = body_specs().get(body_type) or {}
    candidates = _plain(list(spec.get(level or "", ())) + list(spec.get("names", ())))
    name = candidates[0] if candidates else body_type
    return name[:1].upper() + name[1:]


def _part_name(body_type: str, level: str | None) -> str:
    name = _type_name(body_type, level)
    for head in _PART_HEADS:
        if name.startswith(head):
            name = name[len(head):]
            break
    for word in _PART_LEVELS:
        if name.endswith(word):
            name = name[: -len(word)]
            break
    return name[:1].upper() + name[1:]


def body_type_name(body_type: str, level: str | None) -> str:
    """A readable name for a body type at a level ("Huyện ủy", "Phòng Nội vụ").

    A merged body named only by its parts is named as the press names such
    bodies: "Cơ quan" and the parts without their generic heads, "Cơ quan Tổ
    chức - Nội vụ" for ban-to-chuc+noi-vu."""
    if "+" not in body_type:
        return _type_name(body_type, level)
    return "Cơ quan " + " - ".join(_part_name(part, level) for part in body_type.split("+"))


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, tuple[str, ...]]:
    """Folded abbreviation ("ubkt") -> the folded names the graph gives its body type."""
    table: dict[str, set[str]] = {}
    for key, spec in body_specs().items():
        all_names = [n for k in ("names",) + LEVEL_KEYS for n in spec.get(k, ())]
        shown = {fold(body_type_name(key, level)) for level in (None,) + LEVEL_KEYS}
        for name in all_names:
            if is_abbreviation(name):
                table.setdefault(fold(name).replace("&", "").replace("-", ""), set()).update(shown)
    return {k: tuple(sorted(v)) for k, v in table.items()}
