"""The HTTP layer: a thin FastAPI service over graph/."""
