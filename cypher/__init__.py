"""The `.cypher` files: every query the product runs, each runnable in Neo4j
Browser as it is. Shipped as package data and read with importlib.resources."""
