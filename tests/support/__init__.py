"""Helpers of the test suite (never imported by the product)."""
