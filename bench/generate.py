"""A synthetic national graph on top of the real administrative units (seeded).

`documents(scale, seed)` yields one synthetic "document" per administrative
unit that receives facts: its `source` row and its fact records, in the format
extraction produces (`Fact.to_record()`), so that `ingest.plan.plan_document`
applies the identity rules of graph/MODEL.md exactly as for real articles:

- merger chains: bodies of one unit, A -> B -> C ..., depth 1-20 (uniform),
  dated in order from 2018 on; each step one `merger` fact (kind `absorb`, the
  first step of some chains `merge`, statuses mostly implemented, some pilot or
  planned). Chains are placed on the legacy units round-robin in a seeded
  order, so every province, district and commune gets chains once the scale
  exceeds the number of units (10,803), and at 1M bodies each unit holds ~90
  bodies of every type of its level (then villages, schools, ... by name);
- concurrency: the unit's Party secretary also chairs the People's Committee
  (posts and HELD_CONCURRENTLY_WITH), and for districts and provinces a pattern
  over their communes with coverage ("7/10 xã") -> APPLIES with count/of;
- people: a named person holds both posts (HOLDS);
- evidence: every fact one Evidence node citing the document.

The generator is deterministic: the same (scale, seed) gives the same records.
`chain_ends` lists, per depth, the last body of each chain (for lineage queries).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Iterator

from common import ROOT  # noqa: F401  (sys.path)
from mergegraph.ingest import adminunits
from mergegraph.ingest.plan import MULTI_INSTANCE_TYPES, plan_document, unit_info  # noqa: F401
from mergegraph.text import fold

MAX_DEPTH = 20
START_YEAR = 2018

# Body types by level (keys of ingest/vocab/bodies.yaml); after these, a unit's
# further bodies are multi-instance types identified by name.
PROVINCE_TYPES = [
    "cap-uy", "ban-thuong-vu", "ban-to-chuc", "ban-tuyen-giao", "ban-dan-van", "ban-noi-chinh",
    "uy-ban-kiem-tra", "van-phong-cap-uy", "truong-chinh-tri", "hdnd", "ubnd",
    "van-phong-hdnd-ubnd", "doan-dbqh", "van-phong-doan-dbqh", "thanh-tra", "noi-vu",
    "van-hoa-thong-tin", "tu-phap", "nong-nghiep", "tai-chinh", "ke-hoach-dau-tu", "xay-dung",
    "giao-thong-van-tai", "khoa-hoc-cong-nghe", "thong-tin-truyen-thong", "giao-duc", "y-te",
    "lao-dong-xa-hoi", "tai-nguyen-moi-truong", "dan-toc", "cong-an", "quan-su", "mttq",
    "hoi-nong-dan", "hoi-phu-nu", "doan-thanh-nien", "hoi-cuu-chien-binh", "lien-doan-lao-dong",
    "cong-thong-tin-dien-tu", "trung-tam-bao-chi-truyen-thong", "nha-thieu-nhi",
]
DISTRICT_TYPES = [
    "cap-uy", "ban-thuong-vu", "ban-to-chuc", "ban-tuyen-giao", "ban-dan-van",
    "uy-ban-kiem-tra", "van-phong-cap-uy", "trung-tam-chinh-tri", "hdnd", "ubnd",
    "van-phong-hdnd-ubnd", "thanh-tra", "noi-vu", "van-hoa-thong-tin", "tu-phap", "kinh-te",
    "kinh-te-ha-tang", "nong-nghiep", "tai-chinh-ke-hoach", "giao-duc", "y-te", "lao-dong-xa-hoi",
    "tai-nguyen-moi-truong", "dan-toc", "cong-an", "quan-su", "mttq", "hoi-nong-dan",
    "hoi-phu-nu", "doan-thanh-nien", "hoi-cuu-chien-binh", "lien-doan-lao-dong",
    "trung-tam-y-te", "trung-tam-dan-so", "trung-tam-van-hoa-the-thao",
    "dai-truyen-thanh-truyen-hinh", "trung-tam-truyen-thong-van-hoa",
    "trung-tam-dich-vu-nong-nghiep", "tram-khuyen-nong", "tram-thu-y", "tram-bao-ve-thuc-vat",
    "trung-tam-gdnn-gdtx", "trung-tam-phat-trien-quy-dat",
]
COMMUNE_TYPES = [
    "cap-uy", "uy-ban-kiem-tra", "van-phong-cap-uy", "hdnd", "ubnd", "cong-an", "quan-su",
    "mttq", "hoi-nong-dan", "hoi-phu-nu", "doan-thanh-nien", "hoi-cuu-chien-binh",
    "tram-y-te",
]
TYPES = {"province": PROVINCE_TYPES, "district": DISTRICT_TYPES, "commune": COMMUNE_TYPES}
# Multi-instance types, by level, used once the level's types are exhausted.
NAMED = {"province": [("truong-hoc", "Trường THPT số"), ("benh-vien", "Bệnh viện đa khoa số"),
                      ("ban-quan-ly-du-an", "Ban Quản lý dự án số")],
         "district": [("truong-hoc", "Trường THCS số"), ("ban-quan-ly-du-an", "Ban Quản lý dự án số"),
                      ("thu-vien", "Thư viện số")],
         "commune": [("thon-to-dan-pho", "Thôn"), ("truong-hoc", "Trường Tiểu học số")]}

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
          "Ngô", "Dương", "Lý", "Hà", "Lò", "Vì", "Cầm", "Triệu", "Lương"]
MIDDLE = ["Văn", "Thị", "Đức", "Ngọc", "Minh", "Hữu", "Quang", "Thanh", "Xuân", "Kim"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khánh", "Lan", "Linh",
         "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thành", "Thảo",
         "Tiến", "Trang", "Trung", "Tuấn", "Vân", "Việt", "Yến", "Ắng"]


@dataclass
class UnitSlots:
    """Which bodies of a unit are taken already (a body is in at most one chain)."""
    unit: adminunits.Unit
    used: int = 0

    def next_body(self) -> dict:
        level = self.unit.level
        types = TYPES[level]
        k = self.used
        self.used += 1
        if k < len(types):
            return {"type": types[k], "name": None}
        k -= len(types)
        named = NAMED[level]
        body_type, prefix = named[k % len(named)]
        return {"type": body_type, "name": f"{prefix} {k // len(named) + 1}"}


@dataclass
class Plan:
    """What the generator produced, for the benchmarks to query."""
    scale: int
    seed: int
    documents: int = 0
    bodies: int = 0
    chains: int = 0
    chain_ends: dict[int, list[str]] = field(default_factory=dict)  # depth -> last body ids


def _date(rng: random.Random, day: int) -> str:
    year, rest = divmod(day, 360)
    month, d = divmod(rest, 30)
    return f"{START_YEAR + year:04d}-{month + 1:02d}-{min(d + 1, 28):02d}"


def _body_id(unit: adminunits.Unit, body: dict) -> str:
    """The id plan_document gives this body (graph/MODEL.md)."""
    base = f"body:legacy:{unit.code}:{body['type']}"
    return f"{base}:{fold(body['name'])}" if body["name"] else base


def _units(seed: int) -> list[adminunits.Unit]:
    units = [u for u in adminunits.legacy_units() if u.level in TYPES]
    random.Random(seed).shuffle(units)
    return units


def documents(scale: int, seed: int = 7, plan: Plan | None = None) -> Iterator[tuple[dict, list[dict]]]:
    """(source, records) per synthetic document; about `scale` bodies in all."""
    rng = random.Random(seed)
    units = _units(seed)
    slots = {u.code: UnitSlots(u) for u in units}
    # 1. place the chains: depth uniform in 1..20, units round-robin.
    by_unit: dict[str, list[list[dict]]] = {}
    bodies = j = 0
    while bodies < scale:
        depth = 1 + (j % MAX_DEPTH) if j < MAX_DEPTH else rng.randint(1, MAX_DEPTH)
        depth = min(depth, max(1, scale - bodies - 1))
        unit = units[j % len(units)]
        chain = [slots[unit.code].next_body() for _ in range(depth + 1)]
        by_unit.setdefault(unit.code, []).append(chain)
        bodies += depth + 1
        j += 1
        if plan is not None:
            plan.chain_ends.setdefault(depth, []).append(_body_id(unit, chain[-1]))
    if plan is not None:
        plan.bodies, plan.chains = bodies, j
    # 2. one document per unit with chains, in the seeded unit order.
    for unit in units:
        chains = by_unit.get(unit.code)
        if not chains:
            continue
        doc_id = f"synthetic:{seed}:{scale}:{unit.code}"
        urng = random.Random(f"{seed}:{unit.code}")
        records: list[dict] = []
        offset = 0

        def rec(fact_type: str, quote: str, **extra) -> None:
            nonlocal offset
            records.append({"type": fact_type, "unit": {"code": unit.code, "name": unit.name},
                            "quote": quote, "start": offset, "end": offset + len(quote),
                            **extra})
            offset += len(quote) + 1

        for chain in chains:
            day = urng.randint(0, 120)
            for step, (a, b) in enumerate(zip(chain, chain[1:])):
                status = urng.choices(["implemented", "pilot", "planned"], [8, 1, 1])[0]
                kind = "merge" if step == 0 and urng.random() < 0.3 else "absorb"
                rec("merger", f"Sáp nhập {a['name'] or a['type']} vào {b['name'] or b['type']}"
                              f" của {unit.name} từ ngày {_date(urng, day)}.",
                    bodies=[{"type": a["type"], "name": a["name"]}],
                    into={"type": b["type"], "name": b["name"]},
                    kind=kind, status=status, date=_date(urng, day))
                day += urng.randint(30, 110)  # 20 steps stay within 2018..2024
        # concurrency at the unit's own level, and the person who holds both posts
        posts = [{"key": "head@cap-uy", "surface": "Bí thư"},
                 {"key": "head@ubnd", "surface": "Chủ tịch UBND"}]
        date = _date(urng, urng.randint(0, 1800))
        rec("concurrency", f"Bí thư Đảng ủy đồng thời là Chủ tịch UBND {unit.name}.",
            level=unit.level, positions=posts, status="implemented", date=date)
        name = f"{urng.choice(FAMILY)} {urng.choice(MIDDLE)} {urng.choice(GIVEN)}"
        rec("holding", f"Đồng chí {name}, Bí thư, Chủ tịch UBND {unit.name}.",
            person=name, positions=posts, status="implemented", date=date)
        if unit.level in ("province", "district"):
            sub = "district" if unit.level == "province" else "commune"
            of = urng.randint(5, 30)
            count = urng.randint(1, of)
            pattern = urng.choice([
                [{"key": "head@cap-uy"}, {"key": "head@ubnd"}],
                [{"key": "standing-deputy@cap-uy"}, {"key": "head@hdnd"}],
                [{"key": "head@ban-dan-van"}, {"key": "head@mttq"}],
                [{"key": "head@ban-to-chuc"}, {"key": "head@noi-vu"}],
            ] if sub == "district" else [
                [{"key": "head@cap-uy"}, {"key": "head@ubnd"}],
                [{"key": "standing-deputy@cap-uy"}, {"key": "head@hdnd"}],
                [{"key": "deputy@cap-uy"}, {"key": "head@mttq"}],
            ])
            rec("concurrency", f"{count}/{of} {sub} thực hiện nhất thể hóa chức danh.",
                level=sub, positions=pattern, count=count, of=of,
                status=urng.choice(["implemented", "pilot"]), date=date)
        source = {"id": doc_id, "url": f"https://bench.invalid/{seed}/{scale}/{unit.code}",
                  "publisher": "mergegraph bench", "date": date, "province_hint": None,
                  "title": f"Synthetic report, {unit.name}", "path": None,
                  "content_hash": f"sha256:synthetic-{seed}-{scale}-{unit.code}"}
        if plan is not None:
            plan.documents += 1
        yield source, records


def plans(scale: int, seed: int = 7, plan: Plan | None = None):
    """The loader's own input: `ingest.plan.DocumentPlan` per synthetic document."""
    for source, records in documents(scale, seed, plan):
        yield plan_document(source, records)


if __name__ == "__main__":
    import sys
    import time

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    t0 = time.perf_counter()
    p = Plan(n, 7)
    totals = {"bodies": 0, "rels": 0, "evidence": 0, "skipped": 0}
    for dp in plans(n, 7, p):
        totals["bodies"] += len(dp.bodies)
        totals["rels"] += dp.relationship_count
        totals["evidence"] += len(dp.evidence)
        totals["skipped"] += len(dp.skipped)
    print(totals, p.documents, p.bodies, p.chains, {d: len(v) for d, v in sorted(p.chain_ends.items())},
          round(time.perf_counter() - t0, 2))
