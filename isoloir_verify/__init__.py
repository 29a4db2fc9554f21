"""isoloir-verify: the independent verifier of an Isoloir election record (`isoloir-record/1`).

Written from docs/e2e-spec.md and docs/e2e-trustees.md only; it imports nothing from `kiosk` or
`station_admin`, so that a mistake in the producer is not copied into the checker.
"""
