"""Every query file in cypher/ is valid Cypher for this Neo4j and runs in Browser as it is:
its `:param` line is applied the way Neo4j Browser applies it, then the query runs for real."""

from __future__ import annotations

import re

import pytest

from mergegraph.graph.catalog import example_params, query, query_files

NAMES = [p.stem for p in query_files()]


def test_there_are_query_files():
    assert NAMES


def _as_browser_stores(value):
    """Browser evaluates `:param {a: 50}` in JavaScript: every number becomes a double."""
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, list):
        return [_as_browser_stores(v) for v in value]
    if isinstance(value, dict):
        return {k: _as_browser_stores(v) for k, v in value.items()}
    return value


def browser_params(driver, database, line: str) -> dict:
    """The parameters Browser holds after `:param <line>`: `name => expr` is evaluated by
    the server (types kept); a map literal `{...}` is evaluated client-side (numbers as floats)."""
    arrow = re.match(r"^([A-Za-z_][A-Za-z0-9_]*)\s*=>\s*(.+)$", line)
    if arrow:
        recs, _, _ = driver.execute_query(f"RETURN {arrow.group(2)} AS v", database_=database)
        return {arrow.group(1): recs[0]["v"]}
    assert line.startswith("{"), f"not a :param form Browser knows: {line!r}"
    recs, _, _ = driver.execute_query(f"RETURN {line} AS p", database_=database)
    return _as_browser_stores(recs[0]["p"])


def test_the_browser_emulation_catches_a_float_limit(driver, conn):
    """The emulation fails where Browser fails: LIMIT of a float parameter."""
    params = browser_params(driver, conn.database, "{limit: 50}")
    assert params == {"limit": 50.0} and isinstance(params["limit"], float)
    with pytest.raises(Exception, match="(?i)limit|integer|50.0"):
        driver.execute_query("MATCH (n) RETURN n LIMIT $limit", params, database_=conn.database)


@pytest.mark.parametrize("name", NAMES)
def test_query_file_runs_as_browser_runs_it(driver, conn, name):
    example = example_params(name)
    assert example, f"cypher/{name}.cypher has no '// :param {{...}}' example line"
    params = browser_params(driver, conn.database, example)
    text = query(name)
    used = set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", text))
    assert used <= set(params), f"example lacks {used - set(params)}"
    code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("//"))
    assert ";" not in code.rstrip().rstrip(";"), "one statement per file"
    driver.execute_query(f"EXPLAIN {text}", params, database_=conn.database)
    # and for real, with the parameters as Browser holds them (floats included)
    driver.execute_query(text, params, database_=conn.database)
