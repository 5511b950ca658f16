"""Benchmarks for conceptdiff (see docs/benchmark-quality.md)."""
