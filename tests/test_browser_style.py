"""cypher/browser-style.grass parses the way Neo4j Browser parses it, dropped on the window
or pasted after `:style` (the parser below follows Browser's grassUtils.parseGrass and its
`:style` command, which keeps what lies between the first and second ':style')."""

from __future__ import annotations

import json
import re

from mergegraph.graph.schema import CYPHER_DIR

GRASS = CYPHER_DIR / "browser-style.grass"
LABELS = {"AdminUnit", "Body", "Position", "Person", "ConcurrencyPattern", "ReductionKind", "Source", "Evidence"}
TYPES = {"MERGED_INTO", "HELD_CONCURRENTLY_WITH", "APPLIES", "REDUCED", "TRANSFERRED_FUNCTION_TO",
         "PART_OF", "IN_UNIT", "IN_BODY", "HOLDS", "CITES"}


def parse_grass(text: str) -> dict:
    """Browser's parser: JSON, else its character scanner (no comments, quotes dropped,
    '{' inside a rule opens a binding, a declaration is kept only with exactly one ':')."""
    try:
        return json.loads(text)
    except ValueError:
        pass
    inside_string = inside_props = inside_binding = False
    keyword = props = ""
    rules: dict[str, str] = {}
    for c in text:
        skip = True
        if c == "{":
            if inside_string:
                skip = False
            elif inside_props:
                inside_binding = True
            else:
                inside_props = True
        elif c == "}":
            if inside_string:
                skip = False
            elif inside_binding:
                inside_binding = False
            else:
                inside_props = False
                rules[keyword] = props
                keyword = props = ""
        elif c in "'\"":
            inside_string = not inside_string
        else:
            skip = False
        if skip:
            continue
        if inside_props:
            props += c
        elif not re.match(r"\s", c):
            keyword += c
    out = {}
    for key, body in rules.items():
        out[key] = {}
        for decl in body.split(";"):
            parts = decl.split(":")
            if len(parts) == 2:
                out[key][parts[0].strip()] = parts[1].strip()
    return out


def style_command_param(command: str) -> str:
    """What Browser's `:style` handler parses: cmd.trim().split(':style')[1].trim()."""
    return command.strip().split(":style")[1].strip()


def _check(rules: dict, text: str) -> None:
    assert rules, "nothing parsed"
    for selector, props in rules.items():
        kind, _, label = selector.partition(".")
        assert kind in ("node", "relationship"), f"not a selector: {selector!r}"
        assert not label or label in (LABELS if kind == "node" else TYPES), selector
        assert props, f"{selector} has no property Browser keeps"
    # every declaration of the file survives (none dropped for a second ':')
    declared = len(re.findall(r"[\w-]+\s*:\s*[^;{}]+;", re.sub(r'"[^"]*"', '""', text)))
    assert sum(len(p) for p in rules.values()) == declared
    assert rules["node"]["caption"] == "{name}"
    assert rules["node.Body"]["color"] == "#68BDF6"
    assert rules["relationship.MERGED_INTO"]["caption"] == "{kind}"


def test_grass_file_parses_when_dropped():
    text = GRASS.read_text(encoding="utf-8")
    _check(parse_grass(text), text)


def test_grass_file_parses_after_style_command():
    text = GRASS.read_text(encoding="utf-8")
    param = style_command_param(":style\n" + text)
    assert param == text.strip()
    _check(parse_grass(param), text)


def test_the_emulation_rejects_what_browser_rejected():
    """The old file's comment became part of the first selector; its ':style' cut the paste."""
    old = "/* drag this file (or run `:style` and paste it) */\nnode { color: #fff; }\n"
    assert "node" not in parse_grass(old)
    assert style_command_param(":style\n" + old) == "/* drag this file (or run `"
