"""Every query file in cypher/ is valid Cypher for this Neo4j and runs in Browser as it is."""

from __future__ import annotations

import re

import pytest

from mergegraph.graph.catalog import example_params, query, query_files

NAMES = [p.stem for p in query_files()]


def test_there_are_query_files():
    assert NAMES


@pytest.mark.parametrize("name", NAMES)
def test_query_file_explains(driver, conn, name):
    example = example_params(name)
    assert example, f"cypher/{name}.cypher has no '// :param {{...}}' example line"
    # Browser's :param takes a Cypher map literal: let Neo4j itself parse it.
    recs, _, _ = driver.execute_query(f"RETURN {example} AS p", database_=conn.database)
    params = recs[0]["p"]
    text = query(name)
    used = set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", text))
    assert used <= set(params), f"example lacks {used - set(params)}"
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    assert ";" not in code.rstrip().rstrip(";"), "one statement per file"
    driver.execute_query(f"EXPLAIN {text}", params, database_=conn.database)
