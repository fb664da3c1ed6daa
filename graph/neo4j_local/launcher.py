"""Fetch Neo4j 5.26 LTS Community from Maven Central and run it, without Docker.

Maven resolves `org.neo4j.test:neo4j-harness` (the whole Community server,
Bolt and HTTP) and `org.neo4j.client:neo4j-browser` (Browser, served by the
server's HTTP module at /browser/) from `pom.xml` beside this file, into the
ordinary Maven cache (~/.m2), and writes their class path. The launcher then
runs `org.neo4j.server.CommunityEntryPoint`, the main class the official
`neo4j` script runs, with that class path: a real server, with a data folder
of its own that survives restarts. (The harness's in-process builder would
need a Java program of ours and works in throw-away folders; the server's own
entry point is the faithful choice and needs none.)

An *instance* is a folder: conf/, data/, logs/, run/ and `password` (0600).
On the first start the password is taken from settings or generated, and set
with Neo4j's own admin tool before the database first starts, so the default
neo4j/neo4j never exists. The server listens on 127.0.0.1 only.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path

from mergegraph.errors import LocalNeo4jError

POM = Path(str(files("mergegraph.graph.neo4j_local") / "pom.xml"))
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
MIN_JAVA = 17
START_TIMEOUT_S = 180.0
STOP_TIMEOUT_S = 60.0

# The JVM options Neo4j 5.26's own neo4j.conf (server.jvm.additional) sets,
# less those about monitoring tools.
JVM_OPTIONS = [
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--add-opens=java.base/java.util=ALL-UNNAMED",
    "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
    "--add-opens=java.base/java.net=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Djdk.attach.allowAttachSelf=true",
]


@dataclass(frozen=True)
class Instance:
    """One local Neo4j: its folder and its loopback ports."""

    home: Path
    bolt_port: int = 7687
    http_port: int = 7474
    heap: str = "1g"
    pagecache: str = "512m"
    host: str = "127.0.0.1"
    # One transaction log file, written in full when it is opened (Neo4j
    # preallocates it); two past files are kept, so the logs hold at most three.
    tx_log_file: str = "256m"

    @property
    def bolt_uri(self) -> str:
        return f"bolt://{self.host}:{self.bolt_port}"

    @property
    def http_uri(self) -> str:
        return f"http://{self.host}:{self.http_port}"

    @property
    def browser_uri(self) -> str:
        return f"{self.http_uri}/browser/"

    @property
    def conf_dir(self) -> Path:
        return self.home / "conf"

    @property
    def log_file(self) -> Path:
        return self.home / "logs" / "console.log"

    @property
    def pid_file(self) -> Path:
        return self.home / "run" / "neo4j.pid"

    @property
    def password_file(self) -> Path:
        return self.home / "password"


@dataclass(frozen=True)
class Status:
    running: bool
    pid: int | None
    instance: Instance
    version: str | None = None

    def describe(self) -> str:
        if not self.running:
            return f"Neo4j is not running (folder {self.instance.home})"
        version = f" {self.version}" if self.version else ""
        return (
            f"Neo4j{version} is running (pid {self.pid})\n"
            f"  Bolt:    {self.instance.bolt_uri}\n"
            f"  Browser: {self.instance.browser_uri}\n"
            f"  Folder:  {self.instance.home}"
        )


# --- prerequisites -----------------------------------------------------------


def _java() -> str:
    java_home = os.environ.get("JAVA_HOME")
    candidate = Path(java_home, "bin", "java") if java_home else None
    java = str(candidate) if candidate and candidate.exists() else shutil.which("java")
    if not java:
        raise LocalNeo4jError(
            "Java not found: Neo4j 5.26 needs a JDK 17 or 21 "
            "(on Debian: apt-get install openjdk-17-jre-headless), "
            "or set NEO4J_URI to use a Neo4j you already run."
        )
    out = subprocess.run([java, "-version"], capture_output=True, text=True).stderr
    match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
    major = int(match.group(1)) if match else 0
    if major == 1 and match and match.group(2):  # "1.8" style
        major = int(match.group(2))
    if major < MIN_JAVA:
        raise LocalNeo4jError(
            f"{java} is Java {major or '(unknown version)'}; Neo4j 5.26 needs 17 or 21. "
            "Set JAVA_HOME to a newer JDK."
        )
    return java


def _classpath_cache(cache_dir: Path) -> Path:
    digest = hashlib.sha256(POM.read_bytes()).hexdigest()[:16]
    return cache_dir / f"classpath-{digest}.txt"


def resolve_classpath(cache_dir: Path) -> str:
    """The class path of Neo4j + Browser, fetched with Maven on first use.

    Cached per version of pom.xml; re-resolved if any jar left the Maven cache.
    """
    cached = _classpath_cache(cache_dir)
    if cached.exists():
        classpath = cached.read_text().strip()
        if classpath and all(Path(jar).exists() for jar in classpath.split(os.pathsep)):
            return classpath
    mvn = shutil.which("mvn")
    if not mvn:
        raise LocalNeo4jError(
            "Maven not found: the project fetches Neo4j from Maven Central with `mvn` "
            "(on Debian: apt-get install maven), or set NEO4J_URI to use a Neo4j you already run."
        )
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cached.with_suffix(".tmp")
    proc = subprocess.run(
        [mvn, "-B", "-q", "-f", str(POM), "dependency:build-classpath",
         f"-Dmdep.outputFile={tmp}"],
        capture_output=True, text=True,
    )
    if proc.returncode != 0 or not tmp.exists():
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise LocalNeo4jError(f"Maven could not fetch Neo4j (exit {proc.returncode}):\n{tail}")
    tmp.replace(cached)
    return cached.read_text().strip()


# --- process bookkeeping ------------------------------------------------------


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie (our own child that exited) is not alive.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        return stat.rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return True


def _read_pid(instance: Instance) -> int | None:
    try:
        pid = int(instance.pid_file.read_text().strip())
    except (OSError, ValueError):
        return None
    return pid if _pid_alive(pid) else None


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _log_tail(instance: Instance, lines: int = 25) -> str:
    texts = []
    for log in (instance.log_file, instance.home / "logs" / "neo4j.log"):
        if log.exists():
            texts.append("\n".join(log.read_text(errors="replace").splitlines()[-lines:]))
    return "\n".join(texts) or "(no log output)"


def _start_failure_reason(instance: Instance) -> str:
    log = _log_tail(instance, 200)
    if "Address already in use" in log or "BindException" in log:
        return "a port is already in use by another program"
    if "No space left on device" in log:
        return f"the disk holding {instance.home} is full"
    if "OutOfMemoryError" in log:
        return "the JVM ran out of memory (raise MERGEGRAPH_NEO4J_HEAP)"
    if "store version" in log.lower() or "StoreUpgrade" in log:
        return "the data folder was written by another Neo4j version"
    return "see the log below"


# --- configuration ------------------------------------------------------------


def _write_conf(instance: Instance) -> None:
    instance.conf_dir.mkdir(parents=True, exist_ok=True)
    for sub in ("data", "logs", "run", "plugins", "import"):
        (instance.home / sub).mkdir(parents=True, exist_ok=True)
    conf = f"""# Written by mergegraph's launcher at every start; edits are overwritten.
server.default_listen_address={instance.host}
server.default_advertised_address={instance.host}
server.bolt.listen_address={instance.host}:{instance.bolt_port}
server.bolt.advertised_address={instance.host}:{instance.bolt_port}
server.http.enabled=true
server.http.listen_address={instance.host}:{instance.http_port}
server.http.advertised_address={instance.host}:{instance.http_port}
server.https.enabled=false
dbms.security.auth_enabled=true
server.directories.import=import
server.memory.heap.initial_size={instance.heap}
server.memory.heap.max_size={instance.heap}
server.memory.pagecache.size={instance.pagecache}
db.tx_log.rotation.size={instance.tx_log_file}
db.tx_log.rotation.retention_policy=2 files
dbms.usage_report.enabled=false
server.logs.debug.enabled=true
"""
    (instance.conf_dir / "neo4j.conf").write_text(conf)


def _neo4j_env(instance: Instance) -> dict[str, str]:
    env = dict(os.environ)
    env["NEO4J_HOME"] = str(instance.home)
    env["NEO4J_CONF"] = str(instance.conf_dir)
    return env


def _has_database_files(instance: Instance) -> bool:
    return (instance.home / "data" / "databases" / "system").exists()


def _admin(instance: Instance, java: str, classpath: str, args: list[str],
           secret_args: list[str] = ()) -> subprocess.CompletedProcess:
    """Run Neo4j's admin tool (neo4j-admin) on the instance. `secret_args` (quoted
    for picocli) are passed in an argument file readable by us only, never in argv."""
    argv = [java, "-cp", classpath, ADMIN_TOOL]
    argfile = None
    if secret_args:
        argfile = instance.home / f".admin-args-{secrets.token_hex(8)}"
        fd = os.open(argfile, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(" ".join([*args, *secret_args]) + "\n")
        argv.append(f"@{argfile}")
    else:
        argv.extend(args)
    try:
        return subprocess.run(argv, capture_output=True, text=True, env=_neo4j_env(instance))
    finally:
        if argfile is not None:
            argfile.unlink(missing_ok=True)


def _ensure_password(instance: Instance, java: str, classpath: str, wanted: str | None) -> None:
    """Set the initial password once, before the database first starts."""
    if instance.password_file.exists():
        return
    if _has_database_files(instance):
        raise LocalNeo4jError(
            f"{instance.home} holds a database but no password file; "
            f"restore {instance.password_file} or remove the folder to start afresh."
        )
    password = wanted or secrets.token_urlsafe(24)
    if password == "neo4j" or len(password) < 8 or "\n" in password or "\r" in password:
        raise LocalNeo4jError("NEO4J_PASSWORD must be at least 8 characters on one line, "
                              "and not 'neo4j'.")
    # The password never goes on a command line (any user sees those in `ps`): it
    # goes in an argument file (0600, deleted at once) that the admin tool expands
    # (picocli's @file). "--": a password may begin with "-" (token_urlsafe gives
    # one in 64), which the tool would otherwise read as an option.
    quoted = '"' + password.replace("\\", "\\\\").replace('"', '\\"') + '"'
    proc = _admin(instance, java, classpath, ["dbms", "set-initial-password", "--"],
                  secret_args=[quoted])
    if proc.returncode != 0:
        raise LocalNeo4jError(f"Could not set the initial password: {proc.stderr.strip()}")
    fd = os.open(instance.password_file, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(password + "\n")


def read_password(instance: Instance) -> str:
    try:
        return instance.password_file.read_text().strip()
    except OSError as err:
        raise LocalNeo4jError(
            f"No password file at {instance.password_file}: start the local Neo4j first "
            "(mergegraph neo4j start)."
        ) from err


# --- commands -----------------------------------------------------------------


def status(instance: Instance) -> Status:
    pid = _read_pid(instance)
    running = pid is not None and port_open(instance.host, instance.bolt_port)
    version = None
    if running:
        try:
            import json
            import urllib.request

            with urllib.request.urlopen(instance.http_uri, timeout=2) as resp:
                version = json.load(resp).get("neo4j_version")
        except (OSError, ValueError):
            pass
    return Status(running=running, pid=pid, instance=instance, version=version)


def start(
    instance: Instance,
    *,
    password: str | None = None,
    cache_dir: Path | None = None,
    timeout: float = START_TIMEOUT_S,
) -> Status:
    """Start the instance and wait until Bolt answers. Idempotent."""
    current = status(instance)
    if current.running:
        return current
    pid = _read_pid(instance)
    if pid is not None:
        # Started but not listening yet (another `start` is waiting on it).
        return _wait_for_bolt(instance, pid, None, timeout)
    for port in (instance.bolt_port, instance.http_port):
        if port_open(instance.host, port):
            raise LocalNeo4jError(
                f"Port {port} on {instance.host} is taken by another program; "
                "stop it or choose other ports (MERGEGRAPH_BOLT_PORT, MERGEGRAPH_HTTP_PORT)."
            )
    java = _java()
    classpath = resolve_classpath(cache_dir or instance.home.parent / "maven")
    instance.home.mkdir(parents=True, exist_ok=True)
    _write_conf(instance)
    _ensure_password(instance, java, classpath, password)
    instance.log_file.parent.mkdir(parents=True, exist_ok=True)
    log = open(instance.log_file, "ab")
    cmd = [
        java, f"-Xms{instance.heap}", f"-Xmx{instance.heap}", *JVM_OPTIONS,
        "-cp", classpath, ENTRY_POINT,
        f"--home-dir={instance.home}", f"--config-dir={instance.conf_dir}",
    ]
    proc = subprocess.Popen(
        cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        env=_neo4j_env(instance), cwd=instance.home, start_new_session=True,
    )
    log.close()
    instance.pid_file.write_text(f"{proc.pid}\n")
    return _wait_for_bolt(instance, proc.pid, proc, timeout)


def _wait_for_bolt(
    instance: Instance, pid: int, proc: subprocess.Popen | None, timeout: float
) -> Status:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        exited = proc.poll() is not None if proc else not _pid_alive(pid)
        if exited:
            instance.pid_file.unlink(missing_ok=True)
            raise LocalNeo4jError(
                f"Neo4j exited during start-up: {_start_failure_reason(instance)}.\n"
                f"Log ({instance.log_file}):\n{_log_tail(instance)}"
            )
        if port_open(instance.host, instance.bolt_port) and port_open(
            instance.host, instance.http_port
        ):
            return status(instance)
        time.sleep(0.25)
    raise LocalNeo4jError(
        f"Neo4j did not answer on {instance.bolt_uri} within {timeout:.0f} s.\n"
        f"Log ({instance.log_file}):\n{_log_tail(instance)}"
    )


def stop(instance: Instance, timeout: float = STOP_TIMEOUT_S) -> bool:
    """Stop the instance cleanly (SIGTERM, then SIGKILL after `timeout`).

    Returns False when it was not running."""
    pid = _read_pid(instance)
    if pid is None:
        instance.pid_file.unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _pid_alive(pid):
        time.sleep(0.2)
    if _pid_alive(pid):
        os.kill(pid, signal.SIGKILL)
        _wait_gone(pid)
    instance.pid_file.unlink(missing_ok=True)
    return True


def kill(instance: Instance) -> bool:
    """SIGKILL the server, as a crash would (used by the fault tests)."""
    pid = _read_pid(instance)
    if pid is None:
        return False
    os.kill(pid, signal.SIGKILL)
    _wait_gone(pid)
    instance.pid_file.unlink(missing_ok=True)
    return True


def _wait_gone(pid: int, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _pid_alive(pid):
        time.sleep(0.1)


# --- backup and restore ---------------------------------------------------------


def _offline_admin(instance: Instance, args: list[str], what: str,
                   cache_dir: Path | None) -> tuple[bool, subprocess.CompletedProcess]:
    """Run the admin tool with the server stopped (Community dumps and loads offline
    only); returns whether the server was running, and the tool's result."""
    java = _java()
    classpath = resolve_classpath(cache_dir or instance.home.parent / "maven")
    was_running = stop(instance)
    _write_conf(instance)
    proc = _admin(instance, java, classpath, args)
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip()
        raise LocalNeo4jError(f"neo4j-admin could not {what} (exit {proc.returncode}): "
                              f"{detail[-1500:]}")
    return was_running, proc


def dump(instance: Instance, file: Path, database: str = "neo4j", *,
         cache_dir: Path | None = None, restart: bool = True) -> Path:
    """Write `database` to `file` with `neo4j-admin database dump`; the server is
    stopped for it and started again if it was running."""
    file = Path(file).resolve()
    work = file.parent / f".{file.name}.dumping"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    was_running = False
    try:
        was_running, _ = _offline_admin(
            instance, ["database", "dump", database, f"--to-path={work}", "--overwrite-destination=true"],
            "dump the database", cache_dir)
        dumped = work / f"{database}.dump"
        if not dumped.exists():
            raise LocalNeo4jError(f"neo4j-admin wrote no {dumped.name}")
        os.replace(dumped, file)  # whole or not at all
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if was_running and restart:
            start(instance, cache_dir=cache_dir)
    return file


def load(instance: Instance, file: Path, database: str = "neo4j", *,
         cache_dir: Path | None = None, restart: bool = True) -> None:
    """Replace `database` with the dump in `file` (`neo4j-admin database load
    --overwrite-destination`); the server is stopped for it and started again if
    it was running."""
    file = Path(file).resolve()
    if not file.is_file():
        raise LocalNeo4jError(f"no dump at {file}")
    work = instance.home / "run" / "restore"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    was_running = False
    try:
        os.link(file, work / f"{database}.dump") if _same_device(file, work) \
            else shutil.copyfile(file, work / f"{database}.dump")
        was_running, _ = _offline_admin(
            instance, ["database", "load", database, f"--from-path={work}",
                       "--overwrite-destination=true"], "load the dump", cache_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if was_running and restart:
            start(instance, cache_dir=cache_dir)


def _same_device(a: Path, b: Path) -> bool:
    try:
        return a.stat().st_dev == b.stat().st_dev
    except OSError:
        return False
