"""V10 on one ciphertext list and its trustees' partial decryptions (docs/e2e-spec.md §8.2, §8.3)."""

from __future__ import annotations

from collections.abc import Sequence

from isoloir_verify.ballot_proofs import Ciphertext
from isoloir_verify.decryption import Partial, combine, count_matches, partial_valid, verification_key
from isoloir_verify.group import Element
from isoloir_verify.record.ceremony import Ceremony
from isoloir_verify.record.tally import Decryption


class Keys:
    """K_ℓ for every trustee, computed once from the ceremony's commitments."""

    def __init__(self, ceremony: Ceremony) -> None:
        self.ceremony = ceremony
        commitments = ceremony.commitments()
        self.by_trustee = {t.index: verification_key(commitments, t.index) for t in ceremony.trustees}


def decryption_problems(
    keys: Keys,
    h_e: bytes,
    cts: Sequence[Ciphertext],
    decryptions: list[Decryption],
    values: Sequence[int],
    bound: int,
) -> list[str]:
    """Every fault of one decrypted list: trustees, shapes, proofs, the k threshold, each K^t = T."""
    ceremony = keys.ceremony
    trustees = [d.trustee for d in decryptions]
    if len(set(trustees)) != len(trustees):
        return [f"trustee listed twice among {trustees}"]
    unknown = [t for t in trustees if t not in keys.by_trustee]
    if unknown:
        return [f"no trustee {unknown[0]} in the ceremony"]
    if len(trustees) < ceremony.k:
        return [f"only {len(trustees)} trustees decrypted, k = {ceremony.k} are needed"]
    if len(values) != len(cts):
        return [f"{len(values)} values for {len(cts)} ciphertexts"]
    problems = []
    for d in decryptions:
        if len(d.shares) != len(cts) or len(d.proofs) != len(cts):
            problems.append(f"trustee {d.trustee}: {len(d.shares)} shares for {len(cts)} ciphertexts")
    if problems:
        return problems
    k_ell = keys.by_trustee
    for index, ((a, b), t) in enumerate(zip(cts, values, strict=True)):
        partials = [Partial(d.trustee, Element(d.shares[index]), *d.proofs[index]) for d in decryptions]
        bad = [p.trustee for p in partials if not partial_valid(h_e, ceremony.key, k_ell[p.trustee], a, b, p)]
        if bad:
            problems.append(f"ciphertext {index}: the decryption proof of trustee {bad[0]} fails")
        elif not count_matches(ceremony.key, t, bound, combine(b, partials)):
            problems.append(f"ciphertext {index}: K^t ≠ T for the published t = {t} (bound {bound})")
    return problems
