"""The checks V1..V12, one module per concern (docs/e2e-spec.md §12)."""
