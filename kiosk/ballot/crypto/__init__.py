"""The end-to-end cryptography: the ristretto255 group, the hash, ElGamal and its proofs.

Written from docs/e2e-spec.md; the independent verifier has its own copy written from the same text.
"""
