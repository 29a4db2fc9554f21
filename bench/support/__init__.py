"""Helpers shared by the benchmarks under bench/ (not benchmarks themselves)."""
