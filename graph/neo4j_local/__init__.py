"""The project's own Neo4j, for machines without Docker (see launcher.py)."""

from mergegraph.graph.neo4j_local.launcher import (
    Instance,
    Status,
    dump,
    kill,
    load,
    port_open,
    read_password,
    resolve_classpath,
    start,
    status,
    stop,
)

__all__ = [
    "Instance", "Status", "dump", "kill", "load", "port_open", "read_password", "resolve_classpath",
    "start", "status", "stop",
]
