"""A realistic read mix for locust: search, body lineage, patterns, compare.

The targets (search words, lineage body ids, provinces, unit codes) come from
the JSON file named by MERGEGRAPH_BENCH_TARGETS, written by bench/throughput.py
from the generated graph. Weights: search 4, lineage 3, patterns 2, compare 1.
Run (bench/throughput.py does):

    locust -f bench/locustfile.py --headless -u 32 -r 32 -t 30s \
        --host http://127.0.0.1:8100 --csv out/locust --only-summary
"""

import json
import os
import random
from urllib.parse import quote

from locust import FastHttpUser, constant, task

with open(os.environ["MERGEGRAPH_BENCH_TARGETS"], encoding="utf-8") as fh:
    TARGETS = json.load(fh)


class Analyst(FastHttpUser):
    wait_time = constant(0)  # closed loop: each of the N clients sends as fast as answered

    def on_start(self):
        self.rng = random.Random()

    @task(4)
    def search(self):
        q = self.rng.choice(TARGETS["search"])
        self.client.get("/search", params={"q": q, "limit": 20}, name="/search")

    @task(3)
    def lineage(self):
        body_id = self.rng.choice(TARGETS["lineage"])
        self.client.get(f"/bodies/{quote(body_id, safe='')}/lineage?direction=both",
                        name="/bodies/{id}/lineage")

    @task(2)
    def patterns(self):
        province = self.rng.choice(TARGETS["provinces"])
        self.client.get("/patterns/concurrency", params={"province": province, "limit": 50},
                        name="/patterns/concurrency")

    @task(1)
    def compare(self):
        pair = self.rng.choice(TARGETS["compare"])
        self.client.get("/compare", params={"units": ",".join(pair)}, name="/compare")
