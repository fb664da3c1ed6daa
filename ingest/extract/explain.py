"""Why a sentence gave the facts it gave, or none: for each sentence with a
trigger word, the mentions found (places, bodies, posts, people, level words),
the frames that fired and their facts, and when none did, the reason.

    from mergegraph.ingest.extract.explain import explain
    for s in explain(text, DocumentMeta(province_hint="Sơn La")):
        print(s.text, s.fired, s.why)

`mergegraph extract --explain FILE` prints the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .documents import DocumentMeta
from .engine import run_document
from .vocab import vocabulary


@dataclass
class Mention:
    kind: str            # place | body | role | fused | level | name
    text: str
    start: int
    end: int
    detail: str = ""     # unit code, body type, role, person


@dataclass
class SentenceExplanation:
    index: int
    start: int
    end: int
    text: str
    triggers: list[str]
    mentions: list[Mention]
    positions: list[str]                     # ROLE@BODY (level) of each post read
    fired: dict[str, list[dict]] = field(default_factory=dict)   # frame -> facts (eval format)
    why: str = ""                            # when no frame fired

    def to_dict(self) -> dict:
        return {"sentence": self.index, "start": self.start, "end": self.end, "text": self.text,
                "triggers": self.triggers,
                "mentions": [m.__dict__ for m in self.mentions], "positions": self.positions,
                "fired": self.fired, "why": self.why}


def explain(text: str, meta: DocumentMeta | None = None) -> list[SentenceExplanation]:
    trace: list = []
    run_document(text, meta, trace)
    cues = vocabulary().cues
    out = []
    for ctx, view, positions, frames in trace:
        s = view.sentence
        mentions = []
        for c in ctx.chunks[view.c0:view.c1]:
            if c.kind == "tok":
                continue
            detail = ""
            if c.kind == "place":
                detail = c.place.code or "ambiguous: " + ",".join(c.place.candidates[:5])
            elif c.kind == "body":
                detail = c.body or ""
            elif c.kind in ("role", "fused", "level"):
                detail = c.lex.key if c.lex else ""
            elif c.kind == "name":
                detail = c.person or ""
            mentions.append(Mention(c.kind, ctx.text[c.start:c.end], c.start, c.end, detail))
        posts = [f"{p.key or p.role + '@?'}" + (f" ({ctx.level(p.level)})" if p.level else "") for p in positions]
        fired = {name: [f.to_eval() for f in facts] for name, facts in frames.items() if facts}
        triggers = sorted({m.group() for m in cues.trigger.finditer(ctx.match, s.start, s.end)})
        e = SentenceExplanation(s.index, s.start, s.end, ctx.text[s.start:s.end].strip(), triggers,
                                mentions, posts, fired)
        if not fired:
            e.why = _why(ctx, view, positions, mentions)
        out.append(e)
    return out


def _why(ctx, view, positions, mentions) -> str:
    kinds = {m.kind for m in mentions}
    reasons = []
    if not view.places and not ctx.focus:
        reasons.append("no place: the sentence names no unit and the document has no subject")
    if "body" not in kinds and "fused" not in kinds and not positions:
        reasons.append("no body type: no body or post of the vocabulary")
    if positions and any(p.key is None for p in positions):
        reasons.append("a role without a body that the text did not give before")
    if positions and "name" not in kinds and len(positions) < 2:
        reasons.append("one post and no person: no holding, no pattern")
    if not reasons:
        reasons.append("no frame: the mentions are there but no frame joins them "
                       "(connector, verb or list the frames do not know)")
    return "; ".join(reasons)


def format_explanation(items: list[SentenceExplanation]) -> str:
    lines = []
    for e in items:
        lines.append(f"[{e.index}] {e.text}")
        lines.append("  triggers: " + ", ".join(e.triggers))
        lines.append("  mentions: " + "; ".join(f"{m.kind}:{m.text}" + (f"={m.detail}" if m.detail else "")
                                               for m in e.mentions))
        if e.positions:
            lines.append("  posts: " + ", ".join(e.positions))
        for frame, facts in e.fired.items():
            for f in facts:
                f = {k: v for k, v in f.items() if k not in ("doc", "quote", "type")}
                lines.append(f"  {frame}: {f}")
        if e.why:
            lines.append(f"  no fact: {e.why}")
    return "\n".join(lines)
