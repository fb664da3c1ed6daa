"""The `mergegraph` command line."""

from __future__ import annotations

import json
import sys
import time
from importlib.resources import files
from pathlib import Path
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


def _fail(message: str, code: int = 1) -> None:
    err.print(f"[bold red]error:[/] {message}", markup=True, highlight=False)
    sys.exit(code)


def main() -> None:
    """The command line, with one `error:` line instead of a traceback for what a
    user can act on (our errors, and Neo4j going away in the middle of a command)."""
    import logging

    # The driver logs each retry of a transaction as a warning, and a connection
    # that died as an error (Python's last-resort handler prints them to stderr
    # with the address and errno): the outcome is reported below, in one line.
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)
    try:
        app()
    except MergegraphError as exc:
        _fail(str(exc))
    except KeyboardInterrupt:
        _fail("interrupted. Documents are written whole or not at all: rerunning the same "
              "command is safe and completes the job.", 130)
    except Exception as exc:  # noqa: BLE001 - classified below, re-raised if a bug
        from neo4j import exceptions as neo4j_errors

        from mergegraph.graph.driver import is_unavailable

        if is_unavailable(exc):
            _fail(f"Neo4j stopped answering during the command ({type(exc).__name__}). "
                  "Documents are written whole or not at all, so nothing is half-written: "
                  "once Neo4j is back (`mergegraph neo4j start`), rerunning the same command "
                  "is safe and completes the job.")
        if isinstance(exc, neo4j_errors.Neo4jError):
            _fail(f"Neo4j refused the command: {exc.message or type(exc).__name__}. "
                  "Nothing of the failed transaction was written.")
        raise


# --- neo4j ----------------------------------------------------------------------


def _local():
    from mergegraph.graph.driver import local_instance

    settings = get_settings()
    if not settings.uses_local_neo4j:
        raise BadInput(
            f"NEO4J_URI is set ({settings.neo4j_uri}): mergegraph uses that server and "
            "runs no Neo4j of its own."
        )
    return settings, local_instance(settings)


def ensure_neo4j() -> None:
    """Start the local Neo4j when no NEO4J_URI is configured (idempotent)."""
    from mergegraph.graph import neo4j_local

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
    from mergegraph.graph import neo4j_local

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
    from mergegraph.graph import neo4j_local

    _, instance = _local()
    stopped = neo4j_local.stop(instance)
    out.print("Neo4j stopped." if stopped else "Neo4j was not running.")


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Say whether the local Neo4j runs (exit 3 when it does not)."""
    from mergegraph.graph import neo4j_local

    _, instance = _local()
    st = neo4j_local.status(instance)
    out.print(st.describe(), highlight=False)
    if not st.running:
        raise typer.Exit(3)


# --- schema, queries ----------------------------------------------------------------


@app.command("init-schema")
def init_schema() -> None:
    """Apply every constraint and index of cypher/schema.cypher (idempotent)."""
    from mergegraph.graph.driver import connected
    from mergegraph.graph.schema import apply_schema

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

    from mergegraph.graph.driver import connected

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
    from mergegraph.graph.driver import connected
    from mergegraph.ingest.load_units import load_units

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


# --- documents --------------------------------------------------------------------

BUNDLED_MANIFEST = Path(str(files("mergegraph.ingest"))) / "corpus" / "manifest.jsonl"


@app.command("extract")
def extract_cmd(
    files: Annotated[Optional[list[Path]], typer.Argument(help="Documents (.txt, .html).")] = None,
    manifest: Annotated[Optional[Path], typer.Option(help="A JSONL manifest.")] = None,
    out_path: Annotated[Optional[Path], typer.Option("--out", help="Facts JSONL to write.")] = None,
    province_hint: Annotated[Optional[str], typer.Option(
        help="The publisher's province, for files given without a manifest.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Per sentence: mentions, frames, why no fact.")] = False,
) -> None:
    """Extract facts (the evaluation format): a manifest to --out, or files to stdout."""
    from mergegraph.ingest.extract.explain import explain as explain_document, format_explanation
    from mergegraph.ingest.manifest import Skipped, read_paths
    from mergegraph.ingest.pipeline import extract_all, extract_manifest

    if explain:
        if manifest or not files:
            raise BadInput("--explain takes files: mergegraph extract --explain FILE...")
        failed = False
        for item in read_paths(files, province_hint):
            try:
                if isinstance(item, Skipped):
                    raise BadInput(str(item))
                text = item.read()
            except BadInput as exc:  # a missing file, an unreadable document
                err.print(f"skipped {exc}", highlight=False, markup=False)
                failed = True
                continue
            out.print(format_explanation(explain_document(text, item.meta)), highlight=False,
                      markup=False)
        if failed:
            raise typer.Exit(2)
        return

    if manifest:
        if not out_path:
            raise BadInput("--manifest needs --out FACTS.jsonl")
        report = extract_manifest(manifest, out_path)
    elif files:
        report = extract_all(read_paths(files, province_hint), sys.stdout)
    else:
        raise BadInput("give documents to extract, or --manifest M.jsonl --out FACTS.jsonl")
    for error in report.errors:
        err.print(f"skipped {error}", highlight=False, markup=False)
    if manifest:
        err.print(f"{report.documents} documents, {report.facts} facts -> {out_path}",
                  highlight=False)
    if report.errors:
        raise typer.Exit(2)


def _print_ingest_report(report) -> None:
    w = report.writes
    out.print(
        f"Documents: {report.read} read, {w.documents_new} new, {w.documents_replaced} "
        f"replaced, {w.documents_unchanged} unchanged, {len(report.skipped)} skipped, "
        f"{len(w.retracted_ids)} skipped-retracted"
        + (f" ({w.documents_unretracted} unretracted)" if w.documents_unretracted else "")
        + ".\n"
        f"Facts: {report.facts} ({report.facts_not_placed} not placed: no unit or incomplete); "
        f"evidence written: {w.evidence_written}.\n"
        f"Graph: {w.nodes_created} nodes and {w.relationships_created} relationships created, "
        f"{w.nodes_deleted} nodes and {w.relationships_deleted} relationships deleted "
        f"({report.seconds:.1f} s).", highlight=False)
    for skipped in report.skipped:
        err.print(f"skipped {skipped.origin}: {skipped.reason}", highlight=False, markup=False)
    if w.retracted_ids:
        err.print(f"skipped-retracted (retracted earlier; `ingest --unretract` loads them again): "
                  f"{', '.join(w.retracted_ids)}", highlight=False, markup=False)


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[Optional[list[str]], typer.Argument(
        help="Files or folders; or http(s) URLs of pages, sitemaps or RSS feeds.")] = None,
    manifest: Annotated[Optional[Path], typer.Option(help="A JSONL manifest.")] = None,
    province_hint: Annotated[Optional[str], typer.Option(
        help="The publisher's province, for files given without a manifest.")] = None,
    urls: Annotated[Optional[Path], typer.Option(
        help="A file of URLs, one a line (pages, sitemaps, feeds; or JSON lines with 'url').")] = None,
    offline: Annotated[bool, typer.Option(
        help="Re-ingest URLs from the archive only, fetching nothing.")] = False,
    jobs: Annotated[Optional[int], typer.Option(
        "--jobs", min=1, help="Processes that extract while one writer loads "
        "(default: the cores, at least 16 documents each); the graph is the same.")] = None,
    unretract: Annotated[bool, typer.Option(
        "--unretract", help="Load retracted documents again (a retraction otherwise sticks).")
    ] = False,
) -> None:
    """Extract documents and load their facts (idempotent; exit 2 if any was skipped).

    A document retracted with `mergegraph retract` stays retracted (reported as
    skipped-retracted) unless --unretract is given."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from mergegraph.graph.driver import connected
    from mergegraph.ingest.load import default_jobs, ingest
    from mergegraph.ingest.manifest import read_manifest, read_paths
    from mergegraph.ingest.web import is_url, web_items

    links = [p for p in paths or [] if is_url(p)]
    files = [Path(p) for p in paths or [] if not is_url(p)]
    if bool(manifest) + bool(files) + bool(links or urls) != 1:
        raise BadInput("give one of: --manifest M.jsonl, files and folders, URLs or --urls FILE")
    items = list(read_manifest(manifest) if manifest else read_paths(files, province_hint)) \
        if not (links or urls) else []
    web_report = None
    ensure_neo4j()
    with connected(get_settings()) as (driver, conn):
        if links or urls:  # fetched (or read back from the archive) as ingest goes
            items, web_report = web_items(get_settings(), driver, conn.database, links, urls,
                                          offline, province_hint)
        with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                      MofNCompleteColumn(), console=err, transient=True,
                      disable=web_report is not None or len(items) < 20) as progress:
            task = progress.add_task("Ingesting", total=None if web_report else len(items))
            report = ingest(driver, conn.database, items,
                            on_document=lambda _doc: progress.advance(task),
                            jobs=jobs or default_jobs(len(items) if isinstance(items, list)
                                                      else None),
                            unretract=unretract)
    for line in web_report.lines() if web_report else []:
        err.print(line, highlight=False, markup=False)
    _print_ingest_report(report)
    if not report.ok:
        raise typer.Exit(2)


@app.command("retract")
def retract_cmd(
    docs: Annotated[list[str], typer.Argument(help="Document ids (the manifest's doc).")],
) -> None:
    """Withdraw documents' claims; nodes left with no evidence go too.

    The retraction sticks: `mergegraph ingest` skips these documents until it is
    given --unretract."""
    from mergegraph.graph.driver import connected
    from mergegraph.graph.facts import check_retractable, retract_documents

    ensure_neo4j()
    with connected(get_settings()) as (driver, conn):
        check_retractable(driver, conn.database, docs)
        stats = retract_documents(driver, conn.database, docs)
    out.print(f"Retracted {len(docs)} document(s): {stats.relationships_deleted} relationships "
              f"and {stats.nodes_deleted} nodes removed.", highlight=False)


# --- backup and restore -------------------------------------------------------------

REMOTE_BACKUP = (
    "NEO4J_URI is set ({uri}): mergegraph backs up and restores only the Neo4j it runs "
    "itself. For your own server, run Neo4j's tool on its host with the database "
    "stopped (Community): `neo4j-admin database dump neo4j --to-path=DIR` and "
    "`neo4j-admin database load neo4j --from-path=DIR --overwrite-destination=true` "
    "(with docker compose: `docker compose stop neo4j`, then the same commands in "
    "`docker compose run --rm neo4j ...`); on Aura, use its snapshots. See RELIABILITY.md.")


def _local_for_backup():
    settings = get_settings()
    if not settings.uses_local_neo4j:
        raise BadInput(REMOTE_BACKUP.format(uri=settings.neo4j_uri))
    return _local()


@app.command("backup")
def backup_cmd(
    file: Annotated[Path, typer.Argument(help="The dump file to write (replaced if it exists).")],
) -> None:
    """Write the graph to FILE with Neo4j's own `neo4j-admin database dump`.

    The local Neo4j is stopped for the dump (Community dumps offline) and started
    again if it was running: an API running meanwhile answers 503, then recovers."""
    from mergegraph.graph import neo4j_local

    settings, instance = _local_for_backup()
    t0 = time.monotonic()
    path = neo4j_local.dump(instance, file, settings.neo4j_database)
    out.print(f"Backed up database {settings.neo4j_database!r} to {path} "
              f"({path.stat().st_size:,} bytes, {time.monotonic() - t0:.1f} s).", highlight=False)


@app.command("restore")
def restore_cmd(
    file: Annotated[Path, typer.Argument(help="A dump written by `mergegraph backup`.")],
) -> None:
    """Replace the graph with the dump in FILE (`neo4j-admin database load`).

    Everything written since that backup is lost. The local Neo4j is stopped for the
    load and started again if it was running; a running API recovers by itself."""
    from mergegraph.graph import neo4j_local

    settings, instance = _local_for_backup()
    if not file.is_file():
        raise BadInput(f"no backup file at {file}")
    t0 = time.monotonic()
    neo4j_local.load(instance, file, settings.neo4j_database)
    out.print(f"Restored database {settings.neo4j_database!r} from {file} "
              f"({time.monotonic() - t0:.1f} s).", highlight=False)


# --- serving ------------------------------------------------------------------------


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Serve the API against the configured (or the local) Neo4j."""
    import uvicorn

    ensure_neo4j()
    uvicorn.run("mergegraph.api.app:create_app", factory=True, host=host, port=port, log_level="info")


@app.command("bootstrap")
def bootstrap() -> None:
    """Start Neo4j if needed, apply the schema and load what the project bundles."""
    init_schema()
    load_units_cmd()
    ingest_bundled()


def ingest_bundled() -> None:
    """Ingest the corpus bundled with the project (the five seed articles)."""
    if not BUNDLED_MANIFEST.exists():
        return
    ingest_cmd(paths=None, manifest=BUNDLED_MANIFEST, province_hint=None, unretract=False)


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
