"""Facts -> graph rows: the identity rules of graph/MODEL.md, as pure code.

`plan_document` turns one document's fact records (`Fact.to_record()` of
ingest.extract) into the rows `graph.facts.write_documents` writes: nodes with
their keys, relationships with their `fact_id`, and one `Evidence` row per
statement. Nothing here touches the database.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import combinations

from mergegraph.graph import model
from mergegraph.graph.model import (DEFAULT_STATUS, FACT_TYPES, MULTI_INSTANCE_TYPES,
                                    ROLE_TITLES, STATUS_RANK)
from mergegraph.ingest import adminunits
from mergegraph.text import fold
from mergegraph.naming import body_branch, body_type_name, reduction_kinds


@dataclass(frozen=True)
class UnitInfo:
    uid: str
    code: str
    level: str
    name: str
    province_code: str

    @property
    def province_uid(self) -> str:
        return model.legacy_uid(self.province_code)


@lru_cache(maxsize=20000)
def unit_info(code: str | None) -> UnitInfo | None:
    """The legacy unit of a fact (extraction resolves to pre-2025 GSO codes)."""
    if not code:
        return None
    try:
        unit = adminunits.get_unit(adminunits.ERA_LEGACY, code)
    except KeyError:
        return None
    return UnitInfo(unit.graph_uid, code, unit.level, unit.name, unit.province)


def content_hash(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class DocumentPlan:
    """Everything one document contributes to the graph."""

    source: dict
    units: dict[str, dict] = field(default_factory=dict)
    bodies: dict[str, dict] = field(default_factory=dict)
    positions: dict[str, dict] = field(default_factory=dict)
    people: dict[str, dict] = field(default_factory=dict)
    patterns: dict[str, dict] = field(default_factory=dict)
    reduction_kinds: dict[str, dict] = field(default_factory=dict)
    # relationship type -> fact_id -> row
    relationships: dict[str, dict[str, dict]] = field(default_factory=dict)
    evidence: dict[str, dict] = field(default_factory=dict)
    facts: int = 0
    skipped: list[str] = field(default_factory=list)
    extracted: list[dict] = field(default_factory=list)  # the facts, evaluation format

    @property
    def relationship_count(self) -> int:
        return sum(len(rows) for rows in self.relationships.values())

    @property
    def row_count(self) -> int:
        """Rows it writes: nodes, relationships, evidence and its source."""
        return (len(self.units) + len(self.bodies) + len(self.positions) + len(self.people)
                + len(self.patterns) + len(self.reduction_kinds) + self.relationship_count
                + len(self.evidence) + 1)

    # --- nodes ---------------------------------------------------------------

    def unit(self, info: UnitInfo) -> str:
        self.units.setdefault(info.uid, {"uid": info.uid, "code": info.code, "era": "legacy",
                                         "level": info.level, "name": info.name,
                                         "province_uid": info.province_uid})
        return info.uid

    def body(self, info: UnitInfo, body_type: str, surface: str | None = None) -> str:
        unit_uid = self.unit(info)
        body_id = model.body_id(unit_uid, body_type, surface)
        if body_id not in self.bodies:
            name = body_type_name(body_type, info.level)
            # Several of a kind, or a merged body ("Cơ quan Tổ chức - Nội vụ"):
            # the text's own name says more than the type's.
            if surface and (body_type in MULTI_INSTANCE_TYPES or "+" in body_type):
                name = surface[:1].upper() + surface[1:]
            full = f"{name} ({info.name})"
            self.bodies[body_id] = {
                "id": body_id, "name": full, "name_folded": fold(full),
                "aliases_folded": fold(surface or ""), "body_type": body_type,
                "branch": body_branch(body_type), "level": info.level, "unit_uid": unit_uid,
                "province_uid": info.province_uid,
            }
        return body_id

    def position(self, info: UnitInfo, position_type: str, surface: str | None) -> str:
        role, _, body_type = position_type.partition("@")
        body_id = self.body(info, body_type)
        position_id = model.position_id(body_id, role)
        if position_id not in self.positions:
            body_name = self.bodies[body_id]["name"]
            title = f"{ROLE_TITLES.get(role, role)} · {body_name}"
            self.positions[position_id] = {
                "id": position_id, "name": title, "role": role, "body_type": body_type,
                "position_type": position_type, "title": title, "name_folded": fold(title),
                "aliases_folded": fold(surface or ""), "body_id": body_id,
                "province_uid": info.province_uid,
            }
        return position_id

    def person(self, name: str, info: UnitInfo | None) -> str:
        scope = info.province_code if info else f"doc:{self.source['id']}"
        person_id = model.person_id(scope, name)
        self.people.setdefault(person_id, {
            "id": person_id, "name": name, "name_folded": fold(name),
            "province_uid": info.province_uid if info else None,
        })
        return person_id

    def pattern(self, level: str, position_types: list[str]) -> str:
        types = sorted(set(position_types))
        pattern_id = model.pattern_id(level, types)
        self.patterns.setdefault(pattern_id, {
            "id": pattern_id, "level": level, "position_types": types,
            "label": f"{level}: " + " + ".join(types),
        })
        return pattern_id

    def reduction_kind(self, what: str) -> str | None:
        spec = reduction_kinds().get(what)
        if spec is None:
            return None
        kind_id = model.reduction_kind_id(what)
        self.reduction_kinds.setdefault(kind_id, {
            "id": kind_id, "what": what, "name": spec["label"], "label_en": spec.get("en"),
            "level": spec.get("level"),
        })
        return kind_id

    # --- facts ---------------------------------------------------------------

    def relate(self, rel_type: str, start: str, end: str, record: dict,
               detail: str | None = None, **props) -> None:
        """A fact relationship and the statement's evidence (`detail`: what else
        the fact's identity holds, see model.fact_id)."""
        fact_id = model.fact_id(rel_type, start, end, detail)
        rows = self.relationships.setdefault(rel_type, {})
        rows.setdefault(fact_id, {"fact_id": fact_id, "start": start, "end": end, "props": props})
        status = record.get("status") or DEFAULT_STATUS
        ev_id = model.evidence_id(self.source["id"], fact_id, record["start"])
        self.evidence.setdefault(ev_id, evidence_row(ev_id, fact_id, rel_type, status, record,
                                                     self.source))


def evidence_row(ev_id: str, fact_id: str, rel_type: str, status: str, record: dict,
                 source: dict) -> dict:
    """One statement of a fact: the exact span (`quote`, `start`, `end`), the whole
    sentence around it (`sentence`, `sentence_start`, from ingest.pipeline), and
    its time: `valid_from` / `valid_to` as the statement gives them (None when it
    does not; `date_basis` says whether this sentence stated them, `stated`, or
    the document did, `document`), `reported_by` the article's date (by then the
    fact was reported: an upper bound on its start), and `date`, the one date
    to sort by (`valid_from`, the end of an ended arrangement, else `reported_by`)."""
    reported_by = record.get("reported_by", source.get("date"))
    if "valid_from" in record:
        valid_from, valid_to = record.get("valid_from"), record.get("valid_to")
        basis = record.get("date_basis")
    else:  # a record that did not go through ingest.pipeline: extraction's date only
        valid_from, valid_to = record.get("date"), None
        basis = "stated" if valid_from else None
        if status == "ended":  # the date of an ended arrangement is its end
            valid_from, valid_to = None, valid_from
    date = valid_from or (valid_to if status == "ended" else None) or reported_by
    return {
        "id": ev_id, "fact_id": fact_id, "source_id": source["id"],
        "rel_type": rel_type, "quote": record["quote"], "start": record["start"],
        "end": record["end"], "sentence": record.get("sentence", record["quote"]),
        "sentence_start": record.get("sentence_start", record["start"]), "status": status,
        "status_rank": STATUS_RANK.get(status, STATUS_RANK[DEFAULT_STATUS]),
        "date": date, "valid_from": valid_from, "valid_to": valid_to,
        "date_basis": basis, "reported_by": reported_by,
        "count": record.get("count"), "of": record.get("of"),
    }


def _plan_merger(plan: DocumentPlan, info: UnitInfo, rec: dict) -> None:
    parts = [b for b in rec.get("bodies") or [] if b.get("type")]
    if not parts:
        plan.skipped.append("merger without bodies")
        return
    into = rec.get("into")
    into_type = into["type"] if into and into.get("type") else "+".join(
        sorted({b["type"] for b in parts}))
    into_id = plan.body(info, into_type, into.get("name") if into else None)
    for part in parts:
        part_id = plan.body(info, part["type"], part.get("name"))
        if part_id == into_id:
            continue  # "sáp nhập A vào B" lists B among the bodies: no self-loop
        plan.relate("MERGED_INTO", part_id, into_id, rec, kind=rec.get("kind") or "merge")


def _plan_transfer(plan: DocumentPlan, info: UnitInfo, rec: dict) -> None:
    source, target = rec.get("source"), rec.get("target")
    if not (source and target and source.get("type") and target.get("type")):
        plan.skipped.append("transfer without both bodies")
        return
    a = plan.body(info, source["type"], source.get("name"))
    b = plan.body(info, target["type"], target.get("name"))
    function = rec.get("function") or ""
    plan.relate("TRANSFERRED_FUNCTION_TO", a, b, rec, function, function=function)


def _plan_concurrency(plan: DocumentPlan, info: UnitInfo, rec: dict) -> None:
    types = sorted({p["key"] for p in rec.get("positions") or []})
    level = rec.get("level") or info.level
    if len(types) < 2:
        plan.skipped.append("concurrency with fewer than two positions")
        return
    pattern_id = plan.pattern(level, types)
    unit_uid = plan.unit(info)
    plan.relate("APPLIES", unit_uid, pattern_id, rec)
    if level != info.level:
        return  # a pattern over the unit's communes or villages: no concrete posts
    surfaces = {p["key"]: p.get("surface") for p in rec["positions"]}
    ids = sorted(plan.position(info, t, surfaces.get(t)) for t in types)
    for a, b in combinations(ids, 2):
        plan.relate("HELD_CONCURRENTLY_WITH", a, b, rec)


def _plan_holding(plan: DocumentPlan, info: UnitInfo, rec: dict) -> None:
    name = (rec.get("person") or "").strip()
    positions = rec.get("positions") or []
    if not name or not positions:
        plan.skipped.append("holding without person or post")
        return
    person_id = plan.person(name, info)
    for pos in positions:
        position_id = plan.position(info, pos["key"], pos.get("surface"))
        plan.relate("HOLDS", person_id, position_id, rec)


def _plan_reduction(plan: DocumentPlan, info: UnitInfo, rec: dict) -> None:
    kind_id = plan.reduction_kind(rec.get("what") or "")
    count, percent = rec.get("count"), rec.get("percent")
    if kind_id is None or (count is None and percent is None):
        plan.skipped.append("reduction without a known kind or a figure")
        return
    unit_uid = plan.unit(info)
    level = rec.get("level")
    figure = ("~" if rec.get("approx") else "") + (str(count) if count is not None
                                                    else f"{percent:g}pct")
    plan.relate("REDUCED", unit_uid, kind_id, rec, f"{rec['what']}@{level or 'any'}:{figure}",
                what=rec["what"], level=level, percent=percent, approx=bool(rec.get("approx")))


_PLANNERS = {"merger": _plan_merger, "transfer": _plan_transfer,
             "concurrency": _plan_concurrency, "holding": _plan_holding,
             "reduction": _plan_reduction}
if set(_PLANNERS) != set(FACT_TYPES):  # a fact type of the model without a planner, or the reverse
    raise ImportError(f"planners {sorted(_PLANNERS)} do not match the model's fact types "
                      f"{sorted(FACT_TYPES)}")


def plan_document(source: dict, records: list[dict]) -> DocumentPlan:
    """`source`: id, url, publisher, date, province_hint, title, content_hash."""
    plan = DocumentPlan(source=source)
    for rec in records:
        planner = _PLANNERS.get(rec.get("type"))
        if planner is None:
            plan.skipped.append(f"unknown fact type {rec.get('type')!r}")
            continue
        info = unit_info((rec.get("unit") or {}).get("code"))
        if info is None:
            plan.skipped.append(f"{rec['type']} with no resolved unit")
            continue
        planner(plan, info, rec)
        plan.facts += 1
    return plan
