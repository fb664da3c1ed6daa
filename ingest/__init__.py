"""Ingest: documents -> facts (extract, pure) and facts -> graph writes (load)."""
