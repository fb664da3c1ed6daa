"""All configuration, in one pydantic-settings class.

Environment variables (or a `.env` file in the working directory):

- `NEO4J_URI`, `NEO4J_USER`, `NEO4J_PASSWORD`, `NEO4J_DATABASE`: the Neo4j
  server to use. When `NEO4J_URI` is set, mergegraph uses that server (a compose
  service, a cluster via `neo4j://`, Aura) and starts nothing. When it is not,
  mergegraph runs its own Neo4j under `MERGEGRAPH_LOCAL_DIR` (see
  `graph.neo4j_local`).
- `MERGEGRAPH_API_TOKEN`: the bearer token that write endpoints require (no
  token: writes are off); `MERGEGRAPH_READS_REQUIRE_TOKEN=true` closes reads too.
- `MERGEGRAPH_CACHE` (default on; `off` for none), `MERGEGRAPH_CACHE_MAX_ENTRIES`,
  `MERGEGRAPH_CACHE_MAX_MB`, `MERGEGRAPH_CACHE_VERSION_MAX_AGE_MS` (default 0):
  the API's cache of read answers (api/cache.py).
- `MERGEGRAPH_REQUEST_DEADLINE` (4 s), `MERGEGRAPH_WRITE_DEADLINE` (60 s): how long
  the API waits for an answer before it says 503 with Retry-After.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def _default_local_dir() -> Path:
    # A source checkout keeps its Neo4j beside the code; an installed package
    # (the Docker image) never runs the local launcher, but gets a sane path.
    if (PROJECT_ROOT / "pyproject.toml").exists():
        return PROJECT_ROOT / ".local"
    return Path.cwd() / ".local"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore", populate_by_name=True)

    neo4j_uri: str | None = Field(default=None, validation_alias=AliasChoices("NEO4J_URI"))
    neo4j_user: str = Field(default="neo4j", validation_alias=AliasChoices("NEO4J_USER"))
    neo4j_password: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("NEO4J_PASSWORD")
    )
    neo4j_database: str = Field(default="neo4j", validation_alias=AliasChoices("NEO4J_DATABASE"))

    local_dir: Path = Field(
        default_factory=_default_local_dir, validation_alias=AliasChoices("MERGEGRAPH_LOCAL_DIR")
    )
    # The local Neo4j's own folder (default: <local_dir>/neo4j).
    local_neo4j_home: Path | None = Field(
        default=None, validation_alias=AliasChoices("MERGEGRAPH_NEO4J_HOME"))
    # Ports of the local Neo4j (ignored when NEO4J_URI is set).
    local_bolt_port: int = Field(default=7687, validation_alias=AliasChoices("MERGEGRAPH_BOLT_PORT"))
    local_http_port: int = Field(default=7474, validation_alias=AliasChoices("MERGEGRAPH_HTTP_PORT"))
    local_heap: str = Field(default="1g", validation_alias=AliasChoices("MERGEGRAPH_NEO4J_HEAP"))
    local_pagecache: str = Field(
        default="512m", validation_alias=AliasChoices("MERGEGRAPH_NEO4J_PAGECACHE")
    )

    # Pages fetched from the web (`mergegraph ingest URL`): raw bytes and fetch
    # records; default <MERGEGRAPH_LOCAL_DIR>/archive. Seconds between two
    # requests to one host.
    archive_dir: Path | None = Field(default=None, validation_alias=AliasChoices("MERGEGRAPH_ARCHIVE_DIR"))
    fetch_delay: float = Field(default=1.0, ge=0, validation_alias=AliasChoices("MERGEGRAPH_FETCH_DELAY"))
    # POST /documents {"url"}: the hosts the API may fetch ("*", or "baosonla.vn,.gov.vn");
    # empty: the API fetches nothing. Seconds it waits before answering 202 (then poll).
    fetch_allow: str = Field(default="", validation_alias=AliasChoices("MERGEGRAPH_FETCH_ALLOW"))
    fetch_wait: float = Field(default=30.0, ge=0, validation_alias=AliasChoices("MERGEGRAPH_FETCH_WAIT"))

    api_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("MERGEGRAPH_API_TOKEN")
    )
    reads_require_token: bool = Field(
        default=False, validation_alias=AliasChoices("MERGEGRAPH_READS_REQUIRE_TOKEN")
    )
    # Bounded waits of the API (seconds): past the deadline a request is a 503 with
    # Retry-After, whatever Neo4j does (down, frozen, overloaded). Writes extract the
    # document first, which can take longer for a long text.
    request_deadline: float = Field(
        default=4.0, gt=0, validation_alias=AliasChoices("MERGEGRAPH_REQUEST_DEADLINE"))
    write_deadline: float = Field(
        default=60.0, gt=0, validation_alias=AliasChoices("MERGEGRAPH_WRITE_DEADLINE"))

    # Read answers cached by graph version, per API worker (api/cache.py).
    cache: bool = Field(default=True, validation_alias=AliasChoices("MERGEGRAPH_CACHE"))
    cache_max_entries: int = Field(
        default=10_000, validation_alias=AliasChoices("MERGEGRAPH_CACHE_MAX_ENTRIES"))
    cache_max_mb: int = Field(default=64, validation_alias=AliasChoices("MERGEGRAPH_CACHE_MAX_MB"))
    # 0: every request reads the graph's version (a write is seen at once by every
    # worker); N: a worker reuses a version read up to N ms old (see api/cache.py).
    cache_version_max_age_ms: int = Field(
        default=0, ge=0, validation_alias=AliasChoices("MERGEGRAPH_CACHE_VERSION_MAX_AGE_MS"))

    @property
    def archive(self) -> Path:
        return self.archive_dir or self.local_dir / "archive"

    @property
    def uses_local_neo4j(self) -> bool:
        return not self.neo4j_uri


@lru_cache
def get_settings() -> Settings:
    return Settings()
