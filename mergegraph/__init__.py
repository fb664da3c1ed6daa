"""mergegraph: a knowledge graph of organisational mergers in Vietnam's political system."""

__version__ = "0.1.0"
