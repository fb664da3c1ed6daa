"""The package's layers point one way: text -> facts -> graph -> API, the CLI on
top. Read from the source (ast), so a wrong import fails here before it can
make a cycle; and no product module finds files by paths from the checkout."""

from __future__ import annotations

import ast
from importlib.resources import files
from pathlib import Path

import pytest

ROOT = Path(str(files("mergegraph"))).parent
FOLDERS = {"mergegraph": "mergegraph", "graph": "mergegraph.graph",
           "ingest": "mergegraph.ingest", "api": "mergegraph.api"}

# module prefix -> prefixes it must not import
FORBIDDEN = {
    "mergegraph.ingest.extract": ("mergegraph.graph", "mergegraph.api", "mergegraph.cli",
                                  "mergegraph.ingest.plan", "mergegraph.ingest.load",
                                  "mergegraph.ingest.pipeline", "mergegraph.ingest.manifest"),
    "mergegraph.graph": ("mergegraph.ingest", "mergegraph.api", "mergegraph.cli"),
    "mergegraph.ingest": ("mergegraph.api", "mergegraph.cli"),
    "mergegraph.api": ("mergegraph.cli",),
}
BASE = ("mergegraph.settings", "mergegraph.errors", "mergegraph.text", "mergegraph.naming")


def _modules():
    for folder, package in FOLDERS.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            rel = path.relative_to(ROOT / folder).with_suffix("")
            parts = [p for p in rel.parts if p != "__init__"]
            yield ".".join([package, *parts]), path


def _imports(path: Path, module: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the module's package
                base = module.split(".")[:-node.level] if not path.name == "__init__.py" \
                    else module.split(".")[: len(module.split(".")) - node.level + 1]
                names.add(".".join(base + ([node.module] if node.module else [])))
            elif node.module:
                names.add(node.module)
                names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


MODULES = list(_modules())


def test_the_walk_finds_the_layers():
    found = {m for m, _ in MODULES}
    assert {"mergegraph.cli", "mergegraph.graph.model", "mergegraph.ingest.pipeline",
            "mergegraph.ingest.extract.engine", "mergegraph.api.routes"} <= found


@pytest.mark.parametrize("module,path", MODULES, ids=[m for m, _ in MODULES])
def test_imports_point_down(module, path):
    imported = _imports(path, module)
    for prefix, forbidden in FORBIDDEN.items():
        if module == prefix or module.startswith(prefix + "."):
            wrong = sorted(i for i in imported if i.startswith(forbidden))
            assert not wrong, f"{module} imports {wrong}: layers point one way"
    if module in BASE:
        wrong = sorted(i for i in imported if i.startswith("mergegraph.")
                       and not i.startswith(BASE))
        assert not wrong, f"{module} is the base of every layer, but imports {wrong}"


@pytest.mark.parametrize("module,path", MODULES, ids=[m for m, _ in MODULES])
def test_no_paths_from_the_checkout(module, path):
    """Data is package data, read with importlib.resources: nothing finds another
    package's files from the project root."""
    text = path.read_text(encoding="utf-8")
    if module != "mergegraph.settings":
        assert "PROJECT_ROOT" not in text, f"{module} finds files from the checkout"
