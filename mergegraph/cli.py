"""The `mergegraph` command line."""

from __future__ import annotations

import json
import sys
import time
from typing import Annotated, Any, Optional

import typer
from rich.console import Console

from mergegraph.errors import BadInput, MergegraphError
from mergegraph.settings import get_settings

app = typer.Typer(
    help="mergegraph: a knowledge graph of organisational mergers in Vietnam's political system.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
neo4j_app = typer.Typer(help="The project's own Neo4j (used when NEO4J_URI is not set).",
                        no_args_is_help=True)
app.add_typer(neo4j_app, name="neo4j")

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def main() -> None:
    try:
        app()
    except MergegraphError as exc:
        err.print(f"[bold red]error:[/] {exc}", markup=True, highlight=False)
        sys.exit(1)


# --- neo4j ----------------------------------------------------------------------


def _local():
    from graph.driver import local_instance

    settings = get_settings()
    if not settings.uses_local_neo4j:
        raise BadInput(
            f"NEO4J_URI is set ({settings.neo4j_uri}): mergegraph uses that server and "
            "runs no Neo4j of its own."
        )
    return settings, local_instance(settings)


def ensure_neo4j() -> None:
    """Start the local Neo4j when no NEO4J_URI is configured (idempotent)."""
    from graph import neo4j_local

    settings = get_settings()
    if not settings.uses_local_neo4j:
        return
    _, instance = _local()
    if neo4j_local.status(instance).running:
        return
    err.print("Starting the local Neo4j (the first start fetches it with Maven)...")
    password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
    neo4j_local.start(instance, password=password)


@neo4j_app.command("start")
def neo4j_start() -> None:
    """Start the local Neo4j and wait until Bolt answers (returns at once if it is up)."""
    from graph import neo4j_local

    settings, instance = _local()
    t0 = time.monotonic()
    password = settings.neo4j_password.get_secret_value() if settings.neo4j_password else None
    already = neo4j_local.status(instance).running
    st = neo4j_local.start(instance, password=password)
    verb = "was already running" if already else f"started in {time.monotonic() - t0:.1f} s"
    out.print(f"Neo4j {verb}.", highlight=False)
    out.print(st.describe(), highlight=False)
    out.print(f"  User:    neo4j, password in {instance.password_file}", highlight=False)


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the local Neo4j (its data stays)."""
    from graph import neo4j_local

    _, instance = _local()
    stopped = neo4j_local.stop(instance)
    out.print("Neo4j stopped." if stopped else "Neo4j was not running.")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Say whether the local Neo4j runs (exit 3 when it does not)."""
    from graph import neo4j_local

    _, instance = _local()
    st = neo4j_local.status(instance)
    out.print(st.describe(), highlight=False)
    if not st.running:
        raise typer.Exit(3)


# --- schema, queries ----------------------------------------------------------------


@app.command("init-schema")
def init_schema() -> None:
    """Apply every constraint and index of cypher/schema.cypher (idempotent)."""
    from graph.driver import connected
    from graph.schema import apply_schema

    ensure_neo4j()
    with connected(get_settings()) as (driver, conn):
        n = apply_schema(driver, conn.database)
    out.print(f"Schema applied: {n} constraints and indexes.")


def _parse_param(raw: str) -> tuple[str, Any]:
    name, sep, value = raw.partition("=")
    if not sep or not name.strip():
        raise BadInput(f"--param takes name=value, got {raw!r}")
    try:
        parsed: Any = json.loads(value)
    except json.JSONDecodeError:
        parsed = value
    return name.strip(), parsed


def _jsonable(value: Any) -> Any:
    import neo4j.graph
    import neo4j.time

    if isinstance(value, neo4j.graph.Node):
        return {"labels": sorted(value.labels), "properties": _jsonable(dict(value))}
    if isinstance(value, neo4j.graph.Relationship):
        return {"type": value.type, "properties": _jsonable(dict(value))}
    if isinstance(value, neo4j.graph.Path):
        return {"nodes": [_jsonable(n) for n in value.nodes],
                "relationships": [_jsonable(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (neo4j.time.Date, neo4j.time.DateTime, neo4j.time.Time,
                          neo4j.time.Duration)):
        return value.iso_format()
    return value


@app.command("cypher")
def cypher(
    query: Annotated[str, typer.Argument(help="One read-only Cypher statement.")],
    param: Annotated[Optional[list[str]], typer.Option(
        "--param", "-p", help="name=value (value parsed as JSON when it is JSON).")] = None,
) -> None:
    """Run one read-only query (READ access mode); print each row as a JSON line."""
    import neo4j
    from neo4j import exceptions as neo4j_errors

    from graph.driver import connected

    params = dict(_parse_param(p) for p in (param or []))
    ensure_neo4j()
    with connected(get_settings()) as (driver, conn):
        with driver.session(database=conn.database, default_access_mode=neo4j.READ_ACCESS) as s:
            try:
                for record in s.execute_read(lambda tx: list(tx.run(query, params))):
                    out.print(json.dumps(_jsonable(record.data()), ensure_ascii=False),
                              highlight=False, markup=False)
            except neo4j_errors.Neo4jError as exc:
                raise BadInput(f"Neo4j rejected the query: {exc.message}") from exc


@app.command("load-units")
def load_units_cmd() -> None:
    """Load the administrative units of both eras and the 2025 mergers (idempotent)."""
    from graph.driver import connected
    from ingest.load_units import load_units

    ensure_neo4j()
    t0 = time.monotonic()
    with connected(get_settings()) as (driver, conn):
        rows, counts = load_units(driver, conn.database)
    levels: dict[str, int] = {}
    for unit in rows.units:
        key = f"{unit['era']} {unit['level']}s"
        levels[key] = levels.get(key, 0) + 1
    out.print("Administrative units: " + ", ".join(f"{n:,} {k}" for k, n in levels.items()),
              highlight=False)
    out.print(f"PART_OF: {len(rows.part_of):,}; MERGED_INTO (2025 reform): "
              f"{len(rows.successions):,}", highlight=False)
    out.print(f"Created {counts.nodes_created:,} nodes and {counts.relationships_created:,} "
              f"relationships ({time.monotonic() - t0:.1f} s); the rest already matched.",
              highlight=False)


# --- serving ------------------------------------------------------------------------


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the API against the configured (or the local) Neo4j."""
    import uvicorn

    ensure_neo4j()
    uvicorn.run("api.app:create_app", factory=True, host=host, port=port, log_level="info")


@app.command("bootstrap")
def bootstrap() -> None:
    """Start Neo4j if needed, apply the schema and load what the project bundles."""
    init_schema()
    load_units_cmd()


@app.command("run")
def run(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """The main job: bootstrap, then serve the API."""
    bootstrap()
    serve(host=host, port=port)


if __name__ == "__main__":
    main()
