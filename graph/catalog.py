"""The static queries of cypher/*.cypher, one statement per file, loaded once.

Each file runs in Neo4j Browser as it is (its `// :param` comment line gives an
example), and the code runs the very same text.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from mergegraph.graph.schema import CYPHER_DIR


def query_files() -> list[Path]:
    """Every query file (the schema file is not a query)."""
    return sorted(p for p in CYPHER_DIR.glob("*.cypher") if p.name != "schema.cypher")


@lru_cache(maxsize=None)
def query(name: str) -> str:
    """The text of cypher/<name>.cypher."""
    path = CYPHER_DIR / f"{name}.cypher"
    text = path.read_text(encoding="utf-8").strip()
    if not text:
        raise ValueError(f"{path} is empty")
    return text


def example_params(name: str) -> str | None:
    """The `// :param ...` line of a query file, as Browser would run it."""
    for line in (CYPHER_DIR / f"{name}.cypher").read_text(encoding="utf-8").splitlines():
        stripped = line.strip()
        if stripped.startswith("// :param"):
            return stripped[len("// :param"):].strip()
    return None
