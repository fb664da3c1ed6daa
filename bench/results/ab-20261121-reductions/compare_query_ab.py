"""Old vs new cypher/compare_unit.cypher on the bench graph at 100k bodies, alternating."""
import json, subprocess, sys, time, statistics
sys.path.insert(0, "/work/main/bench")
import common, load_bench
from pathlib import Path
inst = common.ensure_running()
drv = common.driver(inst)
db = common.DATABASE
scale = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
n_bodies = drv.execute_query("MATCH (b:Body) RETURN count(b) AS n", database_=db)[0][0]["n"]
if abs(n_bodies - scale) > scale * 0.2:
    load_bench.wipe_facts(drv)
    print("loading", scale, file=sys.stderr)
    print(json.dumps(load_bench.run_loader(inst, scale, 7))[:300], file=sys.stderr)
old = subprocess.run(["git", "-C", "/work/main", "show", "79cb54e:cypher/compare_unit.cypher"],
                     capture_output=True, text=True, check=True).stdout
new = Path("/work/main/cypher/compare_unit.cypher").read_text()
strip = lambda q: "\n".join(l for l in q.splitlines() if not l.lstrip().startswith("//"))
old, new = strip(old), strip(new)
provs = [r["uid"] for r in drv.execute_query(
    "MATCH (b:Body) WITH b.province_uid AS uid, count(*) AS n RETURN uid ORDER BY n DESC LIMIT 8",
    database_=db)[0]]
dists = [r["uid"] for r in drv.execute_query(
    "MATCH (b:Body) WITH b.unit_uid AS uid, count(*) AS n RETURN uid ORDER BY n DESC LIMIT 8",
    database_=db)[0]]
def hits(q, uid):
    with drv.session(database=db) as s:
        summ = s.run("PROFILE " + q, uid=uid).consume()
    def total(p):
        return p.get("dbHits", 0) + sum(total(c) for c in p.get("children", []))
    return total(summ.profile)
out = {"scale": scale, "bodies": n_bodies}
for name, uids in (("province", provs), ("district", dists)):
    times = {"old": [], "new": []}
    for q in (old, new):  # warm
        for u in uids: drv.execute_query(q, uid=u, database_=db)
    for rep in range(15):
        for label, q in (("old", old), ("new", new)) if rep % 2 == 0 else (("new", new), ("old", old)):
            for u in uids:
                t = time.perf_counter(); drv.execute_query(q, uid=u, database_=db)
                times[label].append((time.perf_counter() - t) * 1000)
    out[name] = {k: {"p50_ms": round(statistics.median(v), 2),
                     "p99_ms": round(common.percentile(v, 99), 2)} for k, v in times.items()}
    out[name]["db_hits"] = {"old": sum(hits(old, u) for u in uids), "new": sum(hits(new, u) for u in uids)}
print(json.dumps(out))
