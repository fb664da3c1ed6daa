"""Constraints and indexes, kept in cypher/schema.cypher and applied idempotently."""

from __future__ import annotations

import re
from importlib.resources import files
from pathlib import Path

import neo4j

from mergegraph.graph.model import FORMER_BRANCH_LABELS

# The .cypher files ship inside the package (mergegraph.cypher); wheels install
# unzipped, so the package folder is a real folder.
CYPHER_DIR = Path(str(files("mergegraph.cypher")))
SCHEMA_FILE = CYPHER_DIR / "schema.cypher"
_LINE_COMMENT = re.compile(r"^\s*//.*$", re.MULTILINE)


def schema_statements(path: Path = SCHEMA_FILE) -> list[str]:
    """Statements of a .cypher file: `;`-separated, `//` comment lines dropped."""
    text = _LINE_COMMENT.sub("", path.read_text(encoding="utf-8"))
    return [stmt.strip() for stmt in text.split(";") if stmt.strip()]


def apply_schema(driver: neo4j.Driver, database: str) -> int:
    """Apply every constraint and index (each `IF NOT EXISTS`); wait until online."""
    statements = schema_statements()
    for statement in statements:
        driver.execute_query(statement, database_=database)
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
    # graphs written before bodies lost their branch labels (graph/model.py)
    with driver.session(database=database) as session:  # IN TRANSACTIONS: auto-commit
        for label in FORMER_BRANCH_LABELS:
            session.run(f"MATCH (b:Body:{label}) "
                        f"CALL (b) {{ REMOVE b:{label} }} IN TRANSACTIONS OF 10000 ROWS").consume()
    # graphs written before merger tallies were kept with the facts (graph/facts.py)
    counts = driver.execute_query(
        "RETURN COUNT { MATCH (:MergerTally) } AS tallies, "
        "COUNT { MATCH (:Body)-[:MERGED_INTO]->() } AS mergers", database_=database).records[0]
    if counts["mergers"] and not counts["tallies"]:
        from mergegraph.graph.facts import recount_all_mergers
        recount_all_mergers(driver, database)
    return len(statements)
