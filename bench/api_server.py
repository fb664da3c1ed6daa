"""Start and stop the project's API (uvicorn, `api.app:create_app`) against the bench Neo4j."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from contextlib import contextmanager

import httpx
import psutil

from common import ROOT, log

# MERGEGRAPH_BENCH_STOCK_UVICORN=1: stock `uvicorn --workers N` (no TCP_NODELAY)
NODELAY = os.environ.get("MERGEGRAPH_BENCH_STOCK_UVICORN", "") not in ("1", "true", "yes")
from mergegraph.graph import neo4j_local


def _env(inst, cache: bool | None = None) -> dict:
    env = dict(os.environ)
    if cache is not None:  # the API's cache of read answers (api/cache.py)
        env["MERGEGRAPH_CACHE"] = "on" if cache else "off"
    env.update(NEO4J_URI=inst.bolt_uri, NEO4J_USER="neo4j",
               NEO4J_PASSWORD=neo4j_local.read_password(inst), NEO4J_DATABASE="neo4j")
    env.pop("MERGEGRAPH_API_TOKEN", None)
    return env


@contextmanager
def serving(inst, port: int = 8100, workers: int = 1, cache: bool | None = None):
    """The API on 127.0.0.1:port; yields (base url, psutil.Process of the server).
    `cache`: the answer cache on or off (None: the environment's setting)."""
    # more than 1 worker: through bench/uvicorn_nodelay.py, which gives the
    # workers' connections TCP_NODELAY as 1 worker has (see there)
    launcher = ["-m", "uvicorn"] if workers == 1 or not NODELAY else [
        str(ROOT / "bench" / "uvicorn_nodelay.py")]
    cmd = [sys.executable, *launcher, "mergegraph.api.app:create_app", "--factory",
           "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
           "--log-level", "warning", "--no-access-log"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=_env(inst, cache), stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"the API exited: {proc.stderr.read().decode()[-2000:]}")
            try:
                if httpx.get(base + "/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("the API did not answer /health within 60 s")
            time.sleep(0.3)
        log(f"API up on {base} ({workers} worker(s), cache {'default' if cache is None else 'on' if cache else 'off'})")
        yield base, psutil.Process(proc.pid)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def tree_rss_mb(proc: psutil.Process) -> float:
    """RSS of the server and its worker processes, MB."""
    total = 0
    try:
        procs = [proc] + proc.children(recursive=True)
    except psutil.NoSuchProcess:
        return 0.0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 2**20


class RssSampler:
    """Peak RSS of a process tree, sampled every 0.2 s in a thread."""

    def __init__(self, proc: psutil.Process):
        import threading

        self.proc, self.peak, self._stop = proc, 0.0, threading.Event()
        self._thread = threading.Thread(target=self._loop, daemon=True)

    def _loop(self):
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_mb(self.proc))
            self._stop.wait(0.2)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, tree_rss_mb(self.proc))
