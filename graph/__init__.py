"""The graph layer: schema, driver and every query mergegraph runs on Neo4j."""
