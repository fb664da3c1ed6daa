"""All configuration, in one pydantic-settings class.

Environment variables (or a `.env` file in the working directory):

- `NEO4J_URI`, `NEO4J_USER`, `NEO4J_PASSWORD`, `NEO4J_DATABASE`: the Neo4j
  server to use. When `NEO4J_URI` is set, mergegraph uses that server (a compose
  service, a cluster via `neo4j://`, Aura) and starts nothing. When it is not,
  mergegraph runs its own Neo4j under `MERGEGRAPH_LOCAL_DIR` (see
  `graph.neo4j_local`).
- `MERGEGRAPH_API_TOKEN`: the bearer token that write endpoints require (no
  token: writes are off); `MERGEGRAPH_READS_REQUIRE_TOKEN=true` closes reads too.
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

    @property
    def uses_local_neo4j(self) -> bool:
        return not self.neo4j_uri


@lru_cache
def get_settings() -> Settings:
    return Settings()
