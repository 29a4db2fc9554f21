"""A trustee's partial decryption of a request, and anyone's combination of k answers into counts.

docs/e2e-trustees.md §7. The trustee unseals only its own point P(ℓ) of the joint polynomial and
answers M_ℓ = A^P(ℓ) with a proof; combining needs no secret at all.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kiosk.ballot.crypto.base_hashes import manifest_hash, parameters_hash
from kiosk.ballot.crypto.ceremony_record import (
    CeremonyKeys,
    CeremonyRecordError,
    check_ceremony,
    load_ceremony,
)
from kiosk.ballot.crypto.decryption import DecryptionRefused
from kiosk.ballot.crypto.decryption_messages import answer_request, decrypt_counts, load_request
from kiosk.ballot.crypto.group import Scalar
from kiosk.ballot.crypto.trustee_vault import ShareFile, VaultError, open_share
from kiosk.ballot.definition import DefinitionError, parse_definition
from station_admin.e2e_aggregates import request_ciphertexts
from station_admin.e2e_tally import read_ballot_folder
from station_admin.e2e_weights import trustee_weights, weighted_session_sums
from station_admin.trustee_files import TrusteeError, key_file, read, write


def checked_ceremony(path: Path) -> CeremonyKeys:
    try:
        return check_ceremony(load_ceremony(read(path)))
    except CeremonyRecordError as exc:
        raise TrusteeError(f"{path}: {exc}") from None


def decrypt(key_path: Path, ceremony_path: Path, request_path: Path, out: Path, passphrase: str) -> Path:
    """This trustee's partial decryption of every requested aggregate, with proofs (partial-<ℓ>.json)."""
    share = key_file(key_path)
    if not isinstance(share, ShareFile):
        raise TrusteeError(f"{key_path} is a key ceremony in progress: run `trustee finish` first")
    keys = checked_ceremony(ceremony_path)
    if keys.h_e != share.H_E:
        raise TrusteeError(f"{key_path} is a share of another ceremony than {ceremony_path}")
    try:
        plain = open_share(share, passphrase)
        text = answer_request(
            keys,
            share.trustee,
            Scalar.decode(plain[:32]),
            Ed25519PrivateKey.from_private_bytes(plain[32:]),
            read(request_path),
        )
    except (VaultError, DecryptionRefused) as exc:
        raise TrusteeError(str(exc)) from None
    path = out / f"partial-{share.trustee}.json"
    write(path, text)
    return path


def check_request_is_the_sums(ceremony_path: Path, request_path: Path, ballots: Path, jobs: int = 1) -> None:
    """The trustee's own recomputation before decrypting, in `jobs` processes: the request must be
    exactly the sums of the ballots in `ballots` (and a recorded session's named ballots), for this
    ceremony's definition."""
    ceremony = load_ceremony(read(ceremony_path))
    manifest = read(ballots / "manifest.json")
    if manifest_hash(parameters_hash(), manifest) != ceremony.h_m:
        raise TrusteeError(f"{ballots / 'manifest.json'} is not the definition this ceremony was made for")
    try:
        definition, weights = trustee_weights(ballots, parse_definition(manifest))
        sums = weighted_session_sums(definition, read_ballot_folder(ballots), weights, jobs)
        asked = load_request(read(request_path), ceremony.h_e)
    except (DefinitionError, DecryptionRefused, ValueError, KeyError) as exc:
        raise TrusteeError(f"cannot recompute the sums from {ballots}: {exc}") from None
    wanted = request_ciphertexts(sums)
    if asked != wanted:
        differ = sorted(set(asked) - set(wanted)) or sorted(i for i in asked if asked[i] != wanted.get(i))
        first = differ[0] if differ else "(sums missing)"
        raise TrusteeError(
            "the request asks to decrypt something other than the sums of these ballots "
            f"({len(asked)} asked, {len(wanted)} sums; first difference: {first!r}): nothing decrypted"
        )


def combine(ceremony_path: Path, request_path: Path, answers: Sequence[Path], bound: int) -> dict[str, int]:
    """The counts, from the partial decryptions of at least k trustees; every proof checked."""
    keys = checked_ceremony(ceremony_path)
    try:
        return decrypt_counts(keys, read(request_path), [read(p) for p in answers], bound)
    except DecryptionRefused as exc:
        raise TrusteeError(str(exc)) from None
