"""Response models: what clients see, separate from what the graph stores."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Health(BaseModel):
    status: str = Field(description="'ok' when Neo4j answers, 'unavailable' otherwise")
    neo4j_reachable: bool
    neo4j_version: str | None = None
    neo4j_edition: str | None = None
    counts: dict[str, int] = Field(default_factory=dict,
                                   description="Nodes per label of the model")

    model_config = {"json_schema_extra": {"examples": [{
        "status": "ok", "neo4j_reachable": True, "neo4j_version": "5.26.30",
        "neo4j_edition": "community", "counts": {"AdminUnit": 14128, "Body": 42},
    }]}}
